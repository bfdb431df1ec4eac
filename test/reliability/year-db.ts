/**
 * A data file as a year of hourly syncs leaves it: a subnet-level row and a summary per subnet per hour, per-UID
 * rows hourly for the recent window and one point a day before it (what the thinning keeps). One block of the
 * synthetic Finney is written by the app's own writer; its rows are then copied to every hour in bulk SQL, with
 * prices drifting so the figures are not all equal. Cached between runs: a year takes a while to write.
 */
import fs from 'node:fs';
import path from 'node:path';
import { openDatabase } from '../../electron/core/db/open';
import { migrations } from '../../electron/core/db/migrations';
import { NEWCOMER_HISTORY, thinNeuronHistory } from '../../electron/core/db/retention';
import { addHourlyPoints, BLOCKS_PER_HOUR, HOUR_MS, syncMaker } from './synthetic-syncs';

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

const END_MS = Date.UTC(2026, 10, 1);
const FIRST_BLOCK = 5_000_000;
const ROOT = path.resolve(__dirname, '../..');

export const YEAR: YearDbOptions = { days: 365, subnetCount: 128, maxUids: 256, fullResolutionDays: 3 };

/** The generated file for these options (made once, then reused until the schema changes). */
export async function yearDb(options: YearDbOptions): Promise<YearDbFigures> {
  const key = `v${migrations.length}-${options.days}d-${options.subnetCount}x${options.maxUids}-${options.fullResolutionDays}-nc${NEWCOMER_HISTORY.days}x${NEWCOMER_HISTORY.stepHours}`;
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
  const figures = { file, points: count('sync_points'), subnetRows: count('subnet_snapshots'), neuronRows: db.prepare('SELECT SUM(uid_count) FROM neuron_packs').pluck().get() as number };
  db.close();
  return { ...figures, sizeBytes: fs.statSync(file).size, generatedSeconds };
}

async function generate(file: string, options: YearDbOptions): Promise<void> {
  const { db } = await openDatabase(file);
  const maker = syncMaker({ subnetCount: options.subnetCount, maxUids: options.maxUids, seed: 'year' });
  const hours = options.days * 24;
  const startMs = END_MS - hours * HOUR_MS;
  const template = maker.write(db, FIRST_BLOCK, startMs).id;
  // Bulk load: no journal (a crash here only loses the cache file, which is regenerated).
  db.pragma('journal_mode = OFF');
  db.pragma('synchronous = OFF');
  db.pragma('cache_size = -262144');
  db.transaction(() => {
    addHourlyPoints(db, template, { firstBlock: FIRST_BLOCK, startMs, hours });
    copySubnetRows(db, template);
    copyNeuronRows(db, template, END_MS - options.fullResolutionDays * 24 * HOUR_MS, END_MS - NEWCOMER_HISTORY.days * 24 * HOUR_MS);
    db.prepare('UPDATE subnets SET last_point_id = (SELECT MAX(id) FROM sync_points)').run();
  })();
  // The template hour itself is not the last of its day: the app's thinning removes its UIDs, as it would.
  thinNeuronHistory(db, options.fullResolutionDays, NEWCOMER_HISTORY);
  db.pragma('journal_mode = WAL');
  db.close();
}

/** Subnet rows (with their summaries) for every hour; prices and reserves drift by up to ±10 % so charts have a shape. */
function copySubnetRows(db: import('better-sqlite3').Database, template: number): void {
  const columns = (db.prepare("SELECT name FROM pragma_table_info('subnet_snapshots')").pluck().all() as string[]).filter((c) => c !== 'point_id');
  const drift = '(1.0 + ((p.id * 7919 + t.netuid * 104729) % 2001 - 1000) / 10000.0)';
  const drifting = new Set(['alpha_price_rao', 'tao_reserve_rao', 'alpha_reserve_rao', 'tao_in_emission_rao']);
  const select = columns
    .map((c) =>
      drifting.has(c) ? `CAST(t.${c} * ${drift} AS INTEGER)` : c === 'previous_block_number' ? `p.block_number - ${BLOCKS_PER_HOUR}` : `t.${c}`,
    )
    .join(', ');
  db.exec(`CREATE TEMP TABLE subnet_template AS SELECT * FROM subnet_snapshots WHERE point_id = ${template}`);
  db.exec(
    `INSERT INTO subnet_snapshots (point_id, ${columns.join(', ')})
     SELECT p.id, ${select} FROM sync_points p, subnet_template t WHERE p.id != ${template} ORDER BY p.id, t.netuid`,
  );
}

/** UID packs for every hour of the recent window, and the day's last hour before it. */
/** What the app's thinning keeps: every point of the full-resolution window, one per 8 h for the newcomer month, one a day before. */
function copyNeuronRows(db: import('better-sqlite3').Database, template: number, windowStartMs: number, newcomerStartMs: number): void {
  const step = NEWCOMER_HISTORY.stepHours;
  db.exec(
    `INSERT INTO neuron_packs (point_id, netuid, uid_count, keys, figures)
     SELECT p.id, t.netuid, t.uid_count, t.keys, t.figures FROM sync_points p, neuron_packs t
     WHERE t.point_id = ${template} AND p.id != ${template}
       AND (p.block_time_ms >= ${windowStartMs} OR (p.block_time_ms / ${HOUR_MS}) % 24 = 23
         OR (p.block_time_ms >= ${newcomerStartMs} AND (p.block_time_ms / ${HOUR_MS}) % ${step} = ${step - 1}))
     ORDER BY p.id, t.netuid`,
  );
}
