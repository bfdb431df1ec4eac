/**
 * Opens (or creates) the SQLite data file safely: a file that is not SQLite, is read-only, or was written by a newer
 * app is reported as a DataProblemError and never modified. Existing files are backed up before migrating.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { openSqlite } from './sqlite';
import { migrations as knownMigrations, type Migration } from './migrations';
import { applyMigrations, pendingMigrations, schemaVersion } from './migrate';
import { DataProblemError } from './problem';
import { backupFolder, createBackup, pruneBackups } from './backups';

const SQLITE_MAGIC = 'SQLite format 3\0';

export interface OpenedDatabase {
  db: Database;
  path: string;
  schemaVersion: number;
  /** Backup made before migrating an existing file (in the `backups/` folder beside it), if any. */
  backupPath: string | null;
}

function looksLikeSqlite(file: string): boolean {
  const fd = fs.openSync(file, 'r');
  try {
    const head = Buffer.alloc(16);
    const n = fs.readSync(fd, head, 0, 16, 0);
    return n === 16 && head.toString('latin1') === SQLITE_MAGIC;
  } finally {
    fs.closeSync(fd);
  }
}

function checkExistingFile(file: string): void {
  const stat = fs.statSync(file);
  if (!stat.isFile()) throw new DataProblemError('cannot-open', `${file} is not a file.`, file);
  if (stat.size > 0 && !looksLikeSqlite(file)) {
    throw new DataProblemError(
      'not-sqlite',
      `${path.basename(file)} is not a Subnet Scout database (it is not an SQLite file). It was left untouched; ` +
        `open another data folder.`,
      file,
    );
  }
  try {
    fs.accessSync(file, fs.constants.W_OK);
    fs.accessSync(path.dirname(file), fs.constants.W_OK);
  } catch {
    throw new DataProblemError(
      'read-only',
      `${file} (or its folder) is read-only, so Subnet Scout cannot save syncs or notes there. ` +
        `Make it writable or open another data folder.`,
      file,
    );
  }
}

export async function openDatabase(
  file: string,
  options: { nowMs?: number; migrations?: Migration[] } = {},
): Promise<OpenedDatabase> {
  const nowMs = options.nowMs ?? Date.now();
  const known = options.migrations ?? knownMigrations;
  const existed = fs.existsSync(file) && fs.statSync(file).size > 0;
  if (fs.existsSync(file)) checkExistingFile(file);
  else fs.mkdirSync(path.dirname(file), { recursive: true });

  let db: Database;
  try {
    db = openSqlite(file);
  } catch (e) {
    throw new DataProblemError('cannot-open', `Cannot open ${file}: ${(e as Error).message}`, file);
  }
  try {
    // Reading the schema is what fails on a damaged file; do it before changing anything.
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[];
    if (tables.length > 0 && !tables.includes('schema_migrations')) {
      throw new DataProblemError(
        'not-sqlite',
        `${file} is an SQLite file of some other program, not a Subnet Scout database. It was left untouched.`,
        file,
      );
    }
    db.pragma('busy_timeout = 5000');
    const pending = pendingMigrations(db, known, file);
    db.pragma('journal_mode = WAL');
    // In WAL mode NORMAL never corrupts the file; a power cut may lose the very last commit (a crash of the app
    // loses nothing). It saves an fsync per commit, which a 32k-row snapshot write feels.
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    let backupPath: string | null = null;
    if (pending.length > 0 && existed && schemaVersion(db) > 0) {
      const backup = await createBackup(db, file, `before-v${pending[pending.length - 1]!.id}`, nowMs);
      backupPath = path.join(backupFolder(file), backup.name);
      pruneBackups(file, nowMs);
    }
    applyMigrations(db, pending, nowMs);
    return { db, path: file, schemaVersion: schemaVersion(db), backupPath };
  } catch (e) {
    db.close();
    if (e instanceof DataProblemError) throw e;
    const message = (e as Error).message;
    if (/not a database|malformed|file is encrypted/i.test(message)) {
      throw new DataProblemError('not-sqlite', `${file} is damaged or not a database (${message}). It was left untouched.`, file);
    }
    throw new DataProblemError('migration-failed', `Could not prepare ${file}: ${message}. It was left untouched.`, file);
  }
}
