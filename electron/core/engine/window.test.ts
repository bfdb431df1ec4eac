import { describe, expect, it } from 'vitest';
import type { SubnetHistoryPoint } from '../../../shared/economics';
import { analyzeSubnet } from './analyze';
import { workedExample } from '../../../test/fixtures/engine';
import { computeWindow } from './window';

const DAY = 7200;
const LIVE = 1_000_000;

function point(daysBefore: number, fields: Partial<SubnetHistoryPoint> = {}): SubnetHistoryPoint {
  const blockNumber = LIVE - daysBefore * DAY;
  return {
    blockNumber,
    blockTimeMs: blockNumber * 12_000,
    earningMiners: null,
    gini: null,
    grossMinerPoolAlphaPerDay: null,
    grossMinerPoolTaoPerDay: null,
    receivedMinerPoolAlphaPerDay: null,
    receivedMinerPoolTaoPerDay: null,
    alphaIssuance: null,
    totalIssuanceTao: null,
    medianMinerTaoPerDay: null,
    priceTao: null,
    burnTao: null,
    emissionShare: null,
    previousBlockNumber: blockNumber - DAY,
    registrationsSincePrevious: null,
    ...fields,
  };
}

// Three daily points before the live worked example (4 earning miners, price 0.005, 1 UID registered at 999,000).
const history = [
  point(3, { earningMiners: 12, priceTao: 0.004, registrationsSincePrevious: 2 }),
  point(1, { earningMiners: 8, priceTao: 0.004, registrationsSincePrevious: 3, previousBlockNumber: LIVE - 2 * DAY }),
  point(2, { earningMiners: 10, priceTao: 0.004, registrationsSincePrevious: 1 }),
  point(40, { earningMiners: 1000 }), // outside the 30-day window
  point(-1, { earningMiners: 1000 }), // after the live block: ignored
];

describe('window over the worked example', () => {
  const a = analyzeSubnet(workedExample(), history);
  const w = a.window;

  it('uses the 3 past points inside 30 days', () => {
    expect(w?.points).toBe(3);
    expect(w?.fromBlock).toBe(LIVE - 3 * DAY);
  });

  it('earning miners: mean (12 + 10 + 8)/3 = 10, live 4 → departure 0.6 > 0.5: divergent', () => {
    const m = w?.metrics.earningMiners;
    expect(m?.mean).toBeCloseTo(10, 12);
    expect(m?.live).toBe(4);
    expect(m?.departure).toBeCloseTo(0.6, 12);
    expect(m?.divergent).toBe(true);
    expect(w?.divergentMetrics).toContain('earningMiners');
  });

  it('earning miners trend: least squares through (−3, 12), (−2, 10), (−1, 8), (0, 4) = −13/5 = −2.6 per day', () => {
    // x̄ = −1.5, ȳ = 8.5; Σ(x − x̄)(y − ȳ) = −5.25 − 0.75 − 0.25 − 6.75 = −13; Σ(x − x̄)² = 5.
    expect(w?.metrics.earningMiners.trendPerDay).toBeCloseTo(-2.6, 9);
  });

  it('change since the first point: (4 − 12)/12', () => {
    expect(w?.metrics.earningMiners.changeRatio).toBeCloseTo(-8 / 12, 12);
  });

  it('price 0.004 → 0.005 departs by 0.25: not divergent', () => {
    expect(w?.metrics.priceTao.departure).toBeCloseTo(0.25, 9);
    expect(w?.metrics.priceTao.divergent).toBe(false);
  });

  it('a metric missing from the history has no mean and no flag (missing, not zero)', () => {
    expect(w?.metrics.gini.mean).toBeNull();
    expect(w?.metrics.gini.divergent).toBeNull();
    expect(w?.metrics.gini.trendPerDay).toBeNull();
  });

  it('registrations: (2 + 1 + 3) in the past intervals + 1 since the last point, over 4 days = 1.75/day', () => {
    expect(w?.registrationsPerDay.value).toBeCloseTo(1.75, 12);
    expect(a.registrationsPerDay.value).toBeCloseTo(1.75, 12);
    expect(a.summary.registrationsSincePrevious).toBe(1);
    expect(a.summary.previousBlockNumber).toBe(LIVE - DAY);
  });

  it('a divergence threshold of 0.7 no longer flags 0.6', () => {
    const relaxed = analyzeSubnet(workedExample(), history, { divergenceRatio: 0.7 });
    expect(relaxed.window?.metrics.earningMiners.divergent).toBe(false);
  });

  it('a 2-day window keeps only the points 1 and 2 days back', () => {
    const short = analyzeSubnet(workedExample(), history, { windowDays: 2 });
    expect(short.window?.points).toBe(2);
    expect(short.window?.metrics.earningMiners.mean).toBeCloseTo(9, 12);
  });
});

describe('window edge cases', () => {
  it('a zero mean with a non-zero live value is divergent without a finite ratio', () => {
    const live = point(0, { earningMiners: 5 });
    const w = computeWindow([point(1, { earningMiners: 0 })], live, 30, 0.5);
    expect(w.metrics.earningMiners.departure).toBeNull();
    expect(w.metrics.earningMiners.divergent).toBe(true);
  });

  it('past points without registration counts: only the live interval counts (1 UID since block 992,800 = 1/day)', () => {
    const a = analyzeSubnet(workedExample(), [point(1, { previousBlockNumber: null })]);
    expect(a.window?.registrationsPerDay.value).toBeCloseTo(1, 12);
  });

  it('no counts anywhere and no UID rows: the registration rate is unknown, not 0', () => {
    const a = analyzeSubnet({ ...workedExample(), neurons: null }, [point(1)]);
    expect(a.window?.registrationsPerDay.value).toBeNull();
    expect(a.registrationsPerDay.value).toBeNull();
  });
});
