import { describe, expect, it } from 'vitest';
import { analyzeSubnet } from './analyze';
import { makeScenario, workedExample } from '../../../test/fixtures/engine';
import { evaluateNewcomer } from './newcomer';
import { defaultSensitivityAxes, sensitivityGrid } from './sensitivity';

const analysis = analyzeSubnet(workedExample());

describe('sensitivity grid on the worked example (rank 2, 2-month horizon, 2 TAO burn)', () => {
  const scenario = makeScenario({ position: { kind: 'rank', rank: 2 }, horizonMonths: 2, rentUsdPerMonth: 10_000 });
  const grid = sensitivityGrid(analysis, scenario, {
    taoPricesUsd: [0, 250],
    competitorCounts: [3, 17],
    rentsUsdPerMonth: [0, 10_000],
  });

  it('cell [rent 10,000][$250][3 competitors] = 576 alpha × 0.005 × 250 × 30.44 − 10,000 − 250 = 11,666.80', () => {
    expect(grid.profitUsdPerMonth[1]?.[1]?.[0]).toBeCloseTo(11_666.8, 6);
  });

  it('17 competitors: rank 2 of 18 gets 0.25 / (1 + 14/12) = 3/26 → 3/26 × 87,667.2 − 10,250', () => {
    expect(grid.profitUsdPerMonth[1]?.[1]?.[1]).toBeCloseTo((3 / 26) * 87_667.2 - 10_250, 6);
  });

  it('marks the columns that cannot happen (17 competitors on 7 UID slots) — the grid says why it stops', () => {
    expect(grid.competitorNotes).toEqual([null, 'beyond-slots']);
  });

  it('marks where the newcomer falls below the deregistration line (192 α/day): rank 6 of 7 earns 1/12 × … less', () => {
    // Rank 6 of 7 slots: the weakest measured share 1/12 over W(7) = 1 + 3/12 → 0.0667 × 2304 = 153.6 < 192.
    const low = sensitivityGrid(analysis, makeScenario({ position: { kind: 'rank', rank: 6 } }), {
      taoPricesUsd: [250],
      competitorCounts: [3, 6],
    });
    expect(low.competitorNotes).toEqual([null, 'below-dereg-line']);
  });

  it('at a TAO price of 0 the profit is minus the rent, whatever the competitors', () => {
    expect(grid.profitUsdPerMonth[1]?.[0]).toEqual([-10_000, -10_000]);
    expect(grid.profitUsdPerMonth[0]?.[0]).toEqual([0, 0]);
  });

  it('every cell agrees with evaluateNewcomer under the same scenario', () => {
    grid.rentsUsdPerMonth.forEach((rent, r) =>
      grid.taoPricesUsd.forEach((taoPriceUsd, p) =>
        grid.competitorCounts.forEach((competitorCount, c) => {
          const e = evaluateNewcomer(analysis, { ...scenario, rentUsdPerMonth: rent, taoPriceUsd, competitorCount });
          expect(grid.profitUsdPerMonth[r]?.[p]?.[c]).toBeCloseTo(e.profitUsdPerMonth.value as number, 6);
        }),
      ),
    );
  });

  it('rent defaults to the scenario’s (per-subnet override included)', () => {
    const g = sensitivityGrid(
      analysis,
      { ...scenario, rentUsdPerMonthByNetuid: { 7: 123 } },
      { taoPricesUsd: [1], competitorCounts: [1] },
    );
    expect(g.rentsUsdPerMonth).toEqual([123]);
  });

  it('no alpha price: every cell is null, not 0', () => {
    const noPrice = analyzeSubnet({ ...workedExample(), subnet: { ...workedExample().subnet, alphaPriceRao: null } });
    const g = sensitivityGrid(noPrice, scenario, { taoPricesUsd: [100, 200], competitorCounts: [1] });
    expect(g.profitUsdPerMonth).toEqual([[[null], [null]]]);
  });
});

describe('default axes', () => {
  it('21 prices from 0 to twice the scenario’s, 21 competitor counts from 0 to twice today’s earning miners', () => {
    const axes = defaultSensitivityAxes(analysis, makeScenario({ taoPriceUsd: 400 }));
    expect(axes.taoPricesUsd).toHaveLength(21);
    expect(axes.taoPricesUsd[0]).toBe(0);
    expect(axes.taoPricesUsd[20]).toBeCloseTo(800, 9);
    expect(axes.taoPricesUsd[10]).toBeCloseTo(400, 9);
    // 4 earning miners: step ⌈8/20⌉ = 1 → 0..20
    expect(axes.competitorCounts).toEqual(Array.from({ length: 21 }, (_, i) => i));
  });

  it('no TAO price: no price axis', () => {
    expect(defaultSensitivityAxes(analysis, makeScenario({ taoPriceUsd: null })).taoPricesUsd).toEqual([]);
  });
});
