/** A first sync against the stand-in node shows a determinate bar in the main area that moves as subnets are read. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { startHost, type TestHost } from '../host/host';
import { startStandInNode, type StandInNode } from '../chain/node';
import { metadataOrWarn } from '../chain/test-helpers';
import { chromiumMissingReason, launchChromium } from './browser';

const missing = chromiumMissingReason();
if (missing) console.warn(`[skip] sync progress browser test: ${missing}`);
const metadata = metadataOrWarn('sync progress browser test');

describe.skipIf(missing !== null || !metadata)('sync progress in the main area', () => {
  let browser: Browser;
  let host: TestHost;
  let node: StandInNode;
  beforeAll(async () => {
    browser = await launchChromium();
    node = await startStandInNode({ metadataPath: metadata!, subnetCount: 12, maxUids: 16, seed: 7 });
    host = await startHost({ dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'scout-progress-e2e-')) });
    const reply = await host.service.call('settings.set', {
      network: 'custom',
      customEndpoint: node.url,
      syncIntervalMinutes: 0,
    });
    expect(reply.ok).toBe(true);
  });
  afterAll(async () => {
    await browser?.close();
    await host?.close();
    await node?.close();
  });

  it('the first sync shows what it is doing and a bar that moves with the subnets read', async () => {
    // Each subnet's read takes a while, as on a real network: the bar has time to be seen at several values.
    node.faults.methodDelayMs = { SubnetInfoRuntimeApi_get_selective_metagraph: 250 };
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await page.goto(host.url);
    await page.evaluate(() => {
      const w = window as unknown as { progressSeen: number[]; progressLabels: string[] };
      w.progressSeen = [];
      w.progressLabels = [];
      new MutationObserver(() => {
        const bar = document.querySelector('.sync-progress progress');
        if (!bar) return;
        const value = Number(bar.getAttribute('value'));
        if (w.progressSeen.at(-1) !== value) w.progressSeen.push(value);
        w.progressLabels.push(bar.getAttribute('aria-label') ?? '');
      }).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
    });
    await page.getByRole('button', { name: 'Sync now' }).first().click();
    const bar = page.getByTestId('sync-progress');
    await bar.waitFor({ timeout: 15_000 });
    expect(await bar.textContent()).toContain('First sync from the chain');
    // The bar is in the main area, not the status bar.
    expect(await page.locator('main').getByTestId('sync-progress').count()).toBe(1);

    // When it is done, the bar goes and the table shows what was read.
    await page.locator('table.subnets-table tbody tr').first().waitFor({ timeout: 30_000 });
    await expect.poll(() => bar.count()).toBe(0);

    // Every value the bar shows, as the page draws it (sampling from here could miss quick steps).
    const seen = await page.evaluate(() => (window as unknown as { progressSeen: number[] }).progressSeen);
    const labels = await page.evaluate(() => (window as unknown as { progressLabels: string[] }).progressLabels);
    expect(new Set(seen).size).toBeGreaterThanOrEqual(3);
    expect(seen).toEqual([...seen].sort((a, b) => a - b)); // it only ever moves forward
    expect(seen.every((v) => v >= 0 && v <= 100)).toBe(true);
    expect(labels.some((l) => /Reading subnets: \d+ of 1[0-9]/.test(l))).toBe(true);
  });
});
