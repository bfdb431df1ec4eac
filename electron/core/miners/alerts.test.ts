import { describe, expect, it } from 'vitest';
import { minerAlerts, type AlertSubject } from './alerts';

const miner: AlertSubject = {
  id: '7:8:hk',
  netuid: 7,
  uid: 8,
  label: 'rig-a',
  statusReason: 'next to be replaced at the next registration',
  prunedAtBlock: null,
};
const BLOCK = 9_000_000;
const kinds = (...args: Parameters<typeof minerAlerts>) => minerAlerts(...args).map((a) => a.kind);

describe('miner alerts since the previous sync', () => {
  it('a miner entering Danger (from Safe, Immune, or newly found)', () => {
    expect(kinds(miner, { status: 'safe', taoPerDay: 1 }, { status: 'danger', taoPerDay: 1 }, BLOCK, 25)).toEqual([
      'entered-danger',
    ]);
    expect(kinds(miner, { status: 'immune', taoPerDay: 1 }, { status: 'danger', taoPerDay: 1 }, BLOCK, 25)).toEqual([
      'entered-danger',
    ]);
    expect(kinds(miner, null, { status: 'danger', taoPerDay: 1 }, BLOCK, 25)).toEqual(['entered-danger']);
    expect(kinds(miner, { status: 'danger', taoPerDay: 1 }, { status: 'danger', taoPerDay: 1 }, BLOCK, 25)).toEqual([]);
    expect(minerAlerts(miner, null, { status: 'danger', taoPerDay: 1 }, BLOCK, 25)[0]!.message).toBe(
      'SN7 UID 8 (rig-a) entered Danger: next to be replaced at the next registration.',
    );
  });

  it('a deregistration, only at the sync that first found the UID gone', () => {
    const gone = { ...miner, prunedAtBlock: BLOCK };
    expect(
      minerAlerts(gone, { status: 'danger', taoPerDay: 1 }, { status: 'deregistered', taoPerDay: null }, BLOCK, 25),
    ).toEqual([
      expect.objectContaining({
        kind: 'deregistered',
        blockNumber: BLOCK,
        message: 'SN7 UID 8 (rig-a) was deregistered: first found gone at block 9,000,000.',
      }),
    ]);
    expect(
      kinds({ ...miner, prunedAtBlock: BLOCK - 100 }, null, { status: 'deregistered', taoPerDay: null }, BLOCK, 25),
    ).toEqual([]);
  });

  it('earnings falling by more than the threshold, not at or under it, and not from unknown or zero', () => {
    expect(kinds(miner, { status: 'safe', taoPerDay: 1 }, { status: 'safe', taoPerDay: 0.7 }, BLOCK, 25)).toEqual([
      'earnings-fell',
    ]);
    expect(kinds(miner, { status: 'safe', taoPerDay: 1 }, { status: 'safe', taoPerDay: 0.75 }, BLOCK, 25)).toEqual([]);
    expect(kinds(miner, { status: 'safe', taoPerDay: 1 }, { status: 'safe', taoPerDay: 0.7 }, BLOCK, 50)).toEqual([]);
    expect(kinds(miner, { status: 'safe', taoPerDay: null }, { status: 'safe', taoPerDay: 0 }, BLOCK, 25)).toEqual([]);
    expect(kinds(miner, { status: 'safe', taoPerDay: 0 }, { status: 'safe', taoPerDay: 0 }, BLOCK, 25)).toEqual([]);
    expect(
      minerAlerts(miner, { status: 'safe', taoPerDay: 0.52 }, { status: 'safe', taoPerDay: 0.3 }, BLOCK, 25)[0]!
        .message,
    ).toBe('SN7 UID 8 (rig-a) earnings fell 42% since the previous sync (0.520 → 0.300 TAO/day).');
  });

  it('both at once: into Danger with earnings down', () => {
    expect(kinds(miner, { status: 'safe', taoPerDay: 2 }, { status: 'danger', taoPerDay: 0.1 }, BLOCK, 25)).toEqual([
      'entered-danger',
      'earnings-fell',
    ]);
  });
});
