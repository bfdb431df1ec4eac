/**
 * A runtime's metadata crosses the wire once per process: later connections are seeded with it and the fast read
 * path's codecs are cached, until a runtime upgrade brings a spec version not seen yet.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStandInNode, type StandInNode } from '../chain/node';
import { metadataOrWarn } from '../chain/test-helpers';
import { connect } from '../../electron/core/chain/connect';
import { fetchBlock } from '../../electron/core/chain/fetch-block';

const metadata = metadataOrWarn('metadata reuse');
const previous = metadataOrWarn('metadata reuse (runtime upgrade)', 'bittensor-393.scale');

describe.skipIf(!metadata)('metadata reuse across syncs', () => {
  let node: StandInNode;
  beforeAll(async () => {
    node = await startStandInNode({ metadataPath: metadata!, subnetCount: 3, maxUids: 8, seed: 21 });
  });
  afterAll(async () => {
    await node?.close();
  });

  const metadataRequests = () =>
    node.requestLog.filter((r) => r.method === 'state_getMetadata' || r.runtimeMethod?.startsWith('Metadata_metadata'))
      .length;

  const syncOnce = async () => {
    const conn = await connect(node.url);
    try {
      return await fetchBlock(conn.client, node.finalizedHead().hash);
    } finally {
      await conn.close();
    }
  };

  it('fetches the metadata for the first sync only', async () => {
    await syncOnce();
    expect(metadataRequests()).toBeGreaterThan(0);
    node.requestLog.length = 0;
    const second = await syncOnce();
    expect(metadataRequests()).toBe(0);
    expect(second.failed).toEqual([]);
  });

  it.skipIf(!previous)('fetches it again for a spec version it has not seen (runtime upgrade)', async () => {
    node.upgradeRuntimeAt(node.head().number + 1, previous!);
    node.produceBlocks(5);
    node.requestLog.length = 0;
    const upgraded = await syncOnce();
    expect(upgraded.specVersion).toBe(node.runtimeAt(upgraded.blockNumber).specVersion);
    expect(metadataRequests()).toBeGreaterThan(0);
    expect(upgraded.failed).toEqual([]);
  });
});
