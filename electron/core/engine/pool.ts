/**
 * What a subnet's miners share, measured from per-block chain state (never re-derived from the network's emission
 * rule, which changes every few months).
 */
import { BLOCKS_PER_DAY, type NetworkSnapshot, type SubnetSnapshot } from '../../../shared/domain';
import { raoToUnits, u16Share } from './units';

/** Miners get half of what is left after the owner cut (the other half goes to validators). */
const MINER_HALF = 0.5;

/** SubnetOwnerCut applies unless the subnet has switched it off (null = runtime without the switch: on). */
export function ownerCutShare(network: NetworkSnapshot, subnet: SubnetSnapshot): number {
  return subnet.ownerCutEnabled === false ? 0 : u16Share(network.subnetOwnerCutU16);
}

/**
 * Alpha per day paid to miners: alphaOutEmission × (1 − owner cut) × ½ × 7200. Assumes the network's root-sell
 * flag is on (as on finney): root's alpha then stays in the epoch total and miners get half of it. (With the flag
 * off the chain recycles root's alpha and miners get (1 − RootProp/2) of this; RootProp is not synced.)
 */
export function minerPoolAlphaPerDay(network: NetworkSnapshot, subnet: SubnetSnapshot): number {
  const alphaPerBlock = raoToUnits(subnet.alphaOutEmissionRao);
  return alphaPerBlock * (1 - ownerCutShare(network, subnet)) * MINER_HALF * BLOCKS_PER_DAY;
}

/** TAO per alpha at spot; null if the node gave no price. */
export function alphaPriceTao(subnet: SubnetSnapshot): number | null {
  return subnet.alphaPriceRao === null ? null : raoToUnits(subnet.alphaPriceRao);
}
