/**
 * A runtime upgrade while a connection is open (mid-sync, or an app left running): the new runtime's metadata must be
 * read at v15+ (with the runtime APIs), never as the v14 `state_getMetadata` answers, which once left a live
 * @polkadot/api connection without its runtime calls.
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

  it('reads blocks on both sides of the upgrade over the same connection, the new runtime with its v16 metadata', async () => {
    const before = await fetchBlock(conn.client, node.finalizedHead().hash);
    expect(before.specVersion).toBe(393);
    expect(before.failed).toEqual([]);

    node.requestLog.length = 0;
    node.upgradeRuntimeAt(node.head().number + 1, current!);
    node.produceBlocks(5);
    const head = node.finalizedHead();
    const after = await fetchBlock(conn.client, head.hash);
    expect(after.specVersion).toBe(424);
    expect(after.failed).toEqual([]);
    const truth = node.truthAt(head.number);
    for (const [netuid, raw] of truth.subnets) {
      expect(after.subnets.get(netuid)?.metagraph.hotkeys).toEqual(raw.metagraph.hotkeys);
      expect(after.subnets.get(netuid)?.storage.excessTao).toBe(raw.storage.excessTao); // an item spec 393 lacks
    }
    const metadataReads = node.requestLog.filter(
      (r) => r.method === 'state_getMetadata' || r.runtimeMethod === 'Metadata_metadata_at_version',
    );
    expect(metadataReads.map((r) => [r.method, (r.params as string[])[1]])).toEqual([['state_call', '0x10000000']]); // u32 16

    // Back across the upgrade, on the same connection: the older block keeps its own runtime.
    expect((await fetchBlock(conn.client, before.blockHash)).specVersion).toBe(393);
  });
});
