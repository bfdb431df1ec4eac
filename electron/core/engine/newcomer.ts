/**
 * The cheap half of the engine, run on every slider move: what a newcomer earns on one subnet under a scenario.
 * Reads the precomputed model (O(1) shares from prefix sums, O(log n) searches) and allocates only the result.
 *
 * Competitors: the scenario's competitorCount is the number of OTHER earning miners; the newcomer makes it
 * competitors + 1 (so the default, today's earning miners, already dilutes the field by one newcomer).
 */
import type { Provenance } from '../../../shared/domain';
import type {
  Figure,
  MinerEconomics,
  Percentiles,
  Position,
  Scenario,
  SubnetAnalysis,
  VerdictThresholds,
} from '../../../shared/economics';
import { DAYS_PER_MONTH, DEFAULT_THRESHOLDS } from '../../../shared/economics';
import { positionShare, rankForPosition, slotShare } from './curve';
import { earningsPath, pathFactor, priceGrowth } from './path';
import { ASSUMED_DEFAULT, ASSUMED_SCENARIO, figure } from './provenance';
import { pruningRisk } from './pruning';
import { decideVerdict } from './verdict';
import { expectation, landedPercentiles } from './expected-value';
import { rigFit } from './rig-fit';
import type { HardwareRequirement } from '../../../shared/notes-types';

/** Break-even competitor search limit when a subnet's UID slots are unknown (otherwise the slots bound it). */
export const BREAK_EVEN_COMPETITORS_CAP = 4096;

const NO_CURVE = 'no earning miners to model the incentive curve on';
const FULL_BURN = 'owner UIDs burn the whole miner pool';

type Model = SubnetAnalysis['model'];

/** Fraction of spot value realised when selling (the sell discount clamped to 0..1). */
export function realisedFraction(scenario: Scenario): number {
  return 1 - Math.min(1, Math.max(0, scenario.sellDiscount));
}

export function rentFor(scenario: Scenario, netuid: number): number {
  return scenario.rentUsdPerMonthByNetuid?.[netuid] ?? scenario.rentUsdPerMonth;
}

export function registrationCostTaoFor(scenario: Scenario, analysis: SubnetAnalysis): number {
  return scenario.registrationCostTaoByNetuid?.[analysis.netuid] ?? analysis.model.burnTao;
}

/** The competitor count in play: the scenario's, or today's earning miners. */
export function competitorsFor(scenario: Scenario, model: Model): number | null {
  if (scenario.competitorCount !== null) return Math.max(0, Math.floor(scenario.competitorCount));
  return model.earningMiners;
}

/**
 * Share of the received pool at a position; a fully burned pool pays 0 whatever the curve. null = unknowable.
 */
export function shareAt(
  model: Model,
  position: Position,
  competitors: number,
  priorPercentile: number = DEFAULT_THRESHOLDS.priorLandedPercentile,
): number | null {
  if (model.receivedPoolAlphaPerDay === 0) return 0;
  return positionShare(model, position, competitors, landedPercentiles(model, priorPercentile));
}

/**
 * "Covers costs": share × revenue of the whole pool ≥ costs (multiplied out, so a zero price or zero costs cannot
 * produce 0/0). Plain functions rather than closures: the hot path allocates only what it returns.
 */
function coversWithCompetitors(
  model: Model,
  position: Position,
  competitors: number,
  poolRevenue: number,
  costs: number,
  priorPercentile: number,
): boolean {
  return (shareAt(model, position, competitors, priorPercentile) ?? 0) * poolRevenue >= costs;
}

function coversAtRank(model: Model, rank: number, slots: number, poolRevenue: number, costs: number): boolean {
  return (slotShare(model, rank, slots) ?? 0) * poolRevenue >= costs;
}

/**
 * Largest competitor count that still covers costs; shares only fall as competitors grow, so bisect. A subnet
 * holds at most `maxCompetitors` others (its UID slots less the newcomer's), so the answer never exceeds that:
 * a field that still pays when every slot is taken is said so, not given an impossible count.
 */
function breakEvenCompetitors(
  model: Model,
  position: Position,
  poolRevenue: number,
  costs: number,
  provenance: Provenance,
  maxCompetitors: number,
  priorPercentile: number,
): Figure {
  if (!coversWithCompetitors(model, position, 0, poolRevenue, costs, priorPercentile)) {
    return figure(null, provenance, 'costs not covered even without competitors');
  }
  const cap = Math.max(0, Math.min(BREAK_EVEN_COMPETITORS_CAP, maxCompetitors));
  if (coversWithCompetitors(model, position, cap, poolRevenue, costs, priorPercentile)) {
    return figure(cap, provenance, 'covers costs even with every UID slot taken');
  }
  let lo = 0;
  let hi = cap;
  while (hi - lo > 1) {
    const mid = (lo + hi) >>> 1;
    if (coversWithCompetitors(model, position, mid, poolRevenue, costs, priorPercentile)) lo = mid;
    else hi = mid;
  }
  return figure(lo, provenance);
}

/** Worst rank among `slots` that still covers costs; shares only fall with rank, so bisect. */
function breakEvenRank(
  model: Model,
  slots: number,
  poolRevenue: number,
  costs: number,
  provenance: Provenance,
): Figure {
  if (!coversAtRank(model, 1, slots, poolRevenue, costs)) {
    return figure(null, provenance, 'costs not covered even at rank 1');
  }
  let lo = 1;
  let hi = slots + 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >>> 1;
    if (coversAtRank(model, mid, slots, poolRevenue, costs)) lo = mid;
    else hi = mid;
  }
  return figure(lo, provenance);
}

/** Others the subnet can hold beside the newcomer: its UID slots less one. */
export function maxCompetitors(analysis: SubnetAnalysis): number {
  const maxUids = analysis.counts.maxUids.value;
  return maxUids === null ? BREAK_EVEN_COMPETITORS_CAP : Math.max(0, maxUids - 1);
}

function noteIfNull(value: number | null, why: string): string | null {
  return value === null ? why : null;
}

export function evaluateNewcomer(
  analysis: SubnetAnalysis,
  scenario: Scenario,
  thresholds: VerdictThresholds = DEFAULT_THRESHOLDS,
  /** The subnet's reviewed hardware needs (its note); absent = not reviewed. */
  hardware: HardwareRequirement | null = null,
): MinerEconomics {
  const m = analysis.model;
  const netuid = analysis.netuid;
  const derivedHere = m.withScenario;
  const price = m.alphaPriceTao;
  const taoPriceUsd = scenario.taoPriceUsd;
  const realised = realisedFraction(scenario);
  const horizonMonths = scenario.horizonMonths > 0 ? scenario.horizonMonths : null;
  const pool = m.receivedPoolAlphaPerDay;

  const competitors = competitorsFor(scenario, m);
  const competitorCount =
    scenario.competitorCount !== null
      ? figure(competitors, ASSUMED_SCENARIO)
      : figure(
          competitors,
          ASSUMED_DEFAULT,
          competitors === null ? 'earning miners unknown' : 'current earning miners',
        );
  const slots = competitors === null ? null : competitors + 1;
  const rank = slots === null ? null : rankForPosition(scenario.position, slots);
  const share =
    competitors === null ? null : shareAt(m, scenario.position, competitors, thresholds.priorLandedPercentile);
  const curveMissing = m.sharesDesc.length === 0 && scenario.position.kind !== 'equal';
  const shareNote =
    competitors === null ? 'competitor count unknown' : pool === 0 ? FULL_BURN : share === null ? NO_CURVE : null;

  const alphaPerDay = share === null || pool === null ? null : share * pool;
  const taoPerDay = alphaPerDay === null || price === null ? null : alphaPerDay * price;
  const earningsUsdPerMonth =
    taoPerDay === null || taoPriceUsd === null ? null : taoPerDay * realised * taoPriceUsd * DAYS_PER_MONTH;
  const poolTaoPerDay = analysis.minerPool.grossTaoPerDay.value;
  const grossMinerPoolUsdPerDay = poolTaoPerDay === null || taoPriceUsd === null ? null : poolTaoPerDay * taoPriceUsd;

  const rentUsdPerMonth = rentFor(scenario, netuid);
  const registrationOverridden = scenario.registrationCostTaoByNetuid?.[netuid] !== undefined;
  const registrationCostTao = registrationCostTaoFor(scenario, analysis);
  const registrationCostUsd = taoPriceUsd === null ? null : registrationCostTao * taoPriceUsd;
  const costsUsdPerMonth =
    registrationCostUsd === null || horizonMonths === null
      ? null
      : rentUsdPerMonth + registrationCostUsd / horizonMonths;
  // Over the horizon today's earnings follow the path (alpha halvings, the assumed price change): its average factor.
  const growth = priceGrowth(scenario.alphaPriceChangePerMonth);
  const overHorizon = horizonMonths === null ? 1 : pathFactor(m, horizonMonths, growth);
  const profitUsdPerMonth =
    earningsUsdPerMonth === null || costsUsdPerMonth === null
      ? null
      : earningsUsdPerMonth * overHorizon - costsUsdPerMonth;
  const profitWhy =
    taoPriceUsd === null
      ? 'TAO price not set'
      : horizonMonths === null
        ? 'horizon must be over 0 months'
        : price === null
          ? 'no alpha price'
          : (shareNote ?? 'miner pool unknown');

  const path = earningsPath(
    m,
    horizonMonths,
    growth,
    earningsUsdPerMonth,
    rentUsdPerMonth,
    registrationCostUsd,
    price,
    derivedHere,
    ASSUMED_SCENARIO,
    profitWhy,
  );
  // Payback of the registration on the path: the day the cumulative profit (registration paid up front) reaches 0.
  let paybackDays: Figure;
  if (earningsUsdPerMonth === null || registrationCostUsd === null) {
    paybackDays = figure(null, derivedHere, profitWhy);
  } else {
    const months = path.paybackMonths.value;
    paybackDays =
      earningsUsdPerMonth <= rentUsdPerMonth
        ? figure(null, derivedHere, 'never: earnings do not cover rent')
        : months !== null
          ? figure(months * DAYS_PER_MONTH, derivedHere, path.paybackMonths.note)
          : figure(null, derivedHere, path.paybackMonths.note);
  }

  // Profit is linear in the TAO price: P × (TAO/month realised on the path − registration TAO/month) − rent.
  let breakEvenTaoPriceUsd: Figure;
  if (taoPerDay === null || horizonMonths === null) {
    breakEvenTaoPriceUsd = figure(null, derivedHere, profitWhy);
  } else {
    const netTaoPerMonth = taoPerDay * realised * DAYS_PER_MONTH * overHorizon - registrationCostTao / horizonMonths;
    breakEvenTaoPriceUsd =
      netTaoPerMonth > 0
        ? figure(rentUsdPerMonth / netTaoPerMonth, derivedHere)
        : figure(null, derivedHere, 'never: TAO earned does not cover the amortised registration');
  }

  let breakEvenCompetitorsFigure: Figure;
  let breakEvenRankFigure: Figure;
  if (pool === null || price === null || taoPriceUsd === null || costsUsdPerMonth === null) {
    breakEvenCompetitorsFigure = figure(null, derivedHere, profitWhy);
    breakEvenRankFigure = figure(null, derivedHere, profitWhy);
  } else {
    const poolRevenueUsdPerMonth = pool * price * realised * taoPriceUsd * DAYS_PER_MONTH * overHorizon;
    breakEvenCompetitorsFigure =
      curveMissing && pool !== 0
        ? figure(null, derivedHere, NO_CURVE)
        : breakEvenCompetitors(
            m,
            scenario.position,
            poolRevenueUsdPerMonth,
            costsUsdPerMonth,
            derivedHere,
            maxCompetitors(analysis),
            thresholds.priorLandedPercentile,
          );
    breakEvenRankFigure =
      slots === null
        ? figure(null, derivedHere, 'competitor count unknown')
        : m.sharesDesc.length === 0
          ? figure(null, derivedHere, pool === 0 ? FULL_BURN : NO_CURVE)
          : breakEvenRank(
              m,
              Math.min(slots, maxCompetitors(analysis) + 1),
              poolRevenueUsdPerMonth,
              costsUsdPerMonth,
              derivedHere,
            );
  }

  const rankNote =
    rank !== null
      ? null
      : slots === null
        ? 'competitor count unknown'
        : scenario.position.kind === 'landed'
          ? 'where newcomers landed: a spread of ranks, not one'
          : 'equal share has no rank';
  const taoNote = price === null ? 'no alpha price' : (shareNote ?? 'miner pool unknown');
  const poolUsdNote = taoPriceUsd === null ? 'TAO price not set' : 'no alpha price';
  const pruning = pruningRisk(analysis, alphaPerDay, thresholds);
  const fit = rigFit(scenario.rig, hardware);
  // On the earnings path (its average month over the horizon: halvings and the assumed alpha price), as profit is.
  const expected = expectation(analysis, scenario, thresholds, {
    competitors,
    poolRevenueUsdPerMonth:
      pool === null || price === null || taoPriceUsd === null
        ? null
        : pool * price * realised * taoPriceUsd * DAYS_PER_MONTH * overHorizon,
    earningsUsdPerMonth: earningsUsdPerMonth === null ? null : earningsUsdPerMonth * overHorizon,
    costsUsdPerMonth,
  });
  return {
    netuid,
    competitorCount,
    rank: figure(rank, derivedHere, rankNote),
    shareOfMinerPool: figure(share, derivedHere, shareNote),
    alphaPerDay: figure(alphaPerDay, derivedHere, noteIfNull(alphaPerDay, shareNote ?? 'miner pool unknown')),
    taoPerDay: figure(taoPerDay, derivedHere, noteIfNull(taoPerDay, taoNote)),
    earningsUsdPerMonth: figure(earningsUsdPerMonth, derivedHere, noteIfNull(earningsUsdPerMonth, profitWhy)),
    grossMinerPoolUsdPerDay: figure(
      grossMinerPoolUsdPerDay,
      derivedHere,
      noteIfNull(grossMinerPoolUsdPerDay, poolUsdNote),
    ),
    rentUsdPerMonth: figure(rentUsdPerMonth, ASSUMED_SCENARIO),
    registrationCostTao: registrationOverridden
      ? figure(registrationCostTao, ASSUMED_SCENARIO)
      : analysis.registrationCostTao,
    registrationCostUsd: figure(registrationCostUsd, derivedHere, noteIfNull(registrationCostUsd, 'TAO price not set')),
    profitUsdPerMonth: figure(profitUsdPerMonth, derivedHere, noteIfNull(profitUsdPerMonth, profitWhy)),
    paybackDays,
    breakEvenTaoPriceUsd,
    breakEvenCompetitors: breakEvenCompetitorsFigure,
    breakEvenRank: breakEvenRankFigure,
    pruning,
    path,
    rigFit: fit,
    expected,
    verdict: decideVerdict(
      analysis,
      profitUsdPerMonth,
      competitors,
      registrationCostTao,
      pruning.level,
      thresholds,
      expected,
      fit.level,
    ),
  };
}

/**
 * Today's earning miners' TAO/day percentiles as realised USD/month at the scenario's TAO price (and sell discount),
 * for the Subnet screen next to the newcomer's own figure.
 */
export function perMinerUsdPerMonth(analysis: SubnetAnalysis, scenario: Scenario): Percentiles {
  const taoPriceUsd = scenario.taoPriceUsd;
  const scale = taoPriceUsd === null ? null : realisedFraction(scenario) * taoPriceUsd * DAYS_PER_MONTH;
  const provenance = analysis.model.withScenario;
  const usd = (tao: Figure): Figure =>
    tao.value === null || scale === null
      ? figure(null, provenance, tao.note ?? 'TAO price not set')
      : figure(tao.value * scale, provenance);
  const p = analysis.perMiner.taoPerDay;
  return { p25: usd(p.p25), p50: usd(p.p50), p75: usd(p.p75), p90: usd(p.p90), max: usd(p.max) };
}

/** One scenario over many subnets: the Subnets table's profit and verdict columns. */
export function evaluateAll(
  analyses: readonly SubnetAnalysis[],
  scenario: Scenario,
  thresholds: VerdictThresholds = DEFAULT_THRESHOLDS,
  hardwareOf: ReadonlyMap<number, HardwareRequirement> = new Map(),
): MinerEconomics[] {
  const out = new Array<MinerEconomics>(analyses.length);
  for (let i = 0; i < analyses.length; i++) {
    const a = analyses[i] as SubnetAnalysis;
    out[i] = evaluateNewcomer(a, scenario, thresholds, hardwareOf.get(a.netuid) ?? null);
  }
  return out;
}
