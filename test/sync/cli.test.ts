import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStandInNode, type StandInNode } from '../chain/node';
import { metadataOrWarn } from '../chain/test-helpers';
import { runCli } from '../../electron/core/cli/run';
import type { ScoutService } from '../../electron/core/service';
import type { SubnetRow } from '../../shared/api-types';
import { DEFAULT_SCENARIO } from '../../shared/economics';
import { serviceFor } from './sync-helpers';

const metadata = metadataOrWarn('cli');

type PlainList = {
  schemaVersion: number;
  point: { blockNumber: number } | null;
  rows: (Omit<SubnetRow, 'burnRao'> & { burnRao: string })[];
};

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
    const { maxId, count } = db.prepare('SELECT MAX(id) AS maxId, COUNT(*) AS count FROM sync_points').get() as {
      maxId: number;
      count: number;
    };
    const cached = db
      .prepare('SELECT netuid FROM analysis_cache WHERE cache_key LIKE ?')
      .pluck()
      .all(`%:${maxId}:${count}`);
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
    const ranks = list.rows
      .map((r) => r.subnetDeregRank)
      .filter((r): r is number => r !== null)
      .sort((a, b) => a - b);
    expect(ranks[0]).toBe(1);
    expect(csv.out).toHaveLength(list.rows.length + 1);
  });

  it('scout list --json rows carry P(earn), expected profit and the verdict with its reason, under a saved scenario too', async () => {
    type Row = {
      earnChance: number | null;
      expectedProfitUsdPerMonth: number | null;
      verdict: string | null;
      verdictReason: string | null;
    };
    const current = JSON.parse((await run('list', '--json')).out.join('\n')) as { scenario: string; rows: Row[] };
    expect(current.scenario).toBe('current');
    for (const r of current.rows) {
      expect(r.earnChance).toBeGreaterThanOrEqual(0);
      expect(['Mine', 'Watch', 'Skip']).toContain(r.verdict);
      expect(r.verdictReason).toMatch(/\w/);
    }
    // A saved scenario with a rent nobody covers: every verdict is Skip, because the expected profit loses.
    await service.call('scenarios.save', {
      name: 'costly',
      netuid: null,
      scenario: { ...DEFAULT_SCENARIO, rentUsdPerMonth: 999_999 },
    });
    const costly = JSON.parse((await run('list', '--json', '--scenario', 'costly')).out.join('\n')) as {
      scenario: string;
      rows: Row[];
    };
    expect(costly.scenario).toBe('costly');
    expect(costly.rows.every((r) => r.verdict === 'Skip' && (r.expectedProfitUsdPerMonth ?? -1) < 0)).toBe(true);
    const missing = await run('list', '--json', '--scenario', 'nope');
    expect(missing.code).toBe(1);
    expect(missing.err.join('\n')).toMatch(/no saved scenario named "nope" \(saved: costly\)/);
  });

  it('scout backtest: too little history says so plainly; --json names both sides; a bad --days is refused', async () => {
    const text = await run('backtest');
    expect(text.code).toBe(0);
    expect(text.out.join('\n')).toMatch(/^not enough history yet/);
    const json = JSON.parse((await run('backtest', '--json', '--days', '30')).out.join('\n')) as {
      schemaVersion: number;
      overall: { pairs: number; note: string | null };
      subnets: { netuid: number; pairs: unknown[] }[];
    };
    expect(json.schemaVersion).toBe(1);
    expect(json.subnets.length).toBeGreaterThan(0);
    expect(json.overall.note).toMatch(/^not enough history yet/);
    for (const s of json.subnets)
      for (const pair of s.pairs)
        expect(pair).toMatchObject({ predicted: expect.any(Object), actual: expect.any(Object) });
    const bad = await run('backtest', '--days', 'soon');
    expect(bad.code).toBe(1);
    expect(bad.err.join('\n')).toMatch(/--days takes a whole number of days/);
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
