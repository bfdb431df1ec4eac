/**
 * A sync after the first reads the coldkeys only where they may have changed (electron/core/chain/coldkeys.ts): what
 * it stores must be exactly what a first-ever sync of the same block stores, UIDs re-registered in between included.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStandInNode, type StandInNode } from '../chain/node';
import { metadataOrWarn } from '../chain/test-helpers';
import { COLDKEY_REFRESH_BLOCKS, coldkeysDue } from '../../electron/core/chain/coldkeys';
import { neuronsAt } from '../../electron/core/db/snapshot-read';
import type { ScoutService } from '../../electron/core/service';
import { call, serviceFor } from './sync-helpers';

const metadata = metadataOrWarn('coldkeys kept between syncs');

/** SelectiveMetagraphIndex of the coldkeys column (subtensor rpc_info/metagraph.rs). */
const COLDKEYS_INDEX = 53;

describe.skipIf(!metadata)('coldkeys kept between syncs', () => {
  let node: StandInNode;
  let hourly: ScoutService;
  let fresh: ScoutService;
  beforeAll(async () => {
    node = await startStandInNode({ metadataPath: metadata!, subnetCount: 8, maxUids: 32, seed: 33 });
    hourly = await serviceFor(node.url);
    fresh = await serviceFor(node.url);
  });
  afterAll(async () => {
    await hourly?.close();
    await fresh?.close();
    await node?.close();
  });

  const selectiveCalls = () =>
    node.requestLog.filter((r) => r.runtimeMethod === 'SubnetInfoRuntimeApi_get_selective_metagraph');
  /** The call's SCALE arguments: netuid (u16), then the Vec<u16> of indexes. */
  const asksForColdkeys = (params: unknown[]) => {
    const bytes = Buffer.from(String(params[1]).slice(2), 'hex');
    const indexes: number[] = [];
    for (let at = 2 + (bytes[2]! & 3 ? 2 : 1); at + 1 < bytes.length; at += 2) indexes.push(bytes.readUInt16LE(at));
    return indexes.includes(COLDKEYS_INDEX);
  };

  it('stores after re-registrations exactly what a first-ever sync of the same block stores', async () => {
    const first = await call(hourly, 'sync.start', {});
    expect(first.ok).toBe(true);
    const before = node.truthAt(first.points[0]!.blockNumber);

    // Three hours of blocks: registrations replace UIDs (new hotkeys and coldkeys) on the open subnets.
    node.produceBlocks(900);
    const at = node.finalizedHead();
    const after = node.truthAt(at.number);
    const replaced = [...after.subnets].flatMap(([netuid, s]) =>
      s.metagraph.hotkeys.flatMap((hotkey, uid) =>
        before.subnets.get(netuid)?.metagraph.hotkeys[uid] !== hotkey ? [hotkey] : [],
      ),
    );
    expect(replaced.length).toBeGreaterThan(0); // the scenario must contain re-registrations to prove anything

    node.requestLog.length = 0;
    const second = await call(hourly, 'sync.start', {});
    expect(second.ok).toBe(true);
    expect(second.points[0]!.blockHash).toBe(at.hash);
    // Most subnets were read without their coldkeys, and the new hotkeys' owners were asked for by storage.
    const withoutColdkeys = selectiveCalls().filter((r) => !asksForColdkeys(r.params));
    expect(withoutColdkeys.length).toBeGreaterThan(selectiveCalls().length / 2);
    expect(
      node.requestLog.some(
        (r) => r.method === 'state_queryStorageAt' && (r.params[0] as string[]).length >= new Set(replaced).size,
      ),
    ).toBe(true);

    const reference = await call(fresh, 'sync.start', {});
    expect(reference.points[0]!.blockHash).toBe(at.hash);
    const hourlyDb = hourly.requireWorkspace().db;
    const freshDb = fresh.requireWorkspace().db;
    for (const [netuid, truth] of after.subnets) {
      const kept = neuronsAt(hourlyDb, second.points[0]!.id, netuid);
      expect(kept).toEqual(neuronsAt(freshDb, reference.points[0]!.id, netuid));
      expect(kept.map((n) => n.coldkey)).toEqual(truth.metagraph.coldkeys);
    }
  });

  it("reads every subnet's whole coldkey column at least once a day of blocks (a coldkey swap shows within a day)", () => {
    const known = (blockNumber: number) => ({ blockNumber, hotkeys: [], coldkeys: [] });
    for (const netuid of [0, 1, 7, 64, 127]) {
      expect(coldkeysDue(netuid, 9_000_000, undefined)).toBe(true);
      expect(coldkeysDue(netuid, 9_000_000 + COLDKEY_REFRESH_BLOCKS, known(9_000_000))).toBe(true);
      // Hourly syncs over a day: the column is read whole exactly once.
      let due = 0;
      for (let block = 9_000_300; block <= 9_000_000 + COLDKEY_REFRESH_BLOCKS; block += 300)
        if (coldkeysDue(netuid, block, known(block - 300))) due++;
      expect(due).toBe(1);
    }
  });
});
