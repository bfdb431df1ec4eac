/**
 * Crash safety: the app's writer processes are SIGKILLed in the middle of sync writes, note saves and migrations,
 * over and over; after every kill the file opens with the app's code, passes SQLite's integrity check, and holds the
 * state before the interrupted write or after it. `npm test` runs ~50 kill points; `npm run test:soak`
 * (SCOUT_SOAK=1) runs ten times as many.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/core/db/open';
import { writeLegacySync } from './legacy-rows';
import { migrations } from '../../electron/core/db/migrations';
import { buildWorker, runAndKill, seededRandom, type KillResult } from './crash-harness';
import { checkMigrationState, checkNoteState, checkSyncState } from './crash-checks';
import { CRASH_SYNC_SHAPE, OLD_SCHEMA_STEPS } from './crash-plan';
import { BLOCKS_PER_HOUR, HOUR_MS, syncMaker } from './synthetic-syncs';

const SOAK = process.env.SCOUT_SOAK === '1';
const KILLS = { sync: SOAK ? 200 : 20, note: SOAK ? 150 : 15, migration: SOAK ? 150 : 15 };
const TIMEOUT = { timeout: SOAK ? 20 * 60_000 : 60_000 };

describe('crash safety: killed mid-write, the file holds the old state or the new one', () => {
  let worker: string;
  let root: string;
  const random = seededRandom(20261122);
  const maker = syncMaker(CRASH_SYNC_SHAPE);
  const tally = (states: string[]) =>
    Object.entries(states.reduce<Record<string, number>>((t, s) => ({ ...t, [s]: (t[s] ?? 0) + 1 }), {}));

  beforeAll(() => {
    worker = buildWorker();
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'scout-crash-'));
  });

  /** Kill delays spread over the time a write takes, so kills land before, inside and after writes. */
  const planFor = (typicalMs: number) => ({
    afterCommits: Math.floor(random() * 3),
    delayMs: Math.round(random() * typicalMs * 1.3),
  });

  async function killRepeatedly(
    mode: 'sync' | 'note',
    kills: number,
    check: (committed: number | null) => Promise<string>,
    latest: () => Promise<number>,
  ): Promise<{ states: string[]; results: KillResult[] }> {
    const dataDir = path.join(root, mode);
    fs.mkdirSync(dataDir);
    const warmUp = await runAndKill(worker, mode, dataDir, { afterCommits: 3, delayMs: 0 });
    let typicalMs = Math.max(...warmUp.writeMs, 5);
    await check(warmUp.committed);
    const states: string[] = [];
    const results: KillResult[] = [];
    for (let i = 0; i < kills; i++) {
      const before = await latest();
      const result = await runAndKill(worker, mode, dataDir, planFor(typicalMs));
      states.push(await check(result.committed ?? before));
      results.push(result);
      if (result.writeMs.length) typicalMs = (typicalMs + Math.max(...result.writeMs)) / 2;
    }
    return { states, results };
  }

  it(`sync writes (with thinning and a backup running alongside): ${KILLS.sync} kills`, TIMEOUT, async () => {
    const file = path.join(root, 'sync', 'scout.db');
    const latest = async () => {
      const { db } = await openDatabase(file);
      const block = db.prepare('SELECT MAX(block_number) FROM sync_points').pluck().get() as number;
      db.close();
      return block;
    };
    const { states, results } = await killRepeatedly('sync', KILLS.sync, (c) => checkSyncState(file, maker, c), latest);
    const midWrite = results.filter((r) => r.inWrite !== null).length;
    console.log(
      `[crash] sync: ${KILLS.sync} kills, ${midWrite} announced mid-write; states ${JSON.stringify(tally(states))}`,
    );
    // The harness must actually interrupt writes, or the test proves nothing.
    expect(midWrite).toBeGreaterThanOrEqual(Math.ceil(KILLS.sync / 4));
  });

  it(`note saves: ${KILLS.note} kills`, TIMEOUT, async () => {
    const file = path.join(root, 'note', 'scout.db');
    const latest = async () => {
      const { db } = await openDatabase(file);
      const body = (db.prepare('SELECT body FROM notes LIMIT 1').pluck().get() as string | undefined) ?? '';
      db.close();
      return Number(/^revision (\d+) /.exec(body)?.[1] ?? 0);
    };
    const { states, results } = await killRepeatedly('note', KILLS.note, (c) => checkNoteState(file, c), latest);
    const midWrite = results.filter((r) => r.inWrite !== null).length;
    console.log(
      `[crash] note: ${KILLS.note} kills, ${midWrite} announced mid-save; states ${JSON.stringify(tally(states))}`,
    );
    expect(midWrite).toBeGreaterThanOrEqual(Math.ceil(KILLS.note / 4));
  });

  it(`migrations (backup, then the app's steps and a slow one): ${KILLS.migration} kills`, TIMEOUT, async () => {
    const template = path.join(root, 'migration-template.db');
    const { db } = await openDatabase(template, { migrations: migrations.slice(0, OLD_SCHEMA_STEPS) });
    // As the version before compact history (step 6) stored syncs, so kills also land inside the packing of UIDs.
    for (let h = 0; h < 12; h++) {
      const { sync, summaries } = maker.at(1_000_000 + h * BLOCKS_PER_HOUR, Date.UTC(2026, 0, 1) + h * HOUR_MS);
      writeLegacySync(db, sync, summaries);
    }
    const rows = {
      points: db.prepare('SELECT COUNT(*) FROM sync_points').pluck().get() as number,
      uids: db.prepare('SELECT COUNT(*) FROM neuron_snapshots').pluck().get() as number,
    };
    db.pragma('journal_mode = DELETE'); // one self-contained file to copy
    db.close();

    const fresh = (i: number) => {
      const dir = path.join(root, `migration-${i}`);
      fs.mkdirSync(dir);
      fs.copyFileSync(template, path.join(dir, 'scout.db'));
      return dir;
    };
    const calibration = await runAndKill(worker, 'migration', fresh(-1), { afterCommits: 0, delayMs: 60_000 });
    expect(calibration.finished).toBe(true);
    const migrationMs = calibration.writeMs[0]!;
    const states: string[] = [];
    for (let i = 0; i < KILLS.migration; i++) {
      const dir = fresh(i);
      await runAndKill(worker, 'migration', dir, {
        afterCommits: 0,
        delayMs: Math.round(random() * migrationMs * 1.2),
      });
      states.push(await checkMigrationState(path.join(dir, 'scout.db'), rows));
    }
    console.log(
      `[crash] migration: ${KILLS.migration} kills over ${Math.round(migrationMs)} ms; states ${JSON.stringify(tally(states))}`,
    );
    expect(states).toContain('old');
  });
});
