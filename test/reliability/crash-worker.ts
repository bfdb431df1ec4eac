/**
 * The process the crash test kills. It opens a data file with the app's own code and writes to it in a loop, the
 * way the app does, telling the parent where it is: `writing` before a write starts, `committed` after it is durable
 * (then it waits for the parent's go-ahead, so "committed" always means "the newest write"). The parent SIGKILLs it
 * at a moment of its choosing.
 *
 *   sync       a sync write (one transaction) then the thinning, with a daily backup running alongside
 *   note       a note save (note row, its version, its full-text index: one transaction)
 *   migration  opening an older file: backup, then the app's migrations plus a deliberately slow step
 */
import path from 'node:path';
import { openDatabase } from '../../electron/core/db/open';
import { createBackup } from '../../electron/core/db/backups';
import { thinNeuronHistory } from '../../electron/core/db/retention';
import { NoteRepo } from '../../electron/core/notes/note-repo';
import {
  crashMigrations,
  CRASH_SYNC_SHAPE,
  NOTE_NETUID,
  noteRevision,
  type CrashMode,
  type WorkerMessage,
} from './crash-plan';
import { BLOCKS_PER_HOUR, HOUR_MS, syncMaker } from './synthetic-syncs';

const [mode, dataDir] = process.argv.slice(2) as [CrashMode, string];
const file = path.join(dataDir, 'scout.db');

function send(message: WorkerMessage): void {
  process.send!(message);
}

/** Resolves when the parent has seen the last message and wants the next write. */
function goAhead(): Promise<void> {
  return new Promise((resolve) => process.once('message', () => resolve()));
}

async function syncLoop(): Promise<void> {
  const { db } = await openDatabase(file);
  const maker = syncMaker(CRASH_SYNC_SHAPE);
  const last = db.prepare('SELECT MAX(block_number) FROM sync_points').pluck().get() as number | null;
  let block = (last ?? 1_000_000) + BLOCKS_PER_HOUR;
  // A backup copying pages while syncs are written: killed half-way, it must not look like a backup.
  void createBackup(db, file, 'daily', Date.now()).catch(() => undefined);
  send({ kind: 'ready' });
  await goAhead();
  for (;;) {
    send({ kind: 'writing', value: block });
    maker.write(db, block, block * (HOUR_MS / BLOCKS_PER_HOUR));
    thinNeuronHistory(db, 1);
    send({ kind: 'committed', value: block });
    await goAhead();
    block += BLOCKS_PER_HOUR;
  }
}

async function noteLoop(): Promise<void> {
  const { db } = await openDatabase(file);
  // Each run's clock goes on from the last save, as a real one would: the history is ordered by time.
  let clock =
    (db.prepare('SELECT MAX(saved_at_ms) FROM note_versions').pluck().get() as number | null) ?? Date.UTC(2026, 0, 1);
  const repo = new NoteRepo(db, () => (clock += 60_000));
  const existing = db.prepare('SELECT id, body FROM notes LIMIT 1').get() as { id: string; body: string } | undefined;
  const id = existing?.id ?? repo.create(NOTE_NETUID, 'Crash test review').id;
  let revision = existing ? noteRevision(existing.body) + 1 : 1;
  send({ kind: 'ready' });
  await goAhead();
  for (; ; revision++) {
    send({ kind: 'writing', value: revision });
    repo.save(id, noteContent(revision), 'save');
    send({ kind: 'committed', value: revision });
    await goAhead();
  }
}

function noteContent(revision: number) {
  return {
    netuid: NOTE_NETUID,
    title: `Crash test review r${revision}`,
    // Long enough that a save spans many pages of the note, its version and the full-text index.
    body: `revision ${revision} token${revision}\n\n${'Validators score latency, then accuracy. '.repeat(12000)}`,
    repositoryUrl: 'https://github.com/example/sn7',
    commitReviewed: `v1.${revision}`,
    reviewedOn: '2026-01-01',
    scoringSummary: `summary ${revision}`,
    validatorsReward: 'fast answers',
    hardware: { compute: 'gpu' as const, vramGb: 24, ramGb: 64, diskGb: 500, detail: '1x 4090' },
    exploits: '',
    risks: '',
    verdict: 'watch' as const,
    confidence: 'medium' as const,
    tags: ['crash', `r${revision % 7}`],
  };
}

async function migrationRun(): Promise<void> {
  send({ kind: 'writing', value: 0 });
  const { db } = await openDatabase(file, { migrations: crashMigrations() });
  db.close();
  send({ kind: 'committed', value: 0 });
}

const run = { sync: syncLoop, note: noteLoop, migration: migrationRun }[mode];
run().then(
  () => process.disconnect?.(),
  (e: unknown) => {
    send({ kind: 'failed', value: 0, message: (e as Error).stack ?? String(e) });
    process.exit(1);
  },
);
