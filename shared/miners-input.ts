/**
 * First look at what the user typed into the key field, before it goes anywhere: a seed phrase or a raw private key
 * must be refused on the spot (the renderer checks before sending; the core checks again). The SS58 checksum and
 * network prefix are checked by the core (electron/core/miners/address.ts).
 */

export const NEVER_PASTE_SECRETS =
  'Subnet Scout only needs public addresses (SS58, starting with 5). Never paste a seed phrase or a private key ' +
  'into any app or website: anyone who has it controls the wallet.';

/** Seed phrases are 12, 15, 18, 21 or 24 words; anything from 12 words of letters is treated as one. */
const MNEMONIC_MIN_WORDS = 12;

/** Why this text must not be accepted as a key, or null when it may be an address. */
export function secretLikeInput(text: string): string | null {
  const trimmed = text.trim();
  const words = trimmed.split(/\s+/).filter(Boolean);
  if (words.length >= MNEMONIC_MIN_WORDS && words.every((w) => /^[a-z]+$/i.test(w))) {
    return (
      `This looks like a seed phrase (${words.length} words). It was not stored. ${NEVER_PASTE_SECRETS} ` +
      'If it is a real one, treat the wallet as exposed and move its funds.'
    );
  }
  // 32 or 64 bytes of hex: a raw secret seed or key, never an address.
  if (/^(0x)?([0-9a-f]{64}|[0-9a-f]{128})$/i.test(trimmed)) {
    return `This looks like a raw key in hex, not an SS58 address. It was not stored. ${NEVER_PASTE_SECRETS}`;
  }
  if (words.length > 1) return 'An address is one word without spaces.';
  return null;
}
