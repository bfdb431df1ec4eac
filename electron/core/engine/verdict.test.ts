import { describe, expect, it } from 'vitest';
import { DEFAULT_THRESHOLDS, type SubnetAnalysis, type VerdictThresholds } from '../../../shared/economics';
import { analyzeSubnet } from './analyze';
import { makeInput, makeNeuron, makeScenario, makeSubnet } from '../../../test/fixtures/engine';
import { evaluateNewcomer } from './newcomer';
import { decideVerdict } from './verdict';

/** `resolved` newcomers with a known outcome, `earned` of them earning. */
function newcomers(resolved: number, earned: number): NonNullable<SubnetAnalysis['newcomers']> {
  return {
    registered: resolved,
    inCoarseGaps: 0,
    resolved,
    earned,
    prunedBeforeEarning: 0,
    earnShare: earned / resolved,
    medianDaysToFirstIncentive: null,
    medianPercentileAfterDays: { d1: null, d3: null, d7: null },
    landedPercentiles: [],
    points: 10,
    fromBlock: 0,
    toBlock: 1,
  };
}

// A healthy subnet: 60 miners with equal incentive, 0.5 TAO burn, free slots, nobody registering lately.
// No validators, so miners receive the whole epoch: 5904 alpha/day × 0.1 TAO = 590.4 TAO/day; the median newcomer
// among 61 gets 1/61 of it: 9.68 TAO/day × $400 × 30.44 ≈ $117,800/month against $300 rent + 0.5 × 400 / 3
// registration.
const healthyInput = makeInput(
  makeSubnet({ uidCount: 60, burnRao: 500_000_000n, alphaPriceRao: 100_000_000n }),
  Array.from({ length: 60 }, (_, uid) => makeNeuron({ uid, incentivesU16: [1092], registeredAtBlock: 1000 })),
);
const base = analyzeSubnet(healthyInput);
const scenario = makeScenario();

function verdict(analysis: SubnetAnalysis, s = scenario, t: VerdictThresholds = DEFAULT_THRESHOLDS) {
  const v = evaluateNewcomer(analysis, s, t).verdict;
  return { label: v.label, decisive: v.reasons.filter((r) => r.decisive).map((r) => r.factor), reasons: v.reasons };
}

function withModel(patch: Partial<SubnetAnalysis['model']>): SubnetAnalysis {
  return { ...base, model: { ...base.model, ...patch } };
}

describe('verdict', () => {
  it('profitable after P(earn) and nothing bad: Mine, decided by the expected profit', () => {
    const v = verdict(base);
    expect(v.label).toBe('Mine');
    expect(v.decisive).toEqual(['expected-profit']);
    const levels = Object.fromEntries(v.reasons.map((r) => [r.factor, r.level]));
    expect(levels).toEqual({
      'expected-profit': 'good',
      'earn-chance': 'unknown', // no newcomers seen: the prior
      profit: 'good',
      'rig-fit': 'unknown', // no rig given
      miners: 'good', // 60 in 50–200
      gini: 'good', // 0 < 0.3
      'registration-cost': 'good', // 0.5 < 1
      burn: 'neutral',
      pruning: 'good',
      'subnet-deregistration': 'unknown', // analysed without the rest of the network
      divergence: 'unknown', // no history
    });
  });

  it('no profit: Skip, decided by the expected profit', () => {
    const v = verdict(base, makeScenario({ rentUsdPerMonth: 1_000_000 }));
    expect(v.label).toBe('Skip');
    expect(v.decisive).toEqual(['expected-profit']);
  });

  it('profitable at the position but not after P(earn): Skip, with the reason as a short phrase', () => {
    // No validator has dividends, so miners receive the whole epoch (run_epoch.rs): ~$117,800 given earning; 5% of
    // newcomers earn → ~$5,890 < $10,000 rent.
    const few = { ...base, newcomers: newcomers(40, 2) };
    const v = evaluateNewcomer(few, makeScenario({ rentUsdPerMonth: 10_000 }));
    expect(v.profitUsdPerMonth.value).toBeGreaterThan(0);
    expect(v.expected.earnChance.value).toBeCloseTo(0.05, 12);
    expect(v.verdict.label).toBe('Skip');
    expect(v.verdict.phrase).toBe('loses after P(earn)');
  });

  it('measured P(earn) below the threshold: Watch, "few newcomers earn"', () => {
    const v = evaluateNewcomer({ ...base, newcomers: newcomers(40, 8) }, scenario);
    expect(v.expected.earnChance.provenance.kind).toBe('derived');
    expect(v.verdict.label).toBe('Watch');
    expect(v.verdict.reasons.filter((r) => r.decisive).map((r) => r.factor)).toEqual(['earn-chance']);
    expect(v.verdict.phrase).toBe('few newcomers earn');
  });

  it('too few newcomers measured: the prior from the thresholds is used and labelled an assumption', () => {
    const v = evaluateNewcomer({ ...base, newcomers: newcomers(3, 3) }, scenario, {
      ...DEFAULT_THRESHOLDS,
      priorEarnShare: 0.1,
    });
    expect(v.expected.earnChance.value).toBe(0.1);
    expect(v.expected.earnChance.provenance).toEqual({ kind: 'assumed', by: 'default' });
    expect(v.expected.earnChance.note).toMatch(/only 3 newcomers/);
  });

  it('a rig short of the hardware: Skip whatever the profit; not reviewed: unknown, not decisive', () => {
    const e = evaluateNewcomer(base, scenario);
    const short = decideVerdict(base, 1e6, 60, 0.5, 'low', DEFAULT_THRESHOLDS, e.expected, 'too-small');
    expect(short.label).toBe('Skip');
    expect(short.phrase).toBe('rig too small');
    const unknown = decideVerdict(base, 1e6, 60, 0.5, 'low', DEFAULT_THRESHOLDS, e.expected, 'not-reviewed');
    expect(unknown.label).toBe('Mine');
    expect(unknown.reasons.find((r) => r.factor === 'rig-fit')?.message).toBe('hardware not reviewed yet');
  });

  it('a subnet at high risk of deregistration (when the engine reports it): Watch', () => {
    const risky: SubnetAnalysis = { ...base, subnetDeregistration: { ...base.subnetDeregistration, level: 'high' } };
    const v = verdict(risky);
    expect(v.label).toBe('Watch');
    expect(v.decisive).toEqual(['subnet-deregistration']);
  });

  it('profit exactly 0 is not enough (must exceed the minimum)', () => {
    // Zero TAO price and zero rent: earnings 0, costs 0.
    const v = verdict(base, makeScenario({ taoPriceUsd: 0, rentUsdPerMonth: 0 }));
    expect(v.label).toBe('Skip');
  });

  it('registration closed: Skip whatever the profit', () => {
    const v = verdict(withModel({ registrationAllowed: false }));
    expect(v.label).toBe('Skip');
    expect(v.decisive).toEqual(['registration-closed']);
  });

  it('profit unknown (no TAO price): Watch, decided by the missing profit', () => {
    const v = verdict(base, makeScenario({ taoPriceUsd: null }));
    expect(v.label).toBe('Watch');
    expect(v.decisive).toEqual(['expected-profit']);
    expect(v.reasons[0]?.level).toBe('unknown');
  });

  it.each([
    ['gini', withModel({ gini: 0.75 }), scenario],
    ['miners', base, makeScenario({ competitorCount: 600 })],
    ['miners', base, makeScenario({ competitorCount: 5 })],
    ['registration-cost', base, makeScenario({ registrationCostTaoByNetuid: { 1: 6 } })],
    ['burn', withModel({ burnedShare: 0.6 }), scenario],
    // Every incumbent out-earns the newcomer, so registrants push it out; no MinNonImmuneUids floor (at 100
    // registrations a day it would otherwise send pruning to immune UIDs).
    [
      'pruning',
      withModel({
        registrationsPerDay: 100,
        freeSlots: 0,
        minNonImmuneUids: 0,
        emissionAlphaPerDayAsc: new Array(60).fill(1e6),
        nonImmuneEmissionAlphaPerDayAsc: new Array(60).fill(1e6),
      }),
      scenario,
    ],
  ] as const)('profitable but bad %s: Watch, decided by that factor', (factor, analysis, s) => {
    const v = verdict(analysis, s);
    expect(v.label).toBe('Watch');
    expect(v.decisive).toEqual([factor]);
  });

  it('a live snapshot far from its window: Watch, decided by the divergence', () => {
    const past = { ...base.summary, blockNumber: base.blockNumber - 7200, earningMiners: 200 };
    // Earning miners: window mean 200, live 60 → departure 0.7 > 0.5.
    const v = verdict(analyzeSubnet(healthyInput, [past]));
    expect(v.label).toBe('Watch');
    expect(v.decisive).toEqual(['divergence']);
  });

  it('a window that agrees: divergence is good; one without the earnings metrics: unknown', () => {
    const same = { ...base.summary, blockNumber: base.blockNumber - 7200 };
    const agrees = verdict(analyzeSubnet(healthyInput, [same]));
    expect(agrees.label).toBe('Mine');
    expect(agrees.reasons.find((r) => r.factor === 'divergence')?.level).toBe('good');
    const blank = { ...same, earningMiners: null, receivedMinerPoolTaoPerDay: null, burnTao: null };
    const unknown = verdict(analyzeSubnet(healthyInput, [blank]));
    expect(unknown.reasons.find((r) => r.factor === 'divergence')?.level).toBe('unknown');
  });

  it('thresholds are the user’s: calling 60 miners "maybe dead" below 100 turns Mine into Watch', () => {
    expect(verdict(base, scenario, { ...DEFAULT_THRESHOLDS, minersDeadBelow: 100 }).label).toBe('Watch');
    expect(verdict(base, scenario, { ...DEFAULT_THRESHOLDS, minProfitUsdPerMonth: 1_000_000 }).label).toBe('Skip');
  });
});
