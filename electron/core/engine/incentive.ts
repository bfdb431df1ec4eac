/**
 * One incentive per UID over all mechanisms: Σ_m split_m · incentive_m / 65535. Each mechanism's vector sums to
 * ~1 over the subnet, and the miner pool is split between mechanisms by MechanismEmissionSplit (even if unset),
 * so the combined vector also sums to ~1 and a UID's alpha/day is its incentive × the miner pool.
 */
import type { NeuronSnapshot, SubnetSnapshot } from '../../../shared/domain';
import { u16Share } from './units';

export interface CombinedIncentives {
  /** Per neuron, in the order given. */
  incentives: number[];
  /** Mechanisms the subnet has, and how many of them the sync read incentives for. */
  mechanismsExpected: number;
  mechanismsRead: number;
}

/**
 * Split weights for the mechanisms read, renormalised over them: when the sync read only mechanism 0 of a
 * multi-mechanism subnet, mechanism 0's vector stands for the whole pool rather than leaving a share unpaid.
 */
function splitWeights(subnet: SubnetSnapshot, mechanismsRead: number): number[] {
  const split = subnet.mechanismSplitU16;
  const weights = new Array<number>(mechanismsRead);
  let sum = 0;
  for (let m = 0; m < mechanismsRead; m++) {
    const w = split !== null && split.length === subnet.mechanismCount ? (split[m] ?? 0) : 1;
    weights[m] = w;
    sum += w;
  }
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
  for (let i = 0; i < neurons.length; i++) {
    const row = (neurons[i] as NeuronSnapshot).incentivesU16;
    let combined = 0;
    for (let m = 0; m < mechanismsRead; m++) combined += (weights[m] as number) * u16Share(row[m] ?? 0);
    incentives[i] = combined;
  }
  return { incentives, mechanismsExpected, mechanismsRead };
}
