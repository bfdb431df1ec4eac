/**
 * The analyses on a year of hourly history, in the core (no window): all subnets on a file never analysed (a first
 * start, or a new app version), and again after one more hourly sync and its thinning in a running app, which reads
 * only that sync.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Analyses } from '../../electron/core/analyses';
import { openDatabase } from '../../electron/core/db/open';
import { BLOCKS_PER_HOUR, HOUR_MS, syncMaker } from '../reliability/synthetic-syncs';
import { YEAR, type YearDbFigures } from '../reliability/year-db';
import { NEWCOMER_HISTORY, thinNeuronHistory } from '../../electron/core/db/retention';
import { measure, type Measured } from './stats';
import { UidHistory } from '../../electron/core/db/uid-history-read';
import { newcomerOutcomes } from '../../electron/core/engine/newcomer-history';
import { summariseBacktest } from '../../electron/core/engine/backtest';
import type { BacktestSummary } from '../../shared/economics';
import { DEFAULT_WINDOW_DAYS } from '../../electron/core/engine';
import { BLOCKS_PER_DAY } from '../../shared/domain';
import { describeVariety } from '../../electron/core/chain/synthetic/catalog';

export interface AnalysisFigures {
  neverAnalysedMs: Measured;
  afterOneSyncMs: Measured;
  /** The month of per-UID history the newcomer statistics read, read from the file (first start). */
  uidHistoryReadMs: Measured;
  /** The newcomer statistics of every subnet from that history (the pure engine part; target ≤ 100 ms). */
  newcomerStatsMs: Measured;
  newcomerStatsPoints: number;
  /** The newcomer forecast's backtest over every subnet of the file (engine/backtest.ts). */
  backtest: BacktestSummary;
  /** The same for a few subnets of different kinds (concentrated, flat, burning, several mechanisms). */
  namedBacktests: { label: string; netuid: number; name: string; backtest: BacktestSummary }[];
}

/** Subnets the bench names, by the role the stand-in network gives them (catalog.ts), whatever their netuid. */
function namedSubnets(subnetCount: number): { label: string; netuid: number }[] {
  const v = describeVariety(subnetCount);
  const named = [
    { label: 'concentrated', netuid: v.concentrated.find((n) => !v.multiMechanism.some((m) => m.netuid === n)) },
    { label: 'power law', netuid: v.powerlaw[0] },
    { label: 'flat', netuid: v.flat.find((n) => !v.registrationDisabled.includes(n)) },
    { label: 'partial burn', netuid: v.partialBurn[0] },
    { label: 'full burn', netuid: v.fullBurn[0] },
    { label: 'several mechanisms', netuid: v.multiMechanism[0]?.netuid },
  ];
  return named.filter((n): n is { label: string; netuid: number } => n.netuid !== undefined);
}

export async function benchAnalyses(year: YearDbFigures, runs: number): Promise<AnalysisFigures> {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'scout-analysis-bench-')), 'scout.db');
  fs.copyFileSync(year.file, file);
  const { db } = await openDatabase(file);
  try {
    const head = db
      .prepare(
        'SELECT block_number AS block, block_time_ms AS time FROM sync_points ORDER BY block_number DESC LIMIT 1',
      )
      .get() as { block: number; time: number };
    // The year file's own network: the next hour repeats its newest state, so no UID looks re-registered.
    const maker = syncMaker({ subnetCount: 128, maxUids: 256, seed: 'year' });
    let version = 0;
    // Each run a new connection, as a start is: it has read no addresses yet.
    const neverAnalysedMs = await measure(
      runs,
      ({ analyses }) => analyses.all(),
      async () => {
        const fresh = (await openDatabase(file)).db;
        return { fresh, analyses: new Analyses(fresh, `bench-${version++}`) };
      },
      ({ fresh }) => fresh.close(),
    );
    const running = new Analyses(db, 'bench-running');
    const analysed = running.all();
    const backtest = summariseBacktest(analysed.flatMap((a) => a.analysis.backtest?.pairList ?? []));
    const namedBacktests = namedSubnets(analysed.length).flatMap(({ label, netuid }) => {
      const a = analysed.find((x) => x.latest.snapshot.netuid === netuid);
      const pairs = a?.analysis.backtest?.pairList;
      return a && pairs ? [{ label, netuid, name: a.latest.snapshot.name, backtest: summariseBacktest(pairs) }] : [];
    });
    let hour = 0;
    const afterOneSyncMs = await measure(
      runs,
      () => running.all(),
      () => {
        hour++;
        maker.write(db, head.block + hour * BLOCKS_PER_HOUR, head.time + hour * HOUR_MS);
        // As a sync does after writing (sync-run.ts): most hours this deletes a point 90 days back and per-UID
        // points 3 days back, which the analyses kept in memory must notice.
        thinNeuronHistory(db, YEAR.fullResolutionDays, NEWCOMER_HISTORY);
      },
    );
    const from = head.block - DEFAULT_WINDOW_DAYS * BLOCKS_PER_DAY;
    const uidHistoryReadMs = await measure(runs, () => new UidHistory(db, DEFAULT_WINDOW_DAYS).since(from));
    const history = new UidHistory(db, DEFAULT_WINDOW_DAYS).since(from);
    const immunity = new Map(
      db
        .prepare(
          // The immunity is a subnet profile field (schema step 6 moved it out of the snapshot rows).
          `SELECT ss.netuid, pr.immunity_period_blocks FROM subnet_snapshots ss JOIN subnet_profiles pr ON pr.id = ss.profile_id
           WHERE ss.point_id = (SELECT MAX(point_id) FROM subnet_snapshots)`,
        )
        .raw()
        .all() as [number, number][],
    );
    const newcomerStatsMs = await measure(runs, () => {
      for (const [netuid, points] of history) newcomerOutcomes(points, immunity.get(netuid) ?? 5000);
    });
    const newcomerStatsPoints = [...history.values()].reduce((n, points) => n + points.length, 0);
    return {
      neverAnalysedMs,
      afterOneSyncMs,
      uidHistoryReadMs,
      newcomerStatsMs,
      newcomerStatsPoints,
      backtest,
      namedBacktests,
    };
  } finally {
    db.close();
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
  }
}
