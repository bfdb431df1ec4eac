/**
 * Backups of a data file, kept in a `backups/` folder beside it: made with SQLite's online backup API (consistent
 * while the app keeps working), written under a temporary name, checked with quick_check and renamed only when whole
 * (a crash never leaves a half backup that looks whole, and a damaged file is never kept as a backup), marked
 * verified by a `<name>.verified` file beside it, and rotated by count and by total size, never removing the newest
 * verified backup.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { openSqlite } from './sqlite';
import type { BackupInfo, BackupReason } from '../../../shared/backups-types';
import { migrations as knownMigrations, type Migration } from './migrations';
import { checksum } from './migrate';
import { quickCheckInBackground, summarizeProblems } from './integrity';

export const BACKUP_FOLDER = 'backups';
export const KEEP_BACKUPS = 7;
export const DAY_MS = 24 * 60 * 60 * 1000;
const PARTIAL = '.partial';
const VERIFIED = '.verified';
/** Room left on the disk after a backup: a backup never takes the last of it (syncs and notes need some too). */
export const SPARE_DISK_BYTES = 256 * 1024 * 1024;
/** A temporary file this old is left over from a crash, not a backup still being written. */
const STALE_PARTIAL_MS = 60 * 60 * 1000;

const NAME =
  /^([a-z]+)-(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z-(daily|before-v\d+|before-restore|set-aside)\.db$/;

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
    if (stat.isFile())
      out.push({ name, ...parsed, sizeBytes: stat.size, verified: isVerified(path.join(folder, name), stat.size) });
  }
  return out.sort((a, b) => b.createdAtMs - a.createdAtMs || b.name.localeCompare(a.name));
}

interface VerifiedMark {
  check: 'quick_check';
  checkedAtMs: number;
  /** The backup's size when checked: a file changed since is no longer taken as verified. */
  sizeBytes: number;
}

function isVerified(backupFile: string, sizeBytes: number): boolean {
  try {
    const mark = JSON.parse(fs.readFileSync(backupFile + VERIFIED, 'utf8')) as VerifiedMark;
    return mark.check === 'quick_check' && mark.sizeBytes === sizeBytes;
  } catch {
    return false;
  }
}

function markVerified(backupFile: string, nowMs: number): void {
  const mark: VerifiedMark = { check: 'quick_check', checkedAtMs: nowMs, sizeBytes: fs.statSync(backupFile).size };
  fs.writeFileSync(backupFile + VERIFIED, JSON.stringify(mark));
}

/** A backup's copy failed its check: the data file itself holds what the check found. */
export class DamagedCopyError extends Error {
  constructor(readonly problems: string[]) {
    super(
      `the copy failed SQLite's check (${summarizeProblems(problems)}), so the data file itself is probably damaged`,
    );
    this.name = 'DamagedCopyError';
  }
}

/** Refuses a backup the disk has no room for, before writing a byte of it. */
function checkRoom(folder: string, dbFile: string): void {
  let free: number;
  try {
    const stats = fs.statfsSync(folder);
    free = stats.bavail * stats.bsize;
  } catch {
    return; // a file system that cannot say: the copy itself fails cleanly if it runs out
  }
  let needed = SPARE_DISK_BYTES;
  for (const suffix of ['', '-wal']) {
    try {
      needed += fs.statSync(dbFile + suffix).size;
    } catch {
      // no log beside it
    }
  }
  if (free < needed) {
    const mb = (n: number) => `${Math.round(n / 1_048_576).toLocaleString('en-US')} MB`;
    throw new Error(
      `only ${mb(free)} is free on the disk holding ${folder}; a backup needs about ${mb(needed)} (leaving ${mb(SPARE_DISK_BYTES)} spare)`,
    );
  }
}

export type BackupTag = 'daily' | 'before-restore' | `before-v${number}`;

/** Cleanup after a failed backup: never lets a second error hide the first. */
function removeQuietly(file: string): void {
  try {
    fs.rmSync(file, { force: true });
  } catch {
    // not ours to remove (something else sits at that name)
  }
}

/**
 * Backs up an open database. The copy is switched to a rollback journal so it is one self-contained file, checked
 * with quick_check (off this thread), and only then given its name and its verified mark. A copy that fails the check
 * is deleted and DamagedCopyError thrown: damage is never kept as a backup, so it can never rotate good ones away.
 */

export async function createBackup(db: Database, dbFile: string, tag: BackupTag, nowMs: number): Promise<BackupInfo> {
  const folder = backupFolder(dbFile);
  fs.mkdirSync(folder, { recursive: true });
  checkRoom(folder, dbFile);
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
    const problems = await quickCheckInBackground(partial);
    if (problems.length > 0) throw new DamagedCopyError(problems);
    fs.renameSync(partial, final);
    markVerified(final, nowMs);
  } catch (e) {
    removeQuietly(partial);
    removeQuietly(final);
    throw e;
  }
  return listBackups(dbFile).find((b) => b.name === name)!;
}

/** Checks a backup made before backups were verified (or whose mark was lost) and marks it when it passes. */
export async function verifyBackup(backupFile: string, nowMs: number): Promise<boolean> {
  const problems = await quickCheckInBackground(backupFile);
  if (problems.length > 0 || backupProblem(backupFile, false) !== null) return false;
  markVerified(backupFile, nowMs);
  return true;
}

export interface Rotation {
  /** How many automatic backups to keep at most. */
  keep?: number;
  /** Their total size at most (the newest verified backup stays even if it alone is larger). */
  budgetBytes?: number;
}

/**
 * Rotates the automatic backups: at most `keep` of them and at most `budgetBytes` together, removing the oldest
 * first. The newest verified backup is never removed, whatever its age or size: a run of damaged or unverified files
 * can never push the last good copy out. Files set aside by a restore are the user's and stay (outside the budget).
 * Also removes temporary files a crash left behind.
 */
export function pruneBackups(dbFile: string, nowMs: number, rotation: Rotation = {}): string[] {
  const keep = rotation.keep ?? KEEP_BACKUPS;
  const budget = rotation.budgetBytes ?? Infinity;
  const folder = backupFolder(dbFile);
  const removed: string[] = [];
  const automatic = listBackups(dbFile).filter((x) => x.reason !== 'set-aside');
  const protectedName = automatic.find((b) => b.verified)?.name;
  const remove = (b: BackupInfo) => {
    fs.rmSync(path.join(folder, b.name), { force: true });
    fs.rmSync(path.join(folder, b.name + VERIFIED), { force: true });
    removed.push(b.name);
  };
  const kept = automatic.filter((b, i) => {
    if (i < keep || b.name === protectedName) return true;
    remove(b);
    return false;
  });
  let total = kept.reduce((sum, b) => sum + b.sizeBytes, 0);
  for (let i = kept.length - 1; i >= 0 && total > budget; i--) {
    const b = kept[i]!;
    if (b.name === protectedName) continue;
    remove(b);
    total -= b.sizeBytes;
  }
  if (fs.existsSync(folder)) {
    for (const name of fs.readdirSync(folder)) {
      const file = path.join(folder, name);
      if (name.endsWith(PARTIAL) && nowMs - fs.statSync(file).mtimeMs > STALE_PARTIAL_MS)
        fs.rmSync(file, { force: true });
      // A mark whose backup is gone (removed by hand) would otherwise stay for ever.
      if (name.endsWith(VERIFIED) && !fs.existsSync(file.slice(0, -VERIFIED.length))) fs.rmSync(file, { force: true });
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
      if (checksum(mine.sql) !== a.checksum)
        return `its schema step ${a.id} "${a.name}" differs from the one this app ships`;
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

/**
 * The newest verified backup that is restorable by this version (offered when the data file cannot be used).
 * Backups not yet verified (made by an older version) are checked on the way, newest first, and marked when they
 * pass, so the offer is only ever a file that passed quick_check.
 */
export async function latestVerifiedBackup(dbFile: string, nowMs: number): Promise<BackupInfo | null> {
  const folder = backupFolder(dbFile);
  for (const b of listBackups(dbFile)) {
    if (b.reason === 'set-aside') continue;
    const file = path.join(folder, b.name);
    if (b.verified ? backupProblem(file, false) === null : await verifyBackup(file, nowMs))
      return { ...b, verified: true };
  }
  return null;
}
