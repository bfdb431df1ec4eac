/** Backups as a user meets them: made by themselves, listed, restored, and offered when the data file is broken. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AppInfo } from '../../../shared/api-types';
import type { BackupInfo } from '../../../shared/backups-types';
import { ScoutService } from '../service';
import { backupFolder, DAY_MS, listBackups } from '../db/backups';
import { corruptMiddle, pad } from '../../../test/fixtures/backup-files';

const T0 = Date.UTC(2026, 10, 21, 8, 0, 0);
const services: ScoutService[] = [];
afterEach(async () => {
  for (const s of services.splice(0)) await s.close();
});

async function open(dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'scout-restore-')), clock = { ms: T0 }) {
  const service = await ScoutService.open({
    dataDir,
    version: 'test',
    now: () => clock.ms,
    demo: { days: 1, subnetCount: 2, maxUids: 8 },
  });
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
  const watchlistNames = async () => (await call<{ name: string }[]>('watchlists.list')).map((w) => w.name);
  await service.backups.runIfDue(); // let the check started at open finish, so each test starts settled
  /** A daily backup of the data as it is now (a day later on the test's clock). */
  const dailyBackup = async (): Promise<BackupInfo> => {
    clock.ms += DAY_MS;
    return (await service.backups.runIfDue())!;
  };
  return { dailyBackup, service, dataDir, clock, call, fail, watchlistNames, file: path.join(dataDir, 'scout.db') };
}

describe('backups through the service', () => {
  it('backs up at open, by itself', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'scout-restore-'));
    const service = await ScoutService.open({ dataDir, version: 'test', now: () => T0 });
    services.push(service);
    await vi.waitFor(() => expect(listBackups(path.join(dataDir, 'scout.db')).map((b) => b.reason)).toEqual(['daily']));
  });

  it('backs up once a day while running, keeping the newest seven', async () => {
    const app = await open();
    expect((await app.call<BackupInfo[]>('backups.list')).map((b) => [b.reason, b.createdAtMs])).toEqual([
      ['daily', T0],
    ]);
    app.clock.ms += DAY_MS - 1;
    expect(await app.service.backups.runIfDue()).toBeNull();
    app.clock.ms += 1;
    expect(await app.service.backups.runIfDue()).toMatchObject({ reason: 'daily', createdAtMs: T0 + DAY_MS });
    for (let day = 2; day < 12; day++) {
      app.clock.ms = T0 + day * DAY_MS;
      await app.service.backups.runIfDue();
    }
    const kept = await app.call<BackupInfo[]>('backups.list');
    expect(kept.map((b) => (b.createdAtMs - T0) / DAY_MS)).toEqual([11, 10, 9, 8, 7, 6, 5]);
  });

  it('restores a backup, keeping the state it replaced as a backup too', async () => {
    const app = await open();
    await app.call('watchlists.create', { name: 'Before' });
    const daily = await app.dailyBackup();
    await app.call('watchlists.create', { name: 'After' });
    app.clock.ms += 60_000;

    const info = await app.call<AppInfo>('backups.restore', { name: daily.name });
    expect(info.problem).toBeNull();
    expect(await app.watchlistNames()).toEqual(['Before']);
    const list = await app.call<BackupInfo[]>('backups.list');
    const kept = list.find((b) => b.reason === 'before-restore')!;
    expect(kept.createdAtMs).toBe(T0 + DAY_MS + 60_000);

    // The state before the restore can itself be restored: nothing is ever lost by restoring.
    await app.call('backups.restore', { name: kept.name });
    expect(await app.watchlistNames()).toEqual(['Before', 'After']);
  });

  it('a damaged data file is kept untouched; the latest good backup is offered and restores the app', async () => {
    const first = await open();
    await first.call('watchlists.create', { name: 'Mine' });
    const backup = await first.dailyBackup();
    await first.service.close();
    fs.writeFileSync(first.file, 'scribbled over by another program');
    const damaged = fs.readFileSync(first.file);

    const app = await open(first.dataDir, { ms: first.clock.ms + DAY_MS / 2 });
    const info = await app.call<AppInfo>('app.info');
    expect(info.problem?.code).toBe('not-sqlite');
    expect(info.latestBackup).toMatchObject({ name: backup.name, createdAtMs: T0 + DAY_MS });
    expect(fs.readFileSync(first.file).equals(damaged)).toBe(true);

    const after = await app.call<AppInfo>('backups.restore', { name: backup.name });
    expect(after.problem).toBeNull();
    expect(await app.watchlistNames()).toEqual(['Mine']);
    const setAside = (await app.call<BackupInfo[]>('backups.list')).find((b) => b.reason === 'set-aside')!;
    expect(fs.readFileSync(path.join(backupFolder(app.file), setAside.name)).equals(damaged)).toBe(true);
  });

  it('refuses a backup that is damaged, or not a name it gave, and changes nothing', async () => {
    const app = await open();
    await app.call('watchlists.create', { name: 'Mine' });
    const backup = await app.dailyBackup();
    await app.call('watchlists.create', { name: 'Newer' });
    const copy = path.join(backupFolder(app.file), backup.name);
    pad(copy);
    corruptMiddle(copy);

    expect(await app.fail('backups.restore', { name: backup.name })).toMatch(
      /cannot be restored: it is damaged.*Nothing was changed/,
    );
    expect(await app.fail('backups.restore', { name: '../scout.db' })).toMatch(/not the name of a Subnet Scout backup/);
    expect(await app.fail('backups.restore', { name: 'scout-2020-01-01T00-00-00-000Z-daily.db' })).toMatch(
      /There is no backup named/,
    );
    expect(await app.watchlistNames()).toEqual(['Mine', 'Newer']);
    expect((await app.call<BackupInfo[]>('backups.list')).map((b) => b.reason)).toEqual(['daily', 'daily']);
  });

  it('refuses in the demo data, which is never backed up', async () => {
    const app = await open();
    const backup = await app.dailyBackup();
    await app.call('app.useDataset', { dataset: 'demo' });
    expect(await app.fail('backups.restore', { name: backup.name })).toMatch(/switch back from the demo data first/);
  });
});
