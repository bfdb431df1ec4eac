import { createHash, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { blake2b512 } from './blake2b';

const reference = (input: Uint8Array) => new Uint8Array(createHash('blake2b512').update(input).digest());

describe('BLAKE2b-512', () => {
  it('matches the RFC 7693 example ("abc")', () => {
    expect(Buffer.from(blake2b512(new TextEncoder().encode('abc'))).toString('hex')).toBe(
      'ba80a53f981c4d0d6a2797b69f12f6e94c212f14685ac4b74b12bb6fdbffa2d1' +
        '7d87c5392aab792dc252d5de4533cc9518d38aa8dbf1925ab92386edd4009923',
    );
  });

  it('matches Node’s blake2b512 at every length around the 128-byte blocks', () => {
    for (let length = 0; length <= 300; length++) {
      const input = new Uint8Array(randomBytes(length));
      expect(blake2b512(input)).toEqual(reference(input));
    }
  });
});
