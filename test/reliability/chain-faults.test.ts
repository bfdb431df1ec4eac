/**
 * Chain faults beyond the sync suite's: a node too slow to answer, a node that refuses a runtime call with a JSON-RPC
 * error, garbage where the whole network's state should be, and a connection reset in the middle of a backfill.
 * Each ends with a message that says what happened, naming
 * the request a user could look up (JSON-RPC method, runtime API method and subnet, block), and the stored data
 * either unchanged or completed without duplicates. Also: the per-UID history is thinned after each sync.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startStandInNode, type StandInNode } from '../chain/node';
import { metadataOrWarn } from '../chain/test-helpers';
import { BLOCKS_PER_DAY } from '../../shared/domain';
import type { ScoutService } from '../../electron/core/service';
import { call, serviceFor } from '../sync/sync-helpers';
import { HOUR_MS, syncMaker } from './synthetic-syncs';
import { NEWCOMER_HISTORY } from '../../electron/core/db/retention';

const metadata = metadataOrWarn('chain faults (reliability)');
const DYNAMIC_INFO = 'SubnetInfoRuntimeApi_get_all_dynamic_info';
const METAGRAPH = 'SubnetInfoRuntimeApi_get_selective_metagraph';
// The connection times every request out itself, after exactly this long (the node shares this process, so not
// much less: a busy moment of the thread must not look like a slow node).
const CALL_TIMEOUT_MS = 3000;
const TOO_SLOW_MS = 4500;
/** How messages name a block once its number is known. */
const blockNo = (n: number) => `block #${n.toLocaleString('en-US')}`;
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe.skipIf(!metadata)('chain faults: slow, garbage, reset mid-backfill', () => {
  let node: StandInNode;
  let service: ScoutService;
  const points = async () => call(service, 'sync.points');

  beforeAll(async () => {
    node = await startStandInNode({ metadataPath: metadata!, subnetCount: 6, maxUids: 12, seed: 23 });
    service = await serviceFor(node.url, { syncTimeouts: { connectMs: 5000, callMs: CALL_TIMEOUT_MS } });
    expect((await call(service, 'sync.start', {})).ok).toBe(true);
  });
  afterEach(() => {
    node.faults.reset();
    service.sync.cancel(); // drops a scheduled retry
  });
  afterAll(async () => {
    await service?.close();
    await node?.close();
  });

  it('a node too slow for the network-wide call: the sync stops, says which call and block timed out, writes nothing', async () => {
    const block = blockNo(node.produceBlocks(5).number - 2);
    const before = await points();
    node.faults.methodDelayMs = { [DYNAMIC_INFO]: TOO_SLOW_MS };
    const outcome = await call(service, 'sync.start', {});
    expect(outcome.ok).toBe(false);
    expect(outcome.error).toBe(
      `${node.url} answered too slowly while the sync read every subnet's dynamic info: state_call ${DYNAMIC_INFO} at ` +
        `${block} timed out after 3 s. Nothing was written; the previous data is unchanged.`,
    );
    expect(await points()).toEqual(before);
  });

  it('a node too slow for the metagraphs: each subnet names the call that timed out, with its netuid', async () => {
    const block = blockNo(node.produceBlocks(5).number - 2);
    node.faults.methodDelayMs = { [METAGRAPH]: TOO_SLOW_MS };
    const before = await points();
    const outcome = await call(service, 'sync.start', {});
    // Every subnet stale: not a sync to store or to call a success (bounded-sync.test.ts has the rule).
    expect(outcome.ok).toBe(false);
    expect(await points()).toEqual(before);
    expect(outcome.stale.length).toBe(6);
    for (const s of outcome.stale) {
      expect(s.reason).toBe(
        `Could not read SN${s.netuid}'s metagraph: state_call ${METAGRAPH}(netuid ${s.netuid}) at ${block} timed out after 3 s`,
      );
    }
  });

  it('one subnet too slow: only it is stale, naming its call and netuid; the others are synced', async () => {
    const block = blockNo(node.produceBlocks(5).number - 2);
    const slow = 3;
    node.faults.slowCalls = [{ method: METAGRAPH, netuid: slow, delayMs: TOO_SLOW_MS }];
    const outcome = await call(service, 'sync.start', {});
    expect(outcome.ok).toBe(true);
    expect(outcome.stale).toEqual([
      {
        netuid: slow,
        reason: `Could not read SN${slow}'s metagraph: state_call ${METAGRAPH}(netuid ${slow}) at ${block} timed out after 3 s`,
      },
    ]);
    const rows = (await call(service, 'subnets.list')).rows;
    expect(rows.find((r) => r.netuid === slow)!.staleReason).toMatch(/timed out after 3 s/);
    expect(
      rows
        .filter((r) => r.netuid !== slow)
        .every((r) => r.staleReason === null && r.blockNumber === outcome.points[0]!.blockNumber),
    ).toBe(true);
  });

  it('a node too slow for a request made through @polkadot/api: the message names the JSON-RPC method', async () => {
    node.produceBlocks(5);
    const before = await points();
    node.faults.methodDelayMs = { chain_getHeader: TOO_SLOW_MS };
    const outcome = await call(service, 'sync.start', {});
    expect(outcome.ok).toBe(false);
    expect(outcome.error).toMatch(
      new RegExp(
        `^${escape(node.url)} answered too slowly while the sync read the block header: chain_getHeader at block 0x[0-9a-f]{10}… timed out after 3 s\\. Nothing was written`,
      ),
    );
    expect(await points()).toEqual(before);
  });

  it('a node too slow for the finalized head: says so, naming chain_getFinalizedHead', async () => {
    node.faults.methodDelayMs = { chain_getFinalizedHead: TOO_SLOW_MS };
    const outcome = await call(service, 'sync.start', {});
    expect(outcome.error).toBe(
      `${node.url} answered too slowly while the sync read the finalized head: chain_getFinalizedHead timed out after 3 s. ` +
        'Nothing was written; the previous data is unchanged.',
    );
  });

  it("a node refusing one subnet's metagraph: only it is stale, naming the call, netuid and block, with the node's own error", async () => {
    const block = blockNo(node.produceBlocks(5).number - 2);
    const trap =
      'Client error: Execution failed: Execution aborted due to trap: wasm trap: wasm `unreachable` instruction executed';
    node.faults.failRuntimeCall = [{ method: METAGRAPH, netuid: 5, code: -32000, message: trap }];
    const outcome = await call(service, 'sync.start', {});
    expect(outcome.ok).toBe(true);
    const reason = `Could not read SN5's metagraph: the node refused state_call ${METAGRAPH}(netuid 5) at ${block} with error -32000: ${trap}`;
    expect(outcome.stale).toEqual([{ netuid: 5, reason }]);
    const rows = (await call(service, 'subnets.list')).rows;
    expect(rows.find((r) => r.netuid === 5)!.staleReason).toBe(reason);
    expect(
      rows
        .filter((r) => r.netuid !== 5)
        .every((r) => r.staleReason === null && r.blockNumber === outcome.points[0]!.blockNumber),
    ).toBe(true);
  });

  it("a node refusing the network-wide dynamic info: the sync stops naming the call, block and the node's error, writes nothing", async () => {
    const block = blockNo(node.produceBlocks(5).number - 2);
    const before = await points();
    const missing = `Client error: Execution failed: Other: Exported method ${DYNAMIC_INFO} is not found`;
    node.faults.failRuntimeCall = [{ method: DYNAMIC_INFO, message: missing }];
    const outcome = await call(service, 'sync.start', {});
    expect(outcome.ok).toBe(false);
    expect(outcome.error).toBe(
      `${node.url} could not send every subnet's dynamic info: the node refused state_call ${DYNAMIC_INFO} at ${block} ` +
        `with error 4003: ${missing}. Nothing was written; the previous data is unchanged.`,
    );
    expect(await points()).toEqual(before);
  });

  it('garbage instead of the network-wide dynamic info: the whole sync fails naming the call and type, nothing is written', async () => {
    const block = blockNo(node.produceBlocks(5).number - 2);
    const before = await points();
    node.faults.garbageRuntimeCall = [{ method: DYNAMIC_INFO }];
    const outcome = await call(service, 'sync.start', {});
    expect(outcome.ok).toBe(false);
    expect(outcome.error).toMatch(
      new RegExp(
        `^${escape(node.url)} sent every subnet's dynamic info in a form this app cannot read: the node's answer to ` +
          `state_call ${DYNAMIC_INFO} at ${block} could not be decoded as Vec<Option<DynamicInfo>> \\(.+\\)\\. Nothing was written`,
      ),
    );
    expect(await points()).toEqual(before);
  });

  it("garbage for one subnet's metagraph: only that subnet is stale, naming the call, the subnet and the type", async () => {
    const block = blockNo(node.produceBlocks(5).number - 2);
    node.faults.garbageRuntimeCall = [{ method: METAGRAPH, netuid: 4 }];
    const outcome = await call(service, 'sync.start', {});
    expect(outcome.ok).toBe(true);
    expect(outcome.stale).toEqual([
      {
        netuid: 4,
        reason: expect.stringMatching(
          new RegExp(
            `^Could not read SN4's metagraph: the node's answer to state_call ${METAGRAPH}\\(netuid 4\\) at ${block} could not be decoded as Option<SelectiveMetagraph> \\(.+\\)$`,
          ),
        ),
      },
    ]);
    const rows = (await call(service, 'subnets.list')).rows;
    expect(
      rows
        .filter((r) => r.netuid !== 4)
        .every((r) => r.staleReason === null && r.blockNumber === outcome.points[0]!.blockNumber),
    ).toBe(true);
  });

  it('a reset mid-backfill keeps the days already read; the next backfill reads only the missing days', async () => {
    node.produceBlocks(5);
    // The third day's block hash is the request that never gets an answer.
    node.faults.dropConnection = { method: 'chain_getBlockHash', afterCalls: 2, times: 1 };
    const failed = await call(service, 'sync.start', { backfillDays: 5 });
    expect(failed.ok).toBe(false);
    expect(failed.error).toMatch(
      /dropped during the sync\. The backfill stopped at day \d of 5 .* a new backfill reads only the missing days/,
    );
    const head = node.finalizedHead().number;
    const backfilled = async () =>
      (await points()).filter((p) => p.kind === 'backfill' && p.blockNumber > head - 6 * BLOCKS_PER_DAY);
    const stored = (await backfilled()).length;
    expect(stored).toBeGreaterThan(0);
    expect(stored).toBeLessThan(5);
    node.faults.reset();
    service.sync.cancel();

    node.produceBlocks(30); // the chain moved on meanwhile: the days to read shift by a few minutes
    node.requestLog.length = 0;
    const resumed = await call(service, 'sync.start', { backfillDays: 5 });
    expect(resumed.error).toBeNull();
    const days = (await backfilled()).map((p) => Math.round((head - p.blockNumber) / BLOCKS_PER_DAY)).sort();
    expect(days).toEqual([1, 2, 3, 4, 5]);
    // The days stored before the reset were not read again: one dynamic-info call for the head, one per missing day.
    expect(node.requestLog.filter((r) => r.runtimeMethod === DYNAMIC_INFO).length).toBe(1 + (5 - stored));
  });

  it('thins per-UID rows after each sync: two points of an old day keep UIDs for the later one only', async () => {
    const db = service.requireWorkspace().db;
    const maker = syncMaker({ subnetCount: 2, maxUids: 6 });
    // Older than the newcomer statistics' month, which keeps one point per 8 hours (db/retention.ts).
    const oldDay = (await points()).at(-1)!.blockTimeMs - (NEWCOMER_HISTORY.days + 5) * 24 * HOUR_MS;
    const morning = maker.write(db, 100, oldDay - (oldDay % (24 * HOUR_MS)) + 8 * HOUR_MS);
    const evening = maker.write(db, 200, morning.blockTimeMs + 10 * HOUR_MS);
    const uids = (pointId: number) =>
      db.prepare('SELECT COALESCE(SUM(uid_count), 0) FROM neuron_packs WHERE point_id = ?').pluck().get(pointId);
    expect([uids(morning.id), uids(evening.id)]).toEqual([maker.neuronsPerSync, maker.neuronsPerSync]);
    node.produceBlocks(5);
    expect((await call(service, 'sync.start', {})).ok).toBe(true);
    expect([uids(morning.id), uids(evening.id)]).toEqual([0, maker.neuronsPerSync]);
  });
});
