/**
 * The network-wide part of a block, enough to refresh prices, reserves and emissions without any metagraph (the
 * incremental refresh, and the first half of a full read): all dynamic info, all alpha prices, and one storage
 * request for global and per-subnet items. Everything is decoded by the block's own metadata codecs.
 */
import type { ApiPromise } from '@polkadot/api';
import { blockAt, named, type BlockAt } from './call-names';
import { dynamicInfoFromValue } from './dynamic-decode';
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
  /** Spot prices by netuid; null on runtimes without the swap price API. */
  prices: Map<number, bigint> | null;
}

const PALLET = 'SubtensorModule';
/** Per-subnet items (metadata names). One this runtime lacks is read as null ("unknown"), not as its default. */
const PER_SUBNET = [
  'Burn', 'SubnetExcessTao', 'MinerBurned', 'OwnerCutEnabled', 'SubnetEmissionEnabled', 'ImmunityPeriod',
  'MechanismCountCurrent', 'MechanismEmissionSplit',
] as const;
type PerSubnet = (typeof PER_SUBNET)[number];

function required<T>(value: T | null, what: string): T {
  if (value === null) throw new Error(`this runtime has no ${what} (is it a subtensor node?)`);
  return value;
}

/** `block` gets its number from the header here, so later failures (of any reader sharing it) name `block #N`. */
export async function fetchNetwork(api: ApiPromise, block: string | BlockAt): Promise<FetchedNetwork> {
  const at = blockAt(block);
  const blockHash = at.hash;
  const headerOf = async () => {
    const header = await named(at, null, () => api.rpc.chain.getHeader(blockHash));
    at.number = header.number.toNumber();
    return header;
  };
  const [header, codecs] = await Promise.all([headerOf(), runtimeCodecsAt(api, at)]);
  const read = blockReader(api, at);
  const globals = ['BlockEmission', 'TotalIssuance', 'SubnetOwnerCut'].map((item) => required(codecs.storage(PALLET, item), `${PALLET}.${item}`));
  const now = codecs.storage('Timestamp', 'Now');
  const dynamicCall = required(codecs.call('SubnetInfoRuntimeApi', 'get_all_dynamic_info'), 'SubnetInfoRuntimeApi.get_all_dynamic_info');
  const [dynamics, prices, values] = await Promise.all([
    read.call(dynamicCall, [], (v) => array(v, 'dynamic infos').filter((d) => d !== undefined).map(dynamicInfoFromValue)),
    readPrices(read, codecs),
    read.storage([...globals.map((g) => [g] as const), ...(now ? [[now] as const] : [])]),
  ]);
  return {
    blockNumber: header.number.toNumber(),
    blockHash,
    blockTimeMs: now ? toNum(values[3], 'Timestamp.Now') : 0,
    specVersion: codecs.specVersion,
    network: {
      blockEmission: toBig(values[0], 'BlockEmission'),
      totalIssuance: toBig(values[1], 'TotalIssuance'),
      subnetOwnerCut: toNum(values[2], 'SubnetOwnerCut'),
    },
    dynamics,
    storage: await readSubnetStorage(read, codecs, dynamics.map((d) => d.netuid)),
    prices,
  };
}

/** Exact swap prices (rao of TAO per alpha); null on runtimes without the swap price API. */
async function readPrices(read: BlockReader, codecs: RuntimeCodecs): Promise<Map<number, bigint> | null> {
  const call = codecs.call('SwapRuntimeApi', 'current_alpha_price_all');
  if (!call) return null;
  return read.call(call, [], (v) => {
    const all = array(v, 'prices').map((p) => struct(p, 'price'));
    return new Map(all.map((p) => [toNum(p.netuid, 'netuid'), toBig(p.price, 'price')]));
  });
}

async function readSubnetStorage(read: BlockReader, codecs: RuntimeCodecs, netuids: number[]): Promise<Map<number, RawSubnetStorage>> {
  const present = PER_SUBNET.flatMap((name) => {
    const item = codecs.storage(PALLET, name);
    return item ? [[name, item] as [PerSubnet, StorageItem]] : [];
  });
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
      mechanismSplit: get('MechanismEmissionSplit', (v, what) => (v === undefined ? null : listOf(v, what, isNum, toNum))),
    });
  });
  return result;
}
