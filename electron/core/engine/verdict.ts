/**
 * Mine / Watch / Skip from the rules of thumb (product.md), with every factor it looked at:
 * - Skip when registration is closed, or profit does not exceed the minimum;
 * - Watch when profit cannot be computed, or it is positive but some factor is bad (crowded or maybe-dead field,
 *   concentrated rewards, risky registration cost, most of the pool burned, high pruning risk, the subnet next in
 *   line to be dissolved, live snapshot diverging from its window): the bad factors are what decided it;
 * - Mine otherwise: the profit decided it.
 * Messages are fixed sentences; the reason's value and threshold carry the numbers for the UI to format.
 */
import type {
  PruningLevel,
  SubnetAnalysis,
  Verdict,
  VerdictLabel,
  VerdictReason,
  VerdictThresholds,
  WindowMetric,
} from '../../../shared/economics';

/** History metrics whose divergence makes today's profit unrepresentative. */
const EARNINGS_METRICS: readonly WindowMetric[] = ['receivedMinerPoolTaoPerDay', 'earningMiners', 'burnTao'];

function reason(
  factor: VerdictReason['factor'],
  level: VerdictReason['level'],
  value: number | null,
  threshold: number | null,
  message: string,
): VerdictReason {
  return { factor, level, value, threshold, decisive: false, message };
}

function profitReason(profit: number | null, t: VerdictThresholds): VerdictReason {
  if (profit === null) {
    return reason('profit', 'unknown', null, t.minProfitUsdPerMonth, 'profit cannot be computed: an input is missing');
  }
  if (profit > t.minProfitUsdPerMonth) {
    return reason('profit', 'good', profit, t.minProfitUsdPerMonth, 'profit per month exceeds the minimum');
  }
  return reason('profit', 'bad', profit, t.minProfitUsdPerMonth, 'profit per month does not exceed the minimum');
}

function minersReason(competitors: number | null, t: VerdictThresholds): VerdictReason {
  if (competitors === null) return reason('miners', 'unknown', null, null, 'number of competing miners unknown');
  if (competitors > t.minersCrowdedAbove) {
    return reason('miners', 'bad', competitors, t.minersCrowdedAbove, 'crowded: many miners compete');
  }
  if (competitors < t.minersDeadBelow) {
    return reason('miners', 'bad', competitors, t.minersDeadBelow, 'few earning miners: the subnet may be dead');
  }
  if (competitors >= t.minersGoodMin && competitors <= t.minersGoodMax) {
    return reason('miners', 'good', competitors, t.minersGoodMax, 'competing miners in the healthy range');
  }
  return reason('miners', 'neutral', competitors, null, 'competing miners outside the healthy range');
}

function giniReason(gini: number | null, t: VerdictThresholds): VerdictReason {
  if (gini === null) return reason('gini', 'unknown', null, null, 'reward concentration unknown');
  if (gini > t.giniBad) return reason('gini', 'bad', gini, t.giniBad, 'rewards concentrated on a few miners');
  if (gini < t.giniGood) return reason('gini', 'good', gini, t.giniGood, 'rewards spread evenly');
  return reason('gini', 'neutral', gini, null, 'rewards moderately concentrated');
}

function registrationReason(costTao: number, t: VerdictThresholds): VerdictReason {
  if (costTao > t.registrationRiskyTao) {
    return reason(
      'registration-cost', 'bad', costTao, t.registrationRiskyTao,
      'registration is expensive (sunk, no refund)',
    );
  }
  if (costTao < t.registrationLowTao) {
    return reason('registration-cost', 'good', costTao, t.registrationLowTao, 'registration is cheap');
  }
  return reason('registration-cost', 'neutral', costTao, null, 'registration cost is moderate');
}

function burnReason(burnedShare: number | null, t: VerdictThresholds): VerdictReason {
  if (burnedShare === null) {
    return reason('burn', 'unknown', null, t.burnedShareBad, 'burned share of the miner pool unknown');
  }
  if (burnedShare > t.burnedShareBad) {
    return reason('burn', 'bad', burnedShare, t.burnedShareBad, 'the owner burns most of the miner pool');
  }
  return reason('burn', 'neutral', burnedShare, t.burnedShareBad, 'most of the miner pool reaches miners');
}

function pruningReason(level: PruningLevel | null): VerdictReason {
  if (level === null) return reason('pruning', 'unknown', null, null, 'pruning risk unknown');
  if (level === 'high') return reason('pruning', 'bad', null, null, 'high risk of being pruned after immunity');
  if (level === 'medium') return reason('pruning', 'neutral', null, null, 'some risk of being pruned after immunity');
  return reason('pruning', 'good', null, null, 'low risk of being pruned');
}

function subnetDeregReason(analysis: SubnetAnalysis): VerdictReason {
  const d = analysis.subnetDeregistration;
  const rank = d.rankFromBottom.value;
  if (d.level === null) return reason('subnet-deregistration', 'unknown', null, null, 'subnet deregistration risk unknown');
  if (d.level === 'high') {
    return reason('subnet-deregistration', 'bad', rank, null, 'the subnet is next in line to be dissolved: every registration on it would be lost');
  }
  if (d.level === 'medium') {
    return reason('subnet-deregistration', 'neutral', rank, null, 'the subnet is near the bottom by moving price at the subnet limit');
  }
  return reason('subnet-deregistration', 'good', rank, null, 'the subnet is not at risk of being dissolved');
}

function divergenceReason(analysis: SubnetAnalysis, t: VerdictThresholds): VerdictReason {
  const window = analysis.window;
  let compared = false;
  let worst: number | null = null;
  let divergent = false;
  for (const metric of EARNINGS_METRICS) {
    const stats = window?.metrics[metric];
    if (stats === undefined || stats.divergent === null) continue;
    compared = true;
    if (stats.departure !== null) {
      if (worst === null || stats.departure > worst) worst = stats.departure;
      if (stats.departure > t.divergenceRatio) divergent = true;
    } else if (stats.divergent) {
      divergent = true; // window mean 0, live not: no finite ratio, but clearly not the same.
    }
  }
  if (!compared) {
    return reason('divergence', 'unknown', null, t.divergenceRatio, 'no history to compare the live snapshot with');
  }
  return divergent
    ? reason('divergence', 'bad', worst, t.divergenceRatio, 'the live snapshot differs from its history window')
    : reason('divergence', 'good', worst, t.divergenceRatio, 'the live snapshot agrees with its history window');
}

export function decideVerdict(
  analysis: SubnetAnalysis,
  profitUsdPerMonth: number | null,
  competitors: number | null,
  registrationCostTao: number,
  pruning: PruningLevel | null,
  thresholds: VerdictThresholds,
): Verdict {
  const m = analysis.model;
  const profit = profitReason(profitUsdPerMonth, thresholds);
  const reasons: VerdictReason[] = [profit];
  let label: VerdictLabel;
  if (!m.registrationAllowed) {
    const closed = reason('registration-closed', 'bad', null, null, 'the subnet does not accept registrations');
    closed.decisive = true;
    reasons.push(closed);
    label = 'Skip';
  } else if (profit.level === 'bad') {
    profit.decisive = true;
    label = 'Skip';
  } else if (profit.level === 'unknown') {
    profit.decisive = true;
    label = 'Watch';
  } else {
    label = 'Mine';
  }
  reasons.push(
    minersReason(competitors, thresholds),
    giniReason(m.gini, thresholds),
    registrationReason(registrationCostTao, thresholds),
    burnReason(m.burnedShare, thresholds),
    pruningReason(pruning),
    subnetDeregReason(analysis),
    divergenceReason(analysis, thresholds),
  );
  if (label === 'Mine') {
    for (const r of reasons) {
      if (r.level === 'bad') {
        r.decisive = true;
        label = 'Watch';
      }
    }
    if (label === 'Mine') profit.decisive = true;
  }
  return { label, reasons };
}
