/**
 * The subnet simulation's own invariants on tiny subnets, worked from subtensor's rules (rules.ts cites each): the
 * pending pools and what each epoch pays, both edge cases of the epoch split, the owner-coldkey burn, a short
 * mechanism split, pruning under the MinNonImmuneUids floor, burn decay and bump, and the alpha halving.
 */
import { describe, expect, it } from 'vitest';
import { SIM_START_BLOCK, SUBNET_OWNER_CUT } from './constants';
import { SITUATIONS } from './catalog';
import { createSubnetPlan, type SubnetPlan } from './plan';
import { blockEmissionForIssuance, bumpedBurn, decayedBurn, neuronToPrune, splitEmissions } from './rules';
import { Role, SubnetSim, type SimState } from './subnet-sim';

const ROOT_WEIGHT = 0.18 * 3e15; // TaoWeight × 3M TAO of root stake
const CUT = SUBNET_OWNER_CUT / 65535;
const sum = (xs: ArrayLike<number>, n = xs.length) => {
  let t = 0;
  for (let i = 0; i < n; i++) t += xs[i]!;
  return t;
};

/** An 8-UID subnet: three owner hotkeys (0–2), two validators (3, 4), three miners; overrides on top. */
function tinyPlan(overrides: Partial<SubnetPlan> = {}, profile: Partial<SubnetPlan['profile']> = {}): SubnetPlan {
  const base = createSubnetPlan(42, SITUATIONS.ownerHotkeys, 128, 8, SIM_START_BLOCK);
  return {
    ...base,
    profile: {
      ...base.profile,
      mechanismCount: 1,
      mechanismSplit: null,
      registrationAllowed: true,
      ownerCutEnabled: true,
      ...profile,
    },
    tempo: 360,
    capacity: 8,
    initialUids: 8,
    ownerUids: [0, 1, 2],
    firstValidator: 3,
    validatorCount: 2,
    immunityPeriod: 1000,
    minNonImmuneUids: 1,
    immuneOwnerUidsLimit: 2,
    minBurn: 500_000n,
    maxBurn: 100_000_000_000n,
    attemptsPerDay: 0,
    willingnessTao: 10,
    skillShare: 1,
    skillSigma: 0.5,
    topK: 0,
    ownerShare: 0.4,
    dividends: true,
    alphaIssuanceAtStart: 3e15,
    ...overrides,
  };
}

/** The state right after each of `count` consecutive epochs (copied: the live state moves on). */
function epochs(sim: SubnetSim, from: number, count: number): SimState[] {
  const first = sim.epochAtOrBefore(from) + sim.plan.tempo;
  return Array.from({ length: count }, (_, i) => sim.stateAt(first + i * sim.plan.tempo).clone());
}

const owned = (s: SimState, uid: number) => s.role[uid] === Role.ownerHotkey || s.role[uid] === Role.ownerExtra;

describe('subnet simulation: pending pools and the epoch (run_coinbase.rs emit_to_subnets, drain_pending)', () => {
  const sim = new SubnetSim(tinyPlan(), { start: SIM_START_BLOCK, rootWeightRao: ROOT_WEIGHT });

  it('accrues alpha_out × (1 − cut) per block, and reports server + validator (without root) as pending', () => {
    const e = sim.epochAtOrBefore(SIM_START_BLOCK + 5_000);
    const s = sim.stateAt(e + 100);
    const rp = sim.rootProportion(s);
    const expected = 100 * 1e9 * (1 - CUT) * (1 - rp / 2);
    expect(Math.abs(sim.pendingAlphaEmission(s, e + 100) - expected)).toBeLessThan(1e3);
    expect(sim.alphaEmission(s, e + 100)).toBe(1e9);
  });

  it('pays out exactly what accrued: Σ(miner + validator side) = alpha_out × tempo × (1 − cut), minus nothing else', () => {
    for (const s of epochs(sim, SIM_START_BLOCK + 3_600, 12)) {
      const total = 360 * 1e9 * (1 - CUT);
      expect(Math.abs(s.lastEpochTotal - total)).toBeLessThanOrEqual(1);
      const paid = sum(s.server, s.n) + sum(s.validatorPaid, s.n);
      expect(paid).toBeLessThanOrEqual(s.lastEpochTotal);
      expect(paid).toBeGreaterThanOrEqual(s.lastEpochTotal - 2 * s.n);
      // One mechanism: the stored Emission is the same payout, per UID.
      expect(Math.abs(sum(s.emission, s.n) - paid)).toBeLessThanOrEqual(2 * s.n);
      // Incentive and dividends each sum to 1: miners and validators get half each.
      expect(Math.abs(sum(s.server, s.n) - s.lastEpochTotal / 2)).toBeLessThanOrEqual(s.n);
    }
  });

  it('burns the incentive of every hotkey of the owner coldkey and records the share in MinerBurned', () => {
    for (const s of epochs(sim, SIM_START_BLOCK + 3_600, 4)) {
      let burned = 0;
      for (let uid = 0; uid < s.n; uid++) if (owned(s, uid)) burned += s.server[uid]!;
      for (const uid of [0, 1, 2]) expect(s.server[uid]).toBeGreaterThan(0);
      expect(s.lastEpochBurned).toBe(burned);
      expect(s.minerBurned).toBeCloseTo(burned / sum(s.server, s.n), 12);
      // ImmuneOwnerUidsLimit 2: the owner hotkey and the oldest other owner hotkey are immortal, the third is not.
      expect([...s.immortal.subarray(0, 4)]).toEqual([1, 1, 0, 0]);
      // What the miners outside the owner's keys received is the rest of the miner side.
      const toMiners = sum(s.server, s.n) - burned;
      expect(toMiners / sum(s.server, s.n)).toBeCloseTo(1 - s.minerBurned, 12);
    }
  });

  it('gives miners the whole epoch when no validator has dividends', () => {
    const noDiv = new SubnetSim(tinyPlan({ dividends: false }), { start: SIM_START_BLOCK, rootWeightRao: ROOT_WEIGHT });
    for (const s of epochs(noDiv, SIM_START_BLOCK + 3_600, 3)) {
      expect(sum(s.validatorPaid, s.n)).toBe(0);
      expect(Math.abs(sum(s.server, s.n) - s.lastEpochTotal)).toBeLessThanOrEqual(s.n);
    }
  });

  it('gives validators the whole epoch when no miner has incentive', () => {
    const idle = new SubnetSim(tinyPlan({ skillShare: 0, ownerShare: 0 }), {
      start: SIM_START_BLOCK,
      rootWeightRao: ROOT_WEIGHT,
    });
    for (const s of epochs(idle, SIM_START_BLOCK + 3_600, 3)) {
      expect(sum(s.server, s.n)).toBe(0);
      expect(Math.abs(sum(s.validatorPaid, s.n) - s.lastEpochTotal)).toBeLessThanOrEqual(s.n);
      expect(s.minerBurned).toBe(0);
    }
  });
});

describe('subnet simulation: mechanisms (subnets/mechanism.rs)', () => {
  it('pays nothing through a mechanism a short MechanismEmissionSplit leaves out, and stores Σ weight × term', () => {
    const plan = tinyPlan({ ownerShare: 0 }, { mechanismCount: 3, mechanismSplit: [49151, 16384] });
    const sim = new SubnetSim(plan, { start: SIM_START_BLOCK, rootWeightRao: ROOT_WEIGHT });
    for (const s of epochs(sim, SIM_START_BLOCK + 3_600, 3)) {
      const mech = splitEmissions(s.lastEpochTotal, 3, plan.profile.mechanismSplit);
      expect(mech[2]).toBe(0);
      for (let uid = 0; uid < s.n; uid++) {
        // Σinc = Σdiv = 1 per mechanism: a miner gets incentive_m × E_m / 2 from each; mechanism 2 adds nothing.
        const expected = [0, 1, 2].reduce((acc, m) => acc + (s.incentive[uid * 3 + m]! * mech[m]!) / 2, 0);
        expect(Math.abs(s.server[uid]! - expected)).toBeLessThanOrEqual(3);
      }
      expect(s.incentive.some((x, i) => i % 3 === 2 && x > 0)).toBe(true);
      // The chain stores Σ_m (E_m / total) · emission_m: with weights ¾ and ¼ that is (¾² + ¼²) of what was paid.
      const paid = sum(s.server, s.n) + sum(s.validatorPaid, s.n);
      expect(sum(s.emission, s.n) / paid).toBeCloseTo(0.75 ** 2 + 0.25 ** 2, 3);
    }
  });
});

describe('subnet simulation: registration (subnets/registration.rs)', () => {
  const plan = tinyPlan({ attemptsPerDay: 120, minNonImmuneUids: 2, immunityPeriod: 3_000 });
  const sim = new SubnetSim(plan, { start: SIM_START_BLOCK, rootWeightRao: ROOT_WEIGHT });
  const from = SIM_START_BLOCK + 7_200;
  sim.stateAt(from + 7_200);
  const replacements: Array<[number, number]> = [];
  for (let i = 0; i < sim.replacements.length; i += 2) {
    const [block, uid] = [sim.replacements[i]!, sim.replacements[i + 1]!];
    if (block > from && block <= from + 7_200) replacements.push([block, uid]);
  }

  it('charges the decayed burn, then multiplies it by BurnIncreaseMult', () => {
    expect(replacements.length).toBeGreaterThan(10);
    let checked = 0;
    for (const [block] of replacements) {
      const before = sim.stateAt(block - 1).clone();
      const after = sim.stateAt(block).clone();
      if (after.registrations !== before.registrations + 1) continue; // one registration in that block only
      const charged = decayedBurn(
        sim.burnAt(before, block - 1),
        1,
        plan.burnHalfLife,
        Number(plan.minBurn),
        Number(plan.maxBurn),
      );
      expect(sim.burnAt(after, block)).toBeCloseTo(
        bumpedBurn(charged, plan.burnIncreaseMult, Number(plan.minBurn), Number(plan.maxBurn)),
        -1,
      );
      checked++;
    }
    expect(checked).toBeGreaterThan(5);
    // Without registrations the burn halves every BurnHalfLife blocks (down to MinBurn).
    const quiet = new SubnetSim(tinyPlan(), { start: SIM_START_BLOCK, rootWeightRao: ROOT_WEIGHT });
    const s = quiet.stateAt(SIM_START_BLOCK + 10).clone();
    s.burnBase = 1e9;
    s.burnBlock = SIM_START_BLOCK + 10;
    expect(quiet.burnAt(s, SIM_START_BLOCK + 370)).toBeCloseTo(5e8, 0);
  });

  it('replaces the UID get_neuron_to_prune picks, immune ones once MinNonImmuneUids is reached', () => {
    let immune = 0;
    for (const [block, uid] of replacements) {
      const before = sim.stateAt(block - 1).clone();
      const after = sim.stateAt(block).clone();
      if (after.registrations !== before.registrations + 1) continue;
      const pick = neuronToPrune(
        { n: before.n, emission: before.emission, registeredAt: before.reg, ownerImmortal: before.immortal },
        block,
        plan.immunityPeriod,
        plan.minNonImmuneUids,
      );
      expect(pick).toBe(uid);
      expect(before.immortal[uid]).toBe(0);
      if (block - before.reg[uid]! < plan.immunityPeriod) immune++;
      expect(after.reg[uid]).toBe(block);
      expect(after.emission[uid]).toBe(0); // cleared until its first epoch
    }
    expect(immune).toBeGreaterThan(0);
  });
});

describe('subnet simulation: alpha halving (block_emission.rs on SubnetAlphaIn + SubnetAlphaOut)', () => {
  it('halves the subnet near its halving when its alpha issuance passes 10.5M', () => {
    const plan = createSubnetPlan(42, SITUATIONS.nearAlphaHalving, 128, 256, SIM_START_BLOCK);
    const sim = new SubnetSim(plan, { start: SIM_START_BLOCK, rootWeightRao: ROOT_WEIGHT });
    const head = 9_000_000;
    let lo = head;
    let hi = head + 30 * 7_200;
    expect(sim.alphaEmission(sim.stateAt(lo), lo)).toBe(1e9);
    expect(sim.alphaEmission(sim.stateAt(hi), hi)).toBe(5e8);
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if (sim.alphaEmission(sim.stateAt(mid), mid) === 1e9) lo = mid;
      else hi = mid;
    }
    expect(sim.issuanceAt(sim.stateAt(lo), lo)).toBeLessThan(10.5e15);
    expect(sim.issuanceAt(sim.stateAt(hi), hi)).toBeGreaterThanOrEqual(10.5e15);
    expect(blockEmissionForIssuance(sim.issuanceAt(sim.stateAt(hi), hi))).toBe(5e8);
    // Within three weeks of the default head: close enough for a 6–12 month projection to need it.
    expect(hi - head).toBeLessThan(21 * 7_200);
  });
});
