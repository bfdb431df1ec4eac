/**
 * Backups of a data file, kept in a `backups/` folder beside it: made with SQLite's online backup API (consistent
 * while the app keeps working), written under a temporary name and renamed when complete (a crash never leaves a
 * half backup that looks whole), and rotated so the folder keeps the newest few.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { openSqlite } from './sqlite';
import type { BackupInfo, BackupReason } from '../../../shared/backups-api';
import { migrations as knownMigrations, type Migration } from './migrations';
import { checksum } from './migrate';

export const BACKUP_FOLDER = 'backups';
export const KEEP_BACKUPS = 7;
export const DAY_MS = 24 * 60 * 60 * 1000;
const PARTIAL = '.partial';
/** A temporary file this old is left over from a crash, not a backup still being written. */
const STALE_PARTIAL_MS = 60 * 60 * 1000;

const NAME = /^([a-z]+)-(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z-(daily|before-v\d+|before-restore|set-aside)\.db$/;

export function backupFolder(dbFile: string): string {
  return path.join(path.dirname(dbFile), BACKUP_FOLDER);
}

/** `scout.db` → `scout`: backups of the live file and of the demo file never mix. */
export const baseOf = (dbFile: string) => path.basename(dbFile, '.db');

function reasonOf(tag: string): BackupReason {
  return tag.startsWith('before-v') ? 'before-migration' : (tag as BackupReason);
}

function parseName(name: string, base: string): { createdAtMs: number; reason: BackupReason } | null {
  const m = NAME.exec(name);
  if (!m || m[1] !== base) return null;
  const createdAtMs = Date.parse(`${m[2]}T${m[3]}:${m[4]}:${m[5]}.${m[6]}Z`);
  return Number.isFinite(createdAtMs) ? { createdAtMs, reason: reasonOf(m[7]!) } : null;
}

export function backupName(base: string, ms: number, tag: string): string {
  return `${base}-${new Date(ms).toISOString().replace(/[:.]/g, '-')}-${tag}.db`;
}

function freeName(folder: string, base: string, nowMs: number, tag: string): string {
  // Two backups in the same millisecond get the next millisecond's name rather than overwrite each other.
  for (let ms = nowMs; ms < nowMs + 1000; ms++) {
    const name = backupName(base, ms, tag);
    if (!fs.existsSync(path.join(folder, name))) return name;
  }
  throw new Error(`no free backup name in ${folder}`);
}

/** The backups of `dbFile`, newest first. Files the app did not name (or still being written) are not listed. */
export function listBackups(dbFile: string): BackupInfo[] {
  const folder = backupFolder(dbFile);
  if (!fs.existsSync(folder)) return [];
  const out: BackupInfo[] = [];
  for (const name of fs.readdirSync(folder)) {
    const parsed = parseName(name, baseOf(dbFile));
    if (!parsed) continue;
    const stat = fs.statSync(path.join(folder, name));
    if (stat.isFile()) out.push({ name, ...parsed, sizeBytes: stat.size });
  }
  return out.sort((a, b) => b.createdAtMs - a.createdAtMs || b.name.localeCompare(a.name));
}

/** Backs up an open database. The copy is switched to a rollback journal so it is one self-contained file. */
export type BackupTag = 'daily' | 'before-restore' | `before-v${number}`;

export async function createBackup(db: Database, dbFile: string, tag: BackupTag, nowMs: number): Promise<BackupInfo> {
  const folder = backupFolder(dbFile);
  fs.mkdirSync(folder, { recursive: true });
  const name = freeName(folder, baseOf(dbFile), nowMs, tag);
  const final = path.join(folder, name);
  const partial = final + PARTIAL;
  try {
    await db.backup(partial);
    const copy = openSqlite(partial);
    try {
      copy.pragma('journal_mode = DELETE');
    } finally {
      copy.close();
    }
    fs.renameSync(partial, final);
  } catch (e) {
    fs.rmSync(partial, { force: true });
    throw e;
  }
  return { name, ...parseName(name, baseOf(dbFile))!, sizeBytes: fs.statSync(final).size };
}

/**
 * Keeps the newest `keep` automatic backups and deletes older ones; files set aside by a restore are the user's
 * and stay. Also removes temporary files a crash left behind.
 */
export function pruneBackups(dbFile: string, nowMs: number, keep = KEEP_BACKUPS): string[] {
  const folder = backupFolder(dbFile);
  const removed: string[] = [];
  for (const b of listBackups(dbFile).filter((x) => x.reason !== 'set-aside').slice(keep)) {
    fs.rmSync(path.join(folder, b.name), { force: true });
    removed.push(b.name);
  }
  if (fs.existsSync(folder)) {
    for (const name of fs.readdirSync(folder)) {
      const file = path.join(folder, name);
      if (name.endsWith(PARTIAL) && nowMs - fs.statSync(file).mtimeMs > STALE_PARTIAL_MS) fs.rmSync(file, { force: true });
    }
  }
  return removed;
}

/** A daily backup is due when no backup (of any kind but set-aside) is younger than a day. */
export function dailyBackupDue(dbFile: string, nowMs: number): boolean {
  const newest = listBackups(dbFile).find((b) => b.reason !== 'set-aside');
  if (!newest) return true;
  const age = nowMs - newest.createdAtMs;
  return age >= DAY_MS || age < 0; // a clock set back must not stop backups for the time it was ahead
}

/** The path of a listed backup of `dbFile`, or null: a name is only ever looked up, never used as a path. */
export function backupPath(dbFile: string, name: string): string | null {
  const found = listBackups(dbFile).find((b) => b.name === name);
  return found ? path.join(backupFolder(dbFile), found.name) : null;
}

interface Applied {
  id: number;
  name: string;
  checksum: string;
}

/**
 * Why a backup cannot be restored, or null when it can: it must be an SQLite file in one piece, a Subnet Scout
 * database, and not written by a newer version. `thorough` runs SQLite's full integrity check (seconds on a big
 * file); without it only the structure is read.
 */
export function backupProblem(file: string, thorough: boolean, known: Migration[] = knownMigrations): string | null {
  let db: Database;
  try {
    db = openSqlite(file, { readonly: true, fileMustExist: true });
  } catch (e) {
    return `it cannot be opened (${(e as Error).message})`;
  }
  try {
    if (thorough) {
      const result = db.pragma('integrity_check', { simple: false }) as { integrity_check: string }[];
      const problems = result.map((r) => r.integrity_check).filter((r) => r !== 'ok');
      if (problems.length) return `it is damaged (${problems.slice(0, 3).join('; ')})`;
    }
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[];
    if (!tables.includes('schema_migrations')) return 'it is not a Subnet Scout database';
    const byId = new Map(known.map((m) => [m.id, m]));
    const applied = db.prepare('SELECT id, name, checksum FROM schema_migrations ORDER BY id').all() as Applied[];
    for (const a of applied) {
      const mine = byId.get(a.id);
      if (!mine) return `it was written by a newer version of Subnet Scout (schema step ${a.id} "${a.name}")`;
      if (checksum(mine.sql) !== a.checksum) return `its schema step ${a.id} "${a.name}" differs from the one this app ships`;
    }
    return null;
  } catch (e) {
    const message = (e as Error).message;
    if (/not a database/i.test(message)) return 'it is not an SQLite database';
    return /malformed|corrupt/i.test(message) ? `it is damaged (${message})` : `it cannot be read (${message})`;
  } finally {
    db.close();
  }
}

/** The newest backup that looks restorable (structure only; the restore itself runs the full check). */
export function latestUsableBackup(dbFile: string): BackupInfo | null {
  const folder = backupFolder(dbFile);
  return listBackups(dbFile).find((b) => b.reason !== 'set-aside' && backupProblem(path.join(folder, b.name), false) === null) ?? null;
}
