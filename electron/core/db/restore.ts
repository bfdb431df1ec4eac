/**
 * The file side of restoring a backup. The caller has closed the data file; nothing here ever deletes the user's
 * data: an unusable file is moved into `backups/` as it is, and a usable one was backed up before it is replaced.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { BackupInfo } from '../../../shared/backups-types';
import { backupFolder, backupName, baseOf, listBackups } from './backups';

/** SQLite's companions of a data file. A journal left beside a file is replayed into whatever file has that name. */
const COMPANIONS = ['-wal', '-shm', '-journal'];

/** Moves an unusable data file (with its journal files) into `backups/`, byte for byte, as 'set-aside'. */
export function setAside(dbFile: string, nowMs: number): BackupInfo | null {
  if (!fs.existsSync(dbFile)) return null;
  const folder = backupFolder(dbFile);
  fs.mkdirSync(folder, { recursive: true });
  let name = backupName(baseOf(dbFile), nowMs, 'set-aside');
  for (let ms = nowMs + 1; fs.existsSync(path.join(folder, name)); ms++)
    name = backupName(baseOf(dbFile), ms, 'set-aside');
  const target = path.join(folder, name);
  for (const suffix of COMPANIONS) {
    if (fs.existsSync(dbFile + suffix)) fs.renameSync(dbFile + suffix, target + suffix);
  }
  fs.renameSync(dbFile, target);
  return listBackups(dbFile).find((b) => b.name === name) ?? null;
}

/**
 * Copies `backupFile` beside `dbFile` under a temporary name, flushed to disk: the slow step, done before anything
 * is moved, so running out of space leaves everything as it was.
 */
export function stageCopy(dbFile: string, backupFile: string): string {
  const temp = `${dbFile}.restoring`;
  try {
    fs.copyFileSync(backupFile, temp);
    const fd = fs.openSync(temp, 'r+');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  } catch (e) {
    fs.rmSync(temp, { force: true });
    throw e;
  }
  return temp;
}

/** Renames the staged copy over `dbFile` (closed): a crash leaves the old file or the restored one, never a mix. */
export function putInPlace(dbFile: string, staged: string): void {
  // The old file was closed cleanly or set aside with its journals, so what is left beside it holds nothing of value.
  for (const suffix of COMPANIONS) fs.rmSync(dbFile + suffix, { force: true });
  fs.renameSync(staged, dbFile);
}
