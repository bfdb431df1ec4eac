/**
 * Checks a team key the user typed: a public SS58 address of the Bittensor network (prefix 42) with a valid
 * checksum. Anything that looks like a seed phrase or raw key is refused first, with a warning.
 */
import { readSs58 } from '../chain/ss58';
import { secretLikeInput } from '../../../shared/miners-input';

export const BITTENSOR_SS58_PREFIX = 42;

const NETWORK_NAMES: Record<number, string> = { 0: 'Polkadot', 2: 'Kusama' };

export type AddressCheck = { ok: true; address: string } | { ok: false; message: string };

function shortened(text: string): string {
  return text.length > 16 ? `${text.slice(0, 6)}…${text.slice(-4)}` : text;
}

export function checkTeamAddress(input: string): AddressCheck {
  const text = input.trim();
  if (text === '') return { ok: false, message: 'Enter a hotkey or coldkey address (SS58, starting with 5).' };
  const secret = secretLikeInput(text);
  if (secret) return { ok: false, message: secret };
  if (/^0x/i.test(text))
    return { ok: false, message: 'Enter the SS58 address (starting with 5), not a hex public key.' };
  const read = readSs58(text);
  if (!read.ok) {
    return {
      ok: false,
      message:
        read.problem === 'character'
          ? `“${shortened(text)}” is not an SS58 address: it contains “${read.character}”, which addresses never use (no 0, O, I or l).`
          : read.problem === 'length'
            ? `“${shortened(text)}” is not an account address (${read.bytes} bytes, not 32).`
            : `“${shortened(text)}” is not a valid SS58 address: its checksum does not match, so a character is probably mistyped or missing.`,
    };
  }
  if (read.prefix !== BITTENSOR_SS58_PREFIX) {
    const network = `SS58 prefix ${read.prefix}${NETWORK_NAMES[read.prefix] ? `, ${NETWORK_NAMES[read.prefix]}` : ''}`;
    return {
      ok: false,
      message:
        `This address belongs to another network (${network}). Bittensor addresses use prefix 42 and start with 5: ` +
        'copy the address from btcli or your wallet with the Bittensor network selected.',
    };
  }
  return { ok: true, address: text };
}
