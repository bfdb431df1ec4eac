/** My miners on the 1366×768 laptop: which miner, its status, what it earns and its profit are on screen. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startHost, type TestHost } from '../host/host';
import { startStandInNode, type StandInNode } from '../chain/node';
import { metadataOrWarn } from '../chain/test-helpers';
import { rigA, rigB, TEAM_COLD, TEAM_NETWORK } from '../sync/team-fixture';
import { chromiumMissingReason, launchChromium } from './browser';

const missing = chromiumMissingReason();
if (missing) console.warn(`[skip] my miners layout browser test: ${missing}`);
const metadata = metadataOrWarn('my miners layout browser test');

describe.skipIf(missing !== null || !metadata)('My miners on a laptop screen', () => {
  let browser: Browser;
  let host: TestHost;
  let node: StandInNode;
  let page: Page;
  beforeAll(async () => {
    browser = await launchChromium();
    node = await startStandInNode({ metadataPath: metadata!, ...TEAM_NETWORK, teamHotkeys: [rigA, rigB] });
    host = await startHost({ dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'scout-miners-layout-')) });
    expect(
      (await host.service.call('settings.set', { network: 'custom', customEndpoint: node.url, syncIntervalMinutes: 0 }))
        .ok,
    ).toBe(true);
    const reply = await host.service.call('sync.start', {});
    expect(reply.ok && (reply.value as { ok: boolean }).ok).toBe(true);
    page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
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

  for (const size of [
    { width: 1366, height: 768 },
    { width: 1920, height: 1080 },
  ]) {
    it(`shows status, miner, earnings and profit without scrolling sideways at ${size.width}×${size.height}`, async () => {
      await page.setViewportSize(size);
      const table = page.locator('table.miners-table');
      for (const label of ['Status', 'Miner', 'Earned $/month', 'Profit $/month']) {
        const box = (await table.locator('thead th', { hasText: label }).first().boundingBox())!;
        expect(box.x >= 0 && box.x + box.width <= size.width, `${label} at ${size.width}px`).toBe(true);
      }
    });
  }

  it('keeps the miner column in place when the table scrolls sideways', async () => {
    await page.setViewportSize({ width: 1000, height: 700 });
    const wrap = page.locator('.miners-table-wrap');
    if (!(await wrap.evaluate((e) => e.scrollWidth > e.clientWidth)))
      return void console.warn('[note] the miners table fits at 1000 px: nothing to scroll');
    const before = (await page.locator('table.miners-table thead th', { hasText: 'Miner' }).boundingBox())!;
    await wrap.evaluate((e) => {
      e.scrollLeft = e.scrollWidth;
    });
    const after = (await page.locator('table.miners-table thead th', { hasText: 'Miner' }).boundingBox())!;
    expect(after.x).toBeCloseTo(before.x, 0);
  });
});
