/**
 * The network-wide part of a block, enough to refresh prices, reserves and emissions without any metagraph (the
 * incremental refresh, and the first half of a full read): all dynamic info, all alpha prices, and one storage
 * request for global and per-subnet items. Everything is decoded by the block's own metadata codecs.
 */
import { blockAt, named, type BlockAt } from './call-names';
import type { ChainClient } from './client';
import { dynamicInfoFromValue } from './dynamic-decode';
import { ChainError } from './errors';
import { array, fixedBits, isNum, listOf, struct, toBig, toBool, toNum } from './plain';
import type { RawDynamicInfo, RawNetworkStorage, RawSubnetStorage } from './raw';
import { blockReader, type BlockReader } from './raw-rpc';
import { runtimeCodecsAt, type RuntimeCodecs, type StorageItem } from './runtime-codecs';

export interface FetchedNetwork {
  blockNumber: number;
  blockHash: string;
  blockTimeMs: number;
  specVersion: number;
  network: RawNetworkStorage;
  /** Live subnets (get_all_dynamic_info's Some entries), in the chain's order. */
  dynamics: RawDynamicInfo[];
  storage: Map<number, RawSubnetStorage>;
  /** Spot prices by netuid; null when no price could be read at all (see priceSource). */
  prices: Map<number, bigint> | null;
  /** Where the prices came from: this runtime's best price call, or the reserves when it has none. */
  priceSource: PriceSource;
  /** SubnetInfoRuntimeApi.get_subnet_to_prune's answer (null: None, or the runtime has no such call: see missing). */
  subnetToPrune: number | null;
  /** Calls and storage items this runtime lacks (or that failed), by name: the figures built on them are null. */
  missing: string[];
}

/**
 * - `swap-all`: SwapRuntimeApi.current_alpha_price_all (one call; on main since 2026-03);
 * - `swap-each`: SwapRuntimeApi.current_alpha_price per subnet (runtimes since 2025-05 without the _all call);
 * - `reserves`: SubnetTAO / SubnetAlphaIn from the dynamic info, the price itself before the swap pallet (2025-06)
 *   and an approximation after it (chain-reference §4.6);
 * - `none`: not even that (no subnet has an alpha reserve).
 */
export type PriceSource = 'swap-all' | 'swap-each' | 'reserves' | 'none';

const PALLET = 'SubtensorModule';
/** Per-subnet items (metadata names). One this runtime lacks is read as null ("unknown"), not as its default. */
const PER_SUBNET = [
  'Burn',
  'SubnetExcessTao',
  'MinerBurned',
  'OwnerCutEnabled',
  'SubnetEmissionEnabled',
  'ImmunityPeriod',
  'MechanismCountCurrent',
  'MechanismEmissionSplit',
  'ImmuneOwnerUidsLimit',
  'MinNonImmuneUids',
  'BurnHalfLife',
  'BurnIncreaseMult',
  'SubtokenEnabled',
  'FirstEmissionBlockNumber',
  'WeightsVersionKey',
] as const;
/**
 * Items the engine's rules read but an older runtime may lack: their absence is named, not fatal. WeightsVersionKey is not
 * among them: only the watchlist's "scoring code changed" alert reads it, and without it that alert stays silent.
 */
const OPTIONAL_PER_SUBNET: readonly PerSubnet[] = [
  'SubnetExcessTao',
  'MinerBurned',
  'OwnerCutEnabled',
  'SubnetEmissionEnabled',
  'ImmuneOwnerUidsLimit',
  'MinNonImmuneUids',
  'BurnHalfLife',
  'BurnIncreaseMult',
  'SubtokenEnabled',
  'FirstEmissionBlockNumber',
];
const OPTIONAL_GLOBALS = ['SubnetLimit', 'NetworkImmunityPeriod'] as const;
type PerSubnet = (typeof PER_SUBNET)[number];

function required<T>(value: T | null, what: string): T {
  if (value === null) throw new Error(`this runtime has no ${what} (is it a subtensor node?)`);
  return value;
}

/** `block` gets its number from the header here, so later failures (of any reader sharing it) name `block #N`. */
export async function fetchNetwork(client: ChainClient, block: string | BlockAt): Promise<FetchedNetwork> {
  const at = blockAt(block);
  const blockHash = at.hash;
  const numberOf = async () => {
    const header = (await named(at, null, () => client.request('chain_getHeader', [blockHash]))) as {
      number?: unknown;
    } | null;
    // The node answers null for a block it does not know, and the number as hex.
    if (typeof header?.number !== 'string')
      throw new ChainError('unsupported-runtime', `the node has no header for block ${blockHash}`);
    at.number = Number.parseInt(header.number, 16);
    return at.number;
  };
  const [blockNumber, codecs] = await Promise.all([numberOf(), runtimeCodecsAt(client, at)]);
  const read = blockReader(client, at);
  const globals = ['BlockEmission', 'TotalIssuance', 'SubnetOwnerCut'].map((item) =>
    required(codecs.storage(PALLET, item), `${PALLET}.${item}`),
  );
  const now = codecs.storage('Timestamp', 'Now');
  const optionalGlobals = OPTIONAL_GLOBALS.map((item) => codecs.storage(PALLET, item));
  const missing: string[] = OPTIONAL_GLOBALS.filter((_, i) => optionalGlobals[i] === null).map(
    (item) => `${PALLET}.${item}`,
  );
  const dynamicCall = required(
    codecs.call('SubnetInfoRuntimeApi', 'get_all_dynamic_info'),
    'SubnetInfoRuntimeApi.get_all_dynamic_info',
  );
  const globalItems = [
    ...globals,
    ...(now ? [now] : []),
    ...optionalGlobals.filter((g): g is StorageItem => g !== null),
  ];
  const [dynamics, values, subnetToPrune] = await Promise.all([
    read.call(dynamicCall, [], (v) =>
      array(v, 'dynamic infos')
        .filter((d) => d !== undefined)
        .map(dynamicInfoFromValue),
    ),
    read.storage(globalItems.map((g) => [g] as const)),
    readSubnetToPrune(read, codecs, missing),
  ]);
  const global = (item: StorageItem | null) => (item === null ? undefined : values[globalItems.indexOf(item)]);
  const netuids = dynamics.map((d) => d.netuid);
  const [{ prices, priceSource }, storage] = await Promise.all([
    readPrices(read, codecs, dynamics, missing),
    readSubnetStorage(read, codecs, netuids, missing),
  ]);
  const [limit, immunity] = optionalGlobals;
  return {
    blockNumber,
    blockHash,
    blockTimeMs: now ? toNum(global(now), 'Timestamp.Now') : 0,
    specVersion: codecs.specVersion,
    network: {
      blockEmission: toBig(values[0], 'BlockEmission'),
      totalIssuance: toBig(values[1], 'TotalIssuance'),
      subnetOwnerCut: toNum(values[2], 'SubnetOwnerCut'),
      subnetLimit: limit ? toNum(global(limit), 'SubnetLimit') : null,
      networkImmunityPeriod: immunity ? toBig(global(immunity), 'NetworkImmunityPeriod') : null,
    },
    dynamics,
    storage,
    prices,
    priceSource,
    subnetToPrune,
    missing,
  };
}

/**
 * The runtime's own answer to "which subnet is dissolved next" (ST coinbase/root.rs get_network_to_prune behind
 * SubnetInfoRuntimeApi.get_subnet_to_prune, since 2025-09). Optional: a runtime without it, or one that traps on
 * it, costs only this figure (named in `missing`), never the sync.
 */
async function readSubnetToPrune(read: BlockReader, codecs: RuntimeCodecs, missing: string[]): Promise<number | null> {
  const call = codecs.call('SubnetInfoRuntimeApi', 'get_subnet_to_prune');
  if (!call) {
    missing.push('SubnetInfoRuntimeApi.get_subnet_to_prune');
    return null;
  }
  try {
    return await read.call(call, [], (v) => (v === undefined || v === null ? null : toNum(v, 'subnet to prune')));
  } catch (e) {
    missing.push(`SubnetInfoRuntimeApi.get_subnet_to_prune (${(e as Error).message})`);
    return null;
  }
}

/**
 * Spot prices (rao of TAO per alpha) on every runtime since dTAO: the one-call list where the runtime has it
 * (ST pallets/swap/runtime-api current_alpha_price_all), else one current_alpha_price per subnet, else the
 * reserves ratio SubnetTAO/SubnetAlphaIn the dynamic info carries (the price itself before the swap pallet). A
 * price call that fails falls through to the next way rather than leaving a whole point without prices.
 */
async function readPrices(
  read: BlockReader,
  codecs: RuntimeCodecs,
  dynamics: readonly RawDynamicInfo[],
  missing: string[],
): Promise<{ prices: Map<number, bigint> | null; priceSource: PriceSource }> {
  const all = codecs.call('SwapRuntimeApi', 'current_alpha_price_all');
  if (all) {
    try {
      const prices = await read.call(all, [], (v) => {
        const list = array(v, 'prices').map((p) => struct(p, 'price'));
        return new Map(list.map((p) => [toNum(p.netuid, 'netuid'), toBig(p.price, 'price')]));
      });
      return { prices, priceSource: 'swap-all' };
    } catch (e) {
      missing.push(`SwapRuntimeApi.current_alpha_price_all (${(e as Error).message})`);
    }
  } else {
    missing.push('SwapRuntimeApi.current_alpha_price_all');
  }
  const each = codecs.call('SwapRuntimeApi', 'current_alpha_price');
  if (each) {
    try {
      const list = await Promise.all(
        dynamics.map(async (d) => [d.netuid, await read.call(each, [d.netuid], (v) => toBig(v, 'price'))] as const),
      );
      return { prices: new Map(list), priceSource: 'swap-each' };
    } catch (e) {
      missing.push(`SwapRuntimeApi.current_alpha_price (${(e as Error).message})`);
    }
  } else {
    missing.push('SwapRuntimeApi.current_alpha_price');
  }
  const prices = new Map<number, bigint>();
  // Root's price is 1 TAO by definition (ST stake_utils.rs get_moving_alpha_price, root branch).
  for (const d of dynamics) {
    if (d.netuid === 0) prices.set(0, 1_000_000_000n);
    else if (d.alphaIn > 0n) prices.set(d.netuid, (d.taoIn * 1_000_000_000n) / d.alphaIn);
  }
  return prices.size > 0 ? { prices, priceSource: 'reserves' } : { prices: null, priceSource: 'none' };
}

async function readSubnetStorage(
  read: BlockReader,
  codecs: RuntimeCodecs,
  netuids: number[],
  missing: string[],
): Promise<Map<number, RawSubnetStorage>> {
  const present = PER_SUBNET.flatMap((name) => {
    const item = codecs.storage(PALLET, name);
    return item ? [[name, item] as [PerSubnet, StorageItem]] : [];
  });
  for (const name of OPTIONAL_PER_SUBNET) if (!present.some(([n]) => n === name)) missing.push(`${PALLET}.${name}`);
  const values = await read.storage(netuids.flatMap((n) => present.map(([, item]) => [item, n] as const)));
  const result = new Map<number, RawSubnetStorage>();
  netuids.forEach((netuid, i) => {
    const get = <T>(name: PerSubnet, as: (v: unknown, what: string) => T): T | null => {
      const k = present.findIndex(([n]) => n === name);
      return k < 0 ? null : as(values[i * present.length + k], name);
    };
    result.set(netuid, {
      burn: get('Burn', toBig) ?? 0n,
      excessTao: get('SubnetExcessTao', toBig),
      minerBurnedBits: get('MinerBurned', fixedBits),
      ownerCutEnabled: get('OwnerCutEnabled', toBool),
      emissionEnabled: get('SubnetEmissionEnabled', toBool),
      immunityPeriod: get('ImmunityPeriod', toNum) ?? 0,
      mechanismCount: get('MechanismCountCurrent', toNum) ?? 1,
      // Option<Vec<u16>>: absent (undefined) means an even split.
      mechanismSplit: get('MechanismEmissionSplit', (v, what) =>
        v === undefined ? null : listOf(v, what, isNum, toNum),
      ),
      immuneOwnerUidsLimit: get('ImmuneOwnerUidsLimit', toNum),
      minNonImmuneUids: get('MinNonImmuneUids', toNum),
      burnHalfLife: get('BurnHalfLife', toNum),
      // U64F64: bits / 2^64.
      burnIncreaseMult: get('BurnIncreaseMult', (v, what) => Number(fixedBits(v, what)) / 2 ** 64),
      subtokenEnabled: get('SubtokenEnabled', toBool),
      // Option<u64>: absent (undefined) = start_call not done.
      firstEmissionBlock: get('FirstEmissionBlockNumber', (v, what) => (v === undefined ? null : toBig(v, what))),
      weightsVersionKey: get('WeightsVersionKey', toBig),
    });
  });
  return result;
}
