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
 * The spans as of each block come sorted without a sort: a pruned span never changes, and the spans still held all
 * grow with the block alike, so they keep the order of their immunity's end (latest first). Two orders fixed once,
 * filtered and merged at each block, where sorting the spans at each of hundreds of blocks was most of the backtest.
 */
export function heldSharesAt(
  registrations: readonly HeldRegistration[],
  at: readonly number[],
  immunityBlocks: number,
  lookbackBlocks: number,
  horizonsBlocks: readonly number[],
): number[][] {
  const froms: number[] = [];
  const tos: number[] = [];
  const starts: number[] = [];
  const prunedAt: number[] = [];
  for (const q of registrations) {
    if (q.coarse || !q.earned || q.firstIncentiveBlock === null) continue;
    const from = Math.max(q.firstIncentiveBlock, q.block + 1);
    const to = q.block + lookbackBlocks;
    if (from > to) continue;
    froms.push(from);
    tos.push(to);
    starts.push(q.block + immunityBlocks);
    prunedAt.push(q.prunedAtBlock ?? Infinity);
  }
  const count = froms.length;
  const byIndex = () => Array.from({ length: count }, (_, e) => e);
  const entering = byIndex().sort((a, b) => froms[a]! - froms[b]!);
  const leaving = byIndex().sort((a, b) => tos[a]! - tos[b]!);
  // A pruned span's key (fixed), and the order of the pruned by it and of the held by their span (start, latest first).
  const prunedKeys = starts.map((start, e) => spanKey(Math.max(0, prunedAt[e]! - start), true));
  const byPrunedSpan = byIndex()
    .filter((e) => prunedAt[e]! !== Infinity)
    .sort((a, b) => prunedKeys[a]! - prunedKeys[b]!);
  const byHeldSpan = byIndex().sort((a, b) => starts[b]! - starts[a]!);
  const playing = new Uint8Array(count);
  const pruned = new Float64Array(count);
  const keys = new Float64Array(count);
  const out: number[][] = [];
  let i = 0;
  let o = 0;
  for (const t of at) {
    for (; i < count && froms[entering[i]!]! <= t; i++) playing[entering[i]!] = 1;
    for (; o < count && tos[leaving[o]!]! < t; o++) playing[leaving[o]!] = 0;
    // The spans as of t (spanKey), ascending: the UIDs pruned by then, merged with those held past their immunity.
    let p = 0;
    for (const e of byPrunedSpan) if (playing[e] === 1 && prunedAt[e]! <= t) pruned[p++] = prunedKeys[e]!;
    let n = 0;
    let next = 0;
    for (const e of byHeldSpan) {
      if (playing[e] !== 1 || prunedAt[e]! <= t || t <= starts[e]!) continue;
      const key = spanKey(t - starts[e]!, false);
      while (next < p && pruned[next]! <= key) keys[n++] = pruned[next++]!;
      keys[n++] = key;
    }
    while (next < p) keys[n++] = pruned[next++]!;
    const seen = keys.subarray(0, n);
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
