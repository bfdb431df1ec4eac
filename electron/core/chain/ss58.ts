/**
 * SS58 text of 32-byte account ids, as @polkadot/types prints them (`AccountId.toString()`), but fast and cached.
 * A full network has ~60k key slots; encoding each with @polkadot/util-crypto or papi's AccountId costs 15–20 µs
 * (their base58 is a generic big-number conversion), which made accounts the largest single cost of a sync. The
 * checksum still uses @polkadot/util-crypto's blake2 (WASM once connect.ts has initialised it); base58 works in
 * five-digit limbs here, and most keys repeat from one sync to the next, so a bounded cache keeps them.
 */
import { blake2AsU8a } from '@polkadot/util-crypto';

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
  const checksum = blake2AsU8a(hashInput, 512);
  payload[pre.length + 32] = checksum[0]!;
  payload[pre.length + 33] = checksum[1]!;
  return base58(payload);
}

interface Entry {
  key: Uint8Array;
  text: string;
  next: Entry | undefined;
}

/** Keys by an FNV-1a hash of the 32 bytes, chained on collision: no string or buffer is made to look a key up. */
class TextCache {
  private buckets = new Map<number, Entry>();
  private size = 0;

  constructor(private readonly prefix: number) {}

  textOf(bytes: Uint8Array, offset: number): string {
    let hash = 0x811c9dc5;
    for (let i = offset; i < offset + 32; i++) hash = Math.imul(hash ^ bytes[i]!, 0x01000193);
    let head = this.buckets.get(hash);
    for (let e = head; e; e = e.next) if (sameKey(e.key, bytes, offset)) return e.text;
    // A plain copy: slice() would build the caller's subclass (scale-ts's own array type cannot be made that way).
    // The view throws a RangeError when fewer than 32 bytes are left.
    const key = new Uint8Array(new Uint8Array(bytes.buffer, bytes.byteOffset + offset, 32));
    const text = encodeSs58(key, this.prefix);
    if (this.size >= CACHE_LIMIT) {
      this.buckets.clear();
      this.size = 0;
      head = undefined;
    }
    this.buckets.set(hash, { key, text, next: head });
    this.size++;
    return text;
  }
}

function sameKey(key: Uint8Array, bytes: Uint8Array, offset: number): boolean {
  for (let i = 0; i < 32; i++) if (key[i] !== bytes[offset + i]) return false;
  return true;
}

const caches = new Map<number, TextCache>();

/**
 * A cached encoder for one prefix, reading the key at `offset` of `bytes` (so a decoder can pass its buffer as is).
 * The cache is shared by all callers in the process: keys outlive a sync.
 */
export function ss58Encoder(prefix: number): (bytes: Uint8Array, offset?: number) => string {
  let cache = caches.get(prefix);
  if (!cache) caches.set(prefix, (cache = new TextCache(prefix)));
  const texts = cache;
  return (bytes, offset = 0) => texts.textOf(bytes, offset);
}
