/**
 * Backups as the user meets them: Settings lists them and restores one after asking; a data file that cannot be
 * used offers the latest good backup, which brings the app back with the user's data.
 */
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { startHost, type TestHost } from '../host/host';
import { ScoutService } from '../../electron/core/service';
import { backupName } from '../../electron/core/db/backups';
import { chromiumMissingReason, launchChromium } from './browser';

const missing = chromiumMissingReason();
if (missing) console.warn(`[skip] browser tests: ${missing}`);
const SHOTS = path.resolve(__dirname, '../../test-results');

describe.skipIf(missing !== null)('backups in the app', () => {
  let browser: Browser;
  const hosts: TestHost[] = [];
  const freshDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'scout-e2e-backups-'));
  const names = async (host: TestHost) => {
    const r = await host.service.call('watchlists.list', undefined);
    return r.ok ? (r.value as { name: string }[]).map((w) => w.name) : [];
  };

  beforeAll(async () => {
    browser = await launchChromium();
    fs.mkdirSync(SHOTS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    for (const h of hosts) await h.close();
  });

  it('Settings → Backups restores a backup after asking, and keeps what it replaced', async () => {
    const host = await startHost({ dataDir: freshDir() });
    hosts.push(host);
    await host.service.backups.runIfDue(); // the one made at open
    await host.service.call('watchlists.create', { name: 'Added after the backup' });
    const page = await browser.newPage();
    await page.goto(host.url);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Settings' }).click();
    const list = page.getByRole('list', { name: 'Backups' });
    await expect.poll(() => list.getByRole('listitem').count()).toBe(1);
    expect(await list.textContent()).toMatch(/Daily/);

    await list.getByRole('button', { name: 'Restore…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Restore from backup' });
    expect(await dialog.textContent()).toMatch(/Your data as it is now is kept as a backup first/);
    await dialog.scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(SHOTS, 'backups-restore.png') });
    await dialog.getByRole('button', { name: 'Restore from backup' }).click();
    await page.getByRole('status').filter({ hasText: 'Restored the backup of' }).waitFor();

    expect(await names(host)).toEqual([]);
    await expect.poll(() => list.getByRole('listitem').count()).toBe(2);
    expect(await list.textContent()).toMatch(/Before a restore/);
  });

  it('a data file overwritten by another program offers the newest verified backup, which restores the app and sets the file aside', async () => {
    const dataDir = freshDir();
    const clock = { ms: Date.now() };
    const before = await ScoutService.open({ dataDir, version: 'test', now: () => clock.ms });
    await before.backups.runIfDue(); // the one made at open, before the watchlist
    await before.call('watchlists.create', { name: 'My GPU subnets' });
    clock.ms += 86_400_000;
    expect(await before.backups.runIfDue()).not.toBeNull(); // a day later: the daily backup holds it
    await before.close();
    fs.writeFileSync(path.join(dataDir, 'scout.db'), 'overwritten by a sync tool that got confused');

    const host = await startHost({ dataDir });
    hosts.push(host);
    const page = await browser.newPage();
    await page.goto(host.url);
    await expect(page.getByTestId('problem-message').textContent()).resolves.toMatch(/not a Subnet Scout database/);
    const restore = page.getByRole('button', { name: /^Restore the newest verified backup \(.*\d{4}.*\)$/ });
    await page.screenshot({ path: path.join(SHOTS, 'data-problem-restore.png') });
    await restore.click();
    await page.getByRole('navigation', { name: 'Main' }).waitFor();
    expect(await names(host)).toEqual(['My GPU subnets']);
    const setAside = fs.readdirSync(path.join(dataDir, 'backups')).filter((f) => f.endsWith('-set-aside.db'));
    expect(setAside.length).toBe(1);
    expect(fs.readFileSync(path.join(dataDir, 'backups', setAside[0]!), 'utf8')).toBe(
      'overwritten by a sync tool that got confused',
    );
  });

  it('a failed daily backup shows in the status bar and in Settings → Backups until one succeeds', async () => {
    const dataDir = freshDir();
    const clock = { ms: Date.now() };
    const host = await startHost({ dataDir, serviceOptions: { now: () => clock.ms } });
    hosts.push(host);
    await host.service.backups.runIfDue(); // the one made at open
    const page = await browser.newPage();
    await page.goto(host.url);
    await page.getByTestId('data-age').waitFor();
    expect(await page.getByTestId('backup-failure').count()).toBe(0);

    clock.ms += 86_400_000;
    const obstacle = path.join(dataDir, 'backups', `${backupName('scout', clock.ms, 'daily')}.partial`);
    fs.mkdirSync(obstacle); // SQLite cannot create the copy
    expect(await host.service.backups.runIfDue()).toBeNull();
    await page.getByTestId('backup-failure').waitFor();
    expect(await page.getByTestId('backup-failure').textContent()).toBe(
      'The daily backup failed (see Settings → Backups)',
    );
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Settings' }).click();
    expect(await page.getByTestId('backup-failure-detail').textContent()).toMatch(
      /^The daily backup into .+ failed: .+ it is retried every hour\. \(/,
    );

    fs.rmdirSync(obstacle);
    clock.ms += 3_600_000;
    expect(await host.service.backups.runIfDue()).not.toBeNull();
    await page.getByTestId('backup-failure').waitFor({ state: 'detached' });
    await page.getByTestId('backup-failure-detail').waitFor({ state: 'detached' });
  });

  it("a restore refused as 'busy' (a sync is running) keeps the choice open, and goes through once the sync is over", async () => {
    // A node that accepts the connection and never answers holds the sync in its connecting phase for connectMs.
    const sockets: net.Socket[] = [];
    const silent = net.createServer((s) => sockets.push(s));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const host = await startHost({
      dataDir: freshDir(),
      serviceOptions: { syncTimeouts: { connectMs: 8_000, retry: false } },
    });
    hosts.push(host);
    try {
      await host.service.backups.runIfDue();
      const page = await browser.newPage();
      await page.goto(host.url);
      await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Settings' }).click();
      const list = page.getByRole('list', { name: 'Backups' });
      await expect.poll(() => list.getByRole('listitem').count()).toBe(1);

      const sync = host.service.call('sync.start', {
        endpoint: `ws://127.0.0.1:${(silent.address() as net.AddressInfo).port}`,
      });
      await expect.poll(() => host.service.sync.status().running).toBe(true);
      await list.getByRole('button', { name: 'Restore…' }).click();
      const dialog = page.getByRole('dialog', { name: 'Restore from backup' });
      await dialog.getByRole('button', { name: 'Restore from backup' }).click();
      await page
        .getByRole('alert')
        .filter({ hasText: 'Wait for the sync to finish (or cancel it) before restoring a backup.' })
        .waitFor();
      expect(await dialog.isVisible()).toBe(true); // still open: the same choice, to confirm again

      await sync;
      await dialog.getByRole('button', { name: 'Restore from backup' }).click();
      await page.getByRole('status').filter({ hasText: 'Restored the backup of' }).waitFor();
      await dialog.waitFor({ state: 'detached' });
    } finally {
      for (const s of sockets) s.destroy();
      silent.close();
    }
  });
});
