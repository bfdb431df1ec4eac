/**
 * Sync end to end against the stand-in subtensor node: a real WebSocket JSON-RPC server with the real Finney
 * metadata, spoken to by an unmodified @polkadot/api. Nothing in the chain path is mocked.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStandInNode, type StandInNode } from '../chain/node';
import { metadataOrWarn } from '../chain/test-helpers';
import { BLOCKS_PER_DAY } from '../../shared/domain';
import { decodeText } from '../../electron/core/chain/mapper';
import { neuronsAt, subnetAt } from '../../electron/core/db/snapshot-read';
import type { ScoutService } from '../../electron/core/service';
import { call, serviceFor } from './sync-helpers';

const metadata = metadataOrWarn('sync');

describe.skipIf(!metadata)('sync from the stand-in node', () => {
  let node: StandInNode;
  let service: ScoutService;
  beforeAll(async () => {
    node = await startStandInNode({ metadataPath: metadata!, subnetCount: 10, maxUids: 24, seed: 7 });
    service = await serviceFor(node.url);
  });
  afterAll(async () => {
    await service?.close();
    await node?.close();
  });

  it('fills a fresh database with every live subnet and its UIDs, exactly as the chain holds them', async () => {
    const progress: string[] = [];
    const off = service.on((event, payload) => {
      if (event === 'sync.progress') progress.push((payload as { phase: string }).phase);
    });
    const outcome = await call(service, 'sync.start', {});
    off();
    expect(outcome.error).toBeNull();
    expect(outcome.ok).toBe(true);
    const point = outcome.points[0]!;
    expect(point.blockHash).toBe(node.finalizedHead().hash);
    expect(point.specVersion).toBe(424);
    expect(progress).toEqual(expect.arrayContaining(['connecting', 'network', 'subnets', 'writing', 'done']));

    const truth = node.truthAt(point.blockNumber);
    const list = await call(service, 'subnets.list');
    expect(list.rows.map((r) => r.netuid)).toEqual([...truth.subnets.keys()].sort((a, b) => a - b));
    const db = service.requireWorkspace().db;
    for (const [netuid, raw] of truth.subnets) {
      const stored = subnetAt(db, point.id, netuid)!;
      expect(stored.name).toBe(decodeText(raw.dynamic.subnetName) || stored.identity?.name);
      expect(stored.symbol).toBe(decodeText(raw.dynamic.tokenSymbol));
      expect(stored.taoReserveRao).toBe(raw.dynamic.taoIn);
      expect(stored.alphaPriceRao).toBe(raw.priceRao);
      expect(stored.burnRao).toBe(raw.storage.burn);
      expect(stored.mechanismCount).toBe(Math.max(1, raw.storage.mechanismCount));
      const neurons = neuronsAt(db, point.id, netuid);
      expect(neurons.map((n) => n.hotkey)).toEqual(raw.metagraph.hotkeys);
      expect(neurons.map((n) => n.emissionRao)).toEqual(raw.metagraph.emission);
      expect(neurons.map((n) => n.incentivesU16)).toEqual(
        raw.metagraph.incentives.map((v, uid) => [v, ...raw.extraMechanismIncentives.map((m) => m[uid] ?? 0)]),
      );
    }
    for (const dead of truth.deadNetuids) expect(list.rows.some((r) => r.netuid === dead)).toBe(false);
  });

  it('a second sync adds a second point; syncing the same block again adds nothing', async () => {
    const again = await call(service, 'sync.start', {});
    expect(again.ok).toBe(true);
    expect((await call(service, 'sync.points')).length).toBe(1); // the head has not moved: same block, same point
    node.produceBlocks(30);
    const second = await call(service, 'sync.start', {});
    expect(second.points[0]!.blockNumber).toBe(node.finalizedHead().number);
    expect((await call(service, 'sync.points')).length).toBe(2);
  });

  it('a backfill adds one point a day from past blocks', async () => {
    const head = node.finalizedHead().number;
    const outcome = await call(service, 'sync.start', { backfillDays: 3 });
    expect(outcome.ok).toBe(true);
    const backfilled = outcome.points.filter((p) => p.kind === 'backfill');
    expect(backfilled.map((p) => p.blockNumber)).toEqual([1, 2, 3].map((d) => head - d * BLOCKS_PER_DAY));
    expect(backfilled.map((p) => p.blockHash)).toEqual(backfilled.map((p) => node.blockHash(p.blockNumber)));
    const past = node.truthAt(backfilled[2]!.blockNumber);
    const burn1 = subnetAt(service.requireWorkspace().db, backfilled[2]!.id, 1)!.burnRao;
    expect(burn1).toBe(past.subnets.get(1)!.storage.burn);
    // The table still shows the newest figures, not the backfilled ones.
    const list = await call(service, 'subnets.list');
    expect(list.point!.blockNumber).toBe(head);
  });

  it('gives the engine the chain truth: counts and the miner pool match the generated network', async () => {
    const point = (await call(service, 'subnets.list')).point!;
    const truth = node.truthAt(point.blockNumber);
    const netuid = node.network.variety.concentrated[0] ?? 1;
    const raw = truth.subnets.get(netuid)!;
    const analysis = service.requireWorkspace().analyses.get(netuid)!.analysis;
    expect(analysis.counts.uids.value).toBe(raw.metagraph.numUids);
    expect(analysis.provenance).toMatchObject({ kind: 'chain', blockNumber: point.blockNumber });
    const cut = raw.storage.ownerCutEnabled === false ? 0 : truth.network.subnetOwnerCut / 65535;
    const alphaPerDay = (Number(raw.dynamic.alphaOutEmission) / 1e9) * (1 - cut) * 0.5 * BLOCKS_PER_DAY;
    // What the chain paid (per-UID emission) and the rule agree on a subnet the generator pays by the rule.
    expect(analysis.minerPool.basis).toBe('measured');
    expect((analysis.minerPool.grossAlphaPerDay.value as number) / alphaPerDay).toBeCloseTo(1, 3);
    const earning = raw.metagraph.incentives.filter(
      (v, uid) => v > 0 && raw.metagraph.hotkeys[uid] !== raw.dynamic.ownerHotkey,
    ).length;
    expect(analysis.counts.earningMiners.value).toBeLessThanOrEqual(
      earning + raw.extraMechanismIncentives.length * raw.metagraph.numUids,
    );
    expect(analysis.counts.earningMiners.value).toBeGreaterThan(0);
  });

  it('the received miner pool is what the chain paid: Σ last-epoch emission of the non-owner miners × 7200 / tempo', async () => {
    const point = (await call(service, 'subnets.list')).point!;
    const truth = node.truthAt(point.blockNumber);
    let compared = 0;
    for (const [netuid, raw] of truth.subnets) {
      const mg = raw.metagraph;
      const analysis = service.requireWorkspace().analyses.get(netuid)?.analysis;
      if (!analysis || netuid === 0 || analysis.minerPool.basis !== 'measured') continue;
      // Where every earning UID is a pure miner (no dividends), its Emission is exactly its pay (run_epoch.rs).
      const earning = mg.incentives.map((v, uid) => (v > 0 ? uid : -1)).filter((uid) => uid >= 0);
      if (earning.some((uid) => (mg.dividends[uid] ?? 0) > 0) || raw.extraMechanismIncentives.length > 0) continue;
      const ownerHeld = (uid: number) =>
        mg.hotkeys[uid] === raw.dynamic.ownerHotkey || mg.coldkeys[uid] === raw.dynamic.ownerColdkey;
      const paid = earning
        .filter((uid) => !ownerHeld(uid))
        .reduce((sum, uid) => sum + Number(mg.emission[uid]) / 1e9, 0);
      const perDay = (paid * BLOCKS_PER_DAY) / raw.dynamic.tempo;
      // The engine prices a unit of incentive from the paid UIDs and multiplies; Incentive is stored as u16 while
      // Emission came from the unrounded value, so the two agree to the u16 rounding (~1e-5), not to the rao.
      const received = analysis.minerPool.receivedAlphaPerDay.value!;
      if (perDay === 0) expect(received, `SN${netuid}`).toBe(0);
      else expect(Math.abs(received / perDay - 1), `SN${netuid}: ${received} vs ${perDay}`).toBeLessThan(1e-4);
      compared++;
    }
    expect(compared).toBeGreaterThan(0);
  });
});
