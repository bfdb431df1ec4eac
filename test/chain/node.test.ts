import type { ApiPromise } from '@polkadot/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RawNetworkState, RawSubnetState } from '../../electron/core/chain/raw';
import { FINNEY_GENESIS_HASH } from './blocks';
import { startStandInNode, type StandInNode } from './node';
import {
  connect,
  metadataOrWarn,
  query,
  rawRequest,
  read,
  runtimeCall,
  text,
  utf8,
  type DynamicInfoCodec,
  type Int,
  type MetagraphCodec,
  type Opt,
  type SelectiveCodec,
  type Vec,
} from './test-helpers';

const metadataPath = metadataOrWarn('stand-in node');

describe.skipIf(!metadataPath)('stand-in node: what ApiPromise decodes is what the generator put in', () => {
  let node: StandInNode;
  let api: ApiPromise;
  let truth: RawNetworkState;
  const sub = (netuid: number): RawSubnetState => {
    const s = truth.subnets.get(netuid);
    if (!s) throw new Error(`no truth for netuid ${netuid}`);
    return s;
  };
  const ints = (v: Vec<Int>) => v.map((x) => x.toNumber());
  const bigs = (v: Vec<Int>) => v.map((x) => x.toBigInt());

  beforeAll(async () => {
    node = await startStandInNode({ metadataPath: metadataPath ?? undefined, seed: 21, subnetCount: 4, maxUids: 16 });
    api = await connect(node.url);
    truth = node.truthAt(node.head().number);
  });

  afterAll(async () => {
    await api?.disconnect();
    await node?.close();
  });

  it('is accepted as Finney', async () => {
    expect((await api.rpc.system.chain()).toString()).toBe('Bittensor');
    const props = await api.rpc.system.properties();
    expect(props.ss58Format.unwrap().toNumber()).toBe(42);
    expect(props.tokenDecimals.unwrap()[0]?.toNumber()).toBe(9);
    expect(props.tokenSymbol.unwrap()[0]?.toString()).toBe('TAO');
    expect(api.genesisHash.toHex()).toBe(FINNEY_GENESIS_HASH);
    expect(api.runtimeVersion.specName.toString()).toBe('node-subtensor');
    expect(api.runtimeVersion.specVersion.toNumber()).toBe(node.runtimeAt(node.head().number).specVersion);
    expect(api.call.subnetInfoRuntimeApi).toBeDefined();
    expect((await api.rpc.system.name()).toString()).toBe('Subtensor Node');
    expect((await api.rpc.system.health()).isSyncing.isFalse).toBe(true);
  });

  it('get_all_dynamic_info: names, multi-byte symbols, big amounts, moving prices; a dissolved netuid is gone', async () => {
    const all = await runtimeCall<Vec<Opt<DynamicInfoCodec>>>(api, 'subnetInfoRuntimeApi', 'getAllDynamicInfo');
    const byNetuid = new Map<number, DynamicInfoCodec>();
    for (let i = 0; i < all.length; i++) {
      const entry = all[i];
      if (entry?.isSome) byNetuid.set(entry.unwrap().netuid.toNumber(), entry.unwrap());
    }
    expect(all.length).toBe(4);
    expect([...byNetuid.keys()]).toEqual([0, 1, 2, 3]);
    expect(truth.deadNetuids).toEqual([4]);
    for (const [netuid, d] of byNetuid) {
      const t = sub(netuid).dynamic;
      expect(text(d.subnetName)).toBe(utf8(t.subnetName));
      expect(text(d.tokenSymbol)).toBe(utf8(t.tokenSymbol));
      expect(d.ownerHotkey.toString()).toBe(t.ownerHotkey);
      expect(d.taoIn.toBigInt()).toBe(t.taoIn);
      expect(d.alphaOut.toBigInt()).toBe(t.alphaOut);
      expect(d.subnetVolume.toBigInt()).toBe(t.subnetVolume);
      expect(d.movingPrice.bits.toBigInt()).toBe(t.movingPriceBits);
    }
    expect(text(byNetuid.get(2)?.tokenSymbol ?? [])).toBe('ש');
    expect(byNetuid.get(1)?.alphaOut.toBigInt()).toBeGreaterThan(2n ** 53n);
    const one = await runtimeCall<Opt<DynamicInfoCodec>>(api, 'subnetInfoRuntimeApi', 'getDynamicInfo', 4);
    expect(one.isNone).toBe(true);
  });

  it('get_metagraph: every per-UID vector equals the generator', async () => {
    for (const netuid of [0, 1, 2, 3]) {
      const mg = (await runtimeCall<Opt<MetagraphCodec>>(api, 'subnetInfoRuntimeApi', 'getMetagraph', netuid)).unwrap();
      const t = sub(netuid).metagraph;
      expect(mg.numUids.toNumber()).toBe(t.numUids);
      expect(mg.block.toNumber()).toBe(truth.blockNumber);
      expect(mg.burn.toBigInt()).toBe(t.burn);
      expect(mg.hotkeys.map(String)).toEqual(t.hotkeys);
      expect(mg.coldkeys.map(String)).toEqual(t.coldkeys);
      expect(ints(mg.incentives)).toEqual(t.incentives);
      expect(ints(mg.dividends)).toEqual(t.dividends);
      expect(bigs(mg.emission)).toEqual(t.emission);
      expect(bigs(mg.blockAtRegistration)).toEqual(t.blockAtRegistration);
      expect(mg.validatorPermit.map((b) => b.isTrue)).toEqual(t.validatorPermit);
      expect(bigs(mg.alphaStake)).toEqual(t.alphaStake);
      expect(bigs(mg.totalStake)).toEqual(t.totalStake);
    }
    expect((await runtimeCall<Opt<MetagraphCodec>>(api, 'subnetInfoRuntimeApi', 'getMetagraph', 99)).isNone).toBe(true);
  });

  it('get_mechagraph: each mechanism has its own incentives; past the count is None', async () => {
    const s = sub(1);
    expect(s.storage.mechanismCount).toBe(3);
    for (let m = 1; m < 3; m++) {
      const mg = (await runtimeCall<Opt<MetagraphCodec>>(api, 'subnetInfoRuntimeApi', 'getMechagraph', 1, m)).unwrap();
      expect(ints(mg.incentives)).toEqual(s.extraMechanismIncentives[m - 1]);
    }
    expect((await runtimeCall<Opt<MetagraphCodec>>(api, 'subnetInfoRuntimeApi', 'getMechagraph', 1, 3)).isNone).toBe(
      true,
    );
  });

  it('get_selective_metagraph honours the requested indexes', async () => {
    const sel = (
      await runtimeCall<Opt<SelectiveCodec>>(api, 'subnetInfoRuntimeApi', 'getSelectiveMetagraph', 3, [3, 7, 62, 72])
    ).unwrap();
    expect(sel.netuid.toNumber()).toBe(3);
    expect(sel.block.unwrap().toNumber()).toBe(truth.blockNumber);
    expect(ints(sel.incentives.unwrap())).toEqual(sub(3).metagraph.incentives);
    expect(sel.hotkeys.isNone).toBe(true);
    expect(sel.identity.isSome).toBe(true);
    const permits = sub(3).metagraph.validatorPermit.flatMap((p, uid) => (p ? [uid] : []));
    expect(ints(sel.validators.unwrap())).toEqual(permits);
    const mech = (
      await runtimeCall<Opt<SelectiveCodec>>(api, 'subnetInfoRuntimeApi', 'getSelectiveMechagraph', 1, 2, [62])
    ).unwrap();
    expect(ints(mech.incentives.unwrap())).toEqual(sub(1).extraMechanismIncentives[1]);
  });

  it('hyperparameters v2 and v3', async () => {
    const v2 = (
      await runtimeCall<Opt<{ immunityPeriod: Int; registrationAllowed: { isTrue: boolean }; maxDifficulty: Int }>>(
        api,
        'subnetInfoRuntimeApi',
        'getSubnetHyperparamsV2',
        3,
      )
    ).unwrap();
    expect(v2.immunityPeriod.toNumber()).toBe(sub(3).metagraph.immunityPeriod);
    expect(v2.registrationAllowed.isTrue).toBe(false);
    expect(v2.maxDifficulty.toBigInt()).toBeGreaterThan(2n ** 53n);
    const v3 = (
      await runtimeCall<Opt<Vec<{ name: { toU8a(bare: boolean): Uint8Array }; value: { type: string; value: Int } }>>>(
        api,
        'subnetInfoRuntimeApi',
        'getSubnetHyperparamsV3',
        1,
      )
    ).unwrap();
    const entries = new Map(v3.map((e) => [utf8(e.name.toU8a(true)), e.value]));
    expect(entries.get('immunity_period')?.type).toBe('U16');
    expect(entries.get('immunity_period')?.value.toNumber()).toBe(sub(1).metagraph.immunityPeriod);
    expect(entries.get('min_burn')?.value.toBigInt()).toBe(sub(1).metagraph.minBurn);
  });

  it('swap prices and simulated swaps', async () => {
    const prices = await runtimeCall<Vec<{ netuid: Int; price: Int }>>(api, 'swapRuntimeApi', 'currentAlphaPriceAll');
    expect(prices.map((p) => [p.netuid.toNumber(), p.price.toBigInt()])).toEqual(
      [...truth.subnets].map(([n, s]) => [n, s.priceRao]),
    );
    const price = await runtimeCall<Int>(api, 'swapRuntimeApi', 'currentAlphaPrice', 1);
    expect(price.toBigInt()).toBe(sub(1).priceRao);
    const sim = await runtimeCall<{ taoAmount: Int; alphaAmount: Int; taoSlippage: Int }>(
      api,
      'swapRuntimeApi',
      'simSwapAlphaForTao',
      1,
      1_000_000_000_000n,
    );
    const spot = (1_000_000_000_000n * (sub(1).priceRao ?? 0n)) / 1_000_000_000n;
    expect(sim.alphaAmount.toBigInt()).toBe(1_000_000_000_000n);
    expect(sim.taoAmount.toBigInt()).toBeLessThan(spot);
    expect(sim.taoAmount.toBigInt()).toBeGreaterThan((spot * 9n) / 10n);
  });

  it('storage via api.query, queryMulti and entries', async () => {
    const entry = (method: string) => query(api, 'subtensorModule', method);
    const [burn, totalNetworks, minerBurned, split, now] = (await api.queryMulti([
      [entry('burn'), 1],
      entry('totalNetworks'),
      [entry('minerBurned'), 2],
      [entry('mechanismEmissionSplit'), 1],
      query(api, 'timestamp', 'now'),
    ])) as unknown as [Int, Int, { bits: Int }, Opt<Vec<Int>>, Int];
    expect(burn.toBigInt()).toBe(sub(1).storage.burn);
    expect(totalNetworks.toNumber()).toBe(4);
    expect(minerBurned.bits.toBigInt()).toBe(1n << 32n);
    expect(ints(split.unwrap())).toEqual(sub(1).storage.mechanismSplit);
    expect(now.toNumber()).toBe(truth.blockTimeMs);
    expect((await read<Int>(api, 'subtensorModule', 'blockEmission')).toBigInt()).toBe(truth.network.blockEmission);
    expect((await read<Int>(api, 'subtensorModule', 'totalIssuance')).toBigInt()).toBe(truth.network.totalIssuance);
    expect((await read<Int>(api, 'subtensorModule', 'mechanismCountCurrent', 1)).toNumber()).toBe(3);
    expect((await read<Opt<unknown>>(api, 'subtensorModule', 'mechanismEmissionSplit', 2)).isNone).toBe(true);
    expect((await read<{ isTrue: boolean }>(api, 'subtensorModule', 'ownerCutEnabled', 3)).isTrue).toBe(true);
    const added = await entry('networksAdded').entries();
    expect(added.map(([key]) => (key.args[0] as unknown as Int).toNumber()).sort()).toEqual([0, 1, 2, 3]);
  });

  it('answers errors like a real node', async () => {
    await expect(api.rpc.state.call('BlockBuilder_finalize_block', '0x')).rejects.toThrow(/4003: Execution failed/);
    await expect(api.rpc.state.call('NoSuchApi_method', '0x')).rejects.toThrow(/4003: Execution failed/);
    expect((await rawRequest(node.url, 'author_submitExtrinsic', ['0x00'])).error).toEqual({
      code: -32601,
      message: 'Method not found',
    });
    const failed = await rawRequest(node.url, 'state_call', ['BlockBuilder_finalize_block', '0x']);
    expect(failed.error?.code).toBe(4003);
    expect(failed.error?.message).toMatch(/^Execution failed: /);
    expect((await rawRequest(node.url, 'chain_getHeader', [`0x${'12'.repeat(32)}`])).result).toBeNull();
  });

  it('serves a minimal block with the timestamp inherent', async () => {
    const block = await api.rpc.chain.getBlock();
    expect(block.block.header.number.toNumber()).toBe(node.head().number);
    const ext = block.block.extrinsics[0];
    expect(ext?.method.section).toBe('timestamp');
    expect((ext?.method.args[0] as unknown as Int).toNumber()).toBe(truth.blockTimeMs);
  });
});
