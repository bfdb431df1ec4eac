/**
 * How much of a horizon a newcomer that earns keeps its UID. A forecast of α/day "while registered" overstates what a
 * newcomer is paid over its first 7 or 30 days wherever registrations keep pruning: on a crowded subnet paying every
 * miner alike, the simulated newcomers held their slot a few days, then earned 0 (the backtest forecast 2–4× what
 * they were paid before this was counted).
 *
 * Measured from the same newcomers the P(earn) comes from: the earners of the lookback (known to have earned by the
 * sync before the forecast), each followed from the end of its immunity (the chain never prunes an immune UID: ST
 * subnets/registration.rs get_neuron_to_prune) to its pruning, or to that sync if still held then. The
 * share of a horizon of H blocks held is (I + ∫₀^(H−I) S(x) dx) / H for immunity I, with S the Kaplan–Meier survival
 * of those spans (a UID still held is censored, not counted as pruned); past the longest span seen, S stays as it
 * was last seen. No earner past its immunity yet: 1 (nothing says they are pruned).
 */

/** What `heldShares` needs of a followed registration (newcomer-history.ts Registration). */
export interface HeldRegistration {
  block: number;
  coarse: boolean;
  earned: boolean;
  firstIncentiveBlock: number | null;
  prunedAtBlock: number | null;
}

/**
 * A span as one sortable number: blocks held after immunity, doubled, plus 1 if still held (censored). Sorted
 * ascending, a pruning comes before a censoring at the same span, as Kaplan–Meier counts them; a typed array of these
 * sorts several times faster than pairs with a comparator (a busy subnet has thousands of earners a month).
 */
export function spanKey(blocks: number, pruned: boolean): number {
  return blocks * 2 + (pruned ? 0 : 1);
}

/** The spans of the earners as of `t`, sorted (spanKey). */
function spansAt(earners: Iterable<HeldRegistration>, count: number, t: number, immunityBlocks: number): Float64Array {
  const keys = new Float64Array(count);
  let n = 0;
  for (const q of earners) {
    const start = q.block + immunityBlocks;
    const pruned = q.prunedAtBlock !== null && q.prunedAtBlock <= t;
    if (!pruned && t <= start) continue;
    keys[n++] = spanKey(pruned ? Math.max(0, q.prunedAtBlock! - start) : t - start, pruned);
  }
  return keys.subarray(0, n).sort();
}

/** The share of `horizonBlocks` held, from the spans (spanKey, ascending) by the restricted mean above. */
export function heldShare(spans: ArrayLike<number>, immunityBlocks: number, horizonBlocks: number): number {
  const after = horizonBlocks - immunityBlocks;
  if (after <= 0 || spans.length === 0) return 1;
  let survival = 1;
  let x = 0;
  let area = 0;
  let atRisk = spans.length;
  for (let i = 0; i < spans.length; i++) {
    const key = spans[i] as number;
    const span = Math.floor(key / 2);
    if (span >= after) break;
    area += survival * (span - x);
    x = span;
    if (key % 2 === 0) survival *= 1 - 1 / atRisk;
    atRisk--;
  }
  area += survival * (after - x);
  return (immunityBlocks + area) / horizonBlocks;
}

/**
 * For each block in `at` (ascending), the shares of each horizon held, from the earners registered in the
 * `lookbackBlocks` before it as known then: a sweep keeps the earners in play (from the block each is known to have
 * earned, after its registration, to `lookbackBlocks` after its registration), so each enters and leaves once.
 */
export function heldSharesAt(
  registrations: readonly HeldRegistration[],
  at: readonly number[],
  immunityBlocks: number,
  lookbackBlocks: number,
  horizonsBlocks: readonly number[],
): number[][] {
  type Span = { from: number; to: number; q: HeldRegistration };
  const spans: Span[] = [];
  for (const q of registrations) {
    if (q.coarse || !q.earned || q.firstIncentiveBlock === null) continue;
    const from = Math.max(q.firstIncentiveBlock, q.block + 1);
    const to = q.block + lookbackBlocks;
    if (from <= to) spans.push({ from, to, q });
  }
  const entering = [...spans].sort((a, b) => a.from - b.from);
  const leaving = [...spans].sort((a, b) => a.to - b.to);
  const inPlay = new Set<HeldRegistration>();
  const out: number[][] = [];
  let i = 0;
  let o = 0;
  for (const t of at) {
    for (; i < entering.length && entering[i]!.from <= t; i++) inPlay.add(entering[i]!.q);
    for (; o < leaving.length && leaving[o]!.to < t; o++) inPlay.delete(leaving[o]!.q);
    const seen = spansAt(inPlay, inPlay.size, t, immunityBlocks);
    out.push(horizonsBlocks.map((h) => heldShare(seen, immunityBlocks, h)));
  }
  return out;
}

/** Months of held shares kept in the model: the longest horizon the what-if offers (longer ones use the last). */
export const HELD_MONTHS = 36;

/**
 * The live forecast's held shares: as of the newest point, from the earners registered in the window before it, for
 * horizons of 1 to HELD_MONTHS months; null when no earner was seen past its immunity (nothing measured).
 */
export function heldShareByMonth(
  registrations: readonly HeldRegistration[],
  newestBlock: number,
  immunityBlocks: number,
  windowBlocks: number,
  blocksPerMonth: number,
): number[] | null {
  const months = Array.from({ length: HELD_MONTHS }, (_, m) => (m + 1) * blocksPerMonth);
  const [shares] = heldSharesAt(registrations, [newestBlock], immunityBlocks, windowBlocks, months);
  return shares!.every((s) => s === 1) ? null : shares!;
}
