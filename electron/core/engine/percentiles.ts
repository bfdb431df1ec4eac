/**
 * Percentiles by linear interpolation between closest ranks (the "type 7" rule of numpy, R and spreadsheets), so
 * the figures match what an analyst recomputes in a spreadsheet from the same UIDs.
 */

/** p in [0, 1] over values sorted ascending; null for an empty list. */
export function percentileOfSorted(ascending: ArrayLike<number>, p: number): number | null {
  const n = ascending.length;
  if (n === 0) return null;
  const position = (n - 1) * Math.min(1, Math.max(0, p));
  const below = Math.floor(position);
  const lower = ascending[below] as number;
  if (below === n - 1) return lower;
  const upper = ascending[below + 1] as number;
  return lower + (position - below) * (upper - lower);
}

export interface PercentileValues {
  p25: number | null;
  p50: number | null;
  p75: number | null;
  p90: number | null;
  max: number | null;
}

export function percentileValues(ascending: ArrayLike<number>): PercentileValues {
  return {
    p25: percentileOfSorted(ascending, 0.25),
    p50: percentileOfSorted(ascending, 0.5),
    p75: percentileOfSorted(ascending, 0.75),
    p90: percentileOfSorted(ascending, 0.9),
    max: percentileOfSorted(ascending, 1),
  };
}

/**
 * The median of values that are never NaN (days, percentiles, absolute errors): the newcomer statistics and the
 * backtest share it. Two order statistics picked in place rather than a whole sort: a month of a busy network is
 * hundreds of thousands of values per sync, and only the middle is read.
 */
export function median(values: ArrayLike<number>): number | null {
  const n = values.length;
  if (n === 0) return null;
  const a = new Float64Array(values);
  const mid = n >> 1;
  select(a, mid);
  if (n % 2) return a[mid]!;
  // Everything before `mid` is at most a[mid] now: the largest of them is the other middle value.
  let below = a[0]!;
  for (let i = 1; i < mid; i++) if (a[i]! > below) below = a[i]!;
  return (below + a[mid]!) / 2;
}

/** Reorders `a` so that a[k] is the value a sort would put there, with none larger before it nor smaller after. */
function select(a: Float64Array, k: number): void {
  let lo = 0;
  let hi = a.length - 1;
  while (lo < hi) {
    const pivot = a[(lo + hi) >>> 1]!;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i]! < pivot) i++;
      while (a[j]! > pivot) j--;
      if (i <= j) {
        const t = a[i]!;
        a[i++] = a[j]!;
        a[j--] = t;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return;
  }
}
