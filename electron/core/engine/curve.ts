/**
 * The incentive curve a newcomer joins, resampled to any number of earning miners.
 *
 * Model ("incumbent curve, truncated or extended"): slot r (rank r, 1 = best) carries the weight of the r-th
 * largest current share, w(r) = s_r; slots beyond the measured field carry the weakest measured share,
 * w(r) = s_M for r > M (assumption: newcomers earn like today's last earner). With K slots in play each slot gets
 * w(r) / W(K), W(K) = Σ_{j≤K} w(j). Fewer miners than today keeps the head of the curve and renormalises it (the
 * weakest leave); more miners appends weak ones. The relative strength of the top miners is kept exactly.
 *
 * Why not stretch the cumulative share curve over K slots instead: stretching moves a fixed rank to another part
 * of the curve, so adding weaker competitors can raise a fixed rank's share (shares [0.9, 0.1]: rank 2 of 2 gets
 * 0.1, rank 2 of 3 gets 1/3 by linear interpolation). Here W(K) only grows with K and w(r) only falls with r, so
 * more competitors never raise a fixed rank's, a fixed percentile's, or the equal share — and each share is O(1)
 * from prefix sums, which is what the slider hot path needs.
 */
import type { NewcomerModel, Position } from '../../../shared/economics';

/** Prefix sums of shares sorted descending: prefix[k] = Σ of the k largest. */
export function prefixSums(sharesDesc: readonly number[]): number[] {
  const prefix = new Array<number>(sharesDesc.length + 1);
  prefix[0] = 0;
  for (let i = 0; i < sharesDesc.length; i++) prefix[i + 1] = (prefix[i] as number) + (sharesDesc[i] as number);
  return prefix;
}

type Curve = Pick<NewcomerModel, 'sharesDesc' | 'prefixShares'>;

/** Weight of slot `rank` (1-based); the measured curve must not be empty. */
function slotWeight(curve: Curve, rank: number): number {
  const m = curve.sharesDesc.length;
  return curve.sharesDesc[Math.min(rank, m) - 1] as number;
}

/** W(K): total weight of K slots. */
function totalWeight(curve: Curve, slots: number): number {
  const m = curve.sharesDesc.length;
  if (slots <= m) return curve.prefixShares[slots] as number;
  return (curve.prefixShares[m] as number) + (slots - m) * (curve.sharesDesc[m - 1] as number);
}

/** Share of the received miner pool at `rank` among `slots` earning miners; null if no curve was measured. */
export function slotShare(curve: Curve, rank: number, slots: number): number | null {
  if (curve.sharesDesc.length === 0 || slots < 1) return null;
  const r = Math.min(Math.max(1, rank), slots);
  return slotWeight(curve, r) / totalWeight(curve, slots);
}

/**
 * The rank a position means among `slots` miners. A rank beyond the field is the last slot; percentile p beats
 * p% of the field: rank = ⌈(1 − p/100)·slots⌉, clamped to [1, slots]. Equal share has no rank (null).
 */
export function rankForPosition(position: Position, slots: number): number | null {
  switch (position.kind) {
    case 'rank':
      return Math.min(Math.max(1, Math.floor(position.rank)), slots);
    case 'percentile':
      return percentileRank(position.percentile, slots);
    case 'equal':
    case 'landed':
      return null;
  }
}

/** The rank percentile `percentile` means among `slots` miners (see rankForPosition). */
function percentileRank(percentile: number, slots: number): number {
  const p = Math.min(100, Math.max(0, percentile));
  return Math.min(Math.max(1, Math.ceil((1 - p / 100) * slots)), slots);
}

/**
 * The mean share among `slots` miners over the percentiles newcomers landed at (`landed`, in the order summed);
 * null without a curve or landings. W(slots) once for all of them: the backtest sums thousands of landings per
 * sync point on a busy subnet.
 */
export function landedMeanShare(curve: Curve, landed: ArrayLike<number>, slots: number): number | null {
  const m = curve.sharesDesc.length;
  if (m === 0 || slots < 1 || landed.length === 0) return null;
  const total = totalWeight(curve, slots);
  let sum = 0;
  for (let i = 0; i < landed.length; i++)
    sum += (curve.sharesDesc[Math.min(percentileRank(landed[i] as number, slots), m) - 1] as number) / total;
  return sum / landed.length;
}

/**
 * The newcomer's share at its position with `competitors` others; null if the curve is needed but missing.
 * 'landed' is the mean share over the percentiles newcomers landed at (`landed`, never empty): an expectation
 * given earning, so a mean of monotone shares stays monotone in the competitor count.
 */
export function positionShare(
  curve: Curve,
  position: Position,
  competitors: number,
  landed: readonly number[] = [],
): number | null {
  const slots = competitors + 1;
  if (position.kind === 'landed') {
    return landedMeanShare(curve, landed, slots);
  }
  const rank = rankForPosition(position, slots);
  if (rank === null) return 1 / slots;
  return slotShare(curve, rank, slots);
}
