/**
 * Is a data file whole? Two levels, because a year of history is ~460 MB:
 * - `inspectHeader`: reads the first 100 bytes and the file's size (microseconds). Catches a file cut short (0 bytes
 *   with backups beside it, a partial header, fewer bytes than the header's page count) and a blanked header.
 * - `quickCheck`: SQLite's `PRAGMA quick_check`, which reads every page (≈0.4 s warm, seconds cold, on a year-sized
 *   file). The app runs it off the core's thread after opening (`quickCheckInBackground`), and keeps the file
 *   read-only (`query_only`) until it passes: the first screen is not held up, and nothing is written or backed up
 *   before the check has passed.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { Database } from 'better-sqlite3';
import { nativeBindingPath, openSqlite } from './sqlite';

const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');
const HEADER_BYTES = 100;

export type HeaderVerdict =
  | { kind: 'missing' }
  | { kind: 'empty' }
  | { kind: 'sqlite' }
  | { kind: 'foreign' }
  /** Recognisably an SQLite file that is not whole; `why` in words. */
  | { kind: 'cut-short' | 'blanked'; why: string };

/** What the first bytes of `file` say about it, without opening it with SQLite. */
export function inspectHeader(file: string): HeaderVerdict {
  let size: number;
  try {
    size = fs.statSync(file).size;
  } catch {
    return { kind: 'missing' };
  }
  if (size === 0) return { kind: 'empty' };
  const head = Buffer.alloc(HEADER_BYTES);
  const fd = fs.openSync(file, 'r');
  let n: number;
  try {
    n = fs.readSync(fd, head, 0, HEADER_BYTES, 0);
  } finally {
    fs.closeSync(fd);
  }
  const got = head.subarray(0, n);
  if (got.every((b) => b === 0))
    return { kind: 'blanked', why: `its first ${n} bytes are all zero (a failing disk or a crash blanked them)` };
  const magicLength = Math.min(n, SQLITE_MAGIC.length);
  if (!got.subarray(0, magicLength).equals(SQLITE_MAGIC.subarray(0, magicLength))) return { kind: 'foreign' };
  if (n < HEADER_BYTES)
    return { kind: 'cut-short', why: `it is only ${n} bytes long, shorter than an SQLite file's header` };
  const raw = head.readUInt16BE(16);
  const pageSize = raw === 1 ? 65536 : raw;
  const pageCount = head.readUInt32BE(28);
  // The header's page count is trusted by SQLite only when it was written with the current change counter.
  const countValid = head.readUInt32BE(92) === head.readUInt32BE(24) && pageCount > 0;
  // With a write-ahead log beside it the log may hold pages a checkpoint had not finished copying: not cut short.
  const walPending = (() => {
    try {
      return fs.statSync(`${file}-wal`).size > 0;
    } catch {
      return false;
    }
  })();
  if (countValid && !walPending && size < pageCount * pageSize) {
    return {
      kind: 'cut-short',
      why: `it holds ${size.toLocaleString('en-US')} bytes of the ${(pageCount * pageSize).toLocaleString('en-US')} its header describes`,
    };
  }
  return { kind: 'sqlite' };
}

/** SQLite's quick_check on an open handle: the problems it lists (empty when the file is whole). */
export function quickCheck(db: Database): string[] {
  try {
    const rows = db.pragma('quick_check', { simple: false }) as { quick_check: string }[];
    return rows.map((r) => r.quick_check).filter((r) => r !== 'ok');
  } catch (e) {
    // Damage bad enough that the check itself cannot walk the pages ("database disk image is malformed").
    return [(e as Error).message];
  }
}

/** quick_check of a file opened read-only; an error while reading counts as a problem. */
export function quickCheckFile(file: string): string[] {
  let db: Database | null = null;
  try {
    db = openSqlite(file, { readonly: true, fileMustExist: true });
    return quickCheck(db);
  } catch (e) {
    return [(e as Error).message];
  } finally {
    db?.close();
  }
}

// Plain JavaScript run in a worker thread: its own read-only connection, so the core keeps answering meanwhile.
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
let db;
try {
  const Sqlite = require(workerData.module);
  const options = { readonly: true, fileMustExist: true, timeout: workerData.timeoutMs };
  if (workerData.nativeBinding) options.nativeBinding = workerData.nativeBinding;
  db = new Sqlite(workerData.file, options);
  const rows = db.pragma('quick_check', { simple: false });
  parentPort.postMessage(rows.map((r) => r.quick_check).filter((r) => r !== 'ok'));
} catch (e) {
  parentPort.postMessage([String(e && e.message ? e.message : e)]);
} finally {
  if (db) db.close();
}
`;

/**
 * quick_check of `file` in a worker thread. Falls back to this thread when a worker cannot start (it then blocks,
 * but still runs before anything is written).
 */
export function quickCheckInBackground(file: string): Promise<string[]> {
  let worker: Worker;
  try {
    const module = createRequire(__filename).resolve('better-sqlite3');
    worker = new Worker(WORKER, {
      eval: true,
      workerData: { file, module, nativeBinding: nativeBindingPath(), timeoutMs: 15_000 },
    });
  } catch {
    return Promise.resolve(quickCheckFile(file));
  }
  return new Promise((resolve) => {
    let answered = false;
    worker.once('message', (problems: string[]) => {
      answered = true;
      resolve(problems);
    });
    worker.once('error', () => {
      if (!answered) resolve(quickCheckFile(file));
      answered = true;
    });
    worker.once('exit', () => {
      if (!answered) resolve(quickCheckFile(file));
      answered = true;
    });
  });
}

/** "3 problems, e.g. …": the first few of SQLite's findings, for a message. */
export function summarizeProblems(problems: string[]): string {
  const first = problems
    .slice(0, 2)
    .map((p) => `"${p.length > 120 ? `${p.slice(0, 117)}…` : p}"`)
    .join('; ');
  return problems.length > 2 ? `${problems.length} problems, e.g. ${first}` : first;
}
