/**
 * A data file as a year of hourly syncs leaves it after the app's thinning (db/retention.ts): a subnet-level row and a
 * summary per subnet per hour for the last 90 days and per 12 hours before; per-UID rows hourly for the recent
 * window, 12-hourly for the newcomer window, one a day before. The history is the stand-in network's simulation run
 * forward over the year (simulated-history.ts): the hours keeping UIDs are complete syncs of the simulated block,
 * written by the app's own writer, so newcomers register, earn or not and are pruned in it; the other kept hours
 * copy the subnet rows of the full hour before them. Cached between runs: a year takes minutes to write.
 */
import fs from 'node:fs';
import path from 'node:path';
import { openDatabase } from '../../electron/core/db/open';
import { migrations } from '../../electron/core/db/migrations';
import { NEWCOMER_HISTORY, SYNC_POINT_HISTORY, thinNeuronHistory } from '../../electron/core/db/retention';
import { blockTimeMs, DEFAULT_HEAD_BLOCK } from '../../electron/core/chain/synthetic/constants';
import { HOUR_MS } from './synthetic-syncs';
import { writeSimulatedHistory } from './simulated-history';

export interface YearDbOptions {
  days: number;
  subnetCount: number;
  maxUids: number;
  /** Per-UID rows hourly for this many days, daily before (the app's default is 3). */
  fullResolutionDays: number;
}

export interface YearDbFigures {
  file: string;
  points: number;
  subnetRows: number;
  /** UIDs stored (per subnet per sync), over all syncs. */
  neuronRows: number;
  sizeBytes: number;
  /** Generation time, or null when the file came from the cache. */
  generatedSeconds: number | null;
}

const DAY_MS = 24 * HOUR_MS;
const ROOT = path.resolve(__dirname, '../..');

export const YEAR: YearDbOptions = { days: 365, subnetCount: 128, maxUids: 256, fullResolutionDays: 3 };

/** The generated file for these options (made once, then reused until the schema changes). */
export async function yearDb(options: YearDbOptions): Promise<YearDbFigures> {
  const key = `v${migrations.length}-sim-h${SYNC_POINT_HISTORY.hourlyDays}x${SYNC_POINT_HISTORY.stepHours}-${options.days}d-${options.subnetCount}x${options.maxUids}-${options.fullResolutionDays}-nc${NEWCOMER_HISTORY.days}x${NEWCOMER_HISTORY.stepHours}`;
  const dir = path.join(ROOT, 'node_modules/.cache/scout-year-db', key);
  const file = path.join(dir, 'scout.db');
  let generatedSeconds: number | null = null;
  if (!fs.existsSync(file)) {
    const started = performance.now();
    const temp = path.join(dir, 'partial', 'scout.db');
    fs.rmSync(path.dirname(temp), { recursive: true, force: true });
    await generate(temp, options);
    fs.renameSync(temp, file); // only a complete file is ever reused
    fs.rmSync(path.dirname(temp), { recursive: true, force: true });
    generatedSeconds = (performance.now() - started) / 1000;
  }
  // Backups the app made while the file was open last time: not part of the figures, and big.
  fs.rmSync(path.join(dir, 'backups'), { recursive: true, force: true });
  const { db } = await openDatabase(file);
  const count = (table: string) => db.prepare(`SELECT COUNT(*) FROM ${table}`).pluck().get() as number;
  const figures = {
    file,
    points: count('sync_points'),
    subnetRows: count('subnet_snapshots'),
    neuronRows: db.prepare('SELECT SUM(uid_count) FROM neuron_packs').pluck().get() as number,
  };
  db.close();
  return { ...figures, sizeBytes: fs.statSync(file).size, generatedSeconds };
}

async function generate(file: string, options: YearDbOptions): Promise<void> {
  const { db } = await openDatabase(file);
  // Bulk load: no journal (a crash here only loses the cache file, which is regenerated).
  db.pragma('journal_mode = OFF');
  db.pragma('synchronous = OFF');
  db.pragma('cache_size = -262144');
  const newest = blockTimeMs(DEFAULT_HEAD_BLOCK);
  writeSimulatedHistory(db, {
    seed: 'year',
    subnetCount: options.subnetCount,
    maxUids: options.maxUids,
    headBlock: DEFAULT_HEAD_BLOCK,
    hours: options.days * 24,
    full: (timeMs) => keptWithUids(timeMs, newest, options.fullResolutionDays),
    stored: (timeMs) =>
      timeMs >= newest - SYNC_POINT_HISTORY.hourlyDays * DAY_MS ||
      lastOf(timeMs, SYNC_POINT_HISTORY.stepHours * HOUR_MS),
  });
  // The app's thinning finds nothing left to remove but the oldest hour's UIDs (the history starts with a complete
  // sync to copy from, which a sync an hour later would thin unless it is the last of its bucket), or this file is not
  // what a year of syncs leaves.
  const oldestUids = db
    .prepare('SELECT COALESCE(SUM(uid_count), 0) FROM neuron_packs WHERE point_id = (SELECT MIN(id) FROM sync_points)')
    .pluck()
    .get() as number;
  const thinned = thinNeuronHistory(db, options.fullResolutionDays, NEWCOMER_HISTORY);
  if (thinned.deletedPoints > 0 || (thinned.deletedRows > 0 && thinned.deletedRows !== oldestUids)) {
    throw new Error(
      `year file: the app's thinning still removed ${thinned.deletedPoints} syncs and ${thinned.deletedRows} UID rows`,
    );
  }
  db.pragma('journal_mode = WAL');
  db.close();
}

/**
 * The hours whose per-UID rows the app keeps after a year of hourly syncs (db/retention.ts; the syncs it keeps at
 * all are those of the last SYNC_POINT_HISTORY.hourlyDays and the last of each step before): every hour of the
 * full-resolution window, the last of each NEWCOMER_HISTORY step in the newcomer window, the last of each day before.
 */
function keptWithUids(timeMs: number, newestMs: number, fullResolutionDays: number): boolean {
  if (timeMs >= newestMs - fullResolutionDays * DAY_MS) return true;
  if (timeMs >= newestMs - NEWCOMER_HISTORY.days * DAY_MS) return lastOf(timeMs, NEWCOMER_HISTORY.stepHours * HOUR_MS);
  return lastOf(timeMs, DAY_MS);
}

/** The hour is the last of its bucket (buckets of whole hours, aligned as the thinning aligns them). */
const lastOf = (timeMs: number, bucketMs: number) =>
  Math.floor(timeMs / bucketMs) !== Math.floor((timeMs + HOUR_MS) / bucketMs);
