import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDatabase } from './open';
import { migrations } from './migrations';
import { corruptMiddle, flipPageOf, pad } from '../../../test/fixtures/backup-files';
import {
  backupFolder,
  backupProblem,
  createBackup,
  DamagedCopyError,
  dailyBackupDue,
  DAY_MS,
  latestVerifiedBackup,
  listBackups,
  pruneBackups,
} from './backups';

const T0 = Date.UTC(2026, 10, 21, 8, 0, 0);
const dataFile = () => path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'scout-backups-')), 'scout.db');

async function withTheme(file: string, theme: string) {
  const opened = await openDatabase(file, { nowMs: T0 });
  opened.db.prepare("INSERT OR REPLACE INTO settings (key, value) VALUES ('theme', ?)").run(JSON.stringify(theme));
  return opened.db;
}

describe('backups', () => {
  it('a backup is one self-contained SQLite file holding the data at that moment', async () => {
    const file = dataFile();
    const db = await withTheme(file, 'dark');
    const made = await createBackup(db, file, 'daily', T0);
    db.prepare("UPDATE settings SET value = '\"light\"' WHERE key = 'theme'").run();
    db.close();
    expect(made).toMatchObject({ name: 'scout-2026-11-21T08-00-00-000Z-daily.db', createdAtMs: T0, reason: 'daily' });
    // No -wal beside it: the copy is complete on its own.
    expect(fs.readdirSync(backupFolder(file))).toEqual([made.name, `${made.name}.verified`]);
    const copy = new BetterSqlite3(path.join(backupFolder(file), made.name), { readonly: true });
    expect(copy.prepare("SELECT value FROM settings WHERE key = 'theme'").pluck().get()).toBe('"dark"');
    copy.close();
    expect(backupProblem(path.join(backupFolder(file), made.name), true)).toBeNull();
  });

  it('lists newest first, ignores files it did not name and ones still being written', async () => {
    const file = dataFile();
    const db = await withTheme(file, 'dark');
    await createBackup(db, file, 'daily', T0);
    await createBackup(db, file, 'before-v9', T0 + 1000);
    await createBackup(db, file, 'daily', T0 + 1000); // same second, other reason: both kept
    fs.writeFileSync(path.join(backupFolder(file), 'scout-2026-11-22T08-00-00-000Z-daily.db.partial'), 'half');
    fs.writeFileSync(path.join(backupFolder(file), 'holiday.jpg'), 'x');
    fs.writeFileSync(path.join(backupFolder(file), 'demo-2026-11-22T08-00-00-000Z-daily.db'), 'other file');
    db.close();
    const names = listBackups(file).map((b) => `${b.reason}@${b.createdAtMs - T0}`);
    expect(names).toEqual(['daily@1000', 'before-migration@1000', 'daily@0']);
  });

  it('keeps the newest seven automatic backups, never a file set aside, and clears old temporary files', async () => {
    const file = dataFile();
    const db = await withTheme(file, 'dark');
    for (let day = 0; day < 10; day++) await createBackup(db, file, 'daily', T0 + day * DAY_MS);
    db.close();
    const folder = backupFolder(file);
    fs.copyFileSync(file, path.join(folder, 'scout-2026-01-01T00-00-00-000Z-set-aside.db'));
    const leftover = path.join(folder, 'scout-2026-01-02T00-00-00-000Z-daily.db.partial');
    fs.writeFileSync(leftover, 'crashed half-way');
    fs.utimesSync(leftover, new Date(T0), new Date(T0));
    pruneBackups(file, T0 + 10 * DAY_MS);
    const kept = listBackups(file);
    expect(kept.filter((b) => b.reason === 'daily').map((b) => (b.createdAtMs - T0) / DAY_MS)).toEqual([
      9, 8, 7, 6, 5, 4, 3,
    ]);
    expect(kept.some((b) => b.reason === 'set-aside')).toBe(true);
    expect(fs.existsSync(leftover)).toBe(false);
  });

  it('a daily backup is due when the newest is a day old, or the clock went back', async () => {
    const file = dataFile();
    expect(dailyBackupDue(file, T0)).toBe(true);
    const db = await withTheme(file, 'dark');
    await createBackup(db, file, 'daily', T0);
    db.close();
    expect(dailyBackupDue(file, T0 + DAY_MS - 1)).toBe(false);
    expect(dailyBackupDue(file, T0 + DAY_MS)).toBe(true);
    expect(dailyBackupDue(file, T0 - 60_000)).toBe(true);
  });

  it('says why a file cannot be restored: not SQLite, damaged, another program, newer version', async () => {
    const dir = path.dirname(dataFile());
    const text = path.join(dir, 'text.db');
    fs.writeFileSync(text, 'my notes');
    expect(backupProblem(text, true)).toBe('it is not an SQLite database');

    const other = path.join(dir, 'other.db');
    const o = new BetterSqlite3(other);
    o.exec('CREATE TABLE photos (id INTEGER)');
    o.close();
    expect(backupProblem(other, true)).toBe('it is not a Subnet Scout database');

    const newer = path.join(dir, 'newer.db');
    const n = await openDatabase(newer, { nowMs: T0 });
    n.db.prepare('INSERT INTO schema_migrations VALUES (?, ?, ?, ?)').run(migrations.at(-1)!.id + 1, 'future', 'x', T0);
    n.db.close();
    expect(backupProblem(newer, true)).toMatch(/newer version of Subnet Scout \(schema step \d+ "future"\)/);

    const damaged = path.join(dir, 'damaged.db');
    (await openDatabase(damaged, { nowMs: T0 })).db.close();
    pad(damaged);
    corruptMiddle(damaged);
    expect(backupProblem(damaged, true)).toMatch(/damaged|cannot be read/);
  });

  it('offers the newest backup that looks usable, skipping damaged ones and files set aside', async () => {
    const file = dataFile();
    const db = await withTheme(file, 'dark');
    const good = await createBackup(db, file, 'daily', T0);
    db.close();
    fs.writeFileSync(path.join(backupFolder(file), 'scout-2026-11-23T00-00-00-000Z-daily.db'), 'not a database');
    fs.writeFileSync(path.join(backupFolder(file), 'scout-2026-11-24T00-00-00-000Z-set-aside.db'), 'the broken file');
    expect((await latestVerifiedBackup(file, T0))?.name).toBe(good.name);
  });

  it('a damaged file is never kept as a backup: the copy fails its check and is removed', async () => {
    const file = dataFile();
    (await withTheme(file, 'dark')).close();
    pad(file);
    flipPageOf(file, 'padding');
    const db = new BetterSqlite3(file); // as a handle opened before the damage happened would see it
    await expect(createBackup(db, file, 'daily', T0)).rejects.toBeInstanceOf(DamagedCopyError);
    db.close();
    expect(fs.readdirSync(backupFolder(file))).toEqual([]);
  });

  it('rotation never removes the newest verified backup, however many newer unverified ones there are', async () => {
    const file = dataFile();
    const db = await withTheme(file, 'dark');
    const good = await createBackup(db, file, 'daily', T0);
    // Newer backups whose check did not happen (made by an older version): no verified mark.
    for (let day = 1; day <= 9; day++) {
      const b = await createBackup(db, file, 'daily', T0 + day * DAY_MS);
      fs.rmSync(path.join(backupFolder(file), `${b.name}.verified`));
    }
    db.close();
    const removed = pruneBackups(file, T0 + 10 * DAY_MS);
    expect(removed).toHaveLength(2);
    const kept = listBackups(file);
    expect(kept.map((b) => (b.createdAtMs - T0) / DAY_MS)).toEqual([9, 8, 7, 6, 5, 4, 3, 0]);
    expect(kept.find((b) => b.verified)?.name).toBe(good.name);
  });

  it('keeps the backups within the size budget, oldest removed first, the newest verified one always kept', async () => {
    const file = dataFile();
    const db = await withTheme(file, 'dark');
    for (let day = 0; day < 5; day++) await createBackup(db, file, 'daily', T0 + day * DAY_MS);
    db.close();
    const folder = backupFolder(file);
    fs.copyFileSync(file, path.join(folder, 'scout-2026-01-01T00-00-00-000Z-set-aside.db'));
    const size = listBackups(file)[0]!.sizeBytes;
    // Room for two and a half: the three oldest go; the file set aside is the user's and does not count.
    expect(pruneBackups(file, T0 + 5 * DAY_MS, { budgetBytes: Math.floor(size * 2.5) })).toHaveLength(3);
    expect(
      listBackups(file).map((b) => (b.reason === 'set-aside' ? 'set-aside' : (b.createdAtMs - T0) / DAY_MS)),
    ).toEqual([4, 3, 'set-aside']);
    // A budget smaller than one backup still keeps the newest verified one: no budget is worth having no copy.
    pruneBackups(file, T0 + 5 * DAY_MS, { budgetBytes: 1 });
    expect(
      listBackups(file)
        .filter((b) => b.reason !== 'set-aside')
        .map((b) => (b.createdAtMs - T0) / DAY_MS),
    ).toEqual([4]);
  });

  it('offers only a verified backup, checking an unmarked one first', async () => {
    const file = dataFile();
    const db = await withTheme(file, 'dark');
    const older = await createBackup(db, file, 'daily', T0);
    const newer = await createBackup(db, file, 'daily', T0 + DAY_MS);
    db.close();
    const newerFile = path.join(backupFolder(file), newer.name);
    fs.rmSync(`${newerFile}.verified`);
    pad(newerFile);
    flipPageOf(newerFile, 'padding');
    expect((await latestVerifiedBackup(file, T0))?.name).toBe(older.name);
    expect(listBackups(file).find((b) => b.name === newer.name)?.verified).toBe(false);
  });
});
