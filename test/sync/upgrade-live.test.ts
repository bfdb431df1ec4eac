/**
 * A runtime upgrade while a connection is open (mid-sync, or an app left running): @polkadot/api re-reads the new
 * runtime's metadata itself, and must get v15+ (with the runtime APIs) as on connecting, not the node's v14.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PREVIOUS_METADATA_FILE, startStandInNode, type StandInNode } from '../chain/node';
import { metadataOrWarn } from '../chain/test-helpers';
import { connect, type Connection } from '../../electron/core/chain/connect';
import { fetchBlock } from '../../electron/core/chain/fetch-block';

const current = metadataOrWarn('runtime upgrade on a live connection');
const previous = metadataOrWarn('runtime upgrade on a live connection', PREVIOUS_METADATA_FILE);

describe.skipIf(!current || !previous)('runtime upgrade on a live connection', () => {
  let node: StandInNode;
  let conn: Connection;
  beforeAll(async () => {
    node = await startStandInNode({ metadataPath: previous!, subnetCount: 3, maxUids: 8, seed: 12 });
    conn = await connect(node.url);
  });
  afterAll(async () => {
    await conn?.close();
    await node?.close();
  });

  it('keeps the runtime APIs and reads blocks on both sides of the upgrade over the same connection', async () => {
    const before = await fetchBlock(conn.api, node.finalizedHead().hash);
    expect(before.specVersion).toBe(393);
    expect(before.failed).toEqual([]);

    node.requestLog.length = 0;
    node.upgradeRuntimeAt(node.head().number + 1, current!);
    node.produceBlocks(5);
    await expect.poll(() => conn.api.runtimeVersion.specVersion.toNumber(), { timeout: 10_000 }).toBe(424);
    // The live api re-read the metadata at the newest version: it still has the subtensor runtime APIs.
    await expect.poll(() => conn.api.runtimeMetadata.version, { timeout: 10_000 }).toBe(16);
    expect(conn.api.call.subnetInfoRuntimeApi?.getSelectiveMetagraph).toBeDefined();
    expect(node.requestLog.some((r) => r.method === 'state_getMetadata')).toBe(false);

    const head = node.finalizedHead();
    const after = await fetchBlock(conn.api, head.hash);
    expect(after.specVersion).toBe(424);
    expect(after.failed).toEqual([]);
    const truth = node.truthAt(head.number);
    for (const [netuid, raw] of truth.subnets) {
      expect(after.subnets.get(netuid)?.metagraph.hotkeys).toEqual(raw.metagraph.hotkeys);
      expect(after.subnets.get(netuid)?.storage.excessTao).toBe(raw.storage.excessTao); // an item spec 393 lacks
    }
    // Back across the upgrade, on the same connection: the older block keeps its own runtime.
    expect((await fetchBlock(conn.api, before.blockHash)).specVersion).toBe(393);
  });
});
