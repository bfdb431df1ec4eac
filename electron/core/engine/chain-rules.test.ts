/**
 * The engine against hand-worked examples of subtensor's own rules (each case names the file and function). Amounts
 * are chosen so every figure can be checked on paper: tempo 360 (20 epochs a day), 1 alpha per block, price 0.01.
 */
import { describe, expect, it } from 'vitest';
import type { NeuronSnapshot } from '../../../shared/domain';
import { analyzeSubnet } from './analyze';
import { makeInput, makeNetwork, makeNeuron, makeScenario, makeSubnet } from '../../../test/fixtures/engine';
import { emissionFactorAt, nextHalvingThreshold } from './halving';
import { chainSplit } from './incentive';
import { evaluateNewcomer } from './newcomer';
import { expectedBurnTao } from './registration-timing';
import { subnetDeregistrations } from './subnet-dereg';

const ALPHA = 1_000_000_000n;
/** Alpha (whole units, may be fractional) as rao. */
const alpha = (units: number) => BigInt(Math.round(units * 1e6)) * 1000n;

describe('the miner pool as the chain paid it (run_epoch.rs server emission, run_coinbase.rs emit_to_subnets)', () => {
  // Owner cut off, 1 alpha/block: an epoch (360 blocks) carries 360 alpha into the epoch.
  const subnet = makeSubnet({ ownerCutEnabled: false, uidCount: 3, alphaPriceRao: 10_000_000n });

  it('no validator dividends: miners receive the whole epoch (Σdiv = 0) — 2/3 and 1/3 of 360 alpha → 7200 alpha/day', () => {
    const neurons = [
      makeNeuron({ uid: 0, incentivesU16: [43690], emissionRao: alpha(240) }),
      makeNeuron({ uid: 1, incentivesU16: [21845], emissionRao: alpha(120) }),
      makeNeuron({ uid: 2 }),
    ];
    const a = analyzeSubnet(makeInput(subnet, neurons));
    expect(a.minerPool.minerShareOfEpoch.value).toBe(1);
    expect(a.minerPool.minerShareOfEpoch.note).toBe('no validator dividends: miners receive everything');
    expect(a.minerPool.basis).toBe('measured');
    expect(a.minerPool.receivedAlphaPerDay.value).toBeCloseTo(7200, 6);
    expect(a.minerPool.ruleReceivedAlphaPerDay.value).toBeCloseTo(7200, 6);
    expect(a.minerPool.measuredVsRule.value).toBeCloseTo(1, 6);
    expect(a.minerPool.receivedTaoPerDay.value).toBeCloseTo(72, 6);
  });

  it('with validators: ½ of the epoch to miners (Σinc = Σdiv = 1) — 180 alpha per epoch → 3600 alpha/day', () => {
    const neurons = [
      makeNeuron({ uid: 0, incentivesU16: [65535], emissionRao: alpha(180) }),
      makeNeuron({ uid: 1, validatorPermit: true, dividendsU16: 65535, emissionRao: alpha(180) }),
    ];
    const a = analyzeSubnet(makeInput({ ...subnet, uidCount: 2 }, neurons));
    expect(a.minerPool.minerShareOfEpoch.value).toBeCloseTo(0.5, 12);
    expect(a.minerPool.receivedAlphaPerDay.value).toBeCloseTo(3600, 6);
    expect(a.minerPool.grossAlphaPerDay.value).toBeCloseTo(3600, 6);
  });

  it('the chain paid half of what the rule gives: the paid figure is shown, and the note says so and why', () => {
    const neurons = [
      makeNeuron({ uid: 0, incentivesU16: [65535], emissionRao: alpha(90) }),
      makeNeuron({ uid: 1, validatorPermit: true, dividendsU16: 65535, emissionRao: alpha(90) }),
    ];
    const a = analyzeSubnet(makeInput({ ...subnet, uidCount: 2 }, neurons));
    expect(a.minerPool.receivedAlphaPerDay.value).toBeCloseTo(1800, 6);
    expect(a.minerPool.measuredVsRule.value).toBeCloseTo(0.5, 6);
    expect(a.minerPool.receivedAlphaPerDay.note).toMatch(
      /^the chain paid 50% of what the rule gives .* what it paid in the last epoch is shown/,
    );
  });

  it('a subnet the chain does not emit to earns 0 with the reason, whatever alpha_out it still shows (get_subnets_to_emit_to)', () => {
    const neurons = [makeNeuron({ uid: 0, incentivesU16: [65535], emissionRao: alpha(360) })];
    const cases: [Partial<typeof subnet>, RegExp][] = [
      [{ registrationAllowed: false }, /NetworkRegistrationAllowed false/],
      [{ subtokenEnabled: false }, /SubtokenEnabled false/],
      [{ firstEmissionBlock: null }, /FirstEmissionBlockNumber unset/],
    ];
    for (const [patch, reason] of cases) {
      const a = analyzeSubnet(makeInput({ ...subnet, uidCount: 1, ...patch }, neurons));
      expect(a.minerPool.basis).toBe('not-emitted');
      expect(a.minerPool.receivedAlphaPerDay.value).toBe(0);
      expect(a.minerPool.notEmittedReason).toMatch(reason);
      expect(evaluateNewcomer(a, makeScenario()).alphaPerDay.value).toBe(0);
    }
  });

  it('a runtime that has no FirstEmissionBlockNumber does not stop the pool (the item is unknown, not unset)', () => {
    const neurons = [makeNeuron({ uid: 0, incentivesU16: [65535], emissionRao: alpha(360) })];
    const network = makeNetwork({ missingReads: ['SubtensorModule.FirstEmissionBlockNumber'] });
    const a = analyzeSubnet(
      makeInput({ ...subnet, uidCount: 1, firstEmissionBlock: null }, neurons, 1_000_000, network),
    );
    expect(a.minerPool.basis).toBe('measured');
    expect(a.minerPool.receivedAlphaPerDay.value).toBeCloseTo(7200, 6);
  });

  it('SubnetEmissionEnabled off zeroes only the TAO injection: miners are still paid alpha (get_subnet_block_emissions)', () => {
    const neurons = [makeNeuron({ uid: 0, incentivesU16: [65535], emissionRao: alpha(360) })];
    const a = analyzeSubnet(
      makeInput({ ...subnet, uidCount: 1, emissionEnabled: false, taoInEmissionRao: 0n, excessTaoRao: 0n }, neurons),
    );
    expect(a.minerPool.receivedAlphaPerDay.value).toBeCloseTo(7200, 6);
    expect(a.emissionShare.value).toBe(0);
    expect(a.emissionShare.note).toMatch(/SubnetEmissionEnabled is off/);
  });
});

describe('burns: every hotkey of the owner coldkey (run_coinbase.rs get_owner_hotkeys, distribute_dividends_and_incentives)', () => {
  // uid 0 the owner hotkey, uids 1 and 2 other hotkeys of the owner's coldkey, uids 3 and 4 real miners; 1/5 each.
  const fifth = 13107;
  const neurons: NeuronSnapshot[] = [
    makeNeuron({
      uid: 0,
      hotkey: 'owner-hot',
      coldkey: 'owner-cold',
      incentivesU16: [fifth],
      emissionRao: alpha(72),
      registeredAtBlock: 50,
    }),
    makeNeuron({
      uid: 1,
      coldkey: 'owner-cold',
      incentivesU16: [fifth],
      emissionRao: alpha(72),
      registeredAtBlock: 30,
    }),
    makeNeuron({
      uid: 2,
      coldkey: 'owner-cold',
      incentivesU16: [fifth],
      emissionRao: alpha(72),
      registeredAtBlock: 10,
    }),
    makeNeuron({ uid: 3, incentivesU16: [fifth], emissionRao: alpha(72), registeredAtBlock: 20 }),
    makeNeuron({ uid: 4, incentivesU16: [fifth], emissionRao: alpha(72), registeredAtBlock: 40 }),
  ];
  const subnet = makeSubnet({ ownerCutEnabled: false, uidCount: 5, maxUids: 5 });

  it('three owner UIDs take 3/5: they are neither competitors nor earners; miners receive 2/5 of 7200 = 2880 alpha/day', () => {
    const a = analyzeSubnet(makeInput(subnet, neurons));
    expect(a.counts.ownerUids.value).toBe(3);
    expect(a.counts.earningMiners.value).toBe(2);
    expect(a.burn.ownerIncentiveShare.value).toBeCloseTo(0.6, 4);
    expect(a.burn.burnedShare.value).toBeCloseTo(0.6, 4);
    expect(a.minerPool.receivedAlphaPerDay.value).toBeCloseTo(2880, 2);
    expect(a.minerPool.grossAlphaPerDay.value).toBeCloseTo(7200, 2);
    expect(a.model.sharesDesc).toEqual([0.5, 0.5]);
  });

  it("the chain's MinerBurned is preferred over the re-derived share for the rule's figure", () => {
    const a = analyzeSubnet(makeInput({ ...subnet, minerBurnedFraction: 0.5 }, neurons));
    expect(a.burn.burnedShare.value).toBe(0.5);
    expect(a.burn.burnedShare.provenance.kind).toBe('chain');
    expect(a.minerPool.ruleReceivedAlphaPerDay.value).toBeCloseTo(3600, 6);
  });

  it('ImmuneOwnerUidsLimit 1: only the owner hotkey is immortal; 2: then the oldest owner-coldkey UID (registration.rs get_immune_owner_tuples)', () => {
    expect(analyzeSubnet(makeInput(subnet, neurons)).pruningWorking.immortalOwnerUids).toEqual([0]);
    expect(
      analyzeSubnet(makeInput({ ...subnet, immuneOwnerUidsLimit: 2 }, neurons)).pruningWorking.immortalOwnerUids,
    ).toEqual([0, 2]);
  });

  it('non-immortal owner UIDs can be pruned like anyone: get_neuron_to_prune picks among uids 1–4 (ties: oldest, uid 2)', () => {
    const a = analyzeSubnet(makeInput({ ...subnet, minNonImmuneUids: 0, immunityPeriodBlocks: 0 }, neurons));
    expect(a.pruningWorking.nextUid).toBe(2);
  });
});

describe('mechanisms (subnets/mechanism.rs split_emissions)', () => {
  it('a split shorter than the mechanism count gives the missing mechanisms 0', () => {
    expect(chainSplit({ mechanismCount: 3, mechanismSplitU16: [32768, 32767] })).toEqual([
      32768 / 65535,
      32767 / 65535,
      0,
    ]);
    expect(chainSplit({ mechanismCount: 2, mechanismSplitU16: [65535] })).toEqual([1, 0]);
  });

  it('no split stored: even; a split losing rao to rounding credits the rest to mechanism 0', () => {
    expect(chainSplit({ mechanismCount: 4, mechanismSplitU16: null })).toEqual([0.25, 0.25, 0.25, 0.25]);
    const [m0, m1] = chainSplit({ mechanismCount: 2, mechanismSplitU16: [30000, 30000] });
    expect(m0).toBeCloseTo(1 - 30000 / 65535, 12);
    expect(m1).toBeCloseTo(30000 / 65535, 12);
  });

  it('a miner earning only on the unpaid mechanism earns nothing', () => {
    const neurons = [
      makeNeuron({ uid: 0, incentivesU16: [65535, 0] }),
      makeNeuron({ uid: 1, incentivesU16: [0, 65535] }),
    ];
    const a = analyzeSubnet(
      makeInput(makeSubnet({ uidCount: 2, mechanismCount: 2, mechanismSplitU16: [65535] }), neurons),
    );
    expect(a.model.sharesDesc).toEqual([1]);
    expect(a.counts.earningMiners.value).toBe(1);
  });

  it("Emission on a multi-mechanism subnet is the split-weighted sum of the mechanisms' terms (epoch_with_mechanisms): the paid pool is recovered", () => {
    // Split ¾ / ¼ of a 360-alpha epoch, no validators, owner cut off: mechanism 0 pays 270 alpha, mechanism 1 pays 90.
    // uid 0 holds all of mechanism 0's incentive, uid 1 all of mechanism 1's. Paid: 270 and 90. Stored Emission is
    // Σ_m split_m × term_m: ¾ × 270 = 202.5 and ¼ × 90 = 22.5 (Σ = 225 = 360 × (¾² + ¼²)).
    const neurons = [
      makeNeuron({ uid: 0, incentivesU16: [65535, 0], emissionRao: alpha(202.5) }),
      makeNeuron({ uid: 1, incentivesU16: [0, 65535], emissionRao: alpha(22.5) }),
    ];
    const subnet = makeSubnet({
      ownerCutEnabled: false,
      uidCount: 2,
      mechanismCount: 2,
      mechanismSplitU16: [49151, 16384],
      alphaPriceRao: 10_000_000n,
    });
    const a = analyzeSubnet(makeInput(subnet, neurons));
    // 360 alpha an epoch × 20 epochs a day, not 225 × 20.
    expect(a.minerPool.receivedAlphaPerDay.value).toBeCloseTo(7200, 0);
    expect(a.minerPool.measuredVsRule.value).toBeCloseTo(1, 3);
  });
});

describe('subnet deregistration (coinbase/root.rs get_network_to_prune)', () => {
  const network = makeNetwork({ subnetLimit: 4, networkImmunityPeriodBlocks: 1000 });
  const at = 10_000;
  const standings = [
    { netuid: 0, movingPrice: 1, registeredAtBlock: 0 }, // root: never a candidate, not counted
    { netuid: 1, movingPrice: 0.02, registeredAtBlock: 100 },
    { netuid: 2, movingPrice: 0.01, registeredAtBlock: 200 },
    { netuid: 3, movingPrice: 0.01, registeredAtBlock: 50 }, // ties 2 on price, registered earlier → first
    { netuid: 4, movingPrice: 0.001, registeredAtBlock: 9500 }, // lowest, but immune (500 blocks left)
  ];

  it('at the limit (4 of 4): the lowest non-immune moving price goes first, ties to the earlier registration', () => {
    const d = subnetDeregistrations(standings, network, at);
    expect(d.has(0)).toBe(false);
    expect(d.get(3)!.rankFromBottom.value).toBe(1);
    expect(d.get(3)!.level).toBe('high');
    expect(d.get(3)!.movingPriceGap.value).toBeCloseTo(0, 12); // level with SN2: only the registration decides
    expect(d.get(2)!.rankFromBottom.value).toBe(2);
    expect(d.get(2)!.level).toBe('medium');
    expect(d.get(1)!.rankFromBottom.value).toBe(3);
    expect(d.get(1)!.movingPriceGap.value).toBeCloseTo(0.01, 12);
    expect(d.get(4)!.rankFromBottom.value).toBeNull();
    expect(d.get(4)!.immunityLeftDays.value).toBeCloseTo(500 / 7200, 12);
    expect(d.get(4)!.level).toBe('low');
  });

  it("below the limit nobody is dissolved; the runtime's own answer marks its pick", () => {
    const below = subnetDeregistrations(
      standings,
      makeNetwork({ subnetLimit: 5, networkImmunityPeriodBlocks: 1000 }),
      at,
    );
    expect(below.get(3)!.level).toBe('low');
    const said = subnetDeregistrations(standings, makeNetwork({ ...network, subnetToPrune: 3 }), at);
    expect(said.get(3)!.runtimeSaysNext).toBe(true);
    expect(said.get(1)!.runtimeSaysNext).toBe(false);
  });

  it('a runtime without SubnetLimit: the risk is unknown and says which item is missing', () => {
    const d = subnetDeregistrations(standings, makeNetwork({ subnetLimit: null }), at);
    expect(d.get(1)!.level).toBeNull();
    expect(d.get(1)!.reason).toMatch(/SubtensorModule\.SubnetLimit not read/);
  });

  it('a subnet next in line is a bad verdict factor', () => {
    const neurons = [makeNeuron({ uid: 0, incentivesU16: [65535], emissionRao: alpha(180) })];
    const a = analyzeSubnet(makeInput(makeSubnet({ netuid: 3, uidCount: 1 }), neurons), [], {
      subnetDeregistration: subnetDeregistrations(standings, network, at).get(3),
    });
    const reason = evaluateNewcomer(a, makeScenario()).verdict.reasons.find(
      (r) => r.factor === 'subnet-deregistration',
    );
    expect(reason?.level).toBe('bad');
  });
});

describe('halvings (coinbase/block_emission.rs get_block_emission_for_issuance)', () => {
  it('1 per block below 10.5M issued, ½ from 10.5M, ¼ from 15.75M, 0 at the 21M supply', () => {
    expect(emissionFactorAt(10_499_999)).toBe(1);
    expect(emissionFactorAt(10_500_000)).toBe(0.5);
    expect(emissionFactorAt(15_750_000)).toBe(0.25);
    expect(emissionFactorAt(21_000_000)).toBe(0);
    expect(nextHalvingThreshold(11_000_000)).toBe(15_750_000);
  });

  it("a subnet 10.4M alpha issued, +20k a day (from its own history): halves in 5 days; the path's months earn half", () => {
    const subnet = makeSubnet({
      uidCount: 1,
      alphaReserveRao: 400_000n * ALPHA,
      alphaOutstandingRao: 10_000_000n * ALPHA,
    });
    const neurons = [makeNeuron({ uid: 0, incentivesU16: [65535], emissionRao: alpha(147.6) })];
    const input = makeInput(subnet, neurons);
    const past = {
      ...analyzeSubnet(input).summary,
      blockNumber: input.blockNumber - 7200,
      blockTimeMs: input.blockTimeMs - 86_400_000,
      alphaIssuance: 10_380_000,
    };
    const a = analyzeSubnet(input, [past]);
    expect(a.alphaHalving.issuancePerDay.value).toBeCloseTo(20_000, 6);
    expect(a.alphaHalving.daysToHalving.value).toBeCloseTo(5, 6);
    expect(a.alphaHalving.halvingBlock.value).toBe(input.blockNumber + 36_000);
    expect(a.model.alphaEmissionFactorByMonth.slice(0, 2)).toEqual([0.5, 0.5]);
    const e = evaluateNewcomer(a, makeScenario({ rentUsdPerMonth: 0, horizonMonths: 2 }));
    expect(e.path.months.map((m) => m.earningsUsd)).toEqual([
      expect.closeTo((e.earningsUsdPerMonth.value as number) / 2, 6),
      expect.closeTo((e.earningsUsdPerMonth.value as number) / 2, 6),
    ]);
  });

  it('an alpha price assumption of −10% a month compounds at mid-month; profit and payback come from the path', () => {
    const neurons = [makeNeuron({ uid: 0, incentivesU16: [65535], emissionRao: alpha(147.6) })];
    const a = analyzeSubnet(makeInput(makeSubnet({ uidCount: 1 }), neurons));
    const flat = evaluateNewcomer(a, makeScenario({ horizonMonths: 2 }));
    const falling = evaluateNewcomer(a, makeScenario({ horizonMonths: 2, alphaPriceChangePerMonth: -0.1 }));
    const earn = flat.earningsUsdPerMonth.value as number;
    expect(falling.path.months[0]!.earningsUsd).toBeCloseTo(earn * 0.9 ** 0.5, 6);
    expect(falling.path.months[1]!.earningsUsd).toBeCloseTo(earn * 0.9 ** 1.5, 6);
    const costs = 300 + (flat.registrationCostUsd.value as number) / 2;
    expect(falling.profitUsdPerMonth.value).toBeCloseTo((earn * (0.9 ** 0.5 + 0.9 ** 1.5)) / 2 - costs, 6);
    expect(falling.path.profitOverHorizonUsd.value).toBeCloseTo(2 * (falling.profitUsdPerMonth.value as number), 6);
    expect(falling.path.alphaPriceChangePerMonth).toMatchObject({ value: -0.1, provenance: { kind: 'assumed' } });
  });
});

describe('registration timing (subnets/registration.rs update_registration_prices_for_networks, bump_…)', () => {
  it('1 TAO, half-life 360 blocks, nobody registering: 2^(−300/360) after 1 h, 2^(−20) floored at MinBurn after a day', () => {
    expect(expectedBurnTao(1, 0.0005, 100, 360, 1.26, 0, 300)).toBeCloseTo(2 ** (-300 / 360), 12);
    expect(expectedBurnTao(1, 0.0005, 100, 360, 1.26, 0, 7200)).toBe(0.0005);
  });

  it('24 registrations a day (one an hour) at ×1.26: one hour is 2^(−300/360) × 1.26; capped at MaxBurn', () => {
    expect(expectedBurnTao(1, 0.0005, 100, 360, 1.26, 24, 300)).toBeCloseTo(2 ** (-300 / 360) * 1.26, 12);
    expect(expectedBurnTao(50, 0.0005, 100, 0, 1.26, 240, 7200)).toBe(100);
  });

  it('on a subnet: now / 1 h / 6 h / 24 h and the register_limit price (burn × mult)', () => {
    const a = analyzeSubnet(makeInput(makeSubnet({ burnRao: ALPHA, uidCount: 0 }), []));
    const t = a.registrationTiming;
    expect(t.burnNowTao.value).toBe(1);
    expect(t.registerLimitTao.value).toBeCloseTo(1.26, 12);
    expect(t.in1hTao.value).toBeCloseTo(2 ** (-300 / 360), 12); // no UIDs, so no registrations estimated
    expect((t.in6hTao.value as number) < (t.in1hTao.value as number)).toBe(true);
  });

  it('a runtime without BurnHalfLife (before the decay-and-bump burn): no projection, and the note names the item', () => {
    const network = makeNetwork({ missingReads: ['SubtensorModule.BurnHalfLife', 'SubtensorModule.BurnIncreaseMult'] });
    const a = analyzeSubnet(
      makeInput(makeSubnet({ burnRao: ALPHA, burnHalfLife: null, burnIncreaseMult: null }), [], 1_000_000, network),
    );
    expect(a.registrationTiming.burnNowTao.value).toBe(1);
    expect(a.registrationTiming.in24hTao.value).toBeNull();
    expect(a.registrationTiming.in24hTao.note).toMatch(
      /^SubtensorModule\.BurnHalfLife and SubtensorModule\.BurnIncreaseMult not in this runtime/,
    );
  });
});
