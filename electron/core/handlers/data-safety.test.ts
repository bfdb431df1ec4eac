/** Damaged data files and failing backups as a user meets them through the service. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AppInfo } from '../../../shared/api-types';
import type { DataChange } from '../../../shared/api';
import type { BackupInfo } from '../../../shared/backups-types';
import { ScoutService } from '../service';
import { backupFolder, backupName, DAY_MS, listBackups } from '../db/backups';
import { openDatabase } from '../db/open';
import { flipPageOf, pad } from '../../../test/fixtures/backup-files';

const T0 = Date.UTC(2026, 10, 21, 8, 0, 0);
const services: ScoutService[] = [];
afterEach(async () => {
  for (const s of services.splice(0)) await s.close();
});

async function open(dataDir: string, clock: { ms: number }) {
  const service = await ScoutService.open({ dataDir, version: 'test', now: () => clock.ms });
  services.push(service);
  const call = async <T>(method: string, arg?: unknown): Promise<T> => {
    const r = await service.call(method, arg);
    if (!r.ok) throw new Error(r.error.message);
    return r.value as T;
  };
  const fail = async (method: string, arg?: unknown): Promise<string> => {
    const r = await service.call(method, arg);
    if (r.ok) throw new Error(`${method} should have failed`);
    return r.error.message;
  };
  return { service, call, fail, file: path.join(dataDir, 'scout.db') };
}

/**
 * A data folder whose file holds the watchlist "Mine", with a verified daily backup of that state, closed. The file
 * has table pages in its middle (the padding), so damage can be put where a failing disk would put it.
 */
async function folderWithBackup(clock: { ms: number }): Promise<{ dataDir: string; file: string; backup: BackupInfo }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'scout-safety-'));
  const file = path.join(dataDir, 'scout.db');
  (await openDatabase(file, { nowMs: clock.ms })).db.close();
  pad(file);
  const app = await open(dataDir, clock);
  await app.service.backups.runIfDue();
  await app.call('watchlists.create', { name: 'Mine' });
  clock.ms += DAY_MS;
  const backup = (await app.service.backups.runIfDue())!;
  expect(backup.verified).toBe(true);
  await app.service.close();
  return { dataDir, file, backup };
}

const names = (dataDir: string) => fs.readdirSync(backupFolder(path.join(dataDir, 'scout.db'))).sort();

describe('a damaged data file', () => {
  it('with bytes flipped in a table page opens, is found damaged by the check, is never written or backed up, and the newest verified backup restores it', async () => {
    const clock = { ms: T0 };
    const { dataDir, file, backup } = await folderWithBackup(clock);
    flipPageOf(file, 'padding', 300);
    const damaged = fs.readFileSync(file);
    const backupsBefore = names(dataDir);
    clock.ms += 3 * DAY_MS; // a daily backup is due: it must not copy the damaged file

    const app = await open(dataDir, clock);
    // Writes wait for the check, which finds the damage: nothing is written.
    expect(await app.fail('watchlists.create', { name: 'Lost?' })).toMatch(
      /scout\.db is damaged: SQLite's check found/,
    );
    const info = await app.call<AppInfo>('app.info');
    expect(info.problem?.code).toBe('damaged');
    expect(info.problem?.message).toMatch(
      /Nothing was written to it, and it is kept as it is\. Restore the newest verified backup/,
    );
    expect(info.latestBackup).toMatchObject({ name: backup.name, verified: true });
    await app.service.backups.runIfDue();
    expect(fs.readFileSync(file).equals(damaged)).toBe(true);
    expect(names(dataDir)).toEqual(backupsBefore);

    const after = await app.call<AppInfo>('backups.restore', { name: backup.name });
    expect(after.problem).toBeNull();
    expect((await app.call<{ name: string }[]>('watchlists.list')).map((w) => w.name)).toEqual(['Mine']);
    const setAside = listBackups(file).find((b) => b.reason === 'set-aside')!;
    expect(fs.readFileSync(path.join(backupFolder(file), setAside.name)).equals(damaged)).toBe(true);
  });

  it('that is empty (0 bytes) with backups beside it is named damaged and offered the backup, not started afresh', async () => {
    const clock = { ms: T0 };
    const { dataDir, file, backup } = await folderWithBackup(clock);
    fs.truncateSync(file, 0);
    const app = await open(dataDir, clock);
    const info = await app.call<AppInfo>('app.info');
    expect(info.problem).toMatchObject({ code: 'damaged' });
    expect(info.problem?.message).toMatch(/empty \(0 bytes\) although backups of it exist beside it/);
    expect(info.latestBackup?.name).toBe(backup.name);
    expect(fs.statSync(file).size).toBe(0);
    await app.call('backups.restore', { name: backup.name });
    expect((await app.call<{ name: string }[]>('watchlists.list')).map((w) => w.name)).toEqual(['Mine']);
  });

  it('cut short with backups beside it is named damaged (not "not an SQLite file") and offered the backup', async () => {
    const clock = { ms: T0 };
    const { dataDir, file, backup } = await folderWithBackup(clock);
    const whole = fs.readFileSync(file);
    fs.writeFileSync(file, whole.subarray(0, Math.floor(whole.length / 3)));
    const app = await open(dataDir, clock);
    const info = await app.call<AppInfo>('app.info');
    expect(info.problem).toMatchObject({ code: 'damaged' });
    expect(info.problem?.message).not.toMatch(/not an SQLite file/);
    expect(info.latestBackup?.name).toBe(backup.name);
    expect(fs.readFileSync(file).length).toBe(Math.floor(whole.length / 3));
  });
});

describe('a failing daily backup', () => {
  it('is shown to the user (app.info and an event) until a backup succeeds again', async () => {
    const clock = { ms: T0 };
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'scout-safety-'));
    const app = await open(dataDir, clock);
    await app.service.backups.runIfDue();
    const changes: DataChange[] = [];
    app.service.on((event, payload) => event === 'data.changed' && changes.push(payload as DataChange));

    clock.ms += DAY_MS;
    // Something in the way of the copy: SQLite cannot create its file.
    const obstacle = path.join(backupFolder(app.file), `${backupName('scout', clock.ms, 'daily')}.partial`);
    fs.mkdirSync(obstacle);
    expect(await app.service.backups.runIfDue()).toBeNull();
    const info = await app.call<AppInfo>('app.info');
    expect(info.backupFailure).toMatchObject({ atMs: clock.ms });
    expect(info.backupFailure?.message).toBe(
      `The daily backup into ${backupFolder(app.file)} failed: unable to open database file. Your data is unchanged; it is retried every hour.`,
    );
    expect(changes).toContainEqual({ scope: 'backups' });

    fs.rmdirSync(obstacle);
    clock.ms += 60 * 60 * 1000;
    await vi.waitFor(async () =>
      expect(await app.service.backups.runIfDue()).toMatchObject({ reason: 'daily', verified: true }),
    );
    expect((await app.call<AppInfo>('app.info')).backupFailure).toBeNull();
  });
});
