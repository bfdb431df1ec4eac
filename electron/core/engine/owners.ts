/**
 * Which UIDs the subnet owner holds, as subtensor decides it:
 * - burned: incentive that lands on ANY hotkey the owner's coldkey holds on the subnet, or on the subnet's owner
 *   hotkey, is burned or recycled, never paid (ST coinbase/run_coinbase.rs, get_owner_hotkeys and the incentive
 *   loop of distribute_dividends_and_incentives). These UIDs are neither competitors nor earners.
 * - pruning-immune ("immortal"): the owner hotkey's UID first, then the owner coldkey's UIDs oldest registration
 *   first (ties: lower uid), ImmuneOwnerUidsLimit of them in all (ST subnets/registration.rs,
 *   get_immune_owner_tuples, used by get_neuron_to_prune). The other owner UIDs can be pruned like anyone's.
 */
import type { NeuronSnapshot, SubnetSnapshot } from '../../../shared/domain';

/** ST lib.rs DefaultImmuneOwnerUidsLimit: what a runtime without the item (or an unrecorded row) behaves as. */
export const DEFAULT_IMMUNE_OWNER_UIDS_LIMIT = 1;

export function isOwnerHeld(subnet: Pick<SubnetSnapshot, 'ownerHotkey' | 'ownerColdkey'>, n: NeuronSnapshot): boolean {
  return n.hotkey === subnet.ownerHotkey || n.coldkey === subnet.ownerColdkey;
}

/** The UIDs get_neuron_to_prune skips entirely. */
export function immortalOwnerUids(
  subnet: Pick<SubnetSnapshot, 'ownerHotkey' | 'ownerColdkey' | 'immuneOwnerUidsLimit'>,
  neurons: readonly NeuronSnapshot[],
): Set<number> {
  const limit = subnet.immuneOwnerUidsLimit ?? DEFAULT_IMMUNE_OWNER_UIDS_LIMIT;
  const owned = neurons
    .filter((n) => n.coldkey === subnet.ownerColdkey)
    .sort((a, b) => a.registeredAtBlock - b.registeredAtBlock || a.uid - b.uid)
    .slice(0, limit)
    .map((n) => n.uid);
  const ownerHotkeyUid = neurons.find((n) => n.hotkey === subnet.ownerHotkey)?.uid;
  if (ownerHotkeyUid !== undefined && !owned.includes(ownerHotkeyUid)) owned.unshift(ownerHotkeyUid);
  return new Set(owned.slice(0, limit));
}
