/**
 * Mine / Watch / Skip from the rules of thumb (product.md), with every factor it looked at:
 * - Skip when registration is closed, the rig is too small for the subnet, or the expected profit (after P(earn))
 *   does not exceed the minimum;
 * - Watch when it cannot be computed, or it is positive but some factor is bad (few newcomers earn, crowded or
 *   maybe-dead field, concentrated rewards, risky registration cost, most of the pool burned, high pruning risk,
 *   the subnet itself at risk of deregistration, live snapshot diverging from its window): the bad factors decide;
 * - Mine otherwise: the expected profit decided it.
 * The profit at the position (given earning) is listed too, but the expectation decides: it is the honest case.
 * Messages are fixed sentences; the reason's value and threshold carry the numbers for the UI to format, and the
 * deciding reason's short phrase is what the table row shows.
 */
import type {
  NewcomerExpectation,
  PruningLevel,
  RigFitLevel,
  SubnetAnalysis,
  Verdict,
  VerdictLabel,
  VerdictReason,
  VerdictThresholds,
  WindowMetric,
} from '../../../shared/economics';
import { OWNER_TAKES_ALL } from './pool';

/** The table row's phrase for a deciding reason, by factor and level. */
const PHRASES: Partial<Record<VerdictReason['factor'], Partial<Record<VerdictReason['level'], string>>>> = {
  'expected-profit': { good: 'pays after P(earn)', bad: 'loses after P(earn)', unknown: 'profit unknown' },
  'registration-closed': { bad: 'registration closed' },
  'rig-fit': { bad: 'rig too small' },
  'earn-chance': { bad: 'few newcomers earn' },
  miners: { bad: 'crowded or dying field' },
  gini: { bad: 'rewards concentrated' },
  'registration-cost': { bad: 'costly registration' },
  burn: { bad: 'owner burns most' },
  pruning: { bad: 'likely pruned' },
  'subnet-deregistration': { bad: 'subnet may be deregistered' },
  divergence: { bad: 'unstable lately' },
};

function phraseOf(reasons: readonly VerdictReason[]): string {
  const decisive = reasons.filter((r) => r.decisive);
  const phrases = decisive.map((r) => PHRASES[r.factor]?.[r.level] ?? r.message);
  return phrases.slice(0, 2).join('; ') + (phrases.length > 2 ? ` (+${phrases.length - 2})` : '');
}

function expectedProfitReason(expected: NewcomerExpectation, t: VerdictThresholds): VerdictReason {
  const v = expected.profitUsdPerMonth.value;
  if (v === null) {
    return reason(
      'expected-profit',
      'unknown',
      null,
      t.minProfitUsdPerMonth,
      'expected profit cannot be computed: an input is missing',
    );
  }
  return v > t.minProfitUsdPerMonth
    ? reason('expected-profit', 'good', v, t.minProfitUsdPerMonth, 'expected profit after P(earn) exceeds the minimum')
    : reason(
        'expected-profit',
        'bad',
        v,
        t.minProfitUsdPerMonth,
        'expected profit after P(earn) does not exceed the minimum',
      );
}

function earnChanceReason(expected: NewcomerExpectation, t: VerdictThresholds): VerdictReason {
  const p = expected.earnChance;
  if (p.note === OWNER_TAKES_ALL) return reason('earn-chance', 'bad', p.value, t.minEarnShare, OWNER_TAKES_ALL);
  if (p.value === null || p.provenance.kind === 'assumed') {
    return reason(
      'earn-chance',
      'unknown',
      p.value,
      t.minEarnShare,
      'too few newcomers seen here: P(earn) is the prior from Settings',
    );
  }
  return p.value >= t.minEarnShare
    ? reason(
        'earn-chance',
        'good',
        p.value,
        t.minEarnShare,
        'enough newcomers here reached incentive before immunity ended',
      )
    : reason(
        'earn-chance',
        'bad',
        p.value,
        t.minEarnShare,
        'few newcomers here reached incentive before immunity ended',
      );
}

function rigFitReason(fit: RigFitLevel | null): VerdictReason {
  if (fit === null) return reason('rig-fit', 'unknown', null, null, 'no rig given in the what-if');
  if (fit === 'too-small')
    return reason('rig-fit', 'bad', null, null, "the rig falls short of the subnet's hardware needs");
  if (fit === 'not-reviewed') return reason('rig-fit', 'unknown', null, null, 'hardware not reviewed yet');
  return reason('rig-fit', 'good', null, null, "the rig meets the subnet's reviewed hardware needs");
}

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
    return reason(
      'profit',
      'good',
      profit,
      t.minProfitUsdPerMonth,
      'if it earns at the position, profit per month exceeds the minimum',
    );
  }
  return reason(
    'profit',
    'bad',
    profit,
    t.minProfitUsdPerMonth,
    'even earning at the position, profit per month does not exceed the minimum',
  );
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
      'registration-cost',
      'bad',
      costTao,
      t.registrationRiskyTao,
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
  if (d.level === null)
    return reason('subnet-deregistration', 'unknown', null, null, 'subnet deregistration risk unknown');
  if (d.level === 'high') {
    return reason(
      'subnet-deregistration',
      'bad',
      rank,
      null,
      'the subnet is next in line to be dissolved: every registration on it would be lost',
    );
  }
  if (d.level === 'medium') {
    return reason(
      'subnet-deregistration',
      'neutral',
      rank,
      null,
      'the subnet is near the bottom by moving price at the subnet limit',
    );
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
  expected: NewcomerExpectation,
  rigFit: RigFitLevel | null = null,
): Verdict {
  const m = analysis.model;
  const decider = expectedProfitReason(expected, thresholds);
  const rig = rigFitReason(rigFit);
  const reasons: VerdictReason[] = [
    decider,
    earnChanceReason(expected, thresholds),
    profitReason(profitUsdPerMonth, thresholds),
  ];
  let label: VerdictLabel;
  if (!m.registrationAllowed) {
    const closed = reason('registration-closed', 'bad', null, null, 'the subnet does not accept registrations');
    closed.decisive = true;
    reasons.push(closed);
    label = 'Skip';
  } else if (rig.level === 'bad') {
    rig.decisive = true;
    label = 'Skip';
  } else if (decider.level === 'bad') {
    decider.decisive = true;
    label = 'Skip';
  } else if (decider.level === 'unknown') {
    decider.decisive = true;
    label = 'Watch';
  } else {
    label = 'Mine';
  }
  reasons.push(
    rig,
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
      // The position's own profit is context: the expectation above already weighs it.
      if (r.level === 'bad' && r.factor !== 'profit') {
        r.decisive = true;
        label = 'Watch';
      }
    }
    if (label === 'Mine') decider.decisive = true;
  }
  return { label, reasons, phrase: phraseOf(reasons) };
}
