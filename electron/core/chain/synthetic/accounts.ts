/**
 * Deterministic accounts (SS58, prefix 42) for hotkeys and coldkeys. A full network holds ~65k of them per block
 * and @polkadot's encodeAddress spends most of its ~25 µs in a generic base58; a fixed-size encoder here plus a
 * cache keeps generation fast. The reverse map lets the stand-in node turn an address back into its 32 bytes
 * without decoding base58 again.
 */
import { blake2b512 } from '../blake2b';
import { hash } from './rng';

const SS58_PREFIX = 42;
const SS58_PRE = new TextEncoder().encode('SS58PRE');
const ALPHABET = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';

/** Kinds of account; part of the derivation so a hotkey never collides with a coldkey. */
export const AccountKind = {
  ownerHotkey: 1,
  ownerColdkey: 2,
  validatorHotkey: 3,
  validatorColdkey: 4,
  minerHotkey: 5,
  minerColdkey: 6,
  operatorColdkey: 7,
} as const;
export type AccountKind = (typeof AccountKind)[keyof typeof AccountKind];

const bySpec = new Map<string, string>();
const publicKeys = new Map<string, Uint8Array>();

/** Base-58^7 limbs keep every intermediate below 2^53, so plain float arithmetic stays exact and fast. */
const LIMB = 58 ** 7;

function base58(bytes: Uint8Array): string {
  const limbs: number[] = [];
  for (const byte of bytes) {
    let carry = byte;
    for (let i = 0; i < limbs.length; i++) {
      const x = (limbs[i] ?? 0) * 256 + carry;
      carry = Math.floor(x / LIMB);
      limbs[i] = x - carry * LIMB;
    }
    while (carry > 0) {
      limbs.push(carry % LIMB);
      carry = Math.floor(carry / LIMB);
    }
  }
  const digits: number[] = [];
  for (const limb of limbs) {
    let v = limb;
    for (let j = 0; j < 7; j++) {
      digits.push(v % 58);
      v = Math.floor(v / 58);
    }
  }
  while (digits.length > 0 && digits[digits.length - 1] === 0) digits.pop();
  let out = '';
  for (let i = 0; i < bytes.length && bytes[i] === 0; i++) out += '1';
  for (let i = digits.length - 1; i >= 0; i--) out += ALPHABET[digits[i] ?? 0];
  return out;
}

/** SS58 address (prefix 42) of a 32-byte public key. */
export function ss58(publicKey: Uint8Array): string {
  const body = new Uint8Array(1 + publicKey.length);
  body[0] = SS58_PREFIX;
  body.set(publicKey, 1);
  const preimage = new Uint8Array(SS58_PRE.length + body.length);
  preimage.set(SS58_PRE);
  preimage.set(body, SS58_PRE.length);
  const checksum = blake2b512(preimage);
  const full = new Uint8Array(body.length + 2);
  full.set(body);
  full[body.length] = checksum[0] ?? 0;
  full[body.length + 1] = checksum[1] ?? 0;
  return base58(full);
}

/** The account for (seed, kind, a, b, c): the same coordinates always give the same address. */
export function account(seed: number, kind: AccountKind, a: number, b = 0, c = 0): string {
  const spec = `${seed}:${kind}:${a}:${b}:${c}`;
  const cached = bySpec.get(spec);
  if (cached !== undefined) return cached;
  const key = new Uint8Array(32);
  const view = new DataView(key.buffer);
  for (let i = 0; i < 8; i++) view.setUint32(i * 4, hash(seed ^ (kind << 24), a, b, c, i));
  const address = ss58(key);
  bySpec.set(spec, address);
  publicKeys.set(address, key);
  return address;
}

/** The public key of an address this module generated, or undefined for any other address. */
export function generatedPublicKey(address: string): Uint8Array | undefined {
  return publicKeys.get(address);
}
