/**
 * Chain storage of one block as a map from hex key to hex SCALE value, built from the generator's state with the
 * served metadata: keys come from the metadata's own storage entries (pallet prefix, item prefix and the hasher
 * each map declares), values are encoded with the entry's declared value type. Items the metadata lacks (an
 * older runtime) are simply absent; keys not in the map read as null, as on a real node.
 */
import type { RawNetworkState, RawSubnetState } from '../../electron/core/chain/raw';
import { TAO_WEIGHT_U64 } from '../../electron/core/chain/synthetic/constants';
import { u8aToHex } from '@polkadot/util';
import type { RuntimeSpec } from './registry';

export interface BlockStorage {
  values: Map<string, string>;
  /** Keys in byte order, for state_getKeysPaged. */
  sortedKeys: string[];
}

type PerSubnet = (sub: RawSubnetState, netuid: number) => unknown;

/** Per-netuid SubtensorModule items; `undefined` from the getter means "no entry" (like an unset OptionQuery). */
const SUBNET_ITEMS: Array<[string, PerSubnet]> = [
  ['NetworksAdded', () => true],
  ['Burn', (s) => s.storage.burn],
  ['MinBurn', (s) => s.metagraph.minBurn],
  ['MaxBurn', (s) => s.metagraph.maxBurn],
  ['SubnetTaoInEmission', (s) => s.dynamic.taoInEmission],
  ['SubnetExcessTao', (s) => s.storage.excessTao ?? undefined],
  ['SubnetAlphaInEmission', (s) => s.dynamic.alphaInEmission],
  ['SubnetAlphaOutEmission', (s) => s.dynamic.alphaOutEmission],
  ['MinerBurned', (s) => (s.storage.minerBurnedBits === null ? undefined : { bits: s.storage.minerBurnedBits })],
  ['OwnerCutEnabled', (s) => s.storage.ownerCutEnabled ?? undefined],
  ['SubnetEmissionEnabled', (s) => s.storage.emissionEnabled ?? undefined],
  ['ImmunityPeriod', (s) => s.storage.immunityPeriod],
  ['MechanismCountCurrent', (s) => s.storage.mechanismCount],
  ['MechanismEmissionSplit', (s) => s.storage.mechanismSplit ?? undefined],
  ['SubnetTAO', (s) => s.dynamic.taoIn],
  ['SubnetAlphaIn', (s) => s.dynamic.alphaIn],
  ['SubnetAlphaOut', (s) => s.dynamic.alphaOut],
  ['SubnetMovingPrice', (s) => ({ bits: s.dynamic.movingPriceBits })],
  ['SubnetVolume', (s) => s.dynamic.subnetVolume],
  ['Tempo', (s) => s.dynamic.tempo],
  ['SubnetworkN', (s) => s.metagraph.numUids],
  ['MaxAllowedUids', (s) => s.metagraph.maxUids],
  ['NetworkRegistrationAllowed', (s) => s.metagraph.registrationAllowed],
  ['TokenSymbol', (s) => s.dynamic.tokenSymbol],
  ['NetworkRegisteredAt', (s) => s.dynamic.networkRegisteredAt],
  ['SubnetOwner', (s) => s.dynamic.ownerColdkey],
  ['SubnetOwnerHotkey', (s) => s.dynamic.ownerHotkey],
  // 0 = stable (root), 1 = dynamic (every other subnet).
  ['SubnetMechanism', (_s, netuid) => (netuid === 0 ? 0 : 1)],
  ['ImmuneOwnerUidsLimit', (s) => s.storage.immuneOwnerUidsLimit ?? undefined],
  ['MinNonImmuneUids', (s) => s.storage.minNonImmuneUids ?? undefined],
  ['BurnHalfLife', (s) => s.storage.burnHalfLife ?? undefined],
  // U64F64: value × 2^64 in bits.
  ['BurnIncreaseMult', (s) => (s.storage.burnIncreaseMult == null ? undefined : { bits: BigInt(Math.round(s.storage.burnIncreaseMult * 2 ** 32)) << 32n })],
  ['SubtokenEnabled', (s) => s.storage.subtokenEnabled ?? undefined],
  ['FirstEmissionBlockNumber', (s) => s.storage.firstEmissionBlock ?? undefined],
];

/** Storage keys never change between blocks; computing one costs ~30 µs, so keep them per runtime. */
const keyCache = new WeakMap<RuntimeSpec, Map<string, string>>();

function keyOf(spec: RuntimeSpec, pallet: string, item: string, args: unknown[]): string | undefined {
  let cache = keyCache.get(spec);
  if (!cache) keyCache.set(spec, (cache = new Map()));
  const id = `${pallet}.${item}(${args.join(',')})`;
  let key = cache.get(id);
  if (key === undefined) {
    const entry = spec.storageItem(pallet, item);
    if (!entry) return undefined;
    key = entry.key(...args);
    cache.set(id, key);
  }
  return key;
}

export function buildStorage(state: RawNetworkState, spec: RuntimeSpec): BlockStorage {
  const values = new Map<string, string>();
  const put = (pallet: string, item: string, args: unknown[], value: unknown) => {
    if (value === undefined) return;
    const entry = spec.storageItem(pallet, item);
    const key = keyOf(spec, pallet, item, args);
    if (!entry || key === undefined) return;
    values.set(key, u8aToHex(spec.encoder.encode(entry.valueType, value, 64)));
  };
  put('Timestamp', 'Now', [], state.blockTimeMs);
  put('System', 'Number', [], state.blockNumber);
  put('SubtensorModule', 'BlockEmission', [], state.network.blockEmission);
  put('SubtensorModule', 'TotalIssuance', [], state.network.totalIssuance);
  put('SubtensorModule', 'SubnetOwnerCut', [], state.network.subnetOwnerCut);
  put('SubtensorModule', 'TaoWeight', [], TAO_WEIGHT_U64);
  put('SubtensorModule', 'TotalNetworks', [], state.subnets.size + state.deadNetuids.length);
  put('SubtensorModule', 'SubnetLimit', [], state.network.subnetLimit ?? undefined);
  put('SubtensorModule', 'NetworkImmunityPeriod', [], state.network.networkImmunityPeriod ?? undefined);
  for (const [netuid, sub] of state.subnets) {
    for (const [item, get] of SUBNET_ITEMS) put('SubtensorModule', item, [netuid], get(sub, netuid));
  }
  // A dead netuid is still registered; only its data is gone (get_all_dynamic_info says None).
  for (const netuid of state.deadNetuids) put('SubtensorModule', 'NetworksAdded', [netuid], true);
  return { values, sortedKeys: [...values.keys()].sort() };
}
