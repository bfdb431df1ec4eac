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
