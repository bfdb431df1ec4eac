/**
 * One incentive per UID over all mechanisms: Σ_m split_m · incentive_m / 65535. Each mechanism's vector sums to
 * ~1 over the subnet, and the epoch's alpha is split between mechanisms as ST subnets/mechanism.rs split_emissions
 * does: MechanismEmissionSplit[m] / 65535 where set, an even split where unset, a split shorter than the mechanism
 * count padded with zeros (the missing mechanisms get nothing), and the rounding remainder credited to mechanism 0.
 * The combined vector then sums to ~1 and a UID's alpha/day is its incentive × the gross miner pool.
 */
import type { NeuronSnapshot, SubnetSnapshot } from '../../../shared/domain';
import { u16Share } from './units';

export interface CombinedIncentives {
  /** Per neuron, in the order given. */
  incentives: number[];
  /**
   * Per neuron, Σ_m split_m² · incentive_m: what its stored last-epoch `Emission` is proportional to. ST
   * subnets/mechanism.rs epoch_with_mechanisms pays each mechanism's server emission in full (the sum over
   * mechanisms) but stores `emission` as the split-weighted sum of the mechanisms' terms, each of which already
   * carries its split share. So on a multi-mechanism subnet Emission understates the payment (by Σ split² in total:
   * 0.445 for [0.6, 0.25, 0.15]); dividing Emission by this weight instead of the incentive recovers the alpha paid
   * per unit of combined incentive. Equal to `incentives` on a one-mechanism subnet.
   */
  emissionWeights: number[];
  /** Mechanisms the subnet has, and how many of them the sync read incentives for. */
  mechanismsExpected: number;
  mechanismsRead: number;
}

/** The chain's split of the epoch between the subnet's mechanisms (ST subnets/mechanism.rs split_emissions). */
export function chainSplit(subnet: Pick<SubnetSnapshot, 'mechanismCount' | 'mechanismSplitU16'>): number[] {
  const count = Math.max(1, subnet.mechanismCount);
  const split = subnet.mechanismSplitU16;
  const weights = new Array<number>(count);
  let sum = 0;
  for (let m = 0; m < count; m++) {
    weights[m] = split === null ? 1 / count : u16Share(split[m] ?? 0);
    sum += weights[m] as number;
  }
  if (sum < 1) weights[0] = (weights[0] as number) + (1 - sum);
  return weights;
}

/**
 * Split weights for the mechanisms read. When the sync read only some mechanisms of a multi-mechanism subnet, the
 * weights are renormalised over those (the note says so) rather than leaving a share unpaid.
 */
export function splitWeights(
  subnet: Pick<SubnetSnapshot, 'mechanismCount' | 'mechanismSplitU16'>,
  mechanismsRead: number,
): number[] {
  const all = chainSplit(subnet);
  if (mechanismsRead >= all.length) return all;
  const weights = all.slice(0, mechanismsRead);
  const sum = weights.reduce((a, b) => a + b, 0);
  for (let m = 0; m < mechanismsRead; m++) weights[m] = sum > 0 ? (weights[m] as number) / sum : 1 / mechanismsRead;
  return weights;
}

export function combineIncentives(subnet: SubnetSnapshot, neurons: readonly NeuronSnapshot[]): CombinedIncentives {
  const mechanismsExpected = Math.max(1, subnet.mechanismCount);
  let mechanismsRead = 1;
  for (const n of neurons) {
    mechanismsRead = Math.max(mechanismsRead, Math.min(n.incentivesU16.length, mechanismsExpected));
  }
  const weights = splitWeights(subnet, mechanismsRead);
  const incentives = new Array<number>(neurons.length);
  const emissionWeights = new Array<number>(neurons.length);
  for (let i = 0; i < neurons.length; i++) {
    const row = (neurons[i] as NeuronSnapshot).incentivesU16;
    let combined = 0;
    let weighted = 0;
    for (let m = 0; m < mechanismsRead; m++) {
      const w = weights[m] as number;
      const share = u16Share(row[m] ?? 0);
      combined += w * share;
      weighted += w * w * share;
    }
    incentives[i] = combined;
    emissionWeights[i] = mechanismsRead === 1 ? combined : weighted;
  }
  return { incentives, emissionWeights, mechanismsExpected, mechanismsRead };
}
