/**
 * Incentive shapes seen on real subnets, as raw (unnormalised) weights per miner, and the u16 normalisation the
 * chain applies (incentive vectors sum to ~65535).
 */
import type { Distribution } from './catalog';

/** Share of miners that earn anything on a power-law subnet; the rest sit at zero as on most real subnets. */
const POWERLAW_EARNING_SHARE = 0.7;
/** On concentrated subnets this share of miners (at least two) takes everything. */
const CONCENTRATED_WINNER_SHARE = 0.04;

/**
 * Base weight of one miner from its "skill" draws (uniform u in [0,1), standard normal z), before time effects.
 * `rank` is the miner's position by skill (0 = best) among `miners`; concentrated subnets need it because a
 * fixed few must win however many miners there are.
 */
export function baseWeight(distribution: Distribution, u: number, z: number, rank: number, miners: number): number {
  switch (distribution) {
    case 'flat':
      return 1 + 0.05 * z;
    case 'concentrated': {
      const winners = Math.min(miners, Math.max(2, Math.round(miners * CONCENTRATED_WINNER_SHARE)));
      return rank < winners ? Math.pow(0.45, rank) * (1 + 0.1 * z) : 0;
    }
    case 'powerlaw':
    case 'partialBurn':
      return u < POWERLAW_EARNING_SHARE ? Math.exp(1.4 * z) : 0;
    case 'fullBurn':
      return 0;
  }
}

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
