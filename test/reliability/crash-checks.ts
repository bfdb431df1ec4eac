/**
 * What must hold after a kill: the file opens with the app's own code, SQLite finds it intact, every backup it
 * lists is whole, and the data is the state before the interrupted write or after it, never part of it. Each check
 * throws with what it found, and returns which of the two states the file is in.
 */
import path from 'node:path';
import BetterSqlite3, { type Database } from 'better-sqlite3';
import { openDatabase } from '../../electron/core/db/open';
import { backupFolder, backupProblem, listBackups } from '../../electron/core/db/backups';
import { crashMigrations, noteRevision, OLD_SCHEMA_STEPS } from './crash-plan';
import { BLOCKS_PER_HOUR, type SyncMaker } from './synthetic-syncs';

export type StateAfterKill = 'old' | 'new';

function expectThat(condition: boolean, what: string): void {
  if (!condition) throw new Error(`after the kill: ${what}`);
}

const count = (db: Database, sql: string, ...args: unknown[]) =>
  db
    .prepare(sql)
    .pluck()
    .get(...args) as number;

function checkIntact(db: Database, file: string): void {
  const integrity = db.pragma('integrity_check', { simple: true });
  expectThat(integrity === 'ok', `integrity_check says ${String(integrity)}`);
  expectThat((db.pragma('foreign_key_check') as unknown[]).length === 0, 'foreign keys point at missing rows');
  for (const b of listBackups(file)) {
    const problem = backupProblem(path.join(backupFolder(file), b.name), true);
    expectThat(problem === null, `the listed backup ${b.name} is unusable: ${problem}`);
  }
}

/** `committed`: the newest sync the worker reported durable (or the newest before this run). */
export async function checkSyncState(
  file: string,
  maker: SyncMaker,
  committed: number | null,
): Promise<StateAfterKill> {
  const { db } = await openDatabase(file);
  try {
    checkIntact(db, file);
    const latest = count(db, 'SELECT MAX(block_number) FROM sync_points');
    const old = committed ?? latest;
    expectThat(
      latest === old || latest === old + BLOCKS_PER_HOUR,
      `newest sync is block ${latest}, expected ${old} or the next`,
    );
    const points = db.prepare('SELECT id, block_number FROM sync_points').all() as {
      id: number;
      block_number: number;
    }[];
    for (const p of points) {
      const subnets = count(db, 'SELECT COUNT(*) FROM subnet_snapshots WHERE point_id = ?', p.id);
      const summaries = count(db, 'SELECT COUNT(*) FROM subnet_snapshots WHERE point_id = ? AND has_summary', p.id);
      const uids = count(db, 'SELECT COALESCE(SUM(uid_count), 0) FROM neuron_packs WHERE point_id = ?', p.id);
      expectThat(
        subnets === maker.subnetCount && summaries === maker.subnetCount,
        `block ${p.block_number} holds ${subnets} subnets, ${summaries} summaries`,
      );
      // Per-UID rows are all there, or all thinned away: never some of them.
      expectThat(
        uids === maker.neuronsPerSync || uids === 0,
        `block ${p.block_number} holds ${uids} of ${maker.neuronsPerSync} UID rows`,
      );
    }
    const newestId = points.find((p) => p.block_number === latest)!.id;
    const behind = count(db, 'SELECT COUNT(*) FROM subnets WHERE last_point_id != ?', newestId);
    expectThat(behind === 0, `${behind} subnets do not point at the newest sync`);
    return latest === old ? 'old' : 'new';
  } finally {
    db.close();
  }
}

/** `committed`: the newest revision the worker reported saved (or the one before this run). */
export async function checkNoteState(file: string, committed: number | null): Promise<StateAfterKill> {
  const { db } = await openDatabase(file);
  try {
    checkIntact(db, file);
    const notes = db.prepare('SELECT id, seq, title, body FROM notes').all() as {
      id: string;
      seq: number;
      title: string;
      body: string;
    }[];
    expectThat(notes.length <= 1, `${notes.length} notes where the worker keeps one`);
    const note = notes[0];
    const revision = note ? noteRevision(note.body) : 0;
    const old = committed ?? revision;
    expectThat(
      revision === old || revision === old + 1,
      `the note is at revision ${revision}, expected ${old} or ${old + 1}`,
    );
    if (!note) return 'old';
    expectThat(
      note.title.endsWith(`r${revision}`) || revision === 0,
      `title "${note.title}" is from another save than the body (r${revision})`,
    );
    const newest = db
      .prepare('SELECT content_json FROM note_versions WHERE note_id = ? ORDER BY saved_at_ms DESC, id DESC LIMIT 1')
      .pluck()
      .get(note.id) as string;
    expectThat(
      (JSON.parse(newest) as { body: string }).body === note.body,
      'the newest version in the history is not what the note holds',
    );
    db.prepare("INSERT INTO notes_fts (notes_fts) VALUES ('integrity-check')").run(); // throws if the index drifted
    if (revision > 0) {
      const found = db
        .prepare('SELECT rowid FROM notes_fts WHERE notes_fts MATCH ?')
        .pluck()
        .all(`token${revision}`) as number[];
      expectThat(
        found.length === 1 && found[0] === note.seq,
        `searching for the saved text finds ${found.length} notes`,
      );
    }
    return revision === old ? 'old' : 'new';
  } finally {
    db.close();
  }
}

export type MigrationState = 'old' | 'between-steps' | 'new';

/**
 * Looks at the file as the kill left it (before the app touches it), then lets the app open it: the interrupted
 * migration must finish, with every row the old file held.
 */
export async function checkMigrationState(
  file: string,
  rows: { points: number; uids: number },
): Promise<MigrationState> {
  const steps = crashMigrations();
  // Step ids need not be contiguous (a branch's step may be numbered ahead): compare with the last id.
  const lastStep = steps.at(-1)!.id;
  const raw = new BetterSqlite3(file);
  let state: MigrationState;
  try {
    checkIntact(raw, file);
    const version = count(raw, 'SELECT MAX(id) FROM schema_migrations');
    expectThat(version >= OLD_SCHEMA_STEPS && version <= lastStep, `schema step ${version}`);
    const migrated = count(raw, "SELECT COUNT(*) FROM sync_points WHERE endpoint LIKE '%#migrated'");
    const hasIndex = count(raw, "SELECT COUNT(*) FROM sqlite_master WHERE name = 'crash_neurons_by_hotkey'") === 1;
    const hasNotes = count(raw, "SELECT COUNT(*) FROM sqlite_master WHERE name = 'notes'") === 1;
    const last = version === lastStep;
    expectThat(
      migrated === (last ? rows.points : 0) && hasIndex === last,
      `slow step half-applied: ${migrated} rows rewritten, index ${hasIndex}`,
    );
    expectThat(
      hasNotes === version > OLD_SCHEMA_STEPS,
      `notes tables ${hasNotes ? 'present' : 'missing'} at step ${version}`,
    );
    state = version === OLD_SCHEMA_STEPS ? 'old' : last ? 'new' : 'between-steps';
  } finally {
    raw.close();
  }
  const { db } = await openDatabase(file, { migrations: steps });
  try {
    expectThat(count(db, 'SELECT MAX(id) FROM schema_migrations') === lastStep, 'the app did not finish the migration');
    expectThat(
      count(
        db,
        "SELECT COUNT(*) FROM sync_points WHERE endpoint LIKE '%#migrated' AND endpoint NOT LIKE '%#migrated#migrated'",
      ) === rows.points,
      'rows rewritten twice or not at all',
    );
    expectThat(count(db, 'SELECT COALESCE(SUM(uid_count), 0) FROM neuron_packs') === rows.uids, 'per-UID data lost');
  } finally {
    db.close();
  }
  return state;
}
