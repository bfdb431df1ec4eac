import { describe, expect, it } from 'vitest';
import { DAYS_PER_MONTH, DEFAULT_THRESHOLDS } from '../../../shared/economics';
import { analyzeSubnet } from './analyze';
import { makeScenario, workedExample } from '../../../test/fixtures/engine';
import { evaluateAll, evaluateNewcomer, perMinerUsdPerMonth } from './newcomer';
import { pruningRisk } from './pruning';

// The worked example (fixtures.ts): miners receive 2304 alpha/day = 11.52 TAO/day, shares 6/12, 3/12, 2/12, 1/12;
// burn 2 TAO; deregistration line 192 alpha/day; 1 registration/day; immunity 1 day; full.
const analysis = analyzeSubnet(workedExample());

describe('newcomer at rank 2 of 3 competitors + itself, $250/TAO, rent $10,000, 2-month horizon', () => {
  const scenario = makeScenario({
    taoPriceUsd: 250,
    rentUsdPerMonth: 10_000,
    position: { kind: 'rank', rank: 2 },
    competitorCount: 3,
    horizonMonths: 2,
  });
  const e = evaluateNewcomer(analysis, scenario);

  it('4 slots = the measured field: rank 2 keeps 3/12 = 0.25 of 2304 = 576 alpha/day = 2.88 TAO/day', () => {
    expect(e.rank.value).toBe(2);
    expect(e.shareOfMinerPool.value).toBeCloseTo(0.25, 12);
    expect(e.alphaPerDay.value).toBeCloseTo(576, 9);
    expect(e.taoPerDay.value).toBeCloseTo(2.88, 9);
  });

  it('earnings 2.88 × 250 × 30.44 = $21,916.80/month; registration 2 × 250 = $500', () => {
    expect(e.earningsUsdPerMonth.value).toBeCloseTo(21_916.8, 6);
    expect(e.registrationCostUsd.value).toBeCloseTo(500, 9);
    expect(e.grossMinerPoolUsdPerDay.value).toBeCloseTo(14.4 * 250, 9);
  });

  it('profit = 21,916.80 − 10,000 − 500/2 = $11,666.80/month', () => {
    expect(e.profitUsdPerMonth.value).toBeCloseTo(11_666.8, 6);
  });

  it('payback = 500 / ((21,916.80 − 10,000)/30.44 per day) = 15,220 / 11,916.8 = 1.2772 days', () => {
    expect(e.paybackDays.value).toBeCloseTo(15_220 / 11_916.8, 9);
  });

  it('break-even TAO price = 10,000 / (2.88 × 30.44 − 2/2 TAO/month) = 10,000 / 86.6672 = $115.38', () => {
    expect(e.breakEvenTaoPriceUsd.value).toBeCloseTo(10_000 / 86.6672, 6);
  });

  it('break-even competitors: would hold to 16, but the subnet has 7 UID slots → 6 others, said so', () => {
    // whole pool: 11.52 TAO/day × 250 × 30.44 = $87,667.20/month; costs 10,000 + 250 = 10,250.
    // K = 17: 0.25 / (25/12) = 0.12 → $10,520; K = 18: 0.25 / (26/12) = 0.1154 → $10,115 < 10,250.
    // 16 competitors cannot exist on 7 slots: the answer is capped at 6 with the reason.
    expect(e.breakEvenCompetitors.value).toBe(6);
    expect(e.breakEvenCompetitors.note).toBe('covers costs even with every UID slot taken');
  });

  it('break-even rank among 4: rank 3 earns 2/12 × 87,667.2 = $14,611 ≥ 10,250; rank 4 $7,306 does not → 3', () => {
    expect(e.breakEvenRank.value).toBe(3);
  });

  it('pruning (get_neuron_to_prune): 7 UIDs, 5 non-immune ≤ MinNonImmuneUids 10 → the floor sends pruning to immune UIDs → low', () => {
    expect(analysis.pruningWorking.nextUid).toBe(6); // the immune UID, not uid 5 at the deregistration line
    expect(analysis.pruningWorking.reason).toMatch(/not more than MinNonImmuneUids \(10\)/);
    expect(e.pruning.level).toBe('low');
    expect(e.pruning.reason).toMatch(/MinNonImmuneUids floor/);
  });

  it("pruning without the floor: 192, 384 and 576 (a tie: the incumbent is older) go first; the newcomer takes 192's place → 2 ahead; a registrant lands below it 4 of 6 times → (2 + 1) / (1 − 4/6) = 9 registrations = 9 days → medium", () => {
    const base = workedExample();
    const noFloor = analyzeSubnet({ ...base, subnet: { ...base.subnet, minNonImmuneUids: 2 } });
    const p = evaluateNewcomer(noFloor, scenario).pruning;
    expect(noFloor.pruningWorking.nextUid).toBe(5);
    expect(p.registrationsUntilPruned.value).toBe(9);
    expect(p.daysUntilPruned.value).toBeCloseTo(9, 12);
    expect(p.level).toBe('medium');
    expect(p.working).toMatch(/^2 UIDs out of immunity earn no more than you/);
  });

  it("where the window's earners kept their UIDs 40% of two months, only that share of the earnings is expected", () => {
    const held = { ...analysis, model: { ...analysis.model, heldShareByMonth: [0.7, 0.4, 0.3] } };
    const x = evaluateNewcomer(held, scenario).expected;
    expect(x.earningsUsdPerMonth.value).toBeCloseTo(0.2 * 0.4 * 21_916.8, 6);
    expect(x.profitUsdPerMonth.value).toBeCloseTo(0.2 * 0.4 * 21_916.8 - 10_250, 6);
    expect(x.earningsUsdPerMonth.note).toMatch(/kept their UID 40% of such a horizon/);
    // A horizon past the months kept uses the last; the rate while registered is unchanged.
    const long = evaluateNewcomer(held, { ...scenario, horizonMonths: 12 });
    expect(long.expected.earningsUsdPerMonth.value! / long.earningsUsdPerMonth.value!).toBeCloseTo(0.2 * 0.3, 6);
    expect(evaluateNewcomer(held, scenario).earningsUsdPerMonth.value).toBeCloseTo(21_916.8, 6);
  });

  it('verdict: profitable at rank 2, but after the prior P(earn) 20% it loses: 0.2 × 21,916.80 − 10,250 → Skip', () => {
    expect(e.expected.earnChance.value).toBe(0.2);
    expect(e.expected.earnChance.provenance).toEqual({ kind: 'assumed', by: 'default' });
    expect(e.expected.profitUsdPerMonth.value).toBeCloseTo(0.2 * 21_916.8 - 10_250, 6);
    // Not earning (80%) always loses; earning at rank 2 pays: P(loss) = 0.8.
    expect(e.expected.lossChance.value).toBeCloseTo(0.8, 12);
    expect(e.verdict.label).toBe('Skip');
    const decisive = e.verdict.reasons.filter((r) => r.decisive).map((r) => r.factor);
    expect(decisive).toEqual(['expected-profit']);
    expect(e.verdict.phrase).toBe('loses after P(earn)');
    const gini = e.verdict.reasons.find((r) => r.factor === 'gini');
    expect(gini?.level).toBe('neutral'); // 1/3 is between 0.3 and 0.7
  });

  it('provenance: rent assumed by the scenario, burn from the chain, competitors assumed by the scenario', () => {
    expect(e.rentUsdPerMonth.provenance).toEqual({ kind: 'assumed', by: 'scenario' });
    expect(e.registrationCostTao.provenance.kind).toBe('chain');
    expect(e.competitorCount.provenance).toEqual({ kind: 'assumed', by: 'scenario' });
    expect(e.profitUsdPerMonth.provenance.kind).toBe('derived');
  });
});

describe('positions and defaults', () => {
  it('equal share with the default competitors (4 earning miners) splits among 5: 2304 / 5 = 460.8 alpha/day', () => {
    const e = evaluateNewcomer(analysis, makeScenario({ position: { kind: 'equal' } }));
    expect(e.competitorCount.value).toBe(4);
    expect(e.competitorCount.provenance).toEqual({ kind: 'assumed', by: 'default' });
    expect(e.rank.value).toBeNull();
    expect(e.alphaPerDay.value).toBeCloseTo(460.8, 9);
  });

  it('75th percentile among 5: rank ⌈0.25 × 5⌉ = 2, share (3/12) / (1 + 1/12) = 3/13', () => {
    const e = evaluateNewcomer(analysis, makeScenario({ position: { kind: 'percentile', percentile: 75 } }));
    expect(e.rank.value).toBe(2);
    expect(e.shareOfMinerPool.value).toBeCloseTo(3 / 13, 12);
  });

  it('per-subnet rent and registration overrides win, and are labelled as assumptions', () => {
    const e = evaluateNewcomer(
      analysis,
      makeScenario({
        rentUsdPerMonth: 100,
        rentUsdPerMonthByNetuid: { 7: 900 },
        registrationCostTaoByNetuid: { 7: 0.5 },
        taoPriceUsd: 200,
        horizonMonths: 1,
        position: { kind: 'equal' },
      }),
    );
    // earnings 460.8 × 0.005 × 200 × 30.44 = 14,027.75; costs 900 + 0.5 × 200 / 1 = 1,000.
    expect(e.rentUsdPerMonth.value).toBe(900);
    expect(e.registrationCostTao).toEqual({ value: 0.5, provenance: { kind: 'assumed', by: 'scenario' }, note: null });
    expect(e.profitUsdPerMonth.value).toBeCloseTo(460.8 * 0.005 * 200 * DAYS_PER_MONTH - 1000, 6);
  });

  it('a sell discount of 10% cuts realised earnings, not the TAO earned', () => {
    const full = evaluateNewcomer(analysis, makeScenario({ position: { kind: 'equal' } }));
    const discounted = evaluateNewcomer(analysis, makeScenario({ position: { kind: 'equal' }, sellDiscount: 0.1 }));
    expect(discounted.taoPerDay.value).toBe(full.taoPerDay.value);
    expect(discounted.earningsUsdPerMonth.value).toBeCloseTo(0.9 * (full.earningsUsdPerMonth.value as number), 9);
  });

  it('evaluateAll evaluates each analysis in order', () => {
    const scenario = makeScenario();
    const all = evaluateAll([analysis, analysis], scenario);
    expect(all).toEqual([evaluateNewcomer(analysis, scenario), evaluateNewcomer(analysis, scenario)]);
  });
});

describe('break-even searches', () => {
  it('costs covered with every UID slot taken: the slots less the newcomer, said so (never an impossible count)', () => {
    const e = evaluateNewcomer(analysis, makeScenario({ rentUsdPerMonth: 0, registrationCostTaoByNetuid: { 7: 0 } }));
    expect(e.breakEvenCompetitors.value).toBe(6);
    expect(e.breakEvenCompetitors.note).toBe('covers costs even with every UID slot taken');
  });

  it('costs above the whole pool: no competitor count or rank works', () => {
    // whole pool at $250: $87,667/month < rent $100,000
    const e = evaluateNewcomer(analysis, makeScenario({ taoPriceUsd: 250, rentUsdPerMonth: 100_000 }));
    expect(e.breakEvenCompetitors.value).toBeNull();
    expect(e.breakEvenRank.value).toBeNull();
    expect(e.paybackDays.value).toBeNull();
    expect(e.paybackDays.note).toBe('never: earnings do not cover rent');
  });

  it('zero rent: any positive TAO price breaks even', () => {
    const e = evaluateNewcomer(analysis, makeScenario({ rentUsdPerMonth: 0 }));
    expect(e.breakEvenTaoPriceUsd.value).toBe(0);
  });

  it('registration amortisation above the TAO earned: no TAO price breaks even', () => {
    // rank 4 of 4: 1/12 × 11.52 = 0.96 TAO/day = 29.2 TAO/month < 100 TAO over 1 month.
    const e = evaluateNewcomer(
      analysis,
      makeScenario({
        position: { kind: 'rank', rank: 4 },
        competitorCount: 3,
        horizonMonths: 1,
        registrationCostTaoByNetuid: { 7: 100 },
      }),
    );
    expect(e.breakEvenTaoPriceUsd.value).toBeNull();
    expect(e.breakEvenTaoPriceUsd.note).toMatch(/^never/);
  });
});

describe('per-miner earnings in USD/month', () => {
  it('median 2.4 TAO/day × $250 × 30.44 = $18,264; max 5.76 × 250 × 30.44 = $43,833.60', () => {
    const p = perMinerUsdPerMonth(analysis, makeScenario({ taoPriceUsd: 250 }));
    expect(p.p50.value).toBeCloseTo(18_264, 6);
    expect(p.max.value).toBeCloseTo(43_833.6, 6);
  });

  it('no TAO price: null with the reason', () => {
    const p = perMinerUsdPerMonth(analysis, makeScenario({ taoPriceUsd: null }));
    expect(p.p50).toMatchObject({ value: null, note: 'TAO price not set' });
  });
});

describe('pruning of a median earner (registration.rs get_neuron_to_prune, with registrants refilling the queue)', () => {
  // 200 UIDs out of immunity earning 1, 2, … 200 alpha/day; full; 10 registrations a day; immunity 1 day (so 10
  // immune at once, far above the MinNonImmuneUids floor of 10 non-immune).
  const ladder = Array.from({ length: 200 }, (_, i) => i + 1);
  const base = analyzeSubnet(workedExample());
  const full: typeof base = {
    ...base,
    model: {
      ...base.model,
      emissionAlphaPerDayAsc: ladder,
      nonImmuneEmissionAlphaPerDayAsc: ladder,
      deregLineAlphaPerDay: 1,
      freeSlots: 0,
      registrationsPerDay: 10,
      immunityDays: 1,
      minNonImmuneUids: 10,
    },
  };

  it('earning 100.5: 100 below it, one replaced by its own registration → 99; half of the registrants land below it → (99 + 1) / ½ = 200 registrations = 20 days, not 10', () => {
    const p = pruningRisk(full, 100.5, DEFAULT_THRESHOLDS);
    expect(p.registrationsUntilPruned.value).toBe(200);
    expect(p.daysUntilPruned.value).toBeCloseTo(20, 12);
    expect(p.level).toBe('medium');
  });

  it('at the top (out-earns every UID): registrants all land below it → never reached, low', () => {
    const p = pruningRisk(full, 500, DEFAULT_THRESHOLDS);
    expect(p.registrationsUntilPruned.value).toBeNull();
    expect(p.level).toBe('low');
  });
});
