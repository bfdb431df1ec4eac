/**
 * Opens (or creates) the SQLite data file safely: a file that is not SQLite, is damaged, is read-only, or was written
 * by a newer app is reported as a DataProblemError and never modified. Existing files are checked (quick_check)
 * before anything is written, and backed up before migrating. With `backgroundCheck`, an existing file that needs no
 * change now opens read-only (`query_only`) with `checkPending` set: the caller runs the check off its thread and
 * lifts `query_only` when it passes, so opening a year-sized file stays fast and still nothing is written unchecked.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { openSqlite } from './sqlite';
import { migrations as knownMigrations, type Migration } from './migrations';
import { applyMigrations, pendingMigrations, schemaVersion } from './migrate';
import { DataProblemError } from './problem';
import { backupFolder, createBackup, DamagedCopyError, listBackups, pruneBackups, type Rotation } from './backups';
import { inspectHeader, quickCheck, summarizeProblems } from './integrity';

export interface OpenedDatabase {
  db: Database;
  path: string;
  schemaVersion: number;
  /** Backup made before migrating an existing file (in the `backups/` folder beside it), if any. */
  backupPath: string | null;
  /** The file opened read-only and still needs its full check (`damagedError` words the failure). */
  checkPending: boolean;
}

export interface OpenOptions {
  nowMs?: number;
  migrations?: Migration[];
  /** Leave the check of an existing file to the caller (see `checkPending`) unless the file must change now. */
  backgroundCheck?: boolean;
  /** Rotation of the backup made before migrating. */
  rotation?: Rotation;
  /**
   * Called before a migration changes an existing file; resolves to a release once no other process uses the
   * folder (a CLI of another version writing beside a schema change), or throws to refuse.
   */
  holdExclusively?: (purpose: string) => Promise<() => void>;
}

/** The words for a damaged data file, whoever found the damage. */
export function damagedError(file: string, why: string, hasBackups: boolean): DataProblemError {
  return new DataProblemError(
    'damaged',
    `${path.basename(file)} is damaged: ${why}. Nothing was written to it, and it is kept as it is. ` +
      (hasBackups
        ? 'Restore the newest verified backup, or open another data folder.'
        : 'There is no backup of it; open another data folder.'),
    file,
  );
}

const hasBackups = (file: string) => listBackups(file).some((b) => b.reason !== 'set-aside');

function checkExistingFile(file: string): void {
  const stat = fs.statSync(file);
  if (!stat.isFile()) throw new DataProblemError('cannot-open', `${file} is not a file.`, file);
  const header = inspectHeader(file);
  if (header.kind === 'empty' && hasBackups(file)) {
    // A crash or a full disk while the file was being replaced: starting afresh here would bury the backups' data.
    throw damagedError(file, 'it is empty (0 bytes) although backups of it exist beside it', true);
  }
  if (header.kind === 'cut-short' || header.kind === 'blanked') throw damagedError(file, header.why, hasBackups(file));
  if (header.kind === 'foreign') {
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

export async function openDatabase(file: string, options: OpenOptions = {}): Promise<OpenedDatabase> {
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
  let release: (() => void) | null = null;
  try {
    // Read-only until checked: even a stray write into damaged pages can spread the damage.
    if (existed) db.pragma('query_only = ON');
    // Reading the schema is what fails on a damaged file; do it before changing anything.
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[];
    if (tables.length > 0 && !tables.includes('schema_migrations')) {
      throw new DataProblemError(
        'not-sqlite',
        `${file} is an SQLite file of some other program, not a Subnet Scout database. It was left untouched.`,
        file,
      );
    }
    // An SQLite file with no tables yet (made by hand, or a crash right after creating it) is set up like a new one.
    const fresh = !existed || tables.length === 0;
    if (fresh) db.pragma('query_only = OFF');
    const pending = pendingMigrations(db, known, file);
    const walAlready = db.pragma('journal_mode', { simple: true }) === 'wal';
    // Changing the file now (a migration, switching a restored copy to WAL): check it first, here.
    const writesNow = !fresh && (pending.length > 0 || !walAlready);
    const checkNow = !fresh && (writesNow || !options.backgroundCheck);
    if (checkNow) {
      const problems = quickCheck(db);
      if (problems.length > 0)
        throw damagedError(file, `SQLite's check found ${summarizeProblems(problems)}`, hasBackups(file));
    }
    if (!fresh && pending.length > 0 && options.holdExclusively) {
      release = await options.holdExclusively(
        `updating the data file to schema step ${pending[pending.length - 1]!.id}`,
      );
    }
    if (checkNow) db.pragma('query_only = OFF');
    if (!walAlready) db.pragma('journal_mode = WAL');
    // In WAL mode NORMAL never corrupts the file; a power cut may lose the very last commit (a crash of the app
    // loses nothing). It saves an fsync per commit, which a 32k-row snapshot write feels.
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    let backupPath: string | null = null;
    if (pending.length > 0 && existed && schemaVersion(db) > 0) {
      const backup = await createBackup(db, file, `before-v${pending[pending.length - 1]!.id}`, nowMs);
      backupPath = path.join(backupFolder(file), backup.name);
      pruneBackups(file, nowMs, options.rotation);
    }
    applyMigrations(db, pending, nowMs);
    return { db, path: file, schemaVersion: schemaVersion(db), backupPath, checkPending: !fresh && !checkNow };
  } catch (e) {
    db.close();
    if (e instanceof DataProblemError) throw e;
    if (e instanceof DamagedCopyError) throw damagedError(file, e.message, hasBackups(file));
    const message = (e as Error).message;
    if (/not a database|malformed|file is encrypted|disk image/i.test(message)) {
      throw damagedError(file, `SQLite cannot read it (${message})`, hasBackups(file));
    }
    throw new DataProblemError(
      'migration-failed',
      `Could not prepare ${file}: ${message}. It was left untouched.`,
      file,
    );
  } finally {
    release?.();
  }
}
