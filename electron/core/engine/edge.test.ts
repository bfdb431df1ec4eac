import { describe, expect, it } from 'vitest';
import type { SubnetInput } from '../../../shared/economics';
import { analyzeSubnet } from './analyze';
import {
  makeInput,
  makeNetwork,
  makeNeuron,
  makeScenario,
  makeSubnet,
  workedExample,
} from '../../../test/fixtures/engine';
import { evaluateNewcomer } from './newcomer';
import { defaultSensitivityAxes, sensitivityGrid } from './sensitivity';
import { bigRatio, raoToUnits } from './units';

/** Every number anywhere in a result is finite: missing is null, never NaN or ±Infinity. */
function expectNoNonFinite(value: unknown, path = '$'): void {
  if (typeof value === 'number') {
    expect(Number.isFinite(value), `${path} = ${value}`).toBe(true);
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => expectNoNonFinite(v, `${path}[${i}]`));
  } else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) expectNoNonFinite(v, `${path}.${k}`);
  }
}

function everything(input: SubnetInput, scenario = makeScenario()) {
  const analysis = analyzeSubnet(input);
  const economics = evaluateNewcomer(analysis, scenario);
  const grid = sensitivityGrid(analysis, scenario, defaultSensitivityAxes(analysis, scenario));
  expectNoNonFinite(analysis);
  expectNoNonFinite(economics);
  expectNoNonFinite(grid);
  return { analysis, economics, grid };
}

describe('no earning miners', () => {
  const neurons = [makeNeuron({ uid: 0 }), makeNeuron({ uid: 1 })];

  it('statistics are missing, not zero; with no incentive at all the validators receive the epoch (run_epoch.rs)', () => {
    const { analysis, economics } = everything(makeInput(makeSubnet({ uidCount: 2 }), neurons));
    expect(analysis.counts.earningMiners.value).toBe(0);
    expect(analysis.counts.zeroEarners.value).toBe(2);
    expect(analysis.concentration.gini.value).toBeNull();
    expect(analysis.perMiner.alphaPerDay.p50.value).toBeNull();
    // ST epoch/run_epoch.rs: server emission = incentive / (Σinc + Σdiv); Σinc = 0 → miners get nothing.
    expect(analysis.minerPool.minerShareOfEpoch.value).toBe(0);
    expect(analysis.minerPool.receivedAlphaPerDay.value).toBe(0);
    expect(analysis.minerPool.receivedAlphaPerDay.note).toBe(
      'no miner had incentive in the last epoch: validators received everything',
    );
    // A newcomer joining today is paid nothing: profit is minus the costs.
    expect(economics.alphaPerDay.value).toBe(0);
    expect(economics.profitUsdPerMonth.value).toBeLessThan(0);
  });

  it('an equal-share newcomer on that subnet gets a figure (0), not an unknown', () => {
    const input = makeInput(makeSubnet({ uidCount: 2, minerBurnedFraction: 0 }), neurons);
    const { economics } = everything(input, makeScenario({ position: { kind: 'equal' }, competitorCount: 4 }));
    expect(economics.alphaPerDay.value).toBe(0);
  });
});

describe('one miner', () => {
  it('Gini 0, every percentile equal, top-1 share 1, Nakamoto 1', () => {
    const { analysis } = everything(
      makeInput(makeSubnet({ uidCount: 1 }), [makeNeuron({ uid: 0, incentivesU16: [65535] })]),
    );
    const c = analysis.concentration;
    expect([c.gini.value, c.top1Share.value, c.hhi.value, c.nakamoto.value]).toEqual([0, 1, 1, 1]);
    const p = analysis.perMiner.alphaPerDay;
    expect(new Set([p.p25.value, p.p50.value, p.p75.value, p.p90.value, p.max.value]).size).toBe(1);
  });
});

describe('100% burn: every bit of incentive on the owner UID', () => {
  const input = makeInput(makeSubnet({ uidCount: 2, ownerHotkey: 'owner' }), [
    makeNeuron({ uid: 0, hotkey: 'owner', incentivesU16: [65535] }),
    makeNeuron({ uid: 1 }),
  ]);

  it('miners receive nothing: earnings are a measured 0, profit is minus the costs → Skip', () => {
    const scenario = makeScenario({ rentUsdPerMonth: 300, taoPriceUsd: 400, horizonMonths: 2 });
    const { analysis, economics } = everything(input, scenario);
    expect(analysis.burn.ownerIncentiveShare.value).toBe(1);
    expect(analysis.minerPool.receivedAlphaPerDay.value).toBe(0);
    expect(economics.alphaPerDay.value).toBe(0);
    expect(economics.shareOfMinerPool.note).toBe('owner UIDs burn the whole miner pool');
    // burn 1 TAO × $400 / 2 months = 200; profit = 0 − 300 − 200
    expect(economics.profitUsdPerMonth.value).toBeCloseTo(-500, 9);
    expect(economics.breakEvenCompetitors.value).toBeNull();
    expect(economics.breakEvenTaoPriceUsd.value).toBeNull();
    expect(economics.verdict.label).toBe('Skip');
    const burn = economics.verdict.reasons.find((r) => r.factor === 'burn');
    expect(burn?.level).toBe('bad');
  });

  it("P(earn) is 0 by the chain's rule, not the prior: no newcomer is paid while the owner takes the pool", () => {
    const { economics } = everything(input, makeScenario({ rentUsdPerMonth: 300, taoPriceUsd: 400, horizonMonths: 2 }));
    expect(economics.expected.earnChance.value).toBe(0);
    expect(economics.expected.earnChance.provenance.kind).not.toBe('assumed');
    expect(economics.expected.earnChance.note).toMatch(/owner's UIDs take the whole miner pool/);
    expect(economics.expected.earningsUsdPerMonth.value).toBe(0);
    expect(economics.expected.lossChance.value).toBe(1);
    const earn = economics.verdict.reasons.find((r) => r.factor === 'earn-chance');
    expect(earn).toMatchObject({ level: 'bad', value: 0 });
    expect(earn?.message).toMatch(/owner's UIDs take the whole miner pool/);
  });

  it('a partial burn keeps the prior: the owner holds half the incentive, the other miner the rest', () => {
    const partial = makeInput(makeSubnet({ uidCount: 2, ownerHotkey: 'owner' }), [
      makeNeuron({ uid: 0, hotkey: 'owner', incentivesU16: [32768] }),
      makeNeuron({ uid: 1, incentivesU16: [32767] }),
    ]);
    const { analysis, economics } = everything(partial);
    expect(analysis.minerPool.receivedAlphaPerDay.value).toBeGreaterThan(0);
    expect(economics.expected.earnChance.value).toBe(0.2);
    expect(economics.expected.earnChance.provenance.kind).toBe('assumed');
  });

  it("the prior is capped at the share of UIDs that are earning miners: 1 of 20 earns beside the owner's burn UID", () => {
    const neurons = [
      makeNeuron({ uid: 0, hotkey: 'owner', incentivesU16: [52428] }),
      makeNeuron({ uid: 1, incentivesU16: [13107] }),
      ...Array.from({ length: 18 }, (_, i) => makeNeuron({ uid: 2 + i })),
    ];
    const { economics } = everything(makeInput(makeSubnet({ uidCount: 20, ownerHotkey: 'owner' }), neurons));
    expect(economics.expected.earnChance.value).toBeCloseTo(1 / 20, 12);
    expect(economics.expected.earnChance.provenance.kind).toBe('assumed');
    expect(economics.expected.earnChance.note).toMatch(
      /capped at the share of its UIDs that are earning miners today \(1 of 20\)/,
    );
  });
});

describe('missing inputs', () => {
  it('UID rows not stored: counts and curve are null with a reason, subnet-level figures remain', () => {
    const { analysis, economics } = everything({ ...workedExample(), neurons: null });
    expect(analysis.counts.earningMiners.value).toBeNull();
    expect(analysis.counts.earningMiners.note).toBe('UID rows not stored for this sync point');
    expect(analysis.minerPool.grossAlphaPerDay.value).toBeCloseTo(2880, 9);
    // MinerBurned 0.2 from the chain still tells what miners receive.
    expect(analysis.minerPool.receivedAlphaPerDay.value).toBeCloseTo(2304, 9);
    expect(economics.competitorCount.value).toBeNull();
    expect(economics.profitUsdPerMonth.value).toBeNull();
  });

  it('no alpha price: TAO and USD figures are null, alpha figures remain', () => {
    const base = workedExample();
    const { analysis, economics } = everything({ ...base, subnet: { ...base.subnet, alphaPriceRao: null } });
    expect(analysis.minerPool.grossTaoPerDay.value).toBeNull();
    expect(analysis.perMiner.taoPerDay.p50.value).toBeNull();
    // median of 4 competitors + newcomer: rank ⌈0.5 × 5⌉ = 3, share (2/12) / (13/12) = 2/13 of 2304 alpha/day
    expect(economics.alphaPerDay.value).toBeCloseTo((2304 * 2) / 13, 9);
    expect(economics.taoPerDay.value).toBeNull();
    expect(economics.breakEvenTaoPriceUsd.value).toBeNull();
  });

  it('the network mints nothing: emission share null', () => {
    const { analysis } = everything(makeInput(makeSubnet(), [], 1_000_000, makeNetwork({ blockEmissionRao: 0n })));
    expect(analysis.emissionShare.value).toBeNull();
  });

  it('tempo 0: per-day emission and the deregistration line are unknown', () => {
    const base = workedExample();
    const { analysis } = everything({ ...base, subnet: { ...base.subnet, tempo: 0 } });
    expect(analysis.deregLine.alphaPerDay.value).toBeNull();
    expect(analysis.minerPool.measuredVsRule.value).toBeNull();
  });

  it('empty history: no window, registrations estimated from immune UIDs', () => {
    const a = analyzeSubnet(workedExample(), []);
    expect(a.window).toBeNull();
    expect(a.registrationsPerDay.value).toBeCloseTo(1, 12);
  });
});

describe('prices and costs at the edges', () => {
  it('zero TAO price: earnings and registration cost $0, profit = −rent, payback never', () => {
    const { economics } = everything(workedExample(), makeScenario({ taoPriceUsd: 0, rentUsdPerMonth: 300 }));
    expect(economics.earningsUsdPerMonth.value).toBe(0);
    expect(economics.profitUsdPerMonth.value).toBe(-300);
    expect(economics.paybackDays.value).toBeNull();
    expect(economics.breakEvenTaoPriceUsd.value).not.toBeNull(); // does not depend on today's price
  });

  it('zero rent and zero registration: payback is immediate, break-even price 0', () => {
    const { economics } = everything(
      workedExample(),
      makeScenario({ rentUsdPerMonth: 0, registrationCostTaoByNetuid: { 7: 0 } }),
    );
    expect(economics.paybackDays.value).toBe(0);
    expect(economics.breakEvenTaoPriceUsd.value).toBe(0);
  });

  it('horizon 0: amortisation undefined → profit null with the reason', () => {
    const { economics } = everything(workedExample(), makeScenario({ horizonMonths: 0 }));
    expect(economics.profitUsdPerMonth.value).toBeNull();
    expect(economics.profitUsdPerMonth.note).toBe('horizon must be over 0 months');
  });
});

describe('amounts above 2^53 rao', () => {
  it('raoToUnits keeps the digits Number(rao) / 1e9 would lose', () => {
    const rao = 123_456_789_012_345_678_901n; // 123,456,789,012.345678901
    expect(raoToUnits(rao)).toBe(123_456_789_012.34567);
    expect(raoToUnits(2n ** 64n)).toBeCloseTo(18_446_744_073.709553, 5);
  });

  it('bigRatio divides huge integers exactly to 1e-18', () => {
    expect(bigRatio(3n * 2n ** 70n, 4n * 2n ** 70n)).toBe(0.75);
    expect(bigRatio(1n, 0n)).toBeNull();
  });

  it('a subnet with huge emissions, burn, reserves and stakes analyses to finite figures', () => {
    const huge = 2n ** 62n; // ≈ 4.6e18 rao ≈ 4.6e9 units
    const subnet = makeSubnet({
      uidCount: 2,
      alphaOutEmissionRao: huge,
      taoInEmissionRao: huge,
      excessTaoRao: huge,
      burnRao: huge,
      alphaPriceRao: huge,
      subnetVolumeRao: huge * huge,
    });
    const neurons = [
      makeNeuron({ uid: 0, incentivesU16: [40000], emissionRao: huge, totalStakeRao: huge }),
      makeNeuron({ uid: 1, incentivesU16: [25535], emissionRao: huge / 2n }),
    ];
    const network = makeNetwork({ blockEmissionRao: 2n ** 63n });
    const { analysis } = everything(makeInput(subnet, neurons, 1_000_000, network));
    expect(analysis.emissionShare.value).toBe(1); // (2^62 + 2^62) / 2^63
    expect(analysis.registrationCostTao.value).toBeCloseTo(Number(huge) / 1e9, 0);
  });
});
