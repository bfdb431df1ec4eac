import { describe, expect, it } from 'vitest';
import { BLOCKS_PER_DAY } from '../../../shared/domain';
import { DEFAULT_THRESHOLDS } from '../../../shared/economics';
import { backtestSubnet, summariseBacktest } from './backtest';
import { uidPoint, type UidPoint } from './newcomer-history';

const HOUR = BLOCKS_PER_DAY / 24;
const T0 = 2_000_000;
const POOL = 1000;

// Hourly points for 10 days; incumbents 0–3 earn 40/30/20/10. Newcomer i registers at hour 1 + 12i on uid 4 + i:
// the even ones earn 10 from their first point, the odd ones never earn. Immunity 12 h.
function history(hours = 240): UidPoint[] {
  const points: UidPoint[] = [];
  for (let h = 0; h < hours; h++) {
    const rows: [number, number, number][] = [
      [0, 0, 40],
      [1, 0, 30],
      [2, 0, 20],
      [3, 0, 10],
    ];
    for (let i = 0; 1 + 12 * i <= h; i++) rows.push([4 + i, T0 + (1 + 12 * i) * HOUR, i % 2 === 0 ? 10 : 0]);
    points.push({
      ...uidPoint(
        T0 + h * HOUR,
        rows.map((r) => r[0]),
        rows.map((r) => r[1]),
        rows.map((r) => r[2]),
      ),
      poolAlphaPerDay: POOL,
    });
  }
  return points;
}

describe('backtest of the newcomer forecast on a hand-built history', () => {
  const b = backtestSubnet(7, history(), 12 * HOUR, DEFAULT_THRESHOLDS);

  it('pairs every newcomer whose outcome or first week is known; 7-day actuals only for those 7+ days old', () => {
    expect(b.pairs).toBe(19); // the last one (hour 229) is still immune and under a week old
    expect(b.pairs7d).toBe(6); // registered at hours 1, 13, …, 61: hour + 168 ≤ 239
    expect(b.medianAbsErrorAlphaPerDay7d).not.toBeNull();
  });

  it('what a newcomer actually earned: its share of the pool (0 for one that never earned)', () => {
    const first = b.pairList[0]!; // hour 1, earns 10 of a field of 100 + 10 per earning newcomer
    expect(first.actual.earned).toBe(true);
    expect(first.actual.alphaPerDay7d).toBeGreaterThan(0);
    expect(first.actual.alphaPerDay7d).toBeLessThan((10 / 110) * POOL + 1e-9);
    const second = b.pairList[1]!;
    expect(second.actual.earned).toBe(false);
    expect(second.actual.alphaPerDay7d).toBe(0);
  });

  it('early forecasts use the prior; once 8 outcomes are known, the measured P(earn) (half of them earned)', () => {
    expect(b.pairList[0]!.predicted.earnChanceFromPrior).toBe(true);
    expect(b.pairList[0]!.predicted.earnChance).toBe(DEFAULT_THRESHOLDS.priorEarnShare);
    const late = b.pairList[b.pairList.length - 1]!;
    expect(late.predicted.earnChanceFromPrior).toBe(false);
    expect(late.predicted.earnChance).toBeCloseTo(0.5, 1);
  });

  it('P(earn) calibration: the observed share is a half, beside the mean forecast', () => {
    expect(b.observedEarnShare).toBeCloseTo(10 / 19, 12); // i = 0, 2, …, 18 earn: 10 of the 19 known
    expect(b.meanPredictedEarnChance).toBeGreaterThan(0);
  });

  it('30-day error: not enough history yet, said so', () => {
    expect(b.medianAbsErrorAlphaPerDay30d).toBeNull();
    expect(b.note).toMatch(/^not enough history yet: none registered 30\+ days/);
  });

  it('no history at all: no pairs and an honest note', () => {
    const none = backtestSubnet(1, [], 12 * HOUR, DEFAULT_THRESHOLDS);
    expect(none.pairs).toBe(0);
    expect(none.note).toMatch(/^not enough history yet/);
    expect(summariseBacktest([]).medianAbsErrorAlphaPerDay7d).toBeNull();
  });
});

describe("the prior on a subnet whose owner burns the miner pool (hand-built: the owner's UID 0 holds incentive)", () => {
  // The same registrations, with what of the pool reached UIDs outside the owner's set per point.
  const withReceived = (received: (pool: number) => number) =>
    history().map((p) => ({ ...p, receivedPoolAlphaPerDay: received(POOL) }));

  it('full burn (nothing reached another UID): every newcomer is forecast 0 α/day, P(earn) 0, with the reason', () => {
    const b = backtestSubnet(
      2,
      withReceived(() => 0),
      12 * HOUR,
      DEFAULT_THRESHOLDS,
    );
    expect(b.pairs).toBe(19);
    for (const p of b.pairList) {
      expect(p.predicted).toMatchObject({ earnChance: 0, alphaPerDay: 0, alphaPerDay7d: 0, alphaPerDay30d: 0 });
      expect(p.predicted.earnChanceFromPrior).toBe(false);
      expect(p.predicted.note).toMatch(/owner's UIDs take the whole miner pool/);
    }
    expect(b.meanPredictedEarnChance).toBe(0);
  });

  it("the prior is capped at the point's share of UIDs that are earning miners (4 of 64 here)", () => {
    const points = history().map((p) => ({ ...p, uidCount: 64, earningMiners: 4 }));
    const first = backtestSubnet(6, points, 12 * HOUR, DEFAULT_THRESHOLDS).pairList[0]!.predicted;
    expect(first.earnChanceFromPrior).toBe(true);
    expect(first.earnChance).toBeCloseTo(4 / 64, 12);
    expect(first.alphaPerDay).toBeCloseTo((4 / 64) * (10 / 110) * POOL, 9);
  });

  it('partial burn: the prior still applies, a share of the curve at the prior percentile times the pool', () => {
    const b = backtestSubnet(
      6,
      withReceived((pool) => pool * 0.6),
      12 * HOUR,
      DEFAULT_THRESHOLDS,
    );
    const first = b.pairList[0]!.predicted;
    expect(first.earnChanceFromPrior).toBe(true);
    // The point before hour 1 has earners 40/30/20/10: the 20th percentile of 5 slots is rank 4, weight 10 of 110.
    expect(first.alphaPerDay).toBeCloseTo(DEFAULT_THRESHOLDS.priorEarnShare * (10 / 110) * POOL, 9);
    expect(first.note).toBeNull();
  });
});

describe('the forecast over a horizon counts the days a newcomer keeps its UID', () => {
  it('no earner pruned in the history: the 7-day forecast is the rate while registered', () => {
    const b = backtestSubnet(7, history(), 12 * HOUR, DEFAULT_THRESHOLDS);
    for (const p of b.pairList) expect(p.predicted.alphaPerDay7d).toBe(p.predicted.alphaPerDay);
  });

  it('earners pruned a day after immunity: later forecasts hold a day and a half of the first week', () => {
    // As history(), but each earning newcomer (even i) loses its UID 36 h after registering, to a registrant that
    // never earns (and keeps it); the odd ones never earn and keep theirs.
    const points: UidPoint[] = [];
    for (let h = 0; h < 240; h++) {
      const rows: [number, number, number][] = [
        [0, 0, 40],
        [1, 0, 30],
        [2, 0, 20],
        [3, 0, 10],
      ];
      for (let i = 0; 1 + 12 * i <= h; i++) {
        const at = 1 + 12 * i;
        const replaced = i % 2 === 0 && h >= at + 36;
        rows.push([4 + i, T0 + (replaced ? at + 36 : at) * HOUR, i % 2 === 0 && !replaced ? 10 : 0]);
      }
      const uids = rows.map((r) => r[0]);
      const blocks = rows.map((r) => r[1]);
      const incentive = rows.map((r) => r[2]);
      points.push({ ...uidPoint(T0 + h * HOUR, uids, blocks, incentive), poolAlphaPerDay: POOL });
    }
    const b = backtestSubnet(7, points, 12 * HOUR, DEFAULT_THRESHOLDS);
    const late = b.pairList.filter((p) => p.registeredAtBlock > T0 + 120 * HOUR && !p.predicted.earnChanceFromPrior);
    expect(late.length).toBeGreaterThan(0);
    // Immunity 12 h, then 24 h held, of the week's 168 h.
    for (const p of late) expect(p.predicted.alphaPerDay7d / p.predicted.alphaPerDay).toBeCloseTo(36 / 168, 9);
  });
});
