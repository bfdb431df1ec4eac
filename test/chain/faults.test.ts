import type { ApiPromise } from '@polkadot/api';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FINNEY_GENESIS_HASH } from './blocks';
import { startStandInNode, type StandInNode } from './node';
import {
  connect,
  metadataOrWarn,
  rawRequest,
  runtimeCall,
  type DynamicInfoCodec,
  type Opt,
  type SelectiveCodec,
  type Vec,
} from './test-helpers';

const metadataPath = metadataOrWarn('stand-in node faults');
const SELECTIVE = 'SubnetInfoRuntimeApi_get_selective_metagraph';

describe.skipIf(!metadataPath)('stand-in node fault switches', () => {
  let node: StandInNode;
  let api: ApiPromise;
  const selective = (netuid: number) =>
    runtimeCall<Opt<SelectiveCodec>>(api, 'subnetInfoRuntimeApi', 'getSelectiveMetagraph', netuid, [7, 62]);
  const timed = async (run: () => Promise<unknown>) => {
    const started = performance.now();
    await run();
    return performance.now() - started;
  };

  beforeAll(async () => {
    node = await startStandInNode({ metadataPath: metadataPath ?? undefined, seed: 4, subnetCount: 4, maxUids: 16 });
    api = await connect(node.url);
  });

  afterEach(() => node.faults.reset());

  afterAll(async () => {
    await api?.disconnect();
    await node?.close();
  });

  it('fails one runtime call for one netuid with 4003', async () => {
    node.faults.failRuntimeCall = [{ method: SELECTIVE, netuid: 2 }];
    await expect(selective(2)).rejects.toThrow(/4003: Execution failed/);
    expect((await selective(1)).isSome).toBe(true);
    const raw = await rawRequest(node.url, 'state_call', [SELECTIVE, '0x02000862003e00']);
    expect(raw.error?.code).toBe(4003);
  });

  it('fails one runtime call with the JSON-RPC error the rule chooses', async () => {
    const trap =
      'Client error: Execution failed: Execution aborted due to trap: wasm trap: wasm `unreachable` instruction executed';
    node.faults.failRuntimeCall = [{ method: SELECTIVE, netuid: 3, code: -32000, message: trap }];
    const raw = await rawRequest(node.url, 'state_call', [SELECTIVE, '0x03000862003e00']);
    expect(raw.error).toEqual({ code: -32000, message: trap });
    expect((await rawRequest(node.url, 'state_call', [SELECTIVE, '0x02000862003e00'])).error).toBeUndefined();
  });

  it('fails a call only inside its window (afterCalls, times)', async () => {
    node.faults.failRuntimeCall = [{ method: SELECTIVE, afterCalls: 1, times: 1 }];
    expect((await selective(1)).isSome).toBe(true);
    await expect(selective(1)).rejects.toThrow(/4003/);
    expect((await selective(1)).isSome).toBe(true);
  });

  it('returns garbage bytes that do not decode', async () => {
    node.faults.garbageRuntimeCall = [{ method: 'SubnetInfoRuntimeApi_get_all_dynamic_info' }];
    const raw = await rawRequest(node.url, 'state_call', ['SubnetInfoRuntimeApi_get_all_dynamic_info', '0x']);
    expect(typeof raw.result).toBe('string');
    await expect(
      runtimeCall<Vec<Opt<DynamicInfoCodec>>>(api, 'subnetInfoRuntimeApi', 'getAllDynamicInfo'),
    ).rejects.toThrow();
  });

  it('delays responses globally and per method', async () => {
    node.faults.methodDelayMs = { [SELECTIVE]: 300 };
    expect(await timed(() => selective(1))).toBeGreaterThanOrEqual(280);
    expect(await timed(() => api.rpc.system.chain())).toBeLessThan(250);
    node.faults.reset();
    node.faults.delayMs = 300;
    expect(await timed(() => api.rpc.system.chain())).toBeGreaterThanOrEqual(280);
  });

  it('delays one call for one netuid (slowCalls), leaving the others fast', async () => {
    node.faults.slowCalls = [{ method: SELECTIVE, netuid: 2, delayMs: 300 }];
    expect(await timed(() => selective(2))).toBeGreaterThanOrEqual(280);
    expect(await timed(() => selective(1))).toBeLessThan(250);
  });

  it('reports another genesis hash (wrong chain)', async () => {
    const other = `0x${'42'.repeat(32)}`;
    node.faults.genesisHash = other;
    expect((await rawRequest(node.url, 'chain_getBlockHash', [0])).result).toBe(other);
    const wrong = await connect(node.url);
    try {
      expect(wrong.genesisHash.toHex()).toBe(other);
    } finally {
      await wrong.disconnect();
    }
    node.faults.reset();
    expect((await rawRequest(node.url, 'chain_getBlockHash', [0])).result).toBe(FINNEY_GENESIS_HASH);
  });

  it('drops the connection when a given call arrives, after N calls', async () => {
    node.faults.dropConnection = { method: 'system_chain', afterCalls: 1, times: 1 };
    expect((await rawRequest(node.url, 'system_chain')).result).toBe('Bittensor');
    await expect(rawRequest(node.url, 'system_chain')).rejects.toThrow(/closed before system_chain answered/);
    expect((await rawRequest(node.url, 'system_chain')).result).toBe('Bittensor');
  });

  it('drops an ApiPromise connection mid-sync; the client sees the failure and reconnects', async () => {
    const client = await connect(node.url);
    try {
      node.faults.dropConnection = { method: SELECTIVE, netuid: 3, times: 1 };
      const calls = [1, 2, 3].map((n) =>
        runtimeCall<Opt<SelectiveCodec>>(client, 'subnetInfoRuntimeApi', 'getSelectiveMetagraph', n, [62]),
      );
      const settled = await Promise.allSettled(calls);
      expect(settled.some((s) => s.status === 'rejected')).toBe(true);
      await expect.poll(() => client.isConnected, { timeout: 10_000 }).toBe(true);
      await client.isReady;
      const again = await runtimeCall<Opt<SelectiveCodec>>(
        client,
        'subnetInfoRuntimeApi',
        'getSelectiveMetagraph',
        3,
        [62],
      );
      expect(again.isSome).toBe(true);
    } finally {
      await client.disconnect();
    }
  });
});
