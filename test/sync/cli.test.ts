import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStandInNode, type StandInNode } from '../chain/node';
import { metadataOrWarn } from '../chain/test-helpers';
import { runCli } from '../../electron/core/cli/run';
import type { ScoutService } from '../../electron/core/service';
import type { SubnetRow } from '../../shared/api-types';
import { serviceFor } from './sync-helpers';

const metadata = metadataOrWarn('cli');

type PlainList = { schemaVersion: number; point: { blockNumber: number } | null; rows: (Omit<SubnetRow, 'burnRao'> & { burnRao: string })[] };

describe.skipIf(!metadata)('scout CLI against the stand-in node', () => {
  let node: StandInNode;
  let service: ScoutService;
  beforeAll(async () => {
    node = await startStandInNode({ metadataPath: metadata!, subnetCount: 6, maxUids: 12, seed: 3 });
    service = await serviceFor('ws://127.0.0.1:1'); // the configured endpoint is wrong on purpose: --endpoint wins
  });
  afterAll(async () => {
    await service?.close();
    await node?.close();
  });

  const run = async (...args: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(service, args, { out: (l) => out.push(l), err: (l) => err.push(l) });
    return { code, out, err };
  };

  it('scout sync --endpoint --backfill 2d stores the head and two past days', async () => {
    const { code, out } = await run('sync', '--endpoint', node.url, '--backfill', '2d');
    expect(code).toBe(0);
    expect(out.filter((l) => l.startsWith('stored live point'))).toHaveLength(1);
    expect(out.filter((l) => l.startsWith('stored backfill point'))).toHaveLength(2);
    // The sync analysed what it stored, so the app opening this file after a CLI sync starts warm.
    const db = service.requireWorkspace().db;
    const { maxId, count } = db.prepare('SELECT MAX(id) AS maxId, COUNT(*) AS count FROM sync_points').get() as { maxId: number; count: number };
    const cached = db.prepare('SELECT netuid FROM analysis_cache WHERE cache_key LIKE ?').pluck().all(`%:${maxId}:${count}`);
    expect(cached.length).toBe(db.prepare('SELECT COUNT(*) FROM subnets').pluck().get());
  });

  it('scout list --json and --csv print what the sync stored', async () => {
    const json = await run('list', '--json');
    // Plain JSON: the row fields as SubnetRow names them, with bigint rao as strings (checked in cli-process.test.ts).
    const list = JSON.parse(json.out.join('\n')) as PlainList;
    const truth = node.truthAt(list.point!.blockNumber);
    expect(list.rows.length).toBe(truth.subnets.size);
    // Emission as btcli users read it (TAO-in) and chain buys, apart; their sum is the total TAO entering.
    const emission = Number(truth.network.blockEmission);
    for (const row of list.rows) {
      const sub = truth.subnets.get(row.netuid)!;
      expect(row.taoInEmissionShare).toBeCloseTo(Number(sub.dynamic.taoInEmission) / emission, 12);
      expect(row.chainBuyShare).toBeCloseTo(Number(sub.storage.excessTao ?? 0n) / emission, 12);
      expect(row.emissionShare).toBeCloseTo((row.taoInEmissionShare ?? 0) + (row.chainBuyShare ?? 0), 12);
    }
    expect(list.rows.some((r) => (r.chainBuyShare ?? 0) > 0)).toBe(true);
    const csv = await run('list', '--csv');
    // CSV: the JSON row's fields, same names and order.
    expect(csv.out[0]!.split(',')).toEqual(Object.keys(list.rows[0]!));
    expect(csv.out[0]).toMatch(/^netuid,name,symbol,alphaPriceRao,alphaPriceTao,emissionShare,/);
    // The per-subnet chain-rule figures ride in every JSON row: pool as paid vs rule, deregistration, next halving.
    const sn = list.rows.find((r) => r.netuid !== 0 && r.poolBasis === 'measured')!;
    expect(sn.receivedMinerPoolTaoPerDay).toBeGreaterThan(0);
    expect(sn.paidVsRule).toBeGreaterThan(0);
    expect(sn.subnetDeregRisk).not.toBeNull();
    expect(typeof sn.subnetDeregReason).toBe('string');
    expect(sn.nextAlphaHalvingBlock).toBeGreaterThan(list.point!.blockNumber);
    const ranks = list.rows.map((r) => r.subnetDeregRank).filter((r): r is number => r !== null).sort((a, b) => a - b);
    expect(ranks[0]).toBe(1);
    expect(csv.out).toHaveLength(list.rows.length + 1);
  });

  it('a bad endpoint or bad flag gives a message and a non-zero exit', async () => {
    const bad = await run('sync');
    expect(bad.code).toBe(1);
    expect(bad.err.join('\n')).toMatch(/Cannot reach ws:\/\/127\.0\.0\.1:1/);
    service.sync.cancel();
    const flag = await run('sync', '--endpoint', node.url, '--backfill', 'lots');
    expect(flag.code).toBe(1);
    expect(flag.err.join('\n')).toMatch(/--backfill takes a number of days/);
    expect((await run('frobnicate')).code).toBe(2);
  });
});
