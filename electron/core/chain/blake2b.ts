/**
 * BLAKE2b with a 64-byte digest and no key (RFC 7693), the hash of SS58 checksums. Written here so the core needs no
 * crypto package at all: @polkadot/util-crypto, which the checksums used before, cost a fresh process ~0.2 s to load
 * and to start its WASM, more than hashing the few hundred new keys of an hourly sync takes, and Node's own
 * `blake2b512` is missing from the BoringSSL inside Electron (the installed app's CLI and core run there). Not
 * @noble/hashes' `blake2b` (what substrate-bindings hashes storage keys with): measured on 60k SS58 checksums (a
 * first sync's keys) it took 2.5 s against 0.2 s here. Checked against Node's `blake2b512` at every length 0–300.
 *
 * 64-bit words are held as two 32-bit halves (low at even, high at odd indexes) so everything stays in small integers.
 */

/** The initialisation vector: SHA-512's, as (low, high) 32-bit halves. */
const IV = Uint32Array.of(
  0xf3bcc908,
  0x6a09e667,
  0x84caa73b,
  0xbb67ae85,
  0xfe94f82b,
  0x3c6ef372,
  0x5f1d36f1,
  0xa54ff53a,
  0xade682d1,
  0x510e527f,
  0x2b3e6c1f,
  0x9b05688c,
  0xfb41bd6b,
  0x1f83d9ab,
  0x137e2179,
  0x5be0cd19,
);

/** The message word schedule of each of the 12 rounds (rounds 10 and 11 repeat 0 and 1). */
const SIGMA = [
  [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15],
  [14, 10, 4, 8, 9, 15, 13, 6, 1, 12, 0, 2, 11, 7, 5, 3],
  [11, 8, 12, 0, 5, 2, 15, 13, 10, 14, 3, 6, 7, 1, 9, 4],
  [7, 9, 3, 1, 13, 12, 11, 14, 2, 6, 5, 10, 4, 0, 15, 8],
  [9, 0, 5, 7, 2, 4, 10, 15, 14, 1, 11, 12, 6, 8, 3, 13],
  [2, 12, 6, 10, 0, 11, 8, 3, 4, 13, 7, 5, 15, 14, 1, 9],
  [12, 5, 1, 15, 14, 13, 4, 10, 0, 7, 6, 3, 9, 2, 8, 11],
  [13, 11, 7, 14, 12, 1, 3, 9, 5, 0, 15, 4, 8, 6, 2, 10],
  [6, 15, 14, 9, 11, 3, 0, 8, 12, 2, 13, 7, 1, 4, 10, 5],
  [10, 2, 8, 4, 7, 6, 1, 5, 15, 11, 9, 14, 3, 12, 13, 0],
];
/** SIGMA as offsets into the message's (low, high) halves, round by round. */
const SCHEDULE = Uint8Array.from({ length: 12 * 16 }, (_, i) => 2 * SIGMA[Math.floor(i / 16) % 10]![i % 16]!);

const v = new Uint32Array(32);
const m = new Uint32Array(32);

/** v[a] += v[b] + (the message word at offset x), in 64 bits. */
function add3(a: number, b: number, x: number): void {
  const lo = v[a]! + v[b]! + m[x]!;
  // Each low half is below 2^32, so the sum of three stays exact in a double; what is above 2^32 carries.
  v[a + 1] = v[a + 1]! + v[b + 1]! + m[x + 1]! + ((lo / 0x100000000) | 0);
  v[a] = lo;
}

function add2(a: number, b: number): void {
  const lo = v[a]! + v[b]!;
  v[a + 1] = v[a + 1]! + v[b + 1]! + (lo > 0xffffffff ? 1 : 0);
  v[a] = lo;
}

/** v[d] = (v[d] ^ v[a]) rotated right by 32 bits (the halves swapped). */
function xorRotate32(d: number, a: number): void {
  const lo = v[d]! ^ v[a]!;
  v[d] = v[d + 1]! ^ v[a + 1]!;
  v[d + 1] = lo;
}

/** v[d] = (v[d] ^ v[a]) rotated right by `r` bits, 0 < r < 32 (32 and 63 have their own, branch-free, functions). */
function xorRotate(d: number, a: number, r: number): void {
  const lo = v[d]! ^ v[a]!;
  const hi = v[d + 1]! ^ v[a + 1]!;
  v[d] = (lo >>> r) | (hi << (32 - r));
  v[d + 1] = (hi >>> r) | (lo << (32 - r));
}

/** v[d] = (v[d] ^ v[a]) rotated right by 63 bits, i.e. left by 1. */
function xorRotate63(d: number, a: number): void {
  const lo = v[d]! ^ v[a]!;
  const hi = v[d + 1]! ^ v[a + 1]!;
  v[d] = (lo << 1) | (hi >>> 31);
  v[d + 1] = (hi << 1) | (lo >>> 31);
}

/** The mixing function G on words a, b, c, d (as offsets of their halves) with message offsets x and y. */
function mix(a: number, b: number, c: number, d: number, x: number, y: number): void {
  add3(a, b, x);
  xorRotate32(d, a);
  add2(c, d);
  xorRotate(b, c, 24);
  add3(a, b, y);
  xorRotate(d, a, 16);
  add2(c, d);
  xorRotate63(b, c);
}

/** Compresses the 128-byte block at `offset` of `block` into `h`; `bytes` counts the input so far. */
function compress(h: Uint32Array, block: Uint8Array, offset: number, bytes: number, last: boolean): void {
  for (let i = 0; i < 32; i++) {
    const at = offset + 4 * i;
    m[i] = block[at]! | (block[at + 1]! << 8) | (block[at + 2]! << 16) | (block[at + 3]! << 24);
  }
  v.set(h, 0);
  v.set(IV, 16);
  // The byte counter (below 2^53 here, so its high 64 bits stay zero) and the last-block flag.
  v[24] = v[24]! ^ bytes;
  v[25] = v[25]! ^ Math.floor(bytes / 0x100000000);
  if (last) {
    v[28] = ~v[28]!;
    v[29] = ~v[29]!;
  }
  for (let round = 0; round < 12; round++) {
    const s = round * 16;
    mix(0, 8, 16, 24, SCHEDULE[s]!, SCHEDULE[s + 1]!);
    mix(2, 10, 18, 26, SCHEDULE[s + 2]!, SCHEDULE[s + 3]!);
    mix(4, 12, 20, 28, SCHEDULE[s + 4]!, SCHEDULE[s + 5]!);
    mix(6, 14, 22, 30, SCHEDULE[s + 6]!, SCHEDULE[s + 7]!);
    mix(0, 10, 20, 30, SCHEDULE[s + 8]!, SCHEDULE[s + 9]!);
    mix(2, 12, 22, 24, SCHEDULE[s + 10]!, SCHEDULE[s + 11]!);
    mix(4, 14, 16, 26, SCHEDULE[s + 12]!, SCHEDULE[s + 13]!);
    mix(6, 8, 18, 28, SCHEDULE[s + 14]!, SCHEDULE[s + 15]!);
  }
  for (let i = 0; i < 16; i++) h[i] = h[i]! ^ v[i]! ^ v[i + 16]!;
}

/** BLAKE2b-512 of `input`. */
export function blake2b512(input: Uint8Array): Uint8Array {
  const h = IV.slice();
  h[0] = h[0]! ^ 0x01010040; // parameter block: digest length 64, no key, fanout 1, depth 1
  const blocks = Math.max(1, Math.ceil(input.length / 128));
  const padded = new Uint8Array(128);
  for (let b = 0; b < blocks; b++) {
    const start = b * 128;
    const last = b === blocks - 1;
    if (!last) {
      compress(h, input, start, start + 128, false);
    } else {
      padded.fill(0);
      padded.set(input.subarray(start));
      compress(h, padded, 0, input.length, true);
    }
  }
  const out = new Uint8Array(64);
  for (let i = 0; i < 16; i++) {
    out[4 * i] = h[i]!;
    out[4 * i + 1] = h[i]! >>> 8;
    out[4 * i + 2] = h[i]! >>> 16;
    out[4 * i + 3] = h[i]! >>> 24;
  }
  return out;
}
