import { describe, expect, it } from 'vitest';
import { analyzeSubnet, summarizeSubnet } from './analyze';
import { makeInput, makeNetwork, makeNeuron, makeSubnet, workedExample } from '../../../test/fixtures/engine';

// The subnet is described, UID by UID, above workedExample() in fixtures.ts.
describe('analyzeSubnet on the worked example', () => {
  const a = analyzeSubnet(workedExample());

  it('miner pool: 1 alpha × (1 − 0.2) × ½ × 7200 = 2880 alpha/day = 14.4 TAO/day at 0.005', () => {
    expect(a.minerPool.grossAlphaPerDay.value).toBeCloseTo(2880, 9);
    expect(a.minerPool.grossTaoPerDay.value).toBeCloseTo(14.4, 9);
  });

  it('what miners receive: the owner UID takes 3/15 of the incentive, burned → 2880 × 0.8 = 2304 alpha/day', () => {
    expect(a.burn.ownerIncentiveShare.value).toBeCloseTo(0.2, 12);
    expect(a.minerPool.receivedAlphaPerDay.value).toBeCloseTo(2304, 9);
    expect(a.minerPool.receivedTaoPerDay.value).toBeCloseTo(11.52, 9);
    expect(a.burn.minerBurnedFraction.value).toBe(0.2);
  });

  it('emission share: (0.2 + 0.05) TAO of 1 TAO per block = 0.25, of which 0.2 TAO-in emission (btcli) and 0.05 chain buys', () => {
    expect(a.emissionShare.value).toBeCloseTo(0.25, 15);
    expect(a.emissionShare.note).toBeNull();
    expect(a.taoInEmissionShare.value).toBeCloseTo(0.2, 15);
    expect(a.chainBuyShare.value).toBeCloseTo(0.05, 15);
  });

  it('counts: 5 miner UIDs (2–6), 4 earning, 1 zero-earner, 1 validator, 1 owner, 1 immune, 3 coldkeys', () => {
    expect(a.counts.uids.value).toBe(7);
    expect(a.counts.minerUids.value).toBe(5);
    expect(a.counts.earningMiners.value).toBe(4);
    expect(a.counts.zeroEarners.value).toBe(1);
    expect(a.counts.validators.value).toBe(1);
    expect(a.counts.dualUids.value).toBe(0);
    expect(a.counts.ownerUids.value).toBe(1);
    expect(a.counts.immuneUids.value).toBe(1); // uid 6: 1,000,000 − 999,000 = 1000 < 7200
    expect(a.counts.earningColdkeys.value).toBe(3); // A (uids 2, 3), B, C
    expect(a.counts.earningShareOfMiners.value).toBeCloseTo(4 / 5, 12);
  });

  it('per-miner alpha/day = incentive × 2880: 192, 384, 576, 1152 → p25 336, p50 480, p75 720, p90 979.2', () => {
    const p = a.perMiner.alphaPerDay;
    expect(p.p25.value).toBeCloseTo(336, 9);
    expect(p.p50.value).toBeCloseTo(480, 9);
    expect(p.p75.value).toBeCloseTo(720, 9);
    expect(p.p90.value).toBeCloseTo(979.2, 9);
    expect(p.max.value).toBeCloseTo(1152, 9);
  });

  it('per-miner TAO/day = alpha/day × 0.005: p50 2.4, max 5.76', () => {
    expect(a.perMiner.taoPerDay.p50.value).toBeCloseTo(2.4, 9);
    expect(a.perMiner.taoPerDay.max.value).toBeCloseTo(5.76, 9);
  });

  it('concentration over [1, 2, 3, 6]/15 with the owner left out: Gini 1/3, top-1 ½, HHI 50/144, Nakamoto 2', () => {
    expect(a.concentration.gini.value).toBeCloseTo(1 / 3, 12);
    expect(a.concentration.top1Share.value).toBeCloseTo(0.5, 12);
    expect(a.concentration.top10PctShare.value).toBeCloseTo(0.5, 12);
    expect(a.concentration.hhi.value).toBeCloseTo(50 / 144, 12);
    expect(a.concentration.nakamoto.value).toBe(2);
  });

  it('Nakamoto over coldkeys: coldkey A holds (6 + 3)/12 = 0.75 alone → 1', () => {
    expect(a.concentration.nakamotoColdkeys.value).toBe(1);
  });

  it('deregistration line: uid 5, 9.6 alpha/epoch × 7200/360 = 192 alpha/day (uid 6 is immune, uid 0 the owner)', () => {
    expect(a.deregLine.uid).toBe(5);
    expect(a.deregLine.alphaPerDay.value).toBeCloseTo(192, 9);
    expect(a.deregLine.taoPerDay.value).toBeCloseTo(0.96, 9);
  });

  it('owner UIDs: the owner hotkey (uid 0) is the one pruning skips (ImmuneOwnerUidsLimit 1)', () => {
    expect(a.pruningWorking.immortalOwnerUids).toEqual([0]);
    expect(a.pruningWorking.nonImmuneUids.value).toBe(5); // uids 1–5
  });

  it('paid vs rule: pure miners were paid (57.6+28.8+19.2+9.6) × 20 = 2304/day = 12/15 × 2880 → ratio 1, the paid figure shown', () => {
    expect(a.minerPool.measuredVsRule.value).toBeCloseTo(1, 9);
  });

  it('registrations/day without history: 1 immune UID over a 1-day immunity period', () => {
    expect(a.registrationsPerDay.value).toBeCloseTo(1, 12);
    expect(a.registrationsPerDay.provenance.kind).toBe('derived');
    expect(a.window).toBeNull();
  });

  it('provenance: chain figures carry the block; engine figures say derived', () => {
    expect(a.registrationCostTao).toEqual({
      value: 2,
      provenance: { kind: 'chain', blockNumber: 1_000_000, blockTimeMs: a.blockTimeMs },
      note: null,
    });
    expect(a.alphaPriceTao.provenance.kind).toBe('chain');
    expect(a.minerPool.grossAlphaPerDay.provenance.kind).toBe('derived');
    expect(a.concentration.gini.provenance.kind).toBe('derived');
  });

  it('the newcomer model holds the owner-free curve, highest first', () => {
    expect(a.model.sharesDesc.map((s) => s * 12)).toEqual([6, 3, 2, 1].map((v) => expect.closeTo(v, 9)));
    expect(a.model.prefixShares[4]).toBeCloseTo(1, 12);
    expect(a.model.freeSlots).toBe(0);
  });

  it('is deterministic: the same input gives the same analysis', () => {
    expect(analyzeSubnet(workedExample())).toEqual(a);
  });
});

describe('analyzeSubnet: miner rule and mechanisms', () => {
  it('a validator with incentive (dual) is a miner in the curve; a validator without is not', () => {
    const neurons = [
      makeNeuron({ uid: 0, validatorPermit: true, incentivesU16: [32768], dividendsU16: 30000 }),
      makeNeuron({ uid: 1, validatorPermit: true, incentivesU16: [0], dividendsU16: 35535 }),
      makeNeuron({ uid: 2, incentivesU16: [32767] }),
    ];
    const a = analyzeSubnet(makeInput(makeSubnet({ uidCount: 3 }), neurons));
    expect(a.counts.validators.value).toBe(2);
    expect(a.counts.dualUids.value).toBe(1);
    expect(a.counts.minerUids.value).toBe(2);
    expect(a.counts.earningMiners.value).toBe(2);
  });

  it('two mechanisms split 3:1 → incentive = ¾ × m0 + ¼ × m1', () => {
    // uid 0: m0 1, m1 0 → ¾; uid 1: m0 0, m1 1 → ¼. Shares ¾ and ¼.
    const neurons = [
      makeNeuron({ uid: 0, incentivesU16: [65535, 0] }),
      makeNeuron({ uid: 1, incentivesU16: [0, 65535] }),
    ];
    const subnet = makeSubnet({ uidCount: 2, mechanismCount: 2, mechanismSplitU16: [49151, 16384] });
    const a = analyzeSubnet(makeInput(subnet, neurons));
    expect(a.model.sharesDesc[0]).toBeCloseTo(49151 / 65535, 12);
    expect(a.model.sharesDesc[1]).toBeCloseTo(16384 / 65535, 12);
    expect(a.concentration.gini.note).toBeNull();
  });

  it('no split stored: mechanisms share evenly', () => {
    const neurons = [
      makeNeuron({ uid: 0, incentivesU16: [65535, 0] }),
      makeNeuron({ uid: 1, incentivesU16: [0, 65535] }),
    ];
    const a = analyzeSubnet(makeInput(makeSubnet({ uidCount: 2, mechanismCount: 2 }), neurons));
    expect(a.model.sharesDesc).toEqual([0.5, 0.5]);
  });

  it('a mechanism the sync did not read is said so, and the read one stands for the whole pool', () => {
    const neurons = [makeNeuron({ uid: 0, incentivesU16: [65535] }), makeNeuron({ uid: 1, incentivesU16: [0] })];
    const a = analyzeSubnet(makeInput(makeSubnet({ uidCount: 2, mechanismCount: 2 }), neurons));
    expect(a.model.sharesDesc).toEqual([1]);
    expect(a.concentration.gini.note).toBe('incentives read for 1 of 2 mechanisms');
  });

  it('owner cut switched off: miners get half of everything (1 × ½ × 7200 = 3600 alpha/day)', () => {
    const a = analyzeSubnet(makeInput(makeSubnet({ ownerCutEnabled: false }), null));
    expect(a.minerPool.grossAlphaPerDay.value).toBeCloseTo(3600, 9);
    expect(a.ownerCutShare.value).toBe(0);
  });

  it('excess TAO unreadable: the share counts injected TAO only and says it is partial', () => {
    const subnet = makeSubnet({ taoInEmissionRao: 100_000_000n, excessTaoRao: null });
    const a = analyzeSubnet(makeInput(subnet, [], 1_000_000, makeNetwork({ blockEmissionRao: 500_000_000n })));
    expect(a.emissionShare.value).toBeCloseTo(0.2, 15);
    expect(a.emissionShare.note).toBe('partial: chain buys unknown');
    expect(a.taoInEmissionShare.value).toBeCloseTo(0.2, 15);
    expect(a.chainBuyShare.value).toBeNull();
  });
});

describe('summarizeSubnet', () => {
  it('counts UIDs registered after the previous point: uid 6 (999,000) after 995,000; nothing after 999,500', () => {
    expect(summarizeSubnet(workedExample(), 995_000).registrationsSincePrevious).toBe(1);
    expect(summarizeSubnet(workedExample(), 999_500).registrationsSincePrevious).toBe(0);
    expect(summarizeSubnet(workedExample(), null).registrationsSincePrevious).toBeNull();
  });

  it('carries the figures the window tracks', () => {
    const s = summarizeSubnet(workedExample(), null);
    expect(s.earningMiners).toBe(4);
    expect(s.gini).toBeCloseTo(1 / 3, 12);
    expect(s.grossMinerPoolTaoPerDay).toBeCloseTo(14.4, 9);
    expect(s.medianMinerTaoPerDay).toBeCloseTo(2.4, 9);
    expect(s.burnTao).toBe(2);
    expect(s.priceTao).toBe(0.005);
  });
});
