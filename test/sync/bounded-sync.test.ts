/**
 * A sync ends in bounded time and never reports a block it could hardly read as a success: a time limit for the
 * whole sync, a stop when the node answers nothing several times in a row, and a block where most subnets are
 * unreadable is not stored. Also: one node is one network label however its address is spelled, and addresses
 * that would leak credentials or silently lose a #fragment are refused in words.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startStandInNode, type StandInNode } from '../chain/node';
import { metadataOrWarn } from '../chain/test-helpers';
import type { ScoutService } from '../../electron/core/service';
import { call, serviceFor } from './sync-helpers';

const metadata = metadataOrWarn('bounded sync');
const METAGRAPH = 'SubnetInfoRuntimeApi_get_selective_metagraph';
const CALL_TIMEOUT_MS = 3000;

describe.skipIf(!metadata)('a sync ends in bounded time, and a mostly unreadable block is not a success', () => {
  let node: StandInNode;
  const services: ScoutService[] = [];
  const open = async (options: Parameters<typeof serviceFor>[1] = {}) => {
    const service = await serviceFor(node.url, options);
    services.push(service);
    return service;
  };

  beforeAll(async () => {
    node = await startStandInNode({ metadataPath: metadata!, subnetCount: 6, maxUids: 12, seed: 31 });
  });
  afterEach(() => {
    node.faults.reset();
    for (const s of services) s.sync.cancel();
  });
  afterAll(async () => {
    for (const s of services) await s.close();
    await node?.close();
  });

  it('a sync still running at its time limit stops, says so, and stores nothing', async () => {
    const service = await open({ syncTimeouts: { connectMs: 5000, callMs: 20_000, deadlineMs: 2500 } });
    expect((await call(service, 'sync.start', {})).ok).toBe(true);
    const before = await call(service, 'sync.points');
    node.produceBlocks(5);
    // Slow, not silent: every metagraph would arrive, long after the limit.
    node.faults.methodDelayMs = { [METAGRAPH]: 15_000 };
    const started = Date.now();
    const outcome = await call(service, 'sync.start', {});
    expect(outcome).toMatchObject({ ok: false, cancelled: false, points: [] });
    expect(outcome.error).toBe(
      `The sync was stopped after 3 s (the time limit in Settings) with ${node.url} still answering; what it had not finished reading was not written.`,
    );
    // Stopped at the limit, not after the answers it was waiting on.
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(await call(service, 'sync.points')).toEqual(before);
    expect((await call(service, 'sync.status')).phase).toBe('failed');
  });

  it('a backfill gets the time limit once per block it reads', async () => {
    const service = await open({ syncTimeouts: { connectMs: 5000, callMs: 20_000, deadlineMs: 1500 } });
    node.produceBlocks(5);
    node.faults.methodDelayMs = { [METAGRAPH]: 15_000 };
    const outcome = await call(service, 'sync.start', { backfillDays: 1 });
    expect(outcome.error).toBe(
      `The sync was stopped after 3 s (the time limit in Settings, for 2 blocks) with ${node.url} still answering; what it had not finished reading was not written.`,
    );
  });

  it('the time limit is a setting, 5 minutes unless changed, refused outside 1–120 minutes', async () => {
    const service = await open();
    expect((await call(service, 'settings.get')).syncDeadlineMinutes).toBe(5);
    expect((await call(service, 'settings.set', { syncDeadlineMinutes: 12 })).syncDeadlineMinutes).toBe(12);
    const refused = await service.call('settings.set', { syncDeadlineMinutes: 0 });
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.error.message).toMatch(
      /syncDeadlineMinutes: the sync time limit is at least 1 minute/,
    );
  });

  it('a node that stops answering: the sync stops after N timeouts in a row instead of waiting on every subnet', async () => {
    const service = await open({ syncTimeouts: { connectMs: 5000, callMs: CALL_TIMEOUT_MS, giveUpAfterTimeouts: 3 } });
    expect((await call(service, 'sync.start', {})).ok).toBe(true);
    const before = await call(service, 'sync.points');
    node.produceBlocks(5);
    node.faults.methodDelayMs = { [METAGRAPH]: 60_000 };
    const outcome = await call(service, 'sync.start', {});
    expect(outcome.ok).toBe(false);
    expect(outcome.error).toBe(
      `${node.url} stopped answering: 3 requests in a row got no answer within 3 s (the last: state_call ${METAGRAPH} timed out ` +
        'after 3 s), so the sync stopped instead of waiting on every subnet; what it had not finished reading was not written.',
    );
    expect(await call(service, 'sync.points')).toEqual(before);
  });

  it('a block where most subnets cannot be read is not stored; the sync fails and lists why each is stale', async () => {
    const service = await open();
    expect((await call(service, 'sync.start', {})).ok).toBe(true);
    const before = await call(service, 'sync.points');
    const rowsBefore = (await call(service, 'subnets.list')).rows;
    node.produceBlocks(5);
    const listed = rowsBefore.map((r) => r.netuid);
    const broken = listed.slice(0, 4); // 4 of 6
    node.faults.failRuntimeCall = broken.map((netuid) => ({ method: METAGRAPH, netuid }));
    const outcome = await call(service, 'sync.start', {});
    expect(outcome.ok).toBe(false);
    expect(outcome.error).toMatch(
      /^4 of 6 subnets could not be read at block [\d,]+ \(for example SN\d+: .*Execution failed.*\), so this block was not stored as a sync\. Nothing was written; the previous data is unchanged\.$/,
    );
    expect(outcome.stale.map((s) => s.netuid)).toEqual(broken);
    expect(await call(service, 'sync.points')).toEqual(before);
    expect((await call(service, 'subnets.list')).rows).toEqual(rowsBefore);

    // A minority unreadable is still a sync, with those subnets marked stale.
    node.faults.failRuntimeCall = broken.slice(0, 2).map((netuid) => ({ method: METAGRAPH, netuid }));
    const partial = await call(service, 'sync.start', {});
    expect(partial.ok).toBe(true);
    expect(partial.stale.map((s) => s.netuid)).toEqual(broken.slice(0, 2));
  });

  it('one node is one network however its address is written: the same block is stored once', async () => {
    const service = await open();
    const port = new URL(node.url).port;
    const first = await call(service, 'sync.start', { endpoint: `ws://127.0.0.1:${port}` });
    expect(first.ok).toBe(true);
    for (const spelling of [`ws://localhost:${port}`, `ws://LOCALHOST:${port}/`, `WS://127.0.0.1:${port}//`]) {
      const again = await call(service, 'sync.start', { endpoint: spelling });
      expect(again.error).toBeNull();
      expect(again.points[0]!.blockNumber).toBe(first.points[0]!.blockNumber);
    }
    expect(await call(service, 'sync.points')).toHaveLength(1);
  });

  it('an address with user:pass@ or a #fragment is refused in words, stored nowhere and not retried', async () => {
    const service = await open();
    const port = new URL(node.url).port;
    for (const [endpoint, words] of [
      [`wss://alice:s3cret@127.0.0.1:${port}`, /must not contain a user name or password \(user:pass@\)/],
      [`ws://127.0.0.1:${port}/#main`, /must not contain a #fragment/],
    ] as const) {
      const sync = await service.call('sync.start', { endpoint });
      expect(sync.ok).toBe(false);
      expect(!sync.ok && sync.error.message).toMatch(words);
      expect(!sync.ok && sync.error.message).not.toMatch(/s3cret|at .*\.ts:\d+/);
      const saved = await service.call('settings.set', { network: 'custom', customEndpoint: endpoint });
      expect(saved.ok).toBe(false);
      expect(!saved.ok && saved.error.message).toMatch(words);
    }
    const settings = await call(service, 'settings.get');
    expect(settings.customEndpoint).toBe(node.url);
    expect((await call(service, 'sync.status')).message).not.toMatch(/Retrying/);
    expect(JSON.stringify(service.requireWorkspace().db.prepare('SELECT * FROM settings').all())).not.toMatch(/s3cret/);
  });
});
