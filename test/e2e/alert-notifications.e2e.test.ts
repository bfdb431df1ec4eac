/**
 * My miners alerts as desktop notifications: every kind is off until turned on in Settings; once on, the sync
 * that finds the alert pops it up once (here through the browser's Notification API, recorded by the test).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startHost, type TestHost } from '../host/host';
import { startStandInNode, type StandInNode } from '../chain/node';
import { metadataOrWarn } from '../chain/test-helpers';
import { BLOCKS_UNTIL_A_PRUNED, rigA, rigB, TEAM_COLD, TEAM_NETWORK } from '../sync/team-fixture';
import { chromiumMissingReason, launchChromium } from './browser';

const missing = chromiumMissingReason();
if (missing) console.warn(`[skip] alert notification browser test: ${missing}`);
const metadata = metadataOrWarn('alert notification browser test');

describe.skipIf(missing !== null || !metadata)('My miners alerts as desktop notifications', () => {
  let browser: Browser;
  let host: TestHost;
  let node: StandInNode;
  let page: Page;
  const shown = () =>
    page.evaluate(
      () => (window as unknown as { shownNotifications: { title: string; body: string }[] }).shownNotifications,
    );

  beforeAll(async () => {
    browser = await launchChromium();
    node = await startStandInNode({ metadataPath: metadata!, ...TEAM_NETWORK, teamHotkeys: [rigA, rigB] });
    host = await startHost({ dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'scout-notify-e2e-')) });
    expect(
      (await host.service.call('settings.set', { network: 'custom', customEndpoint: node.url, syncIntervalMinutes: 0 }))
        .ok,
    ).toBe(true);
    const reply = await host.service.call('sync.start', {});
    expect(reply.ok && (reply.value as { ok: boolean }).ok).toBe(true);
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    await context.grantPermissions(['notifications']);
    // Headless Chromium shows nothing on screen: record what the page asks the system to show.
    await context.addInitScript(() => {
      const w = window as unknown as { shownNotifications: { title: string; body: string }[]; Notification: unknown };
      w.shownNotifications = [];
      const Real = window.Notification;
      class Recorded extends Real {
        constructor(title: string, options?: NotificationOptions) {
          super(title, options);
          w.shownNotifications.push({ title, body: options?.body ?? '' });
        }
      }
      w.Notification = Recorded;
    });
    page = await context.newPage();
    await page.goto(`${host.url}/#/miners`);
    await page.getByLabel('Address (SS58)').fill(TEAM_COLD);
    await page.getByLabel('Role').selectOption('coldkey');
    await page.getByLabel('Label', { exact: true }).fill('team cold');
    await page.getByRole('button', { name: 'Add key' }).click();
    await page.locator('table.miners-table tbody tr').first().waitFor({ timeout: 30_000 });
  });
  afterAll(async () => {
    await browser?.close();
    await host?.close();
    await node?.close();
  });

  it('every kind is off by default', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Settings' }).click();
    const section = page.getByRole('group', { name: 'Desktop notifications for My miners alerts' });
    const boxes = section.getByRole('checkbox');
    expect(await boxes.count()).toBe(3);
    for (const box of await boxes.all()) expect(await box.isChecked()).toBe(false);
  });

  it('a turned-on kind pops up once when a sync finds it; kinds left off stay quiet', async () => {
    await page.getByLabel('A UID was deregistered').check();
    node.produceBlocks(BLOCKS_UNTIL_A_PRUNED);
    await page.locator('.statusbar').getByRole('button', { name: 'Sync now' }).click();
    await expect.poll(async () => (await shown()).length, { timeout: 30_000 }).toBeGreaterThan(0);
    const list = await shown();
    expect(list).toHaveLength(1);
    expect(list[0]!.title).toContain(`UID ${rigA.uid}`);
    expect(list[0]!.body).toMatch(/was deregistered/);

    // A reload (or another window) does not announce it again.
    await page.reload();
    await page.getByRole('navigation', { name: 'Main' }).locator('.nav-alerts').waitFor();
    expect(await shown()).toEqual([]);
    // The setting was kept.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Settings' }).click();
    expect(await page.getByLabel('A UID was deregistered').isChecked()).toBe(true);
  });
});
