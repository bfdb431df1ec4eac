/**
 * The stand-in node seen by a client that is not ours: the metadata versions a real node offers, its JSON-RPC
 * surface (aliases, hex with or without 0x, error codes and wording), and every runtime-API method of the
 * served metadata answered with a value or with the error a runtime trap gives.
 */
import { Metadata, TypeRegistry } from '@polkadot/types';
import { hexToU8a, u8aToHex } from '@polkadot/util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RawNetworkState } from '../../electron/core/chain/raw';
import { startStandInNode, type StandInNode } from './node';
import { loadRuntime, type RuntimeSpec } from './registry';
import { isAnswered, NOT_SIMULATED } from './runtime-apis';
import { metadataOrWarn, rawClient, type RawClient } from './test-helpers';

const metadataPath = metadataOrWarn('stand-in node as a real node');

describe.skipIf(!metadataPath)('stand-in node as a real subtensor node', () => {
  let node: StandInNode;
  let client: RawClient;
  let spec: RuntimeSpec;
  let truth: RawNetworkState;
  const call = async (method: string, params: unknown[] = []) => {
    const response = await client.request(method, params);
    if (response.error) throw new Error(`${method}: ${response.error.code} ${response.error.message}`);
    return response.result;
  };
  const decodeMetadata = (bytes: Uint8Array) => {
    const registry = new TypeRegistry();
    const metadata = new Metadata(registry, bytes);
    registry.setMetadata(metadata, undefined, undefined, true);
    return metadata;
  };
  /** Option<OpaqueMetadata> → the metadata bytes, or null for None. */
  const unwrapOpaque = (hex: string): Uint8Array | null => {
    const bytes = hexToU8a(hex);
    if (bytes[0] === 0) return null;
    return spec.registry.createType('Bytes', bytes.subarray(1)).toU8a(true);
  };

  beforeAll(async () => {
    node = await startStandInNode({ metadataPath: metadataPath ?? undefined, seed: 31, subnetCount: 5, maxUids: 12 });
    client = await rawClient(node.url);
    spec = loadRuntime(metadataPath ?? '');
    truth = node.truthAt(node.head().number);
  });

  afterAll(async () => {
    client?.close();
    await node?.close();
  });

  it('offers metadata V14, V15 and V16; state_getMetadata and Metadata_metadata answer V14', async () => {
    const versions = spec.registry.createType(
      'Vec<u32>',
      hexToU8a(String(await call('state_call', ['Metadata_metadata_versions', '0x']))),
    );
    expect(versions.map((v) => v.toNumber())).toEqual([14, 15, 16]);

    const v14 = decodeMetadata(hexToU8a(String(await call('state_getMetadata'))));
    expect(v14.version).toBe(14);
    const viaRuntime = spec.registry
      .createType('Bytes', hexToU8a(String(await call('state_call', ['Metadata_metadata', '0x']))))
      .toU8a(true);
    expect(u8aToHex(viaRuntime)).toBe(u8aToHex(v14.toU8a()));

    const byVersion = new Map<number, Metadata>();
    for (const v of [14, 15, 16]) {
      const arg = u8aToHex(spec.registry.createType('u32', v).toU8a());
      const bytes = unwrapOpaque(String(await call('state_call', ['Metadata_metadata_at_version', arg])));
      expect(bytes, `v${v}`).not.toBeNull();
      byVersion.set(v, decodeMetadata(bytes ?? new Uint8Array()));
      expect(byVersion.get(v)?.version).toBe(v);
    }
    expect(unwrapOpaque(String(await call('state_call', ['Metadata_metadata_at_version', '0x0d000000'])))).toBeNull();

    // The same runtime at every version: same pallets, storage items and types; runtime APIs from V15 on.
    const latest = byVersion.get(16)?.asLatest;
    for (const [v, md] of byVersion) {
      const l = md.asLatest;
      expect(
        l.pallets.map((p) => p.name.toString()),
        `v${v}`,
      ).toEqual(latest?.pallets.map((p) => p.name.toString()));
      const items = (m: typeof l) =>
        m.pallets.flatMap((p) => (p.storage.isSome ? p.storage.unwrap().items.map((i) => `${p.name}.${i.name}`) : []));
      expect(items(l), `v${v}`).toEqual(latest && items(latest));
      expect(l.lookup.types.length, `v${v}`).toBe(latest?.lookup.types.length);
      expect(l.apis.length, `v${v}`).toBe(v === 14 ? 0 : latest?.apis.length);
    }
  });

  it('accepts hex with or without 0x, and "" for no arguments', async () => {
    const withPrefix = await call('state_call', ['SubnetInfoRuntimeApi_get_dynamic_info', '0x0100']);
    expect(await call('state_call', ['SubnetInfoRuntimeApi_get_dynamic_info', '0100'])).toBe(withPrefix);
    expect(await call('state_call', ['SubnetRegistrationRuntimeApi_get_network_registration_cost', ''])).toBe(
      await call('state_call', ['SubnetRegistrationRuntimeApi_get_network_registration_cost', '0x']),
    );
    const key = spec.storageItem('SubtensorModule', 'Tempo')?.key(1) ?? '';
    const value = await call('state_getStorage', [key]);
    expect(value).not.toBeNull();
    expect(await call('state_getStorage', [key.slice(2).toUpperCase()])).toBe(value);
    const head = node.head().hash;
    expect(await call('state_getStorage', [key, head.slice(2)])).toBe(value);
  });

  it('has the aliases a real node has', async () => {
    const key = spec.storageItem('SubtensorModule', 'SubnetTAO')?.key(2) ?? '';
    const head = node.head();
    expect(await call('state_getStorageAt', [key, head.hash])).toBe(await call('state_getStorage', [key, head.hash]));
    expect(await call('chain_getBlockHash')).toBe(head.hash);
    expect(await call('chain_getBlockHash', [])).toBe(head.hash);
    expect(await call('chain_getHead')).toBe(head.hash);
    expect(await call('chain_getBlockHash', [[head.number, head.number - 1]])).toEqual([
      head.hash,
      node.blockHash(head.number - 1),
    ]);
    expect(await call('chain_getBlockHash', [`0x${head.number.toString(16)}`])).toBe(head.hash);
    expect(await call('chain_getFinalizedHead')).toBe(node.finalizedHead().hash);
    expect(await call('chain_getFinalisedHead')).toBe(node.finalizedHead().hash);
    const prefix = key.slice(0, 66);
    const paged = (await call('state_getKeysPaged', [prefix, 3])) as string[];
    expect(paged).toHaveLength(3);
    expect(await call('state_getKeysPagedAt', [prefix, 3, null, head.hash])).toEqual(paged);
    expect(await call('state_getKeysPaged', [prefix, 10, paged[2]])).toEqual(
      ((await call('state_getKeys', [prefix])) as string[]).slice(3),
    );
    const value = String(await call('state_getStorage', [key]));
    expect(await call('state_getStorageSize', [key])).toBe((value.length - 2) / 2);
    expect(await call('state_getStorageHash', [key])).toMatch(/^0x[0-9a-f]{64}$/);
    expect(await call('state_queryStorageAt', [[key], head.hash])).toEqual([
      { block: head.hash, changes: [[key, value]] },
    ]);
    expect(await call('system_syncState')).toEqual({
      startingBlock: 0,
      currentBlock: head.number,
      highestBlock: head.number,
    });
    const methods = ((await call('rpc_methods')) as { methods: string[] }).methods;
    for (const m of [
      'state_getStorageAt',
      'chain_getHead',
      'state_getKeysPaged',
      'state_queryStorageAt',
      'system_chain',
      'system_health',
    ]) {
      expect(methods).toContain(m);
    }
  });

  it("has subtensor's own RPC methods: runtime-API bytes as a JSON byte array, the lock cost as a number", async () => {
    const viaStateCall = String(await call('state_call', ['SubnetInfoRuntimeApi_get_dynamic_info', '0x0200']));
    expect(u8aToHex(Uint8Array.from((await call('subnetInfo_getDynamicInfo', [2])) as number[]))).toBe(viaStateCall);
    const neurons = String(await call('state_call', ['NeuronInfoRuntimeApi_get_neurons_lite', '0x0100']));
    expect(
      u8aToHex(Uint8Array.from((await call('neuronInfo_getNeuronsLite', [1, node.head().hash])) as number[])),
    ).toBe(neurons);
    const cost = spec.registry.createType(
      'u64',
      hexToU8a(String(await call('state_call', ['SubnetRegistrationRuntimeApi_get_network_registration_cost', '0x']))),
    );
    expect(await call('subnetInfo_getLockCost')).toBe(cost.toNumber());
    expect(await call('subnetInfo_getBlockEmission')).toBe(Number(truth.network.blockEmission));
    expect(typeof (await call('subnetInfo_getSubnetToPrune'))).toBe('number');
    const methods = ((await call('rpc_methods')) as { methods: string[] }).methods;
    expect(methods).toEqual(
      expect.arrayContaining([
        'subnetInfo_getAllDynamicInfo',
        'neuronInfo_getNeuronsLite',
        'delegateInfo_getDelegates',
      ]),
    );
  });

  it('answers bad requests with the codes and wording of a real node', async () => {
    expect((await client.request('no_such_method')).error).toEqual({ code: -32601, message: 'Method not found' });
    const badHex = (await client.request('state_call', ['SubnetInfoRuntimeApi_get_dynamic_info', '0xzz'])).error;
    expect(badHex?.code).toBe(-32602);
    expect(badHex?.message).toBe('Invalid params');
    const oddHex = (await client.request('state_getStorage', ['0x123'])).error;
    expect(oddHex).toMatchObject({ code: -32602, message: 'Invalid params' });
    expect((await client.request('chain_getBlockHash', ['soon'])).error).toMatchObject({
      code: -32602,
      message: 'Invalid params',
    });
    expect((await client.request('state_getKeysPaged', ['0x', 1001])).error?.code).toBe(4002);
    expect((await client.request('state_getStorage', ['0x00', `0x${'ab'.repeat(32)}`])).error?.code).toBe(4003);
    expect(await call('chain_getBlockHash', [node.head().number + 1])).toBeNull();
  });

  it('answers every runtime-API method of the served metadata: a value, or the trap a real runtime gives', async () => {
    const [sub] = [...truth.subnets.values()].filter((s) => s.dynamic.netuid !== 0);
    const hotkey = sub?.metagraph.hotkeys[0];
    const coldkey = sub?.metagraph.coldkeys[0];
    /** Plain arguments by input name: a live netuid and a real neuron; anything else its type's default. */
    const argFor = (name: string): unknown => {
      if (name === 'netuid') return sub?.dynamic.netuid;
      if (/hotkey|delegate_account/.test(name)) return hotkey;
      if (/coldkey_accounts/.test(name)) return [coldkey];
      if (/coldkey|delegatee/.test(name)) return coldkey;
      if (name === 'metagraph_indexes') return [0, 1, 2];
      if (name === 'version') return 15;
      return undefined;
    };
    const values: string[] = [];
    const traps: string[] = [];
    for (const method of spec.apis.values()) {
      const args = method.inputs.map((input) =>
        u8aToHex(spec.encoder.encode(input.type, argFor(input.name)), undefined, false),
      );
      const response = await client.request('state_call', [method.name, `0x${args.join('')}`]);
      if (response.error) {
        expect(response.error.code, method.name).toBe(4003);
        expect(response.error.message, method.name).toMatch(/^Execution failed: Execution aborted due to trap/);
        traps.push(method.name);
        continue;
      }
      // The answer decodes, completely, as the method's declared output type.
      const bytes = hexToU8a(String(response.result));
      const codec = spec.registry.createTypeUnsafe(spec.registry.createLookupType(method.output), [bytes]);
      expect(codec.encodedLength, method.name).toBe(bytes.length);
      values.push(method.name);
    }
    expect(values.length + traps.length).toBe(spec.apis.size);
    // A trap only where the node says it cannot simulate the method; every other method has a value.
    expect(traps.filter((m) => !(m in NOT_SIMULATED))).toEqual([]);
    expect(values.filter((m) => !isAnswered(m))).toEqual([]);
    for (const m of [
      'NeuronInfoRuntimeApi_get_neurons_lite',
      'NeuronInfoRuntimeApi_get_neurons',
      'NeuronInfoRuntimeApi_get_neuron',
      'NeuronInfoRuntimeApi_get_neuron_lite',
      'SubnetRegistrationRuntimeApi_get_network_registration_cost',
      'SubnetInfoRuntimeApi_get_subnets_info_v2',
      'SubnetInfoRuntimeApi_get_subnet_info_v2',
      'SubnetInfoRuntimeApi_get_subnet_state',
      'SubnetInfoRuntimeApi_get_selective_metagraph',
      'SubnetInfoRuntimeApi_get_subnet_to_prune',
      'SubnetInfoRuntimeApi_get_next_epoch_start_block',
      'DelegateInfoRuntimeApi_get_delegates',
      'DelegateInfoRuntimeApi_get_delegate',
      'StakeInfoRuntimeApi_get_stake_info_for_coldkey',
      'SwapRuntimeApi_sim_swap_tao_for_alpha',
      'StakeInfoRuntimeApi_get_stake_availability_for_coldkeys',
      'ProxyFilterRuntimeApi_get_proxy_types',
    ]) {
      expect(values, m).toContain(m);
    }
  });
});
