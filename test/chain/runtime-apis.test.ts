/**
 * The runtime APIs beyond the ones the app reads answer from the same state as the rest: subnet info agrees with
 * the dynamic info and metagraph, delegates and stake with the neurons, the prune target with the rule.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_HEAD_BLOCK } from '../../electron/core/chain/synthetic/constants';
import { SyntheticNetwork } from '../../electron/core/chain/synthetic/network';
import { NETWORK_IMMUNITY_PERIOD } from '../../electron/core/chain/synthetic/constants';
import { loadRuntime } from './registry';
import { callRuntime, Encoded } from './runtime-apis';
import { metadataOrWarn } from './test-helpers';

const metadataPath = metadataOrWarn('runtime APIs');

describe.skipIf(!metadataPath)('runtime APIs answered from the generated state', () => {
  const spec = loadRuntime(metadataPath ?? '');
  const state = new SyntheticNetwork({ seed: 12, subnetCount: 6, maxUids: 10 }).stateAt(DEFAULT_HEAD_BLOCK);
  /** The call's answer as @polkadot/types decodes it, in JSON form (accounts as SS58, big numbers as numbers/hex). */
  const json = (name: string, ...args: unknown[]): unknown => {
    const method = spec.apis.get(name);
    if (!method) throw new Error(`${name} is not in the metadata`);
    const value = callRuntime({ state, spec, method }, args);
    const bytes = value instanceof Encoded ? value.bytes : spec.encoder.encode(method.output, value);
    return spec.registry.createTypeUnsafe(spec.registry.createLookupType(method.output), [bytes]).toJSON();
  };
  const live = [...state.subnets.values()].filter((s) => s.dynamic.netuid !== 0);

  it('subnet info v2 says what the dynamic info and metagraph say', () => {
    for (const sub of live) {
      const info = json('SubnetInfoRuntimeApi_get_subnet_info_v2', sub.dynamic.netuid) as Record<string, unknown>;
      expect(info.netuid).toBe(sub.dynamic.netuid);
      expect(info.subnetworkN).toBe(sub.metagraph.numUids);
      expect(info.maxAllowedUids).toBe(sub.metagraph.maxUids);
      expect(BigInt(String(info.blocksSinceLastStep))).toBe(sub.dynamic.blocksSinceLastStep);
      expect(info.tempo).toBe(sub.dynamic.tempo);
      expect(BigInt(String(info.burn))).toBe(sub.storage.burn);
      expect(info.owner).toBe(sub.dynamic.ownerColdkey);
    }
    expect(json('SubnetInfoRuntimeApi_get_subnet_info_v2', 200)).toBeNull();
  });

  it('stake info and stake availability add up to the neurons each coldkey owns', () => {
    const sub = live[0]!;
    const coldkey = sub.metagraph.coldkeys[0]!;
    let expected = 0n;
    for (const s of state.subnets.values())
      s.metagraph.coldkeys.forEach((c, uid) => {
        if (c === coldkey) expected += s.metagraph.alphaStake[uid] ?? 0n;
      });
    const infos = json('StakeInfoRuntimeApi_get_stake_info_for_coldkey', coldkey) as Array<{
      stake: number | string;
      coldkey: string;
    }>;
    expect(infos.length).toBeGreaterThan(0);
    expect(infos.every((i) => i.coldkey === coldkey)).toBe(true);
    expect(infos.reduce((sum, i) => sum + BigInt(i.stake), 0n)).toBe(expected);
    const availability = json('StakeInfoRuntimeApi_get_stake_availability_for_coldkeys', [coldkey], null) as Record<
      string,
      Record<string, { total: number | string; available: number | string }>
    >;
    const perNetuid = Object.values(availability[coldkey] ?? {});
    expect(perNetuid.reduce((sum, a) => sum + BigInt(a.total), 0n)).toBe(expected);
    expect(perNetuid.every((a) => a.available === a.total)).toBe(true);
  });

  it('delegates are the hotkeys holding a validator permit, with the subnets they hold it on', () => {
    const delegates = json('DelegateInfoRuntimeApi_get_delegates') as Array<{
      delegateSs58: string;
      validatorPermits: number[];
    }>;
    const permitted = new Set<string>();
    for (const s of state.subnets.values())
      s.metagraph.hotkeys.forEach((h, uid) => {
        if (s.metagraph.validatorPermit[uid]) permitted.add(h);
      });
    expect(new Set(delegates.map((d) => d.delegateSs58))).toEqual(permitted);
    const one = delegates[0]!;
    for (const netuid of one.validatorPermits) {
      const m = state.subnets.get(netuid)!.metagraph;
      expect(m.validatorPermit[m.hotkeys.indexOf(one.delegateSs58)]).toBe(true);
    }
    expect(json('DelegateInfoRuntimeApi_get_delegate', one.delegateSs58)).toEqual(one);
  });

  it('the subnet to prune is the non-immune subnet with the lowest moving price', () => {
    const candidates = live.filter(
      (s) => s.dynamic.networkRegisteredAt + BigInt(NETWORK_IMMUNITY_PERIOD) <= BigInt(state.blockNumber),
    );
    const lowest = candidates.reduce<(typeof live)[number] | null>(
      (best, s) => (!best || s.dynamic.movingPriceBits < best.dynamic.movingPriceBits ? s : best),
      null,
    );
    expect(lowest).not.toBeNull();
    expect(json('SubnetInfoRuntimeApi_get_subnet_to_prune')).toBe(lowest?.dynamic.netuid);
  });

  it('neurons: one per UID, the metagraph’s figures', () => {
    const sub = live[1]!;
    const neurons = json('NeuronInfoRuntimeApi_get_neurons_lite', sub.dynamic.netuid) as Array<Record<string, unknown>>;
    expect(neurons.map((n) => n.hotkey)).toEqual(sub.metagraph.hotkeys);
    expect(neurons.map((n) => n.incentive)).toEqual(sub.metagraph.incentives);
    expect(neurons.map((n) => n.validatorPermit)).toEqual(sub.metagraph.validatorPermit);
    expect(json('NeuronInfoRuntimeApi_get_neuron_lite', sub.dynamic.netuid, sub.metagraph.numUids)).toBeNull();
    expect(json('NeuronInfoRuntimeApi_get_neurons', 200)).toEqual([]);
  });
});
