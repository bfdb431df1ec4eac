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
if (missing) console.warn(`[skip] browser sync test: ${missing}`);
const metadata = metadataOrWarn('browser sync test');

describe.skipIf(missing !== null || !metadata)('syncing from the app', () => {
  let browser: Browser;
  let host: TestHost;
  let node: StandInNode;
  beforeAll(async () => {
    browser = await launchChromium();
    node = await startStandInNode({ metadataPath: metadata!, subnetCount: 12, maxUids: 16, seed: 5 });
    host = await startHost({ dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'scout-sync-e2e-')) });
    const reply = await host.service.call('settings.set', { network: 'custom', customEndpoint: node.url, syncIntervalMinutes: 0 });
    expect(reply.ok).toBe(true);
  });
  afterAll(async () => {
    await browser?.close();
    await host?.close();
    await node?.close();
  });

  it('shows progress while syncing, then the synced subnets with the block they came from', async () => {
    // Slow each subnet's read a little so the progress is observable, as it is on a real network.
    node.faults.methodDelayMs = { SubnetInfoRuntimeApi_get_selective_metagraph: 150 };
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(host.url);
    await page.getByRole('button', { name: 'Sync now' }).first().click();
    await expect.poll(() => page.getByTestId('sync-message').textContent(), { timeout: 15_000 }).toMatch(/Read SN\d+ \(\d+\/\d+\)/);
    await page.locator('table.subnets-table tbody tr').first().waitFor({ timeout: 30_000 });
    const block = node.finalizedHead().number;
    await expect(page.getByTestId('data-age').textContent()).resolves.toContain(`block ${block.toLocaleString('en-US')}`);
    expect(await page.getByTestId('sync-message').textContent()).toContain(`Synced block ${block.toLocaleString('en-US')}`);
    expect(await page.locator('table.subnets-table tbody tr').count()).toBe(node.truthAt(block).subnets.size);
  });

  it('offline: the endpoint disappears, the app says so, and the synced data stays usable', async () => {
    node.faults.reset();
    await node.close();
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(host.url);
    const rows = await page.locator('table.subnets-table tbody tr').count();
    await page.getByRole('button', { name: 'Sync now' }).click();
    await expect.poll(() => page.getByTestId('sync-message').textContent(), { timeout: 15_000 }).toMatch(/Cannot reach/);
    await expect(page.locator('.statusbar').getByText('offline').isVisible()).resolves.toBe(true);
    expect(await page.locator('table.subnets-table tbody tr').count()).toBe(rows);
    host.service.sync.cancel();
  });
});
