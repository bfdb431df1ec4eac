import { randomBytes } from 'node:crypto';
import { encodeAddress } from '@polkadot/util-crypto';
import { describe, expect, it, vi } from 'vitest';
import { encodeSs58, readSs58, rememberSs58, ss58Encoder } from './ss58';

/** Checksums hashed by the encoder: a key it already knows costs none. */
const hashed = vi.hoisted(() => ({ count: 0 }));
vi.mock('./blake2b', async (importOriginal) => {
  const real = await importOriginal<typeof import('./blake2b')>();
  return {
    blake2b512: (input: Uint8Array) => {
      hashed.count++;
      return real.blake2b512(input);
    },
  };
});

const keys = Array.from({ length: 300 }, (_, i) => {
  const key = new Uint8Array(randomBytes(32));
  if (i % 50 === 0) key.fill(0, 0, i % 7); // leading zero bytes take base58's '1' path
  return key;
});

describe('SS58 text of account ids', () => {
  it('matches @polkadot/util-crypto for one- and two-byte prefixes', () => {
    for (const prefix of [0, 42, 63, 64, 1000, 16_383]) {
      for (const key of keys) expect(encodeSs58(key, prefix)).toBe(encodeAddress(key, prefix));
    }
  });

  it('reads the key at an offset, and answers repeats from the cache with the same text', () => {
    const text = ss58Encoder(42);
    const buffer = new Uint8Array(5 + 32 * keys.length);
    keys.forEach((key, i) => buffer.set(key, 5 + 32 * i));
    for (let round = 0; round < 2; round++) {
      keys.forEach((key, i) => expect(text(buffer, 5 + 32 * i)).toBe(encodeAddress(key, 42)));
    }
    expect(text(keys[3]!)).toBe(encodeAddress(keys[3]!, 42));
  });

  it('answers keys whose text it was given (the stored keys) with that text, without hashing them again', () => {
    for (const prefix of [0, 42, 1000]) {
      const fresh = keys.map((key) => Uint8Array.from(key, (b) => b ^ (prefix % 251))); // keys this process never met
      const texts = fresh.map((key) => encodeAddress(key, prefix));
      rememberSs58(prefix, [...texts, undefined]);
      hashed.count = 0;
      const text = ss58Encoder(prefix);
      fresh.forEach((key, i) => expect(text(key)).toBe(texts[i]));
      expect(hashed.count).toBe(0);
    }
  });

  it('ignores texts of another prefix or that are no key at all, and still encodes those keys right', () => {
    const others = keys.map((key) => Uint8Array.from(key, (b) => b ^ 0x5a));
    rememberSs58(7, [...others.map((key) => encodeAddress(key, 42)), '', '0OIl', '1'.repeat(48), 'z'.repeat(60)]);
    hashed.count = 0;
    const text = ss58Encoder(7);
    others.forEach((key) => expect(text(key)).toBe(encodeAddress(key, 7)));
    expect(hashed.count).toBe(others.length);
  });

  it('reads addresses back to their prefix and key, and says what is wrong with one that is not', () => {
    for (const prefix of [0, 42, 63, 64, 1000, 16_383]) {
      for (const key of keys.slice(0, 60))
        expect(readSs58(encodeAddress(key, prefix))).toEqual({ ok: true, prefix, publicKey: key });
      // Fixed keys: a random typo keeps a valid checksum once in 65,536.
      for (let k = 0; k < 8; k++) {
        const text = encodeAddress(
          new Uint8Array(32).map((_, i) => (i * 37 + k * 101) & 255),
          prefix,
        );
        const typo = text.slice(0, 20) + (text[20] === 'z' ? 'y' : 'z') + text.slice(21);
        expect(readSs58(typo)).toEqual({ ok: false, problem: 'checksum' });
      }
    }
    expect(readSs58('5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQl')).toEqual({
      ok: false,
      problem: 'character',
      character: 'l',
    });
    expect(readSs58(encodeAddress(new Uint8Array(33).fill(3), 42))).toEqual({
      ok: false,
      problem: 'length',
      bytes: 33,
    });
    for (const text of ['', '1', '5Grwva', 'z'.repeat(80)]) expect(readSs58(text)).toMatchObject({ ok: false });
  });

  it('refuses fewer than 32 bytes and invalid prefixes', () => {
    expect(() => ss58Encoder(42)(new Uint8Array(40), 20)).toThrow(RangeError);
    expect(() => encodeSs58(new Uint8Array(31), 42)).toThrow(/32 bytes/);
    expect(() => encodeSs58(keys[0]!, 16_384)).toThrow(/prefix/);
  });
});
