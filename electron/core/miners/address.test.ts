import { describe, expect, it } from 'vitest';
import { decodeAddress, encodeAddress } from '@polkadot/util-crypto';
import { checkTeamAddress } from './address';
import { secretLikeInput } from '../../../shared/miners-input';

const ALICE = '5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY';
const message = (input: string) => {
  const r = checkTeamAddress(input);
  return r.ok ? null : r.message;
};

describe('team key addresses', () => {
  it('accepts a Bittensor (prefix 42) address, trimmed', () => {
    expect(checkTeamAddress(`  ${ALICE}\n`)).toEqual({ ok: true, address: ALICE });
  });

  it('refuses a bad checksum as a probable typo', () => {
    expect(message(`${ALICE.slice(0, -1)}Z`)).toMatch(/checksum does not match.*mistyped/);
    expect(message(ALICE.slice(0, 20))).toMatch(/checksum/);
  });

  it('names a character SS58 never uses', () => {
    expect(message('5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQl')).toMatch(/contains “l”/);
  });

  it('refuses another network’s address, saying which', () => {
    const polkadot = encodeAddress(decodeAddress(ALICE), 0);
    expect(message(polkadot)).toMatch(/another network \(SS58 prefix 0, Polkadot\).*prefix 42/);
    expect(message(encodeAddress(decodeAddress(ALICE), 2))).toMatch(/prefix 2, Kusama/);
  });

  it('refuses a seed phrase with a warning never to paste one, and says it was not stored', () => {
    const twelve = 'abandon ability able about above absent absorb abstract absurd abuse access accident';
    for (const phrase of [twelve, `${twelve} ${twelve}`, twelve.toUpperCase().replace(/ /g, '  ')]) {
      const m = message(phrase)!;
      expect(m).toMatch(/seed phrase/);
      expect(m).toMatch(/Never paste a seed phrase or a private key/);
      expect(m).toMatch(/not stored/);
      expect(m).not.toContain('abandon');
    }
  });

  it('refuses a raw hex key and text with spaces', () => {
    expect(message(`0x${'ab'.repeat(32)}`)).toMatch(/raw key in hex/);
    expect(message(`0x${'ab'.repeat(10)}`)).toMatch(/SS58 address \(starting with 5\), not a hex/);
    expect(message('5Grw vaEF')).toMatch(/without spaces/);
    expect(message('   ')).toMatch(/Enter a hotkey or coldkey address/);
  });

  it('lets ordinary short phrases through the secret check (the address check refuses them)', () => {
    expect(secretLikeInput('my rig hotkey')).toMatch(/without spaces/);
    expect(secretLikeInput(ALICE)).toBeNull();
  });
});
