/**
 * Expected value, not the best case: most newcomers on Finney never earn, so what the position pays is weighted by
 * P(earn), the share of this subnet's recent newcomers that reached incentive before their immunity ended
 * (NewcomerOutcomes), or a stated, conservative prior when too few were seen, and by the share of the horizon an earner
 * keeps its UID (holding.ts). The earnings come in already averaged over the horizon's earnings path (alpha halvings,
 * the assumed alpha price change: engine/path.ts).
 */
import type {
  Figure,
  NewcomerExpectation,
  Scenario,
  SubnetAnalysis,
  VerdictThresholds,
} from '../../../shared/economics';
import { DEFAULT_THRESHOLDS, MIN_NEWCOMERS_MEASURED } from '../../../shared/economics';
import { derived, figure, ASSUMED_DEFAULT } from './provenance';
import { positionShare } from './curve';
import { OWNER_TAKES_ALL, ownerTakesAll } from './pool';

/** The percentiles the 'landed' position averages over: measured here, or the stated prior. */
export function landedPercentiles(
  model: SubnetAnalysis['model'],
  priorPercentile: number = DEFAULT_THRESHOLDS.priorLandedPercentile,
): readonly number[] {
  return model.landedPercentiles?.length ? model.landedPercentiles : [priorPercentile];
}

/**
 * The prior P(earn) where too few newcomers were seen: the Settings figure, but never more than the share of the
 * subnet's UIDs that are earning miners (neither owner-held nor validators) today. A newcomer takes one of those
 * UIDs, and on a subnet where 4 of 256 earn, assuming one in five newcomers will is the optimism the prior must not
 * carry (the simulated year's partial-burn and concentrated subnets: mean forecast 6–32 α/day, paid 0–0.8).
 */
export function priorEarnChance(
  priorEarnShare: number,
  earningMiners: number | null | undefined,
  uidCount: number | null | undefined,
): number {
  if (earningMiners == null || uidCount == null || uidCount <= 0) return priorEarnShare;
  return Math.min(priorEarnShare, earningMiners / uidCount);
}

/**
 * P(earn) as a figure: 0 where the owner takes the whole miner pool (a rule of the chain, not a guess: no history
 * of newcomers that earned before the burn overrides it), else measured when enough newcomers had a known outcome,
 * otherwise the prior (an assumption, capped as above).
 */
export function earnChanceFor(analysis: SubnetAnalysis, thresholds: VerdictThresholds): Figure {
  if (ownerTakesAll(analysis.minerPool.grossAlphaPerDay.value, analysis.model.receivedPoolAlphaPerDay)) {
    return figure(0, analysis.minerPool.receivedAlphaPerDay.provenance, OWNER_TAKES_ALL);
  }
  const o = analysis.newcomers;
  if (o && o.earnShare !== null && o.resolved >= MIN_NEWCOMERS_MEASURED) {
    return figure(
      o.earnShare,
      derived(`${o.earned} of ${o.resolved} newcomers in the local history earned before immunity ended`),
    );
  }
  const seen = o ? o.resolved : 0;
  const prior = priorEarnChance(
    thresholds.priorEarnShare,
    analysis.counts.earningMiners.value,
    analysis.counts.uids.value,
  );
  const capped =
    prior < thresholds.priorEarnShare
      ? `, capped at the share of its UIDs that are earning miners today (${analysis.counts.earningMiners.value} of ${analysis.counts.uids.value})`
      : '';
  return figure(
    prior,
    ASSUMED_DEFAULT,
    `prior (Settings)${capped}: only ${seen} newcomer${seen === 1 ? '' : 's'} with a known outcome here, ${MIN_NEWCOMERS_MEASURED} needed`,
  );
}

/**
 * Share of the horizon an earning newcomer keeps its UID here (analyses' heldShareByMonth, from how long the window's
 * earners kept theirs): a month beyond the kept ones uses the last; 1 where nothing was measured.
 */
export function heldShareFor(model: SubnetAnalysis['model'], horizonMonths: number): number {
  const held = model.heldShareByMonth;
  if (!held?.length || horizonMonths <= 0) return 1;
  return held[Math.min(held.length, Math.max(1, Math.ceil(horizonMonths))) - 1]!;
}

export interface ExpectationInputs {
  competitors: number | null;
  /** Revenue of the whole received pool, USD/month on the path's average (null when unknowable). */
  poolRevenueUsdPerMonth: number | null;
  /** At the scenario's position, given earning, on the path's average. */
  earningsUsdPerMonth: number | null;
  costsUsdPerMonth: number | null;
}

export function expectation(
  analysis: SubnetAnalysis,
  scenario: Scenario,
  thresholds: VerdictThresholds,
  x: ExpectationInputs,
): NewcomerExpectation {
  const provenance = analysis.model.withScenario;
  const earnChance = earnChanceFor(analysis, thresholds);
  const p = earnChance.value as number;
  const why = 'earnings or costs unknown';
  if (x.earningsUsdPerMonth === null || x.costsUsdPerMonth === null) {
    return {
      earnChance,
      earningsUsdPerMonth: figure(null, provenance, why),
      profitUsdPerMonth: figure(null, provenance, why),
      lossChance: figure(null, provenance, why),
    };
  }
  // Paid only while it keeps its UID: where registrations prune earners, part of the horizon earns nothing.
  const held = heldShareFor(analysis.model, scenario.horizonMonths);
  const earnings = p * held * x.earningsUsdPerMonth;
  // Given earning: the share of landing spots that still lose (each landed percentile for 'landed', else the one).
  let losingWhenEarning = held * x.earningsUsdPerMonth < x.costsUsdPerMonth ? 1 : 0;
  if (scenario.position.kind === 'landed' && x.poolRevenueUsdPerMonth !== null && x.competitors !== null) {
    const spots = landedPercentiles(analysis.model, thresholds.priorLandedPercentile);
    let losing = 0;
    for (const percentile of spots) {
      const share = positionShare(analysis.model, { kind: 'percentile', percentile }, x.competitors) ?? 0;
      if (held * share * x.poolRevenueUsdPerMonth < x.costsUsdPerMonth) losing++;
    }
    losingWhenEarning = losing / spots.length;
  }
  const losingWhenNot = x.costsUsdPerMonth > 0 ? 1 : 0;
  return {
    earnChance,
    earningsUsdPerMonth: figure(
      earnings,
      provenance,
      held < 1
        ? `earners here kept their UID ${Math.round(held * 100)}% of such a horizon (pruned by later registrations)`
        : null,
    ),
    profitUsdPerMonth: figure(earnings - x.costsUsdPerMonth, provenance),
    lossChance: figure(p * losingWhenEarning + (1 - p) * losingWhenNot, provenance),
  };
}
