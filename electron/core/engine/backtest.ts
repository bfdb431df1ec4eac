/**
 * How good was the newcomer forecast? For each newcomer in the history old enough to judge, the forecast the
 * engine would have made when it registered, from what the history held then, against what it actually earned:
 * - forecast: P(earn) and the landing percentiles from the registrations of the 30 days before whose outcome was
 *   known by then (the prior below MIN_NEWCOMERS_MEASURED, capped by the point's share of UIDs that are earning
 *   miners, as the live forecast does), on the incentive curve of
 *   the last point before it registered (every earner, burn UIDs included, so a share is of the whole miner pool),
 *   times that point's miner pool: expected alpha/day = P(earn) × landed share × pool; but 0, with P(earn) 0 and
 *   the reason, where that point's owner took the whole pool (nothing reached another UID), as the live forecast;
 * - over 7 and 30 days: that rate times the share of the horizon a newcomer was expected to keep its UID, from how
 *   long the lookback's earners kept theirs (holding.ts): a rate while registered overstated crowded subnets 2–4×;
 * - actual: its alpha/day over its first 7 and 30 days (its share of the pool at each point, held until the next;
 *   0 once pruned), for newcomers registered at least that long before the newest point;
 * - P(earn) calibration: the mean forecast P(earn) against the share that did earn before immunity ended.
 * Only registrations the statistics count (syncs closer than the immunity around them) take part.
 */
import type { BacktestPair, BacktestSummary, SubnetBacktest, VerdictThresholds } from '../../../shared/economics';
import { MIN_NEWCOMERS_MEASURED } from '../../../shared/economics';
import { BLOCKS_PER_DAY } from '../../../shared/domain';
import { landedMeanShare } from './curve';
import { priorEarnChance } from './expected-value';
import { heldSharesAt } from './holding';
import { OWNER_TAKES_ALL, ownerTakesAll } from './pool';
import { EARNED_OVER_DAYS, followRegistrations, type Registration, type UidPoint } from './newcomer-history';
import { median } from './percentiles';

const LOOKBACK_BLOCKS = 30 * BLOCKS_PER_DAY;
/** Above any registration's index in one subnet's history; block numbers (u32) times this stay exact integers. */
const INDEX_SPAN = 2 ** 20;

/** Index of the last point at or before `block`, or -1. */
function pointBefore(points: readonly UidPoint[], block: number): number {
  let lo = 0;
  let hi = points.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (points[mid]!.blockNumber <= block) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

type Curve = { sharesDesc: number[]; prefixShares: number[] };

/** A point's incentive curve: every earner's share of the whole pool, descending, with prefix sums. */
function curveOf(point: UidPoint): Curve {
  const k = point.earnersAsc.length;
  const sharesDesc = new Array<number>(k);
  let total = 0;
  for (let i = 0; i < k; i++) total += point.earnersAsc[i] as number;
  for (let i = 0; i < k; i++) sharesDesc[i] = (point.earnersAsc[k - 1 - i] as number) / total;
  const prefixShares = [0];
  for (let i = 0; i < k; i++) prefixShares.push(prefixShares[i]! + sharesDesc[i]!);
  return { sharesDesc, prefixShares };
}

/** Mean share of the whole pool at the landing percentiles, on a point's incentive curve with one more miner. */
function landedShare(curve: Curve, percentiles: readonly number[]): number | null {
  return landedMeanShare(curve, percentiles, curve.sharesDesc.length + 1);
}

/**
 * The newcomers of the lookback window as the forecast for each registration (by index) sees them: outcomes known
 * and where earners landed. Columns rather than an object per registration: a month of a busy network is over a
 * hundred thousand registrations, forecast again every sync.
 */
interface Known {
  resolved: Int32Array;
  earned: Int32Array;
  /** Indices (into the registrations) of earners whose landing was known, ascending; null for a coarse one. */
  landed: (number[] | null)[];
}

/** A landing's state in knownAtEach's sweep (0: not entered yet). */
const IN_PLAY = 1;
const LEFT = 2;

/**
 * What was known at each registration's block about the registrations of the LOOKBACK_BLOCKS before it. A sweep
 * over the registrations by block: each one counts for the forecasts at t in [max(known at, block + 1), block +
 * LOOKBACK], so it enters and leaves the running tallies once (a busy subnet has thousands of newcomers a month;
 * comparing every pair was the analyses' slowest step).
 */
function knownAtEach(registrations: readonly Registration[]): Known {
  // Each span and query as one number, block × INDEX_SPAN + index: a native sort of numbers orders them by block,
  // then by index as the stable sort of objects did (a comparator call per comparison was most of this sweep).
  const outcomeIn: number[] = [];
  const outcomeOut: number[] = [];
  const landingIn: number[] = [];
  const landingOut: number[] = [];
  const queries: number[] = [];
  for (let i = 0; i < registrations.length; i++) {
    const q = registrations[i]!;
    if (q.coarse) continue;
    queries.push(q.block * INDEX_SPAN + i);
    const to = q.block + LOOKBACK_BLOCKS;
    if (q.resolvedAtBlock !== null) {
      const from = Math.max(q.resolvedAtBlock, q.block + 1);
      if (from <= to) {
        outcomeIn.push(from * INDEX_SPAN + i);
        outcomeOut.push(to * INDEX_SPAN + i);
      }
    }
    if (q.earned && q.landed !== null && q.landedAtBlock !== null) {
      const from = Math.max(q.landedAtBlock, q.block + 1);
      if (from <= to) {
        landingIn.push(from * INDEX_SPAN + i);
        landingOut.push(to * INDEX_SPAN + i);
      }
    }
  }
  const sorted = (keys: number[]) => new Float64Array(keys).sort();
  const [oIn, oOut, lIn, lOut, byBlock] = [outcomeIn, outcomeOut, landingIn, landingOut, queries].map(sorted) as [
    Float64Array,
    Float64Array,
    Float64Array,
    Float64Array,
    Float64Array,
  ];
  const out: Known = {
    resolved: new Int32Array(registrations.length),
    earned: new Int32Array(registrations.length),
    landed: new Array<number[] | null>(registrations.length).fill(null),
  };
  let resolved = 0;
  let earned = 0;
  // Which registrations' landings are in play, by index: listed in index order by a scan between the lowest index
  // that may still be in play and the highest entered, not by sorting a set (a busy subnet's list is rebuilt
  // thousands of times a month, and a comparator sort of each was most of this sweep).
  // A registration that never lands counts as left from the start, so `lowest` passes it.
  const landed = new Uint8Array(registrations.length).fill(LEFT);
  for (let i = 0; i < lIn.length; i++) landed[lIn[i]! % INDEX_SPAN] = 0;
  let lowest = 0;
  let highest = -1;
  let landedList: number[] | null = null;
  let oi = 0,
    oo = 0,
    li = 0,
    lo = 0;
  for (let k = 0; k < byBlock.length; k++) {
    const qi = byBlock[k]! % INDEX_SPAN;
    const t = registrations[qi]!.block;
    // Entered: from ≤ t, i.e. key < (t + 1) × INDEX_SPAN; left: to < t, i.e. key < t × INDEX_SPAN.
    const enteredBelow = (t + 1) * INDEX_SPAN;
    const leftBelow = t * INDEX_SPAN;
    for (; oi < oIn.length && oIn[oi]! < enteredBelow; oi++) {
      resolved++;
      if (registrations[oIn[oi]! % INDEX_SPAN]!.earned) earned++;
    }
    for (; oo < oOut.length && oOut[oo]! < leftBelow; oo++) {
      resolved--;
      if (registrations[oOut[oo]! % INDEX_SPAN]!.earned) earned--;
    }
    for (; li < lIn.length && lIn[li]! < enteredBelow; li++) {
      const i = lIn[li]! % INDEX_SPAN;
      landed[i] = IN_PLAY;
      if (i > highest) highest = i;
      landedList = null;
    }
    for (; lo < lOut.length && lOut[lo]! < leftBelow; lo++) {
      landed[lOut[lo]! % INDEX_SPAN] = LEFT;
      landedList = null;
    }
    // Landings change a few times a day while newcomers register ~28 times: consecutive forecasts share one list
    // (forecastAt then reuses its share of the curve too).
    if (landedList === null) {
      while (lowest <= highest && landed[lowest] === LEFT) lowest++;
      landedList = [];
      for (let i = lowest; i <= highest; i++) if (landed[i] === IN_PLAY) landedList.push(i);
    }
    out.resolved[qi] = resolved;
    out.earned[qi] = earned;
    out.landed[qi] = landedList;
  }
  return out;
}

/**
 * Landed shares on one point's curve, by the landings used: the known landings' list (shared between forecasts
 * while unchanged), or null for the prior's percentile. Newcomers between the same two syncs come one after another
 * and share the curve; a landing expiring among them gives a second list, visited in turns (uid order).
 */
interface ShareMemo {
  at: number;
  shares: Map<readonly number[] | null, number | null>;
}

function forecastAt(
  t: number,
  /** What the lookback held at t (knownAtEach's figures for this registration). */
  resolved: number,
  earned: number,
  landed: readonly number[],
  /** By point index: the shares of the EARNED_OVER_DAYS horizons a newcomer was expected to hold its UID then. */
  heldAt: ReadonlyMap<number, readonly number[]>,
  registrations: readonly Registration[],
  points: readonly UidPoint[],
  curves: Map<number, Curve>,
  memo: ShareMemo,
  thresholds: VerdictThresholds,
): BacktestPair['predicted'] | null {
  const at = pointBefore(points, t - 1);
  if (at < 0) return null;
  const point = points[at]!;
  const pool = point.poolAlphaPerDay ?? null;
  // Nothing reached a UID outside the owner's: the newcomer will not be paid, whatever its rank or the prior says.
  if (ownerTakesAll(pool, point.receivedPoolAlphaPerDay ?? null))
    return {
      earnChance: 0,
      earnChanceFromPrior: false,
      alphaPerDay: 0,
      alphaPerDay7d: 0,
      alphaPerDay30d: 0,
      note: OWNER_TAKES_ALL,
    };
  const fromPrior = resolved < MIN_NEWCOMERS_MEASURED;
  const earnChance = fromPrior
    ? priorEarnChance(thresholds.priorEarnShare, point.earningMiners, point.uidCount)
    : earned / resolved;
  const landedUsed = fromPrior || landed.length === 0 ? null : landed;
  if (memo.at !== at) {
    memo.at = at;
    memo.shares.clear();
  }
  let share = memo.shares.get(landedUsed);
  if (share === undefined) {
    // Newcomers between the same two syncs share the curve of the first.
    let curve = curves.get(at);
    if (!curve) curves.set(at, (curve = curveOf(point)));
    const percentiles = landedUsed
      ? landedUsed.map((i) => registrations[i]!.landed as number)
      : [thresholds.priorLandedPercentile];
    share = landedShare(curve, percentiles);
    memo.shares.set(landedUsed, share);
  }
  if (share === null || pool === null) return null;
  const alphaPerDay = earnChance * share * pool;
  const held = heldAt.get(at)!;
  return {
    earnChance,
    earnChanceFromPrior: fromPrior,
    alphaPerDay,
    alphaPerDay7d: alphaPerDay * held[0]!,
    alphaPerDay30d: alphaPerDay * held[1]!,
    note: null,
  };
}

/** What a registration was paid per day over its first EARNED_OVER_DAYS[k] days; null when not that old yet. */
function actualOver(r: Registration, k: number, newest: number): number | null {
  const blocks = EARNED_OVER_DAYS[k]! * BLOCKS_PER_DAY;
  return newest >= r.block + blocks ? r.earnedAlphaBlocks[k]! / blocks : null;
}

export function backtestSubnet(
  netuid: number,
  points: readonly UidPoint[],
  immunityPeriodBlocks: number,
  thresholds: VerdictThresholds,
  /** The registrations of `points`, when the caller followed them already (followRegistrations). */
  registrations: readonly Registration[] = followRegistrations(points, immunityPeriodBlocks),
): SubnetBacktest {
  const newest = points.length ? points[points.length - 1]!.blockNumber : -Infinity;
  const known = knownAtEach(registrations);
  // How long earners held their UIDs, as the sync before each registration knew it: once per point, not per
  // registration (a busy subnet has a thousand newcomers a month between a few hundred points).
  const forecastPoints = new Set<number>();
  for (const r of registrations) if (!r.coarse) forecastPoints.add(pointBefore(points, r.block - 1));
  forecastPoints.delete(-1);
  const at = Array.from(Int32Array.from(forecastPoints).sort());
  const shares = heldSharesAt(
    registrations,
    at.map((p) => points[p]!.blockNumber),
    immunityPeriodBlocks,
    LOOKBACK_BLOCKS,
    EARNED_OVER_DAYS.map((d) => d * BLOCKS_PER_DAY),
  );
  const heldAt = new Map(at.map((p, k) => [p, shares[k]!]));
  const curves = new Map<number, Curve>();
  const memo: ShareMemo = { at: -1, shares: new Map() };
  const pairList: BacktestPair[] = [];
  for (let i = 0; i < registrations.length; i++) {
    const r = registrations[i]!;
    if (r.coarse) continue;
    const predicted = forecastAt(
      r.block,
      known.resolved[i]!,
      known.earned[i]!,
      known.landed[i]!,
      heldAt,
      registrations,
      points,
      curves,
      memo,
      thresholds,
    );
    if (predicted === null) continue;
    const actual = {
      earned: r.resolvedAtBlock === null ? null : r.earned,
      alphaPerDay7d: actualOver(r, 0, newest),
      alphaPerDay30d: actualOver(r, 1, newest),
    };
    if (actual.earned === null && actual.alphaPerDay7d === null) continue;
    pairList.push({ uid: r.uid, registeredAtBlock: r.block, predicted, actual });
  }
  return { netuid, ...summariseBacktest(pairList), pairList };
}

/** The figures of a set of pairs: one subnet's, or every subnet's together. */
export function summariseBacktest(pairs: readonly BacktestPair[]): BacktestSummary {
  const errors7: number[] = [];
  const errors30: number[] = [];
  let predictedSum = 0;
  let observed = 0;
  let known = 0;
  let fromPrior = 0;
  const sums = { predicted7: 0, actual7: 0, predicted30: 0, actual30: 0 };
  for (const p of pairs) {
    if (p.predicted.earnChanceFromPrior) fromPrior++;
    if (p.actual.alphaPerDay7d !== null) {
      sums.predicted7 += p.predicted.alphaPerDay7d;
      sums.actual7 += p.actual.alphaPerDay7d;
    }
    if (p.actual.alphaPerDay30d !== null) {
      sums.predicted30 += p.predicted.alphaPerDay30d;
      sums.actual30 += p.actual.alphaPerDay30d;
    }
    if (p.actual.alphaPerDay7d !== null) errors7.push(Math.abs(p.predicted.alphaPerDay7d - p.actual.alphaPerDay7d));
    if (p.actual.alphaPerDay30d !== null) errors30.push(Math.abs(p.predicted.alphaPerDay30d - p.actual.alphaPerDay30d));
    if (p.actual.earned !== null) {
      known++;
      predictedSum += p.predicted.earnChance;
      if (p.actual.earned) observed++;
    }
  }
  const missing: string[] = [];
  if (errors7.length === 0)
    missing.push('no newcomer registered 7+ days before the newest sync (with syncs around it)');
  else if (errors30.length === 0) missing.push('none registered 30+ days before the newest sync yet');
  return {
    pairs: pairs.length,
    medianAbsErrorAlphaPerDay7d: median(errors7),
    medianAbsErrorAlphaPerDay30d: median(errors30),
    pairs7d: errors7.length,
    pairs30d: errors30.length,
    meanPredictedAlphaPerDay7d: errors7.length ? sums.predicted7 / errors7.length : null,
    meanActualAlphaPerDay7d: errors7.length ? sums.actual7 / errors7.length : null,
    meanPredictedAlphaPerDay30d: errors30.length ? sums.predicted30 / errors30.length : null,
    meanActualAlphaPerDay30d: errors30.length ? sums.actual30 / errors30.length : null,
    pairsFromPrior: fromPrior,
    meanPredictedEarnChance: known ? predictedSum / known : null,
    observedEarnShare: known ? observed / known : null,
    note: missing.length ? `not enough history yet: ${missing.join('; ')}` : null,
  };
}
