/**
 * The full-size stand-in network (the demo seed, 128 subnets × 256 UIDs, at the default head): each situation the
 * "Chain-true economics" issue asks for sits at its netuid (catalog.ts SITUATIONS) and behaves as the chain would;
 * and the network's per-subnet distributions match the real Finney panel's within stated tolerances.
 */
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RawSubnetState } from '../raw';
import { SITUATIONS } from './catalog';
import { DEFAULT_HEAD_BLOCK, SUBNET_LIMIT, SUBNET_OWNER_CUT } from './constants';
import { quantile, readPanelLastSweep, statsOf } from '../../../../test/fixtures/finney-panel';
import { SyntheticNetwork } from './network';
import { immuneOwnerUids, neuronToPrune } from './rules';

const HEAD = DEFAULT_HEAD_BLOCK;
const net = new SyntheticNetwork({ seed: 'subnet-scout-demo' });
const state = net.stateAt(HEAD);
const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
const subnet = (netuid: number): RawSubnetState => {
  const s = state.subnets.get(netuid);
  if (!s) throw new Error(`SN${netuid} missing`);
  return s;
};
/** Alpha the epoch paid (one mechanism, emitted to): alpha_out × tempo × (1 − owner cut). */
const epochTotal = (s: RawSubnetState) =>
  Number(s.dynamic.alphaOutEmission) * s.dynamic.tempo * (1 - SUBNET_OWNER_CUT / 65535);
const owned = (s: RawSubnetState) =>
  s.metagraph.coldkeys.flatMap((c, uid) => (c === s.dynamic.ownerColdkey ? [uid] : []));

describe('stand-in network: the situations of the Chain-true economics issue', () => {
  it('burns the incentive of all of the owner coldkey’s hotkeys (MinerBurned), only some immortal', () => {
    const s = subnet(SITUATIONS.ownerHotkeys);
    const m = s.metagraph;
    const uids = owned(s);
    expect(uids.length).toBe(3);
    for (const uid of uids) expect(m.incentives[uid]).toBeGreaterThan(0);
    const ownerIncentive = sum(uids.map((uid) => m.incentives[uid]!)) / sum(m.incentives);
    expect(Number(s.storage.minerBurnedBits) / 2 ** 32).toBeCloseTo(ownerIncentive, 3);
    expect(s.storage.immuneOwnerUidsLimit).toBe(2);
    const immortal = immuneOwnerUids(
      uids.map((uid) => ({ uid, registeredAt: Number(m.blockAtRegistration[uid]) })),
      m.hotkeys.indexOf(s.dynamic.ownerHotkey),
      2,
    );
    expect(immortal).toHaveLength(2);
    expect(immortal).toContain(m.hotkeys.indexOf(s.dynamic.ownerHotkey));
  });

  it('pays miners the whole epoch where validators have no dividends', () => {
    const s = subnet(SITUATIONS.noValidatorDividends);
    const m = s.metagraph;
    expect(m.validatorPermit.filter(Boolean).length).toBeGreaterThan(0);
    expect(sum(m.dividends)).toBe(0);
    const toMiners = sum(m.emission.map((e, uid) => (m.validatorPermit[uid] ? 0 : Number(e))));
    expect(toMiners / epochTotal(s)).toBeCloseTo(1, 5);
  });

  it('pays validators the whole epoch where no miner has incentive', () => {
    const s = subnet(SITUATIONS.noIncentive);
    const m = s.metagraph;
    expect(sum(m.incentives)).toBe(0);
    const toValidators = sum(m.emission.map((e, uid) => (m.validatorPermit[uid] ? Number(e) : 0)));
    expect(toValidators / epochTotal(s)).toBeCloseTo(1, 5);
  });

  it('has a MechanismEmissionSplit shorter than the mechanism count', () => {
    const s = subnet(SITUATIONS.shortMechanismSplit);
    expect(s.storage.mechanismCount).toBe(3);
    expect(s.storage.mechanismSplit).toEqual([49151, 16384]);
    expect(s.extraMechanismIncentives).toHaveLength(2);
  });

  it('has a subnet weeks from its alpha halving', () => {
    const s = subnet(SITUATIONS.nearAlphaHalving);
    const issuance = Number(s.dynamic.alphaIn + s.dynamic.alphaOut) / 1e9;
    expect(issuance).toBeLessThan(10_500_000);
    expect(issuance).toBeGreaterThan(10_500_000 - 21 * 7_200 * 1.3);
    expect(s.dynamic.alphaOutEmission).toBe(1_000_000_000n);
  });

  it('is at the subnet limit, with the lowest moving price the runtime’s subnet to prune', () => {
    expect(state.network.subnetLimit).toBe(SUBNET_LIMIT);
    expect(state.subnets.size - 1 + state.deadNetuids.length).toBe(SUBNET_LIMIT);
    expect(state.subnetToPrune).toBe(SITUATIONS.bottomMovingPrice);
    const bottom = Number(subnet(SITUATIONS.bottomMovingPrice).dynamic.movingPriceBits);
    for (const [netuid, s] of state.subnets) {
      const immune = HEAD < Number(s.dynamic.networkRegisteredAt) + Number(state.network.networkImmunityPeriod);
      if (netuid !== 0 && netuid !== SITUATIONS.bottomMovingPrice && !immune)
        expect(Number(s.dynamic.movingPriceBits)).toBeGreaterThan(bottom);
    }
  });

  it('has MinNonImmuneUids reached: the next registration prunes an immune UID', () => {
    const s = subnet(SITUATIONS.minNonImmuneFloor);
    const m = s.metagraph;
    const view = {
      n: m.numUids,
      emission: m.emission.map(Number),
      registeredAt: m.blockAtRegistration.map(Number),
      ownerImmortal: new Uint8Array(m.numUids),
    };
    const pick = neuronToPrune(view, HEAD, m.immunityPeriod, s.storage.minNonImmuneUids ?? 10)!;
    expect(HEAD - Number(m.blockAtRegistration[pick])).toBeLessThan(m.immunityPeriod);
  });

  it('has the root sell flag set (Σ moving prices > 1), as the simulation assumes when it keeps root alpha pending', () => {
    let total = 0;
    for (const [netuid, s] of state.subnets)
      if (netuid !== 0 && s.metagraph.registrationAllowed) total += Number(s.dynamic.movingPriceBits) / 2 ** 32;
    expect(total).toBeGreaterThan(1);
  });

  it('has a new subnet with emission disabled: no TAO in, but alpha_out and miners paid', () => {
    const netuid = net.variety.fresh[0]!;
    const s = subnet(netuid);
    expect(s.storage.emissionEnabled).toBe(false);
    expect(s.storage.firstEmissionBlock).not.toBeNull();
    expect(s.storage.subtokenEnabled).toBe(true);
    expect(s.dynamic.taoInEmission + (s.storage.excessTao ?? 0n)).toBe(0n);
    expect(s.dynamic.alphaOutEmission).toBe(1_000_000_000n);
    expect(sum(s.metagraph.emission.map(Number))).toBeGreaterThan(0);
    expect(s.metagraph.numUids).toBeLessThan(s.metagraph.maxUids);
  });
});

/**
 * Tolerances: counts and dollar figures are heavy-tailed, so their quantiles must agree within a factor (2.5 for
 * earners and active UIDs, 3 for the registration cost and competitive income, 4 for the median earner's income);
 * shares of subnets within 0.1; Gini quantiles within 0.2; crowded subnets' median miner within $0.3–150/day
 * (Finney: $1–35).
 */
describe('stand-in network: looks like Finney (../shared/real panel, last sweep)', () => {
  const panelPath = resolve(__dirname, '../../../../../shared/real/finney-subnets-hourly-2026-07-28_08-22.csv.gz');
  const panel = readPanelLastSweep(panelPath);
  if ('missing' in panel) {
    it.skip(`skipped: ${panel.missing}`, () => undefined);
    console.log(`calibration skipped: ${panel.missing}`);
    return;
  }
  const real = panel.rows;
  const gen = statsOf(state, panel.taoUsd);
  const within = (key: keyof (typeof real)[number], q: number, factor: number) => {
    const a = quantile(
      real.map((r) => r[key] as number | null),
      q,
    );
    const b = quantile(
      gen.map((r) => r[key] as number | null),
      q,
    );
    expect(
      Math.abs(Math.log(Math.max(b, 1e-9) / Math.max(a, 1e-9))),
      `${String(key)} p${q * 100}: real ${a}, generated ${b}`,
    ).toBeLessThanOrEqual(Math.log(factor));
  };
  const share = (rows: typeof real, test: (r: (typeof real)[number]) => boolean) =>
    rows.filter(test).length / rows.length;

  it('has as few earners and active UIDs per subnet as Finney', () => {
    for (const q of [0.25, 0.5, 0.75, 0.9]) {
      within('earners', q, 2.5);
      within('activeUids', q, 2.5);
    }
  });

  it('burns miner emission on as many subnets', () => {
    expect(
      Math.abs(share(gen, (r) => r.minerBurn >= 0.99) - share(real, (r) => r.minerBurn >= 0.99)),
    ).toBeLessThanOrEqual(0.1);
    expect(
      Math.abs(share(gen, (r) => r.minerBurn >= 0.02) - share(real, (r) => r.minerBurn >= 0.02)),
    ).toBeLessThanOrEqual(0.1);
  });

  it('charges registration costs like Finney (mostly ≤ 0.1 τ)', () => {
    expect(
      Math.abs(share(gen, (r) => r.regCostTao <= 0.1) - share(real, (r) => r.regCostTao <= 0.1)),
    ).toBeLessThanOrEqual(0.1);
    for (const q of [0.5, 0.9]) within('regCostTao', q, 3);
  });

  it('spreads income among earners like Finney (Gini, median and competitive miner income)', () => {
    for (const q of [0.5, 0.75]) {
      expect(
        Math.abs(
          quantile(
            gen.map((r) => r.gini),
            q,
          ) -
            quantile(
              real.map((r) => r.gini),
              q,
            ),
        ),
      ).toBeLessThanOrEqual(0.2);
    }
    for (const q of [0.25, 0.5, 0.75, 0.9]) within('medianMinerUsdDay', q, 4);
    for (const q of [0.5, 0.75]) within('competitiveMinerUsdDay', q, 3);
  });

  it('has a few crowded subnets whose median miner makes a few dollars a day', () => {
    const crowded = gen.filter((r) => r.earners >= 240);
    expect(crowded.length).toBeGreaterThanOrEqual(3);
    expect(crowded.length).toBeLessThanOrEqual(12);
    for (const r of crowded) {
      expect(r.medianMinerUsdDay).toBeGreaterThan(0.3);
      expect(r.medianMinerUsdDay).toBeLessThan(150);
    }
  });
});
