import type { IncentivePoint } from '../../../shared/api-types';
import type { SubnetInput } from '../../../shared/economics';
import { BLOCKS_PER_DAY } from '../../../shared/domain';
import { combineIncentives } from './incentive';

/**
 * Every UID's combined incentive and last-epoch emission (alpha/day), sorted by incentive: the distribution chart
 * with immune, owner and validator UIDs marked.
 */
export function incentiveDistribution(input: SubnetInput): IncentivePoint[] {
  const { subnet, neurons, blockNumber } = input;
  if (!neurons) return [];
  const { incentives } = combineIncentives(subnet, neurons);
  const epochsPerDay = subnet.tempo > 0 ? BLOCKS_PER_DAY / subnet.tempo : 0;
  return neurons
    .map((n, i) => ({
      uid: n.uid,
      incentive: incentives[i] ?? 0,
      emissionAlphaPerDay: (Number(n.emissionRao) / 1e9) * epochsPerDay,
      immune: blockNumber - n.registeredAtBlock < subnet.immunityPeriodBlocks,
      owner: n.hotkey === subnet.ownerHotkey,
      validator: n.validatorPermit,
      hotkey: n.hotkey,
      coldkey: n.coldkey,
      totalStakeTao: Number(n.totalStakeRao) / 1e9,
      registeredAtBlock: n.registeredAtBlock,
    }))
    .sort((a, b) => b.incentive - a.incentive || a.uid - b.uid);
}
