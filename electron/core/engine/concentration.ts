/**
 * How concentrated rewards are among earning miners. All functions take non-negative values sorted ascending
 * (the order analyzeSubnet keeps them in) and return null when there is nothing to measure.
 */

function total(ascending: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < ascending.length; i++) sum += ascending[i] as number;
  return sum;
}

/**
 * Gini = Σ_i Σ_j |x_i − x_j| / (2 n² mean), computed in O(n) from the sorted values as
 * 2 Σ i·x_(i) / (n Σx) − (n + 1)/n (i from 1). 0 = everyone earns the same; → 1 = one miner earns everything.
 */
export function gini(ascending: ArrayLike<number>): number | null {
  const n = ascending.length;
  const sum = total(ascending);
  if (n === 0 || !(sum > 0)) return null;
  let weighted = 0;
  for (let i = 0; i < n; i++) weighted += (i + 1) * (ascending[i] as number);
  const g = (2 * weighted) / (n * sum) - (n + 1) / n;
  // Rounding can push an equal distribution a hair below 0.
  return Math.min(1, Math.max(0, g));
}

/** Share of the total held by the k largest values. */
export function topShare(ascending: ArrayLike<number>, k: number): number | null {
  const n = ascending.length;
  const sum = total(ascending);
  if (n === 0 || !(sum > 0)) return null;
  let top = 0;
  for (let i = n - 1; i >= Math.max(0, n - k); i--) top += ascending[i] as number;
  return top / sum;
}

/** Share held by the top 10% of holders (at least one). */
export function top10PctShare(ascending: ArrayLike<number>): number | null {
  return topShare(ascending, Math.max(1, Math.ceil(ascending.length * 0.1)));
}

/** Herfindahl–Hirschman index: Σ share² (1/n when equal, 1 for a monopoly). */
export function hhi(ascending: ArrayLike<number>): number | null {
  const sum = total(ascending);
  if (ascending.length === 0 || !(sum > 0)) return null;
  let h = 0;
  for (let i = 0; i < ascending.length; i++) {
    const s = (ascending[i] as number) / sum;
    h += s * s;
  }
  return h;
}

/** Nakamoto coefficient: the fewest holders that together hold more than half. */
export function nakamoto(ascending: ArrayLike<number>): number | null {
  const n = ascending.length;
  const sum = total(ascending);
  if (n === 0 || !(sum > 0)) return null;
  let held = 0;
  for (let i = n - 1; i >= 0; i--) {
    held += ascending[i] as number;
    if (held > sum / 2) return n - i;
  }
  return n;
}
