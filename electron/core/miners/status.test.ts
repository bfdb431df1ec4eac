import { describe, expect, it } from 'vitest';
import { DANGER_MARGIN_ABOVE_LINE, DANGER_NEXT_TO_GO, standingOf, type SubnetFacts, type SubnetUid } from './status';

const TEMPO = 360;
/** Alpha per day → rao per epoch at tempo 360 (20 epochs a day). */
const perEpoch = (alphaPerDay: number) => BigInt(Math.round((alphaPerDay / 20) * 1e9));
const uid = (n: number, alphaPerDay: number, over: Partial<SubnetUid> = {}): SubnetUid => ({
  uid: n,
  hotkey: `hk${n}`,
  incentive: alphaPerDay / 1000,
  emissionRao: perEpoch(alphaPerDay),
  registeredAtBlock: 0,
  validatorPermit: false,
  ...over,
});

const BLOCK = 100_000;
const facts = (over: Partial<SubnetFacts> = {}): SubnetFacts => ({
  blockNumber: BLOCK,
  tempo: TEMPO,
  immunityPeriodBlocks: 4096,
  ownerHotkey: 'owner',
  freeSlots: 0,
  registrationAllowed: true,
  deregLineAlphaPerDay: 1,
  ...over,
});

// Ten miners earning 1..10 alpha/day plus a validator; none immune.
const field = [
  ...Array.from({ length: 10 }, (_, i) => uid(i + 1, i + 1)),
  uid(20, 50, { validatorPermit: true, incentive: 0 }),
];
const at = (n: number, over: Partial<SubnetFacts> = {}, uids = field) =>
  standingOf(
    uids,
    facts(over),
    uids.find((u) => u.uid === n)!,
  );

describe('miner status', () => {
  it('ranks among miners by incentive (validators without incentive are not miners)', () => {
    expect(at(10).rank).toBe(1);
    expect(at(1).rank).toBe(10);
    expect(at(1).minerUids).toBe(10);
    expect(at(20).rank).toBeNull();
  });

  it(`is Danger among the ${DANGER_NEXT_TO_GO} next to be replaced, Safe above them`, () => {
    expect(at(1)).toMatchObject({
      status: 'danger',
      registrationsUntilPruned: 1,
      statusReason: expect.stringMatching(/next to be replaced/),
    });
    expect(at(3)).toMatchObject({ status: 'danger', registrationsUntilPruned: 3 });
    expect(at(4)).toMatchObject({ status: 'safe', registrationsUntilPruned: 4 });
  });

  it('counts free slots first: nobody is replaced while the subnet has room', () => {
    expect(at(1, { freeSlots: 5 })).toMatchObject({ status: 'safe', registrationsUntilPruned: 6 });
  });

  it(`is Danger within ${DANGER_MARGIN_ABOVE_LINE * 100}% above the line on a full subnet`, () => {
    // Three UIDs at 0 come first in line, so UIDs 30 and 31 are beyond the next three: only the margin speaks.
    const uids = [...field.map((u) => (u.uid <= 3 ? { ...u, emissionRao: 0n } : u)), uid(30, 1.09), uid(31, 1.11)];
    const near = standingOf(
      uids,
      facts({ deregLineAlphaPerDay: 1 }),
      uids.find((u) => u.uid === 30)!,
    );
    expect(near).toMatchObject({
      status: 'danger',
      registrationsUntilPruned: 4,
      statusReason: expect.stringMatching(/within 10% of the deregistration line/),
    });
    expect(near.aboveDeregLineRatio).toBeCloseTo(0.09, 6);
    expect(near.aboveDeregLineAlphaPerDay).toBeCloseTo(0.09, 6);
    expect(
      standingOf(
        uids,
        facts({ deregLineAlphaPerDay: 1 }),
        uids.find((u) => u.uid === 31)!,
      ).status,
    ).toBe('safe');
    // With free slots the margin does not count: registrations fill them first.
    expect(
      standingOf(
        uids,
        facts({ deregLineAlphaPerDay: 1, freeSlots: 2 }),
        uids.find((u) => u.uid === 30)!,
      ).status,
    ).toBe('safe');
  });

  it('is Immune while registered less than the immunity period ago, with the blocks and hours left', () => {
    const fresh = [...field, uid(40, 0, { registeredAtBlock: BLOCK - 4000 })];
    const s = standingOf(fresh, facts(), fresh.at(-1)!);
    expect(s).toMatchObject({ status: 'immune', immunityRemainingBlocks: 96, registrationsUntilPruned: null });
    expect(s.immunityRemainingHours).toBeCloseTo((96 * 12) / 3600, 9);
    // Immune UIDs do not count in the pruning order of others.
    expect(standingOf(fresh, facts(), fresh[0]!).registrationsUntilPruned).toBe(1);
    // One block later than the period it is fair game, and the lowest: next to go.
    expect(standingOf(fresh, facts({ blockNumber: BLOCK + 96 }), fresh.at(-1)!)).toMatchObject({
      status: 'danger',
      registrationsUntilPruned: 1,
    });
  });

  it('follows the chain’s tie-break: older registration first, then lower uid', () => {
    const tied = [
      uid(5, 2, { registeredAtBlock: 10 }),
      uid(3, 2, { registeredAtBlock: 20 }),
      uid(4, 2, { registeredAtBlock: 20 }),
      ...field.slice(5),
    ];
    expect(tied.map((u) => standingOf(tied, facts(), u).registrationsUntilPruned).slice(0, 3)).toEqual([1, 2, 3]);
  });

  it('is never in Danger where registration is closed, nor as the subnet owner', () => {
    expect(at(1, { registrationAllowed: false })).toMatchObject({
      status: 'safe',
      statusReason: expect.stringMatching(/registration is closed/),
    });
    const owned = field.map((u) => (u.uid === 1 ? { ...u, hotkey: 'owner' } : u));
    expect(standingOf(owned, facts(), owned[0]!)).toMatchObject({ status: 'safe', rank: null });
  });

  it('leaves the line ratio unknown when the line is 0', () => {
    expect(at(5, { deregLineAlphaPerDay: 0 }).aboveDeregLineRatio).toBeNull();
    expect(at(5, { deregLineAlphaPerDay: null }).aboveDeregLineAlphaPerDay).toBeNull();
  });
});
