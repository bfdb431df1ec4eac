/**
 * Chain storage of one block, built from the generator's state with the served metadata: keys come from the
 * metadata's own storage entries (pallet prefix, item prefix and the hasher each map declares), values are
 * encoded with the entry's declared value type. Items the metadata lacks (an older runtime) are simply absent;
 * keys not in the map read as null, as on a real node.
 *
 * Only live subnets have entries: the chain removes a dissolved subnet from NetworksAdded and from every
 * per-netuid item, so nothing here says a netuid exists that the runtime APIs would answer None for.
 *
 * Adding an item is one line in the table of its shape (network, subnet, mechanism, neuron). Each item's keys
 * are built on first read, so a client reading a few values does not pay for the ~10^5 neuron keys.
 */
import type { RawNetworkState, RawSubnetState } from '../../electron/core/chain/raw';
import { TAO_WEIGHT_U64 } from '../../electron/core/chain/synthetic/constants';
import { u8aToHex } from '@polkadot/util';
import { DEFAULT_TAKE, networkLock } from './network-derived';
import type { RuntimeSpec } from './registry';
import { axonOf, hyperparamsValue } from './wire';

/** One live subnet with the values several items share, computed once per block. */
export interface SubnetView {
  netuid: number;
  sub: RawSubnetState;
  hyper: Record<string, unknown>;
}

type Entries = Iterable<[args: unknown[], value: unknown]>;
/** `undefined` from a getter means "no entry" (like an unset OptionQuery). */
type NetworkItem = [pallet: string, item: string, get: (state: RawNetworkState) => unknown];
type SubnetItem = [item: string, get: (s: SubnetView) => unknown];
type MechanismItem = [item: string, get: (s: SubnetView, mech: number) => unknown];
type NeuronItem = [
  item: string,
  keyOf: (s: SubnetView, uid: number) => unknown[],
  get: (s: SubnetView, uid: number) => unknown,
];

const NETWORK_ITEMS: NetworkItem[] = [
  ['Timestamp', 'Now', (state) => state.blockTimeMs],
  ['System', 'Number', (state) => state.blockNumber],
  ['SubtensorModule', 'BlockEmission', (state) => state.network.blockEmission],
  ['SubtensorModule', 'TotalIssuance', (state) => state.network.totalIssuance],
  ['SubtensorModule', 'SubnetOwnerCut', (state) => state.network.subnetOwnerCut],
  ['SubtensorModule', 'TaoWeight', () => TAO_WEIGHT_U64],
  // Dissolving a subnet decrements TotalNetworks: it counts the live ones.
  ['SubtensorModule', 'TotalNetworks', (state) => state.subnets.size],
  // Absent (null) in the state = the item is absent in this runtime: no entry, as a real node reads it.
  ['SubtensorModule', 'SubnetLimit', (state) => state.network.subnetLimit ?? undefined],
  ['SubtensorModule', 'NetworkImmunityPeriod', (state) => state.network.networkImmunityPeriod ?? undefined],
  ['SubtensorModule', 'NetworkMinLockCost', (state) => networkLock(state).minLock],
  ['SubtensorModule', 'NetworkLastLockCost', (state) => networkLock(state).lastLock],
  ['SubtensorModule', 'NetworkLockReductionInterval', (state) => networkLock(state).reductionInterval],
];

/** Per-netuid SubtensorModule items, keyed [netuid]. */
const SUBNET_ITEMS: SubnetItem[] = [
  ['NetworksAdded', () => true],
  ['Burn', (s) => s.sub.storage.burn],
  ['MinBurn', (s) => s.sub.metagraph.minBurn],
  ['MaxBurn', (s) => s.sub.metagraph.maxBurn],
  ['BurnHalfLife', (s) => s.sub.storage.burnHalfLife ?? undefined],
  // U64F64: value × 2^64 as the fixed-point bits (through 2^52, where a double in [1, 2) is an exact integer).
  [
    'BurnIncreaseMult',
    (s) =>
      s.sub.storage.burnIncreaseMult === null
        ? undefined
        : { bits: BigInt(Math.round(s.sub.storage.burnIncreaseMult * 2 ** 52)) << 12n },
  ],
  ['ImmuneOwnerUidsLimit', (s) => s.sub.storage.immuneOwnerUidsLimit ?? undefined],
  ['MinNonImmuneUids', (s) => s.sub.storage.minNonImmuneUids ?? undefined],
  ['SubnetTaoInEmission', (s) => s.sub.dynamic.taoInEmission],
  ['SubnetExcessTao', (s) => s.sub.storage.excessTao ?? undefined],
  ['SubnetAlphaInEmission', (s) => s.sub.dynamic.alphaInEmission],
  ['SubnetAlphaOutEmission', (s) => s.sub.dynamic.alphaOutEmission],
  [
    'MinerBurned',
    (s) => (s.sub.storage.minerBurnedBits === null ? undefined : { bits: s.sub.storage.minerBurnedBits }),
  ],
  ['OwnerCutEnabled', (s) => s.sub.storage.ownerCutEnabled ?? undefined],
  ['SubnetEmissionEnabled', (s) => s.sub.storage.emissionEnabled ?? undefined],
  ['ImmunityPeriod', (s) => s.sub.storage.immunityPeriod],
  ['MechanismCountCurrent', (s) => s.sub.storage.mechanismCount],
  ['MechanismEmissionSplit', (s) => s.sub.storage.mechanismSplit ?? undefined],
  ['SubnetTAO', (s) => s.sub.dynamic.taoIn],
  ['SubnetAlphaIn', (s) => s.sub.dynamic.alphaIn],
  ['SubnetAlphaOut', (s) => s.sub.dynamic.alphaOut],
  ['SubnetMovingPrice', (s) => ({ bits: s.sub.dynamic.movingPriceBits })],
  ['SubnetVolume', (s) => s.sub.dynamic.subnetVolume],
  ['Tempo', (s) => s.sub.dynamic.tempo],
  // The epoch scheduler: the dynamic info's last_step and blocks_since_last_step come from these.
  ['BlocksSinceLastStep', (s) => s.sub.dynamic.blocksSinceLastStep],
  ['LastMechansimStepBlock', (s) => s.sub.dynamic.lastStep],
  ['LastEpochBlock', (s) => s.sub.dynamic.lastStep],
  ['SubnetworkN', (s) => s.sub.metagraph.numUids],
  ['MaxAllowedUids', (s) => s.sub.metagraph.maxUids],
  ['NetworkRegistrationAllowed', (s) => s.sub.metagraph.registrationAllowed],
  ['TokenSymbol', (s) => s.sub.dynamic.tokenSymbol],
  ['SubnetName', (s) => s.sub.dynamic.subnetName],
  ['SubnetIdentitiesV3', (s) => s.sub.dynamic.subnetIdentity ?? undefined],
  ['NetworkRegisteredAt', (s) => s.sub.dynamic.networkRegisteredAt],
  ['SubnetOwner', (s) => s.sub.dynamic.ownerColdkey],
  ['SubnetOwnerHotkey', (s) => s.sub.dynamic.ownerHotkey],
  // 0 = stable (root), 1 = dynamic (every other subnet).
  ['SubnetMechanism', (s) => (s.netuid === 0 ? 0 : 1)],
  ['SubtokenEnabled', (s) => s.sub.storage.subtokenEnabled ?? undefined],
  ['FirstEmissionBlockNumber', (s) => s.sub.storage.firstEmissionBlock ?? undefined],
  // Hyperparameters: the same values get_subnet_hyperparams* and the metagraph answer.
  ['Kappa', (s) => s.hyper.kappa],
  ['Rho', (s) => s.hyper.rho],
  ['ActivityCutoff', (s) => s.hyper.activityCutoff],
  ['MaxAllowedValidators', (s) => s.hyper.maxValidators],
  ['MinAllowedWeights', (s) => s.hyper.minAllowedWeights],
  ['MaxWeightsLimit', (s) => s.hyper.maxWeightsLimit],
  ['WeightsVersionKey', (s) => s.sub.storage.weightsVersionKey ?? undefined],
  ['WeightsSetRateLimit', (s) => s.hyper.weightsRateLimit],
  ['AdjustmentInterval', (s) => s.hyper.adjustmentInterval],
  ['AdjustmentAlpha', (s) => s.hyper.adjustmentAlpha],
  ['TargetRegistrationsPerInterval', (s) => s.hyper.targetRegsPerInterval],
  ['MaxRegistrationsPerBlock', (s) => s.hyper.maxRegsPerBlock],
  ['BondsMovingAverage', (s) => s.hyper.bondsMovingAvg],
  ['ServingRateLimit', (s) => s.hyper.servingRateLimit],
  ['Difficulty', (s) => s.hyper.difficulty],
  ['MinDifficulty', (s) => s.hyper.minDifficulty],
  ['MaxDifficulty', (s) => s.hyper.maxDifficulty],
  ['CommitRevealWeightsEnabled', (s) => s.hyper.commitRevealWeightsEnabled],
  ['RevealPeriodEpochs', (s) => s.hyper.commitRevealPeriod],
  ['LiquidAlphaOn', (s) => s.hyper.liquidAlphaEnabled],
  ['TransferToggle', (s) => s.hyper.transfersEnabled],
  ['Emission', (s) => s.sub.metagraph.emission],
  ['Dividends', (s) => s.sub.metagraph.dividends],
  ['Consensus', (s) => s.sub.metagraph.consensus],
  ['Active', (s) => s.sub.metagraph.active],
  ['ValidatorPermit', (s) => s.sub.metagraph.validatorPermit],
];

/** Per-mechanism vectors keyed by NetUidStorageIndex = netuid + mechanism × 4096 (chain-reference.md §3). */
const MECHANISM_ITEMS: MechanismItem[] = [
  ['Incentive', (s, m) => (m === 0 ? s.sub.metagraph.incentives : s.sub.extraMechanismIncentives[m - 1])],
  ['LastUpdate', (s) => s.sub.metagraph.lastUpdate],
];

/** Per-neuron items. */
const NEURON_ITEMS: NeuronItem[] = [
  ['Keys', (s, uid) => [s.netuid, uid], (s, uid) => s.sub.metagraph.hotkeys[uid]],
  ['Uids', (s, uid) => [s.netuid, s.sub.metagraph.hotkeys[uid]], (_s, uid) => uid],
  ['BlockAtRegistration', (s, uid) => [s.netuid, uid], (s, uid) => s.sub.metagraph.blockAtRegistration[uid]],
  ['Owner', (s, uid) => [s.sub.metagraph.hotkeys[uid]], (s, uid) => s.sub.metagraph.coldkeys[uid]],
  ['IsNetworkMember', (s, uid) => [s.sub.metagraph.hotkeys[uid], s.netuid], () => true],
  [
    'Axons',
    (s, uid) => [s.netuid, s.sub.metagraph.hotkeys[uid]],
    (s, uid) => axonOf(uid, s.sub.metagraph.blockAtRegistration[uid] ?? 0n),
  ],
  // The hotkey's alpha on the subnet: the metagraph's alpha_stake.
  [
    'TotalHotkeyAlpha',
    (s, uid) => [s.sub.metagraph.hotkeys[uid], s.netuid],
    (s, uid) => s.sub.metagraph.alphaStake[uid],
  ],
  // Validators' take, as get_delegates reports it.
  [
    'Delegates',
    (s, uid) => [s.sub.metagraph.hotkeys[uid]],
    (s, uid) => (s.sub.metagraph.validatorPermit[uid] ? DEFAULT_TAKE : undefined),
  ],
];

export function subnetViews(state: RawNetworkState): SubnetView[] {
  return [...state.subnets].map(([netuid, sub]) => ({ netuid, sub, hyper: hyperparamsValue(sub) }));
}

/** Every item as [pallet, item, entries]; entries are produced only when the item is first read. */
function itemSources(state: RawNetworkState, views: () => SubnetView[]): Array<[string, string, () => Entries]> {
  const sources: Array<[string, string, () => Entries]> = [];
  for (const [pallet, item, get] of NETWORK_ITEMS) sources.push([pallet, item, () => [[[], get(state)]]]);
  for (const [item, get] of SUBNET_ITEMS) {
    sources.push(['SubtensorModule', item, () => views().map((s) => [[s.netuid], get(s)] as [unknown[], unknown])]);
  }
  for (const [item, get] of MECHANISM_ITEMS) {
    sources.push([
      'SubtensorModule',
      item,
      () =>
        views().flatMap((s) =>
          Array.from(
            { length: s.sub.storage.mechanismCount },
            (_, m) => [[s.netuid + m * 4096], get(s, m)] as [unknown[], unknown],
          ),
        ),
    ]);
  }
  for (const [item, keyOf, get] of NEURON_ITEMS) {
    sources.push([
      'SubtensorModule',
      item,
      () =>
        views().flatMap((s) =>
          s.sub.metagraph.hotkeys.map((_, uid) => [keyOf(s, uid), get(s, uid)] as [unknown[], unknown]),
        ),
    ]);
  }
  return sources;
}

interface ItemGroup {
  prefix: string;
  build: () => Map<string, string>;
  values?: Map<string, string>;
  sortedKeys?: string[];
}

/** Storage keys of netuid-keyed items never change between blocks: keep them per runtime. */
const keyCache = new WeakMap<RuntimeSpec, Map<string, string>>();

function cachedKey(spec: RuntimeSpec, id: string, make: () => string): string {
  let cache = keyCache.get(spec);
  if (!cache) keyCache.set(spec, (cache = new Map()));
  let key = cache.get(id);
  if (key === undefined) cache.set(id, (key = make()));
  return key;
}

/** The well-known `:code` key: the runtime's wasm on a real node. */
const CODE_KEY = '0x3a636f6465';

export class BlockStorage {
  /** Item groups by their 32-byte prefix (0x + 64 hex digits); `:code` is a group of its own. */
  private readonly groups = new Map<string, ItemGroup>();

  constructor(state: RawNetworkState, spec: RuntimeSpec) {
    // Clients identify a runtime by the hash of `:code` (polkadot-api's chainHead follow reads it). There is no
    // wasm to serve: a text naming the runtime keeps the hash changing exactly when the runtime does.
    const code = u8aToHex(
      new TextEncoder().encode(`node-subtensor spec ${spec.specVersion}: stand-in runtime, no wasm`),
    );
    this.groups.set(CODE_KEY, { prefix: CODE_KEY, build: () => new Map([[CODE_KEY, code]]) });
    let views: SubnetView[] | undefined;
    const getViews = () => (views ??= subnetViews(state));
    for (const [pallet, item, entries] of itemSources(state, getViews)) {
      const entry = spec.storageItem(pallet, item);
      if (!entry) continue;
      this.groups.set(entry.prefix, {
        prefix: entry.prefix,
        build: () => {
          const values = new Map<string, string>();
          for (const [args, value] of entries()) {
            if (value === undefined) continue;
            const plain = args.every((a) => typeof a === 'number');
            const key = plain
              ? cachedKey(spec, `${pallet}.${item}(${args.join(',')})`, () => entry.key(...args))
              : entry.key(...args);
            values.set(key, u8aToHex(spec.encoder.encode(entry.valueType, value, 64)));
          }
          return values;
        },
      });
    }
  }

  private values(group: ItemGroup): Map<string, string> {
    return (group.values ??= group.build());
  }

  /** The value at a normalized (0x, lower-case) key, or null. */
  get(key: string): string | null {
    const group = this.groups.get(key === CODE_KEY ? key : key.slice(0, 66));
    return group ? (this.values(group).get(key) ?? null) : null;
  }

  /** Keys starting with `prefix` and greater than `startKey`, in byte order (state_getKeysPaged). */
  keys(prefix: string, startKey = ''): string[] {
    const out: string[] = [];
    for (const group of [...this.groups.values()].sort((a, b) => (a.prefix < b.prefix ? -1 : 1))) {
      if (!group.prefix.startsWith(prefix) && !prefix.startsWith(group.prefix)) continue;
      group.sortedKeys ??= [...this.values(group).keys()].sort();
      for (const key of group.sortedKeys) if (key.startsWith(prefix) && key > startKey) out.push(key);
    }
    return out;
  }
}

export function buildStorage(state: RawNetworkState, spec: RuntimeSpec): BlockStorage {
  return new BlockStorage(state, spec);
}
