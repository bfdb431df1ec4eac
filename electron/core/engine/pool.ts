/**
 * What a subnet's miners share. Two readings of the same pool, kept side by side:
 * - as paid (measured): the per-UID `Emission` the chain wrote at the last epoch (ST epoch/run_epoch.rs,
 *   persist_netuid_epoch_terms: alpha per epoch), scaled to a day with the tempo;
 * - by the rule: alpha_out × (1 − owner cut) × the miners' share of the epoch (ST coinbase/run_coinbase.rs,
 *   emit_to_subnets; epoch/run_epoch.rs server emission = incentive / (Σ incentive + Σ dividends)).
 * Which subnets are paid at all follows get_subnets_to_emit_to (ST coinbase/subnet_emissions.rs).
 */
import { BLOCKS_PER_DAY, type NetworkSnapshot, type SubnetSnapshot } from '../../../shared/domain';
import { raoToUnits, u16Share } from './units';

/** SubnetOwnerCut applies unless the subnet has switched it off (null = runtime without the switch: on). */
export function ownerCutShare(network: NetworkSnapshot, subnet: SubnetSnapshot): number {
  return subnet.ownerCutEnabled === false ? 0 : u16Share(network.subnetOwnerCutU16);
}

/** A storage item the sync read from this block's runtime (not absent from it, not an unrecorded older row). */
export function wasRead(network: NetworkSnapshot, item: string): boolean {
  return network.priceSource !== null && !network.missingReads.some((m) => m.startsWith(`SubtensorModule.${item}`));
}

/**
 * Why the chain does not emit to this subnet, or null when it does (or cannot be told). ST
 * coinbase/subnet_emissions.rs get_subnets_to_emit_to keeps non-root subnets with FirstEmissionBlockNumber set,
 * SubtokenEnabled and NetworkRegistrationAllowed; for the others SubnetAlphaOutEmission is not rewritten (stale)
 * and no epoch has anything to pay. SubnetEmissionEnabled = false is NOT one of these: get_subnet_block_emissions
 * zeroes only the subnet's TAO injection and "the normal alpha_out path still runs", so miners are still paid.
 */
export function notEmittedReason(network: NetworkSnapshot, subnet: SubnetSnapshot): string | null {
  if (subnet.netuid === 0) return 'root (netuid 0) is not emitted to: it has no miners';
  if (!subnet.registrationAllowed)
    return 'registration is closed (NetworkRegistrationAllowed false): the chain does not emit to it';
  if (subnet.subtokenEnabled === false)
    return 'subtoken not enabled (SubtokenEnabled false, start_call not done): the chain does not emit to it';
  if (subnet.firstEmissionBlock === null && wasRead(network, 'FirstEmissionBlockNumber')) {
    return 'no first emission block (FirstEmissionBlockNumber unset): the chain does not emit to it yet';
  }
  return null;
}

/**
 * The miners' share of what enters an epoch, from the incentive and dividend sums of the last epoch (u16 vectors,
 * each normalised to Σ = 1 by the epoch when non-zero): Σinc / (Σinc + Σdiv). So ½ normally, everything when no
 * validator has dividends, nothing when no miner has incentive (validators then get all).
 */
export function minerShareOfEpoch(incentiveSum: number, dividendSum: number): number {
  if (incentiveSum <= 0) return 0;
  return incentiveSum / (incentiveSum + dividendSum);
}

/**
 * The rule's gross miner pool, alpha per day: alpha_out × (1 − owner cut) × miner share × 7200. Assumes the root
 * sell flag is on (as on finney, ST run_coinbase.rs get_network_root_sell_flag): root's alpha then stays in the
 * epoch total. With it off the chain recycles root's alpha; RootProp is not synced, and the measured pool shows it.
 */
export function ruleGrossPoolAlphaPerDay(network: NetworkSnapshot, subnet: SubnetSnapshot, minerShare: number): number {
  const alphaPerBlock = raoToUnits(subnet.alphaOutEmissionRao);
  return alphaPerBlock * (1 - ownerCutShare(network, subnet)) * minerShare * BLOCKS_PER_DAY;
}

/** TAO per alpha at spot; null if the node gave no price. */
export function alphaPriceTao(subnet: SubnetSnapshot): number | null {
  return subnet.alphaPriceRao === null ? null : raoToUnits(subnet.alphaPriceRao);
}

/** Measured and rule received pools differing by more than this share say which is shown and why. */
export const POOL_DISAGREEMENT = 0.25;

/** Why no newcomer is paid on a subnet whose owner takes (burns) the whole miner pool. */
export const OWNER_TAKES_ALL =
  "the owner's UIDs take the whole miner pool (burned): a newcomer is paid nothing while that lasts";

/**
 * The owner takes (burns) every bit of miner incentive: the epoch paid miners (gross > 0) but nothing reached a UID
 * outside the owner's hotkey and coldkey (ST run_coinbase.rs burns incentive landing on get_owner_hotkeys). A
 * newcomer is then paid nothing whatever its rank, since validators weight only the owner's UIDs: its forecast is 0,
 * not a share of a pool it cannot reach.
 */
export function ownerTakesAll(grossAlphaPerDay: number | null, receivedAlphaPerDay: number | null): boolean {
  return grossAlphaPerDay !== null && grossAlphaPerDay > 0 && receivedAlphaPerDay === 0;
}
