import type { ApiPromise } from '@polkadot/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PREVIOUS_METADATA_FILE, startStandInNode, type StandInNode } from './node';
import { connect, metadataOrWarn, read, runtimeCall, type Int, type MetagraphCodec, type Opt } from './test-helpers';

const current = metadataOrWarn('stand-in node runtime upgrade');
const previous = metadataOrWarn('stand-in node runtime upgrade', PREVIOUS_METADATA_FILE);

describe.skipIf(!current || !previous)('stand-in node with another runtime (spec 393) and a runtime upgrade', () => {
  let node: StandInNode;
  let api: ApiPromise;
  let upgradeAt: number;

  beforeAll(async () => {
    node = await startStandInNode({
      metadataPath: previous ?? undefined,
      seed: 2,
      subnetCount: 4,
      maxUids: 16,
      headBlock: 9_000_000,
    });
    upgradeAt = node.head().number + 5;
    node.upgradeRuntimeAt(upgradeAt, current ?? '');
    api = await connect(node.url);
  });

  afterAll(async () => {
    await api?.disconnect();
    await node?.close();
  });

  it('serves the older metadata unchanged: its version, its types, its APIs and storage', async () => {
    expect(api.runtimeVersion.specVersion.toNumber()).toBe(393);
    const mg = (await runtimeCall<Opt<MetagraphCodec>>(api, 'subnetInfoRuntimeApi', 'getMetagraph', 1)).unwrap();
    // activity_cutoff is Compact<u16> in 393 and Compact<u64> in 424: both decode from their own metadata.
    expect(mg.activityCutoff.toNumber()).toBe(5000);
    expect(mg.hotkeys.map(String)).toEqual(node.truthAt(node.head().number).subnets.get(1)?.metagraph.hotkeys);
    expect(api.call.subnetInfoRuntimeApi?.getSubnetHyperparamsV3).toBeUndefined();
    expect(api.query.subtensorModule?.subnetExcessTao).toBeUndefined();
    expect((await read<Int>(api, 'subtensorModule', 'burn', 1)).toBigInt()).toBe(
      node.truthAt(node.head().number).subnets.get(1)?.storage.burn,
    );
  });

  it('upgrades at the scheduled block: subscribers are told, new types and APIs apply, history keeps the old ones', async () => {
    const versions: number[] = [];
    const unsub = await api.rpc.state.subscribeRuntimeVersion((v) => {
      versions.push(v.specVersion.toNumber());
    });
    const before = node.head().number;
    node.produceBlocks(upgradeAt - before);
    expect(node.runtimeAt(upgradeAt).specVersion).toBe(424);
    await expect.poll(() => versions.at(-1), { timeout: 5000 }).toBe(424);
    await expect.poll(() => api.runtimeVersion.specVersion.toNumber(), { timeout: 5000 }).toBe(424);
    unsub();

    // Like a real node, the stand-in answers state_getMetadata with V14, which has no runtime-API section: a live
    // ApiPromise that re-reads metadata after an upgrade that way loses the subtensor APIs. A client that asks
    // Metadata_metadata_at_version (a new connection, as the app's sync does) gets V16 and all of them.
    expect(api.call.subnetInfoRuntimeApi).toBeUndefined();
    const fresh = await connect(node.url);
    try {
      const mg = (await runtimeCall<Opt<MetagraphCodec>>(fresh, 'subnetInfoRuntimeApi', 'getMetagraph', 1)).unwrap();
      expect(mg.block.toNumber()).toBe(upgradeAt);
      expect(mg.activityCutoff.toNumber()).toBe(5000);
      const v3 = await runtimeCall<Opt<unknown[]>>(fresh, 'subnetInfoRuntimeApi', 'getSubnetHyperparamsV3', 1);
      expect(v3.isSome).toBe(true);
    } finally {
      await fresh.disconnect();
    }

    const old = await api.at(node.blockHash(before));
    expect(old.runtimeVersion.specVersion.toNumber()).toBe(393);
    const oldMg = (await runtimeCall<Opt<MetagraphCodec>>(old, 'subnetInfoRuntimeApi', 'getMetagraph', 1)).unwrap();
    expect(oldMg.block.toNumber()).toBe(before);

    node.produceBlocks(1);
    const after = await api.at(node.blockHash(upgradeAt + 1));
    expect(after.runtimeVersion.specVersion.toNumber()).toBe(424);
    const excess = await read<Int>(after, 'subtensorModule', 'subnetExcessTao', 1);
    expect(excess.toBigInt()).toBe(node.truthAt(upgradeAt + 1).subnets.get(1)?.storage.excessTao);
  });
});
