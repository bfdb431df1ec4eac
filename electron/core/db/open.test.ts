import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDatabase } from './open';
import { migrations } from './migrations';
import { DataProblemError } from './problem';
import { createBackup, listBackups } from './backups';
import { flipPageOf, pad } from '../../../test/fixtures/backup-files';

/** chmod is ignored for root; the immutable attribute is not. Returns an undo, or null if impossible here. */
function makeReadOnly(file: string): (() => void) | null {
  if (process.getuid?.() !== 0) {
    fs.chmodSync(file, 0o444);
    return () => fs.chmodSync(file, 0o644);
  }
  try {
    execFileSync('chattr', ['+i', file], { stdio: 'ignore' });
    return () => execFileSync('chattr', ['-i', file], { stdio: 'ignore' });
  } catch {
    return null;
  }
}

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'scout-db-'));

async function problemOf(promise: Promise<unknown>): Promise<DataProblemError> {
  try {
    await promise;
  } catch (e) {
    if (e instanceof DataProblemError) return e;
    throw e;
  }
  throw new Error('expected the database to be refused');
}

describe('openDatabase', () => {
  it('creates a new file in WAL mode at the latest schema', async () => {
    const file = path.join(tmp(), 'nested', 'scout.db');
    const { db, schemaVersion, backupPath } = await openDatabase(file);
    // The newest migration's id (ids are reserved per branch, so they need not be consecutive while merging).
    expect(schemaVersion).toBe(migrations.at(-1)!.id);
    expect(backupPath).toBeNull();
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
  });

  it('refuses a file that is not SQLite and leaves it byte for byte', async () => {
    const file = path.join(tmp(), 'scout.db');
    fs.writeFileSync(file, 'my notes\n'.repeat(100));
    const before = fs.readFileSync(file);
    const problem = await problemOf(openDatabase(file));
    expect(problem.code).toBe('not-sqlite');
    expect(problem.message).toMatch(/not a Subnet Scout database/);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it("refuses another program's SQLite file without adding tables to it", async () => {
    const file = path.join(tmp(), 'scout.db');
    const other = new BetterSqlite3(file);
    other.exec('CREATE TABLE photos (id INTEGER)');
    other.close();
    const problem = await problemOf(openDatabase(file));
    expect(problem.code).toBe('not-sqlite');
    const check = new BetterSqlite3(file);
    expect(check.prepare("SELECT name FROM sqlite_master WHERE type='table'").pluck().all()).toEqual(['photos']);
    check.close();
  });

  it('refuses a database written by a newer app version', async () => {
    const file = path.join(tmp(), 'scout.db');
    (await openDatabase(file)).db.close();
    const future = [...migrations, { id: 99, name: 'from-the-future', sql: 'CREATE TABLE future (x INTEGER);' }];
    (await openDatabase(file, { migrations: future })).db.close();
    const problem = await problemOf(openDatabase(file));
    expect(problem.code).toBe('newer-version');
    expect(problem.message).toMatch(/newer version of Subnet Scout/);
  });

  it('backs the file up before migrating it, and the backup holds the old data', async () => {
    const file = path.join(tmp(), 'scout.db');
    const first = await openDatabase(file);
    first.db.prepare("INSERT INTO settings (key, value) VALUES ('theme', '\"dark\"')").run();
    first.db.close();
    const next = [
      ...migrations,
      { id: migrations.at(-1)!.id + 1, name: 'add-column', sql: 'ALTER TABLE settings ADD COLUMN note TEXT;' },
    ];
    const second = await openDatabase(file, { migrations: next, nowMs: Date.UTC(2026, 10, 21) });
    expect(second.schemaVersion).toBe(migrations.at(-1)!.id + 1);
    expect(second.backupPath).toMatch(/backups[/\\]scout-2026-11-21T00-00-00-000Z-before-v\d+\.db$/);
    second.db.close();
    const backup = new BetterSqlite3(second.backupPath!, { readonly: true });
    expect(backup.prepare('SELECT value FROM settings WHERE key = ?').pluck().get('theme')).toBe('"dark"');
    expect(backup.prepare('SELECT MAX(id) FROM schema_migrations').pluck().get()).toBe(migrations.at(-1)!.id);
    backup.close();
  });

  it('refuses a database whose applied migration was edited', async () => {
    const file = path.join(tmp(), 'scout.db');
    (await openDatabase(file)).db.close();
    const edited = migrations.map((m, i) => (i === 0 ? { ...m, sql: m.sql + '\n-- edited' } : m));
    const problem = await problemOf(openDatabase(file, { migrations: edited }));
    expect(problem.code).toBe('migration-failed');
  });

  it('refuses a read-only file with a clear message', async (ctx) => {
    const file = path.join(tmp(), 'scout.db');
    (await openDatabase(file)).db.close();
    const undo = makeReadOnly(file);
    if (!undo) {
      console.warn('[skip] read-only test: running as root and `chattr +i` is not available, so no file is read-only');
      ctx.skip();
    }
    try {
      const problem = await problemOf(openDatabase(file));
      expect(problem.code).toBe('read-only');
      expect(problem.message).toMatch(/read-only/);
    } finally {
      undo?.();
    }
  });

  describe('a damaged file', () => {
    /** A data file with some history in it and a verified backup beside it, closed. */
    async function withBackup(): Promise<string> {
      const file = path.join(tmp(), 'scout.db');
      (await openDatabase(file)).db.close();
      pad(file); // pages of a table in the middle of the file, not only the header's
      const { db } = await openDatabase(file);
      db.prepare("INSERT INTO settings (key, value) VALUES ('theme', '\"dark\"')").run();
      await createBackup(db, file, 'daily', Date.UTC(2026, 10, 21));
      db.close();
      return file;
    }

    it('with a few hundred bytes flipped in a table page is named damaged and left byte for byte', async () => {
      const file = await withBackup();
      flipPageOf(file, 'padding', 300);
      const before = fs.readFileSync(file);
      const problem = await problemOf(openDatabase(file));
      expect(problem.code).toBe('damaged');
      expect(problem.message).toMatch(
        /scout\.db is damaged: SQLite's check found .*Nothing was written to it.*Restore the newest verified backup/,
      );
      expect(problem.message).not.toMatch(/not an SQLite file/);
      expect(fs.readFileSync(file).equals(before)).toBe(true);
      expect(fs.existsSync(`${file}-wal`)).toBe(false);
    });

    it('that is empty (0 bytes) with backups beside it is damaged, not started afresh', async () => {
      const file = await withBackup();
      fs.truncateSync(file, 0);
      const problem = await problemOf(openDatabase(file));
      expect(problem.code).toBe('damaged');
      expect(problem.message).toMatch(/empty \(0 bytes\) although backups of it exist beside it/);
      expect(fs.statSync(file).size).toBe(0);
      expect(listBackups(file)).toHaveLength(1);
    });

    it('that is empty with no backups beside it is a new data file (a first start)', async () => {
      const file = path.join(tmp(), 'scout.db');
      fs.writeFileSync(file, '');
      const { db, schemaVersion } = await openDatabase(file);
      expect(schemaVersion).toBe(migrations.length);
      db.close();
    });

    it('cut short (half its bytes, or part of a header) is damaged, not "not an SQLite file"', async () => {
      const file = await withBackup();
      const whole = fs.readFileSync(file);
      fs.writeFileSync(file, whole.subarray(0, Math.floor(whole.length / 2)));
      const half = await problemOf(openDatabase(file));
      expect(half.code).toBe('damaged');
      expect(half.message).toMatch(/holds [\d,]+ bytes of the [\d,]+ its header describes/);
      fs.writeFileSync(file, whole.subarray(0, 40));
      const header = await problemOf(openDatabase(file));
      expect(header.code).toBe('damaged');
      expect(header.message).toMatch(/only 40 bytes long/);
    });

    it('opened for the service stays read-only until its check (run by the caller) passes', async () => {
      const file = await withBackup();
      const opened = await openDatabase(file, { backgroundCheck: true });
      expect(opened.checkPending).toBe(true);
      expect(() => opened.db.prepare('UPDATE settings SET value = \'"light"\'').run()).toThrow(/readonly/);
      opened.db.close();
    });
  });
});
