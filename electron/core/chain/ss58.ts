/**
 * SS58 text of 32-byte account ids, as @polkadot/types prints them (`AccountId.toString()`), but fast and cached.
 * A full network has ~60k key slots; encoding each with @polkadot/util-crypto or papi's AccountId costs 15–20 µs
 * (their base58 is a generic big-number conversion), which made accounts the largest single cost of a sync. The
 * checksum is blake2b.ts's; base58 works in five-digit limbs here, and most keys repeat from one sync to the next, so
 * a bounded cache keeps them. The same module reads addresses back (`readSs58`) for what a person types.
 */
import { blake2b512 } from './blake2b';

const ALPHABET = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
const CONTEXT = new TextEncoder().encode('SS58PRE');
/** Enough for every key of a few full networks; cleared whole when full (cheaper than an LRU for this use). */
const CACHE_LIMIT = 200_000;

/** Five base-58 digits per limb: 58^5 < 2^30, and a limb × 65536 + carry stays below 2^53 (exact in a double). */
const LIMB = 58 ** 5;
const limbs = new Float64Array(16);

/**
 * Base58 of a short byte string (35 bytes for an address), converted two bytes and five digits at a time: the
 * schoolbook digit-by-digit loop was most of a fresh process's cost for a network's 30k keys.
 */
function base58(bytes: Uint8Array): string {
  let zeros = 0;
  while (zeros < bytes.length && bytes[zeros] === 0) zeros++;
  let n = 0; // limbs in use, least significant first
  let i = zeros;
  while (i < bytes.length) {
    // Two bytes at a time; an odd count starts with one.
    const two = (bytes.length - i) % 2 === 0;
    let carry = two ? bytes[i]! * 256 + bytes[i + 1]! : bytes[i]!;
    const base = two ? 65536 : 256;
    i += two ? 2 : 1;
    for (let k = 0; k < n; k++) {
      const v = limbs[k]! * base + carry;
      carry = Math.floor(v / LIMB);
      limbs[k] = v - carry * LIMB;
    }
    while (carry > 0) {
      if (n === limbs.length) throw new Error('base58 input too long');
      limbs[n++] = carry % LIMB;
      carry = Math.floor(carry / LIMB);
    }
  }
  let out = '';
  for (let k = n - 1; k >= 0; k--) {
    let v = limbs[k]!;
    let chunk = '';
    for (let d = 0; d < 5; d++) {
      chunk = ALPHABET[v % 58]! + chunk;
      v = Math.floor(v / 58);
    }
    out += chunk;
  }
  let lead = 0;
  while (lead < out.length && out[lead] === '1') lead++; // the top limb's padding, not part of the number
  return '1'.repeat(zeros) + out.slice(lead);
}

/** The network prefix in its one- or two-byte SS58 form. */
function prefixBytes(prefix: number): Uint8Array {
  if (!Number.isInteger(prefix) || prefix < 0 || prefix > 16_383) throw new Error(`invalid SS58 prefix ${prefix}`);
  return prefix < 64
    ? Uint8Array.of(prefix)
    : Uint8Array.of(((prefix & 0xfc) >> 2) | 0x40, (prefix >> 8) | ((prefix & 0x03) << 6));
}

/** SS58 encoding of a 32-byte public key with `prefix`, uncached. */
export function encodeSs58(publicKey: Uint8Array, prefix: number): string {
  if (publicKey.length !== 32) throw new Error(`an account id has 32 bytes, got ${publicKey.length}`);
  const pre = prefixBytes(prefix);
  const payload = new Uint8Array(pre.length + 32 + 2);
  payload.set(pre, 0);
  payload.set(publicKey, pre.length);
  const hashInput = new Uint8Array(CONTEXT.length + pre.length + 32);
  hashInput.set(CONTEXT, 0);
  hashInput.set(payload.subarray(0, pre.length + 32), CONTEXT.length);
  const checksum = blake2b512(hashInput);
  payload[pre.length + 32] = checksum[0]!;
  payload[pre.length + 33] = checksum[1]!;
  return base58(payload);
}

const DIGITS = new Int8Array(128).fill(-1);
for (let d = 0; d < ALPHABET.length; d++) DIGITS[ALPHABET.charCodeAt(d)] = d;
/** Base-65536 limbs of a number being read from base 58, least significant first. */
const readLimbs = new Float64Array(24);

/**
 * The bytes a base-58 text stands for (its leading '1's as zero bytes), or null when a character is not base 58 or
 * the text is longer than any address. Read five digits at a time into 16-bit limbs (a limb × 58^5 + carry stays
 * below 2^53), the mirror of `base58`.
 */
function fromBase58(text: string): Uint8Array | null {
  let zeros = 0;
  while (zeros < text.length && text.charCodeAt(zeros) === 49 /* '1' */) zeros++;
  let n = 0;
  for (let i = zeros; i < text.length;) {
    const take = (text.length - i) % 5 || 5; // the first group takes what is left over
    let carry = 0;
    let base = 1;
    for (let k = 0; k < take; k++, i++) {
      const code = text.charCodeAt(i);
      const digit = code < 128 ? DIGITS[code]! : -1;
      if (digit < 0) return null;
      carry = carry * 58 + digit;
      base *= 58;
    }
    for (let k = 0; k < n; k++) {
      const v = readLimbs[k]! * base + carry;
      carry = Math.floor(v / 65536);
      readLimbs[k] = v - carry * 65536;
    }
    while (carry > 0) {
      if (n === readLimbs.length) return null;
      readLimbs[n++] = carry % 65536;
      carry = Math.floor(carry / 65536);
    }
  }
  const significant = n === 0 ? 0 : 2 * n - (readLimbs[n - 1]! < 256 ? 1 : 0);
  const out = new Uint8Array(zeros + significant);
  for (let j = 0; j < significant; j++) out[out.length - 1 - j] = (readLimbs[j >> 1]! >> (j & 1 ? 8 : 0)) & 255;
  return out;
}

export type Ss58Reading =
  | { ok: true; prefix: number; publicKey: Uint8Array }
  | { ok: false; problem: 'character'; character: string }
  | { ok: false; problem: 'checksum' }
  /** A well-formed address of a key that is not 32 bytes (not an account). */
  | { ok: false; problem: 'length'; bytes: number };

/** An SS58 address as a person typed it: its prefix and 32-byte key, or what is wrong with it. */
export function readSs58(text: string): Ss58Reading {
  for (const character of text) {
    const code = character.charCodeAt(0);
    if (character.length > 1 || code >= 128 || DIGITS[code]! < 0) return { ok: false, problem: 'character', character };
  }
  const payload = fromBase58(text);
  // The first byte says how long the prefix is: one byte below 64, two below 128; above that is not SS58.
  const preLength = payload && payload.length > 0 && payload[0]! < 128 ? (payload[0]! < 64 ? 1 : 2) : 0;
  const body = (payload?.length ?? 0) - 2; // prefix and key, before the two checksum bytes
  if (!payload || preLength === 0 || body <= preLength) return { ok: false, problem: 'checksum' };
  const hashInput = new Uint8Array(CONTEXT.length + body);
  hashInput.set(CONTEXT, 0);
  hashInput.set(payload.subarray(0, body), CONTEXT.length);
  const checksum = blake2b512(hashInput);
  if (checksum[0] !== payload[body] || checksum[1] !== payload[body + 1]) return { ok: false, problem: 'checksum' };
  if (body - preLength !== 32) return { ok: false, problem: 'length', bytes: body - preLength };
  const [b0, b1] = [payload[0]!, payload[1]!];
  const prefix = preLength === 1 ? b0 : ((b0 & 0x3f) << 2) | (b1 >> 6) | ((b1 & 0x3f) << 8);
  return { ok: true, prefix, publicKey: payload.slice(preLength, body) };
}

/**
 * Keys by an FNV-1a hash of the 32 bytes, chained on collision: no string or buffer is made to look a key up. Entry
 * `e` is held in columns (its key at `keys[32e…]`, its text, the next entry of its chain): one slot each instead of
 * an object and a key array per entry, which a fresh process made ~30k of, all garbage the collector copied.
 */
class TextCache {
  /** The first entry of each hash's chain. */
  private heads = new Map<number, number>();
  private keys = new Uint8Array(32 * 4096);
  /** The next entry of the same chain; -1 ends it. */
  private next = new Int32Array(4096);
  private texts: string[] = [];
  /** The texts held, so one already known is not decoded again to be remembered. */
  private held = new Set<string>();
  private readonly prefixBytes: Uint8Array;

  constructor(private readonly prefix: number) {
    this.prefixBytes = prefixBytes(prefix);
  }

  textOf(bytes: Uint8Array, offset: number): string {
    const hash = hashOf(bytes, offset);
    const found = this.find(hash, bytes, offset);
    if (found >= 0) return this.texts[found]!;
    // The view throws a RangeError when fewer than 32 bytes are left.
    const text = encodeSs58(new Uint8Array(bytes.buffer, bytes.byteOffset + offset, 32), this.prefix);
    this.add(hash, bytes, offset, text);
    return text;
  }

  /** Learns a text this encoder made earlier (see rememberSs58); one of another prefix or shape is ignored. */
  remember(text: string): void {
    if (this.held.has(text)) return;
    const pre = this.prefixBytes;
    const payload = fromBase58(text);
    if (!payload || payload.length !== pre.length + 34 || pre.some((b, i) => payload[i] !== b)) return;
    const hash = hashOf(payload, pre.length);
    if (this.find(hash, payload, pre.length) < 0) this.add(hash, payload, pre.length, text);
  }

  private find(hash: number, bytes: Uint8Array, offset: number): number {
    for (let e = this.heads.get(hash) ?? -1; e >= 0; e = this.next[e]!) {
      let same = true;
      for (let i = 0, at = 32 * e; same && i < 32; i++) same = this.keys[at + i] === bytes[offset + i];
      if (same) return e;
    }
    return -1;
  }

  private add(hash: number, bytes: Uint8Array, offset: number, text: string): void {
    if (this.texts.length >= CACHE_LIMIT) {
      this.heads.clear();
      this.texts = [];
      this.held.clear();
    }
    const e = this.texts.length;
    if (e === this.next.length) {
      const keys = new Uint8Array(this.keys.length * 2);
      keys.set(this.keys);
      this.keys = keys;
      const next = new Int32Array(this.next.length * 2);
      next.set(this.next);
      this.next = next;
    }
    for (let i = 0; i < 32; i++) this.keys[32 * e + i] = bytes[offset + i]!;
    this.next[e] = this.heads.get(hash) ?? -1;
    this.heads.set(hash, e);
    this.texts.push(text);
    this.held.add(text);
  }
}

function hashOf(bytes: Uint8Array, offset: number): number {
  let hash = 0x811c9dc5;
  for (let i = offset; i < offset + 32; i++) hash = Math.imul(hash ^ bytes[i]!, 0x01000193);
  return hash;
}

const caches = new Map<number, TextCache>();

function cacheFor(prefix: number): TextCache {
  let cache = caches.get(prefix);
  if (!cache) caches.set(prefix, (cache = new TextCache(prefix)));
  return cache;
}

/**
 * A cached encoder for one prefix, reading the key at `offset` of `bytes` (so a decoder can pass its buffer as is).
 * The cache is shared by all callers in the process: keys outlive a sync.
 */
export function ss58Encoder(prefix: number): (bytes: Uint8Array, offset?: number) => string {
  const texts = cacheFor(prefix);
  return (bytes, offset = 0) => texts.textOf(bytes, offset);
}

/**
 * Teaches the cache the texts of keys met before (the keys the database stored at the last sync), so that in a fresh
 * process the ~30k keys a sync meets again are not hashed and encoded again: reading a text back to its key is
 * base 58 alone (~1 µs), encoding adds a blake2 checksum (~4 µs). The checksum is not verified: these texts came from
 * this encoder (the database's accounts are written only from keys the chain sent), and verifying would cost what
 * this saves. Texts of another prefix or shape are ignored; a text already held costs one Set lookup.
 */
export function rememberSs58(prefix: number, texts: Iterable<string | undefined>): void {
  const cache = cacheFor(prefix);
  for (const text of texts) if (text !== undefined) cache.remember(text);
}
