import { describe, expect, it } from 'vitest';
import type { RawNetworkState, RawSubnetState } from '../raw';
import { describeVariety } from './catalog';
import { BLOCK_MS, DEFAULT_HEAD_BLOCK, SUBNET_OWNER_CUT } from './constants';
import { generateNetwork, SyntheticNetwork } from './network';
import { immuneOwnerUids, neuronToPrune } from './rules';

const HEAD = DEFAULT_HEAD_BLOCK;
const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

function subnet(state: RawNetworkState, netuid: number): RawSubnetState {
  const s = state.subnets.get(netuid);
  if (!s) throw new Error(`netuid ${netuid} missing`);
  return s;
}

/** Miner pool per epoch as the chain computes it: alpha_out_emission × tempo × (1 − owner cut) / 2. */
function minerPool(s: RawSubnetState): number {
  const cut = s.storage.ownerCutEnabled ? SUBNET_OWNER_CUT / 65535 : 0;
  return (Number(s.dynamic.alphaOutEmission) * s.dynamic.tempo * (1 - cut)) / 2;
}

describe('synthetic network: small (4 subnets × 16 UIDs)', () => {
  const net = new SyntheticNetwork({ seed: 11, subnetCount: 4, maxUids: 16 });
  const state = net.stateAt(HEAD);

  it('has root, three live subnets and one dead, with roles independent of the seed', () => {
    expect([...state.subnets.keys()]).toEqual([0, 1, 2, 3]);
    expect(state.deadNetuids).toEqual([4]);
    expect(net.variety).toEqual(new SyntheticNetwork({ seed: 'other', subnetCount: 4, maxUids: 16 }).variety);
    expect(net.variety).toMatchObject({
      dead: [4],
      concentrated: [1],
      fullBurn: [2],
      flat: [3],
      registrationDisabled: [3],
      operator: [1],
      multiMechanism: [{ netuid: 1, count: 3, split: [39321, 16384, 9830] }],
    });
  });

  it('is a pure function of seed and block', () => {
    const again = generateNetwork({ seed: 11, subnetCount: 4, maxUids: 16, blockNumber: HEAD });
    expect(again).toEqual(state);
    const otherSeed = generateNetwork({ seed: 12, subnetCount: 4, maxUids: 16, blockNumber: HEAD });
    expect(subnet(otherSeed, 1).metagraph.hotkeys).not.toEqual(subnet(state, 1).metagraph.hotkeys);
  });

  it('uses multi-byte UTF-8 symbols and names', () => {
    expect(text(subnet(state, 0).dynamic.tokenSymbol)).toBe('Τ');
    expect([1, 2, 3].map((n) => text(subnet(state, n).dynamic.tokenSymbol))).toEqual(['α', 'ש', 'ت']);
    const name = subnet(state, 3).dynamic.subnetName;
    expect(name.length).toBeGreaterThan(text(name).length);
  });

  it('normalises every incentive vector to ~65535 and pays each UID its (incentive + dividend) share of the epoch', () => {
    for (const [netuid, s] of state.subnets) {
      if (netuid === 0) continue;
      const m = s.metagraph;
      const vectors = [m.incentives, ...s.extraMechanismIncentives];
      for (const v of vectors) {
        expect(v).toHaveLength(m.numUids);
        expect(sum(v)).toBeLessThanOrEqual(65535);
      }
      if (vectors.length > 1 || !s.metagraph.registrationAllowed) continue;
      // One mechanism, emitted to: the epoch paid alpha_out × tempo × (1 − cut), split by (incentive + dividend).
      const paid = sum(m.emission.map(Number));
      expect(Math.abs(paid - minerPool(s) * 2)).toBeLessThanOrEqual(m.numUids + s.dynamic.tempo);
      const weight = sum(m.incentives) + sum(m.dividends);
      m.emission.forEach((e, uid) => {
        const share = ((m.incentives[uid] ?? 0) + (m.dividends[uid] ?? 0)) / weight;
        expect(Math.abs(Number(e) / paid - share)).toBeLessThan(1e-4);
      });
    }
  });

  it('gives the owner UID everything on a full-burn subnet and reports MinerBurned = 1', () => {
    const s = subnet(state, 2);
    expect(s.metagraph.hotkeys[0]).toBe(s.dynamic.ownerHotkey);
    expect(s.metagraph.incentives[0]).toBe(65535);
    expect(s.storage.minerBurnedBits).toBe(1n << 32n);
  });

  it('has validators with permits and dividends, miners without', () => {
    for (const s of [subnet(state, 1), subnet(state, 3)]) {
      const m = s.metagraph;
      m.validatorPermit.forEach((permit, uid) => {
        if (permit) expect(m.incentives[uid]).toBe(0);
        else expect(m.dividends[uid]).toBe(0);
      });
      expect(m.validatorPermit.filter(Boolean).length).toBeGreaterThan(0);
    }
  });

  it('keeps a registration-disabled subnet partly empty and frozen', () => {
    const s = subnet(state, 3);
    expect(s.metagraph.registrationAllowed).toBe(false);
    expect(s.metagraph.numUids).toBeLessThan(s.metagraph.maxUids);
    expect(subnet(net.stateAt(HEAD + 20 * 7200), 3).metagraph.hotkeys).toEqual(s.metagraph.hotkeys);
  });
});

describe('synthetic network: full size (128 subnets × 256 UIDs)', () => {
  const net = new SyntheticNetwork({ seed: 5 });
  const state = net.stateAt(HEAD);
  const variety = describeVariety(128);

  it('holds 128 subnets plus root, some dead', () => {
    expect(state.subnets.size + state.deadNetuids.length).toBe(129);
    expect(state.deadNetuids).toEqual(variety.dead);
    expect(variety.dead.length).toBeGreaterThan(0);
    expect(variety.multiMechanism.length).toBeGreaterThanOrEqual(3);
  });

  it('has amounts above 2^53 rao', () => {
    expect(state.network.totalIssuance).toBeGreaterThan(2n ** 53n);
    expect(subnet(state, 1).dynamic.alphaOut).toBeGreaterThan(2n ** 53n);
    expect([...state.subnets.values()].some((s) => s.dynamic.subnetVolume > 2n ** 64n)).toBe(true);
  });

  it('shares BlockEmission among subnets (TAO in + chain buys)', () => {
    let total = 0n;
    for (const s of state.subnets.values()) total += s.dynamic.taoInEmission + (s.storage.excessTao ?? 0n);
    const emission = state.network.blockEmission;
    expect(total).toBeLessThanOrEqual(emission);
    expect(total).toBeGreaterThan((emission * 999n) / 1000n);
    for (const netuid of variety.emissionDisabled) expect(subnet(state, netuid).dynamic.taoInEmission).toBe(0n);
  });

  it('shows concentrated and crowded distributions', () => {
    const earners = (s: RawSubnetState) => s.metagraph.incentives.filter((x) => x > 0).length;
    for (const netuid of variety.concentrated.slice(0, 5))
      expect(earners(subnet(state, netuid))).toBeLessThanOrEqual(12);
    expect(variety.flat.filter((n) => earners(subnet(state, n)) >= 240).length).toBeGreaterThanOrEqual(3);
  });

  it('has one operator coldkey running many UIDs', () => {
    const counts = new Map<string, number>();
    for (const netuid of variety.operator) {
      for (const c of subnet(state, netuid).metagraph.coldkeys) counts.set(c, (counts.get(c) ?? 0) + 1);
    }
    expect(Math.max(...counts.values())).toBeGreaterThan(1000);
  });

  it('has immune newcomers and a subnet still filling up', () => {
    let immune = 0;
    for (const s of state.subnets.values()) {
      immune += s.metagraph.blockAtRegistration.filter((b) => HEAD - Number(b) < s.metagraph.immunityPeriod).length;
    }
    expect(immune).toBeGreaterThan(50);
    const fresh = subnet(state, variety.fresh[0] ?? -1);
    expect(fresh.metagraph.numUids).toBeLessThan(fresh.metagraph.maxUids);
  });
});

describe('synthetic network over time', () => {
  const net = new SyntheticNetwork({ seed: 3, subnetCount: 16, maxUids: 64 });

  it('advances timestamps 12 s per block and moves prices', () => {
    const a = net.stateAt(HEAD);
    const b = net.stateAt(HEAD + 7200);
    expect(b.blockTimeMs - a.blockTimeMs).toBe(7200 * BLOCK_MS);
    expect(subnet(b, 1).priceRao).not.toBe(subnet(a, 1).priceRao);
    expect(subnet(b, 1).dynamic.movingPriceBits).not.toBe(subnet(a, 1).dynamic.movingPriceBits);
  });

  it('regenerates any past block identically on a fresh instance', () => {
    const past = HEAD - 30 * 7200;
    expect(new SyntheticNetwork({ seed: 3, subnetCount: 16, maxUids: 64 }).stateAt(past)).toEqual(net.stateAt(past));
  });

  it('replaces the UID get_neuron_to_prune picks from the state just before, and each registration raises the burn', () => {
    let replacements = 0;
    for (let k = 0; k < 4 && replacements < 10; k++) {
      const from = HEAD + k * 900;
      const before = net.stateAt(from);
      const after = net.stateAt(from + 900);
      for (const [netuid, s] of after.subnets) {
        const old = before.subnets.get(netuid);
        if (!old || netuid === 0) continue;
        s.metagraph.hotkeys.forEach((hotkey, uid) => {
          if (uid >= old.metagraph.numUids || hotkey === old.metagraph.hotkeys[uid]) return;
          const reg = Number(s.metagraph.blockAtRegistration[uid]);
          const justBefore = subnet(net.stateAt(reg - 1), netuid);
          const atReg = subnet(net.stateAt(reg), netuid).metagraph;
          // Only one registration in that block: the state at reg − 1 is what the chain looked at.
          const changed = atReg.hotkeys.filter((h, i) => h !== justBefore.metagraph.hotkeys[i]).length;
          if (changed !== 1 || atReg.numUids !== justBefore.metagraph.numUids || replacements >= 10) return;
          replacements++;
          const m = justBefore.metagraph;
          const owned = m.coldkeys.flatMap((c, i) =>
            c === justBefore.dynamic.ownerColdkey ? [{ uid: i, registeredAt: Number(m.blockAtRegistration[i]) }] : [],
          );
          const ownerUid = m.hotkeys.indexOf(justBefore.dynamic.ownerHotkey);
          const immortal = new Uint8Array(m.numUids);
          for (const i of immuneOwnerUids(owned, ownerUid, justBefore.storage.immuneOwnerUidsLimit ?? 1))
            immortal[i] = 1;
          const view = {
            n: m.numUids,
            emission: m.emission.map(Number),
            registeredAt: m.blockAtRegistration.map(Number),
            ownerImmortal: immortal,
          };
          expect(neuronToPrune(view, reg, m.immunityPeriod, justBefore.storage.minNonImmuneUids ?? 10)).toBe(uid);
          expect(atReg.burn).toBeGreaterThan(justBefore.metagraph.burn);
        });
      }
    }
    expect(replacements).toBe(10);
  });
});
