import { describe, expect, it } from 'vitest';
import { encodeAddress } from '@polkadot/util-crypto';
import { DEFAULT_HEAD_BLOCK } from './constants';
import { SyntheticNetwork } from './network';

const HEAD = DEFAULT_HEAD_BLOCK;
const key = (byte: number) => encodeAddress(new Uint8Array(32).fill(byte), 42);
// SN7 of this network has a flat reward curve: most miners earn.
const OPTIONS = { seed: 7, subnetCount: 10, maxUids: 24 };
const NETUID = 7;

describe('synthetic network: team hotkeys', () => {
  const plain = new SyntheticNetwork(OPTIONS);
  // A slot on SN7 that is replaced naturally soon after HEAD, and whose holder registered well before.
  const slot = plain
    .teamSlotCandidates(NETUID, HEAD)
    .find(
      (c) => c.nextReplacementAt !== null && c.holderRegisteredAt < HEAD - 9000 && c.nextReplacementAt > HEAD + 100,
    )!;
  const placement = { hotkey: key(1), coldkey: key(2), netuid: NETUID, uid: slot.uid, registeredAt: HEAD - 8000 };
  const team = new SyntheticNetwork({ ...OPTIONS, teamHotkeys: [placement] });

  it('holds the given UID from its registration block, with its keys', () => {
    expect(slot).toBeDefined();
    const before = team.stateAt(placement.registeredAt - 1).subnets.get(NETUID)!.metagraph;
    expect(before.hotkeys[slot.uid]).not.toBe(placement.hotkey);
    for (const block of [placement.registeredAt, HEAD, slot.nextReplacementAt! - 1]) {
      const m = team.stateAt(block).subnets.get(NETUID)!.metagraph;
      expect(m.hotkeys[slot.uid]).toBe(placement.hotkey);
      expect(m.coldkeys[slot.uid]).toBe(placement.coldkey);
      expect(m.blockAtRegistration[slot.uid]).toBe(BigInt(placement.registeredAt));
    }
  });

  it('earns like any occupant once it has run an epoch', () => {
    const m = team.stateAt(HEAD).subnets.get(NETUID)!.metagraph;
    expect(m.incentives[slot.uid]).toBeGreaterThan(0);
    expect(m.emission[slot.uid]).toBeGreaterThan(0n);
  });

  it('is pruned by the next natural replacement', () => {
    const after = team.stateAt(slot.nextReplacementAt!).subnets.get(NETUID)!.metagraph;
    expect(after.hotkeys[slot.uid]).not.toBe(placement.hotkey);
    expect(after.blockAtRegistration[slot.uid]).toBe(BigInt(slot.nextReplacementAt!));
  });

  it('leaves every other UID and subnet as the network without a team has them', () => {
    const a = plain.stateAt(HEAD);
    const b = team.stateAt(HEAD);
    for (const netuid of [0, 1, 2, 3, 4, 5, 6, 8, 9])
      expect(b.subnets.get(netuid)?.metagraph).toEqual(a.subnets.get(netuid)?.metagraph);
    const ma = a.subnets.get(NETUID)!.metagraph;
    const mb = b.subnets.get(NETUID)!.metagraph;
    const others = (m: typeof ma) => m.hotkeys.filter((_, uid) => uid !== slot.uid);
    expect(others(mb)).toEqual(others(ma));
  });

  it('refuses a placement the generator cannot honour', () => {
    expect(() => new SyntheticNetwork({ ...OPTIONS, teamHotkeys: [{ ...placement, uid: 0 }] })).toThrow(
      /not a miner slot/,
    );
    expect(() => new SyntheticNetwork({ ...OPTIONS, teamHotkeys: [{ ...placement, netuid: 99 }] })).toThrow(
      /no subnet 99/,
    );
  });
});
