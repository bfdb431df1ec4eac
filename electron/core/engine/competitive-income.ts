/**
 * What a competing miner really makes here. The headline top miner is usually the owner or a validator; the
 * competitive income counts only miners a newcomer actually competes with: UIDs earning incentive that are
 * neither owner-controlled (the owner's hotkey or coldkey) nor validator-permitted.
 */
import type { CompetitiveIncome, SubnetAnalysis, SubnetInput } from '../../../shared/economics';
import { combineIncentives } from './incentive';

export function competitiveIncome(input: SubnetInput, analysis: SubnetAnalysis): CompetitiveIncome {
  const neurons = input.neurons ?? [];
  // Incentive shares of the whole epoch's miner pool (before the owner's burn, which these UIDs do not hold).
  const pool = analysis.minerPool.grossAlphaPerDay.value;
  const price = analysis.alphaPriceTao.value;
  const { incentives } = combineIncentives(input.subnet, neurons);
  const taoPerDay: number[] = [];
  for (let i = 0; i < neurons.length; i++) {
    const n = neurons[i]!;
    const inc = incentives[i]!;
    if (inc <= 0 || n.validatorPermit) continue;
    if (n.hotkey === input.subnet.ownerHotkey || n.coldkey === input.subnet.ownerColdkey) continue;
    taoPerDay.push(pool === null || price === null ? Number.NaN : inc * pool * price);
  }
  if (taoPerDay.length === 0 || taoPerDay.some(Number.isNaN)) {
    return { miners: taoPerDay.length, bestTaoPerDay: null, medianTaoPerDay: null };
  }
  taoPerDay.sort((a, b) => a - b);
  const mid = taoPerDay.length >> 1;
  const median = taoPerDay.length % 2 ? taoPerDay[mid]! : (taoPerDay[mid - 1]! + taoPerDay[mid]!) / 2;
  return { miners: taoPerDay.length, bestTaoPerDay: taoPerDay[taoPerDay.length - 1]!, medianTaoPerDay: median };
}
