/**
 * Every failure a user can meet while syncing, against the stand-in node: each one ends with a clear message and
 * the previous data intact (nothing half-written).
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startStandInNode, type StandInNode } from '../chain/node';
import { metadataOrWarn } from '../chain/test-helpers';
import type { ScoutService } from '../../electron/core/service';
import { call, serviceFor } from './sync-helpers';

const metadata = metadataOrWarn('sync faults');
const previous = metadataOrWarn('sync faults (runtime upgrade)', 'bittensor-393.scale');

describe.skipIf(!metadata)('sync faults', () => {
  let node: StandInNode;
  let service: ScoutService;
  const pointCount = async () => (await call(service, 'sync.points')).length;

  beforeAll(async () => {
    node = await startStandInNode({ metadataPath: metadata!, subnetCount: 8, maxUids: 16, seed: 11 });
    service = await serviceFor(node.url);
    expect((await call(service, 'sync.start', {})).ok).toBe(true);
  });
  afterEach(() => node.faults.reset());
  afterAll(async () => {
    await service?.close();
    await node?.close();
  });

  it('an unreachable endpoint: says so, keeps the data, and is marked offline', async () => {
    const before = await call(service, 'subnets.list');
    const outcome = await call(service, 'sync.start', { endpoint: 'ws://127.0.0.1:9' });
    expect(outcome.ok).toBe(false);
    expect(outcome.error).toMatch(/Cannot reach ws:\/\/127\.0\.0\.1:9/);
    expect((await call(service, 'sync.status')).online).toBe(false);
    expect(await call(service, 'subnets.list')).toEqual(before);
    service.sync.cancel(); // drop the scheduled retry
  });

  it('a node serving another chain is refused in words; nothing is written', async () => {
    node.produceBlocks(5);
    node.faults.genesisHash = `0x${'ab'.repeat(32)}`;
    const before = await pointCount();
    const outcome = await call(service, 'sync.start', {});
    expect(outcome.ok).toBe(false);
    expect(outcome.error).toMatch(
      /serves a different chain \(genesis 0xabababab…\) than the one this data folder holds/,
    );
    expect(await pointCount()).toBe(before);
  });

  it('a connection dropped mid-sync writes nothing; the next sync resumes without duplicates', async () => {
    node.produceBlocks(5);
    const before = await pointCount();
    node.faults.dropConnection = { method: 'SubnetInfoRuntimeApi_get_selective_metagraph', afterCalls: 3, times: 1 };
    const outcome = await call(service, 'sync.start', {});
    expect(outcome.ok).toBe(false);
    expect(outcome.error).toMatch(/dropped during the sync/);
    expect(await pointCount()).toBe(before);
    service.sync.cancel();
    node.faults.reset();
    const retry = await call(service, 'sync.start', {});
    expect(retry.ok).toBe(true);
    expect(await pointCount()).toBe(before + 1);
    expect((await call(service, 'sync.start', {})).ok).toBe(true);
    expect(await pointCount()).toBe(before + 1);
  });

  it('a runtime call failing for one subnet marks that subnet stale and syncs the rest', async () => {
    node.produceBlocks(5);
    node.faults.failRuntimeCall = [{ method: 'SubnetInfoRuntimeApi_get_selective_metagraph', netuid: 2 }];
    const outcome = await call(service, 'sync.start', {});
    expect(outcome.ok).toBe(true);
    expect(outcome.stale).toEqual([
      { netuid: 2, reason: expect.stringMatching(/Could not read SN2's metagraph: .*Execution failed/) },
    ]);
    const rows = (await call(service, 'subnets.list')).rows;
    const sn2 = rows.find((r) => r.netuid === 2)!;
    expect(sn2.staleReason).toMatch(/Could not read SN2/);
    expect(sn2.blockNumber).toBeLessThan(outcome.points[0]!.blockNumber);
    expect(
      rows
        .filter((r) => r.netuid !== 2)
        .every((r) => r.staleReason === null && r.blockNumber === outcome.points[0]!.blockNumber),
    ).toBe(true);
  });

  it('garbage bytes for one subnet are contained to that subnet, whose stale reason names the call and the type', async () => {
    const block = `block #${(node.produceBlocks(5).number - 2).toLocaleString('en-US')}`;
    node.faults.garbageRuntimeCall = [{ method: 'SubnetInfoRuntimeApi_get_selective_metagraph', netuid: 3 }];
    const outcome = await call(service, 'sync.start', {});
    expect(outcome.ok).toBe(true);
    expect(outcome.stale.map((s) => s.netuid)).toEqual([3]);
    expect(outcome.stale[0]!.reason).toContain(
      `Could not read SN3's metagraph: the node's answer to state_call SubnetInfoRuntimeApi_get_selective_metagraph(netuid 3) ` +
        `at ${block} could not be decoded as Option<SelectiveMetagraph> (`,
    );
    const rows = (await call(service, 'subnets.list')).rows;
    expect(rows.find((r) => r.netuid === 3)!.staleReason).toBe(outcome.stale[0]!.reason);
    expect(
      rows
        .filter((r) => r.netuid !== 3)
        .every((r) => r.staleReason === null && r.blockNumber === outcome.points[0]!.blockNumber),
    ).toBe(true);
  });

  it('a runtime without the price list and the prune call: prices per subnet, the gaps named on the point, nothing stale', async () => {
    node.produceBlocks(5);
    const notFound = (method: string) => ({
      method,
      message: `Client error: Execution failed: Other: Exported method ${method} is not found`,
    });
    node.faults.failRuntimeCall = [
      notFound('SwapRuntimeApi_current_alpha_price_all'),
      notFound('SubnetInfoRuntimeApi_get_subnet_to_prune'),
    ];
    const outcome = await call(service, 'sync.start', {});
    expect(outcome.ok).toBe(true);
    expect(outcome.stale).toEqual([]);
    const list = await call(service, 'subnets.list');
    const truth = node.truthAt(list.point!.blockNumber);
    for (const row of list.rows)
      expect(row.alphaPriceRao, `SN${row.netuid}`).toBe(truth.subnets.get(row.netuid)!.priceRao);
    const stored = service
      .requireWorkspace()
      .db.prepare('SELECT price_source, missing_reads, subnet_to_prune FROM sync_points WHERE block_number = ?')
      .get(list.point!.blockNumber) as { price_source: string; missing_reads: string; subnet_to_prune: number | null };
    expect(stored.price_source).toBe('swap-each');
    expect(stored.subnet_to_prune).toBeNull();
    expect(JSON.parse(stored.missing_reads).map((m: string) => m.split(' (')[0])).toEqual([
      'SubnetInfoRuntimeApi.get_subnet_to_prune',
      'SwapRuntimeApi.current_alpha_price_all',
    ]);
    // The runtime's own answer is unknown, not "another subnet".
    expect(service.requireWorkspace().analyses.get(1)!.analysis.subnetDeregistration.runtimeSaysNext).toBeNull();
  });

  it('a cancelled sync writes nothing and says so', async () => {
    node.produceBlocks(5);
    const before = await pointCount();
    // Every metagraph answer is held back long enough that the cancel lands while the subnets are being read.
    node.faults.methodDelayMs = { SubnetInfoRuntimeApi_get_selective_metagraph: 3000 };
    const reading = new Promise<void>((resolve) => {
      const off = service.on((event, payload) => {
        if (event === 'sync.progress' && (payload as { phase: string }).phase === 'subnets') {
          off();
          resolve();
        }
      });
    });
    const running = call(service, 'sync.start', {});
    await reading;
    await call(service, 'sync.cancel');
    const outcome = await running;
    expect(outcome).toMatchObject({ ok: false, cancelled: true });
    expect((await call(service, 'sync.status')).message).toMatch(/cancelled; the previous data is unchanged/);
    expect(await pointCount()).toBe(before);
  });

  it.skipIf(!previous)(
    'a runtime upgrade between syncs (types change) still syncs, with the new spec recorded',
    async () => {
      const head = node.head().number;
      node.upgradeRuntimeAt(head + 3, previous!);
      node.produceBlocks(10);
      const outcome = await call(service, 'sync.start', {});
      expect(outcome.error).toBeNull();
      expect(outcome.points[0]!.specVersion).toBe(node.runtimeAt(outcome.points[0]!.blockNumber).specVersion);
      expect(outcome.points[0]!.specVersion).not.toBe(424);
      expect(outcome.stale).toEqual([]);
    },
  );
});
