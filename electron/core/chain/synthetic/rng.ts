/**
 * Deterministic randomness for the synthetic network. Everything the generator produces is a pure function of
 * (seed, what, where, when), so any past block can be regenerated without replaying the chain: instead of a
 * stateful stream we hash coordinates. The hash is murmur3-style integer mixing: fast, allocation-free and good
 * enough for simulation (not for cryptography).
 */

/** Turns a user seed (number or text) into a 32-bit integer. */
export function seedFrom(seed: number | string): number {
  if (typeof seed === 'number') return seed >>> 0;
  let h = 0x811c9dc5; // FNV-1a: stable across runs and platforms
  for (let i = 0; i < seed.length; i++) {
    h ^= seed.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function mix(h: number, v: number): number {
  let k = Math.imul(v | 0, 0xcc9e2d51);
  k = (k << 15) | (k >>> 17);
  k = Math.imul(k, 0x1b873593);
  h ^= k;
  h = (h << 13) | (h >>> 19);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}

function finish(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * Hash of up to five coordinates. Fixed arity on purpose: this sits in the per-UID hot path and must not
 * allocate. Values must be integers below 2^32 (block numbers and netuids are).
 */
export function hash(seed: number, a: number, b = 0, c = 0, d = 0): number {
  let h = mix(seed, a);
  h = mix(h, b);
  h = mix(h, c);
  h = mix(h, d);
  return finish(h);
}

/** One noise stream per (purpose tag, subject), so two purposes never share random values. */
export function stream(tag: number, subject: number): number {
  return tag * 65_536 + subject;
}

/** A hash mapped to [0, 1). */
export function unit(seed: number, a: number, b = 0, c = 0, d = 0): number {
  return hash(seed, a, b, c, d) / 4294967296;
}

/** Standard normal from two hashed uniforms (Box-Muller). */
export function gaussian(seed: number, a: number, b = 0, c = 0): number {
  const u1 = (hash(seed, a, b, c, 1) + 1) / 4294967297;
  const u2 = hash(seed, a, b, c, 2) / 4294967296;
  return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
}

/**
 * Smooth value noise in [-1, 1] over time t (block number): random values at multiples of `scale` blocks,
 * interpolated with smoothstep. Summing a few scales gives prices that drift like a market but are still a
 * closed-form function of the block.
 */
export function valueNoise(seed: number, key: number, t: number, scale: number): number {
  const x = t / scale;
  const i = Math.floor(x);
  const f = x - i;
  const s = f * f * (3 - 2 * f);
  const a = unit(seed, key, i, scale);
  const b = unit(seed, key, i + 1, scale);
  return (a + (b - a) * s) * 2 - 1;
}

/** Sum of value-noise octaves; `octaves` pairs a scale (blocks) with an amplitude. */
export function fractalNoise(
  seed: number,
  key: number,
  t: number,
  octaves: ReadonlyArray<readonly [number, number]>,
): number {
  let total = 0;
  for (const [scale, amplitude] of octaves) total += amplitude * valueNoise(seed, key, t, scale);
  return total;
}

/** A small sequential generator for one-off choices (names, static parameters), seeded from a hash. */
export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0 || 0x9e3779b9;
  }

  /** mulberry32: one 32-bit state word, plenty for picking names and parameters. */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) | 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  int(maxExclusive: number): number {
    return Math.floor(this.next() * maxExclusive);
  }

  range(min: number, max: number): number {
    return min + (max - min) * this.next();
  }

  pick<T>(items: readonly T[]): T {
    const item = items[this.int(items.length)];
    if (item === undefined) throw new Error('Rng.pick on an empty list');
    return item;
  }

  /** Log-normal around `median` with log-space spread `sigma`. */
  logNormal(median: number, sigma: number): number {
    const u1 = 1 - this.next();
    const u2 = this.next();
    return median * Math.exp(sigma * Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2));
  }
}
