/**
 * Normalises non-negative weights to u16 proportions summing to exactly 65535 (largest-remainder rounding), or
 * all zeros when nothing earns. The chain's own rounding leaves sums slightly off 65535; exact is fine for tests.
 */
export function normalizeU16(weights: readonly number[]): number[] {
  let total = 0;
  for (const w of weights) total += w > 0 ? w : 0;
  const out = new Array<number>(weights.length).fill(0);
  if (total <= 0) return out;
  const remainders: Array<[number, number]> = [];
  let assigned = 0;
  for (let i = 0; i < weights.length; i++) {
    const w = weights[i] ?? 0;
    if (w <= 0) continue;
    const exact = (w / total) * 65535;
    const floor = Math.floor(exact);
    out[i] = floor;
    assigned += floor;
    remainders.push([exact - floor, i]);
  }
  remainders.sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0; k < 65535 - assigned; k++) {
    const idx = remainders[k % remainders.length]?.[1];
    if (idx !== undefined) out[idx] = (out[idx] ?? 0) + 1;
  }
  return out;
}
