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

  it('shows progress while syncing, then the synced subnets with the block they came from', async () => {
    // Slow each subnet's read a little so the progress is observable, as it is on a real network.
    node.faults.methodDelayMs = { SubnetInfoRuntimeApi_get_selective_metagraph: 150 };
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(host.url);
    await page.getByRole('button', { name: 'Sync now' }).first().click();
    await expect
      .poll(() => page.getByTestId('sync-message').textContent(), { timeout: 15_000 })
      .toMatch(/Read SN\d+ \(\d+\/\d+\)/);
    await page.locator('table.subnets-table tbody tr').first().waitFor({ timeout: 30_000 });
    const block = node.finalizedHead().number;
    await expect(page.getByTestId('data-age').textContent()).resolves.toContain(
      `block ${block.toLocaleString('en-US')}`,
    );
    expect(await page.getByTestId('sync-message').textContent()).toContain(
      `Synced block ${block.toLocaleString('en-US')}`,
    );
    expect(await page.locator('table.subnets-table tbody tr').count()).toBe(node.truthAt(block).subnets.size);
  });

  it('emission reads as btcli shows it: TAO-in emission in the column, chain buys and the total on hover and on the subnet page', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(host.url);
    await page.locator('table.subnets-table tbody tr').first().waitFor();
    const headers = await page.locator('table.subnets-table thead th').allTextContents();
    const column = headers.findIndex((h) => h.startsWith('Emission (τ in)'));
    expect(column).toBeGreaterThan(0);
    expect(await page.locator('table.subnets-table thead th').nth(column).getAttribute('title')).toMatch(
      /btcli.*Emission.*chain buys.*total TAO entering the subnet/s,
    );
    const truth = node.truthAt(node.finalizedHead().number);
    const [netuid, sub] = [...truth.subnets].find(([n, s]) => n > 0 && (s.storage.excessTao ?? 0n) > 0n)!;
    const row = page.locator(`table.subnets-table tbody tr[data-netuid="${netuid}"]`);
    const cell = row.locator('td').nth(column);
    const taoIn = (100 * Number(sub.dynamic.taoInEmission)) / Number(truth.network.blockEmission);
    const buys = (100 * Number(sub.storage.excessTao)) / Number(truth.network.blockEmission);
    expect(await cell.textContent()).toBe(`${taoIn.toFixed(2)}%`);
    expect(await cell.locator('[title]').getAttribute('title')).toBe(
      `TAO-in emission ${taoIn.toFixed(2)}% + chain buys ${buys.toFixed(2)}% = total TAO entering the subnet ${(taoIn + buys).toFixed(2)}% (of block emission)`,
    );
    await page.goto(`${host.url}/#/subnet/${netuid}`);
    for (const label of ['TAO-in emission (btcli “Emission”)', 'Chain buys', 'Total TAO entering the subnet']) {
      await page.locator('.figure-item dt', { hasText: label }).first().waitFor();
    }
  });

  it('after a second sync, a watchlist highlights what moved beyond its thresholds', async () => {
    node.faults.reset();
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(`${host.url}/#/watchlists`);
    await page.getByLabel('New watchlist').fill('Moves');
    await page.getByRole('button', { name: 'Create' }).click();
    await page.getByRole('heading', { name: 'Moves' }).waitFor();
    const id = await page.evaluate(async () => (await window.scout.call('watchlists.list'))[0]!.id);
    const netuids = [...node.truthAt(node.finalizedHead().number).subnets.keys()].filter((n) => n > 0).slice(0, 6);
    for (const n of netuids)
      await page.evaluate(([i, x]) => window.scout.call('watchlists.addSubnet', { id: i!, netuid: x! }), [id, n]);
    // Any price move counts as big for this list.
    await page.evaluate((i) => window.scout.call('watchlists.setThresholds', { id: i, thresholds: { price: 0 } }), id);
    await page.reload();
    await page.getByRole('button', { name: new RegExp(`^SN${netuids[0]} `) }).waitFor();
    expect(await page.locator('article.card .change-highlight').count()).toBe(0); // one sync: nothing to compare yet

    node.produceBlocks(600); // prices move from block to block on the stand-in chain
    await page.locator('.statusbar').getByRole('button', { name: 'Sync now' }).click();
    await expect
      .poll(() => page.locator('article.card .change-highlight').count(), { timeout: 30_000 })
      .toBeGreaterThan(0);
    await page.screenshot({ path: path.join(__dirname, '../../test-results/watchlist-after-sync.png') });
  });

  it('offline: the endpoint disappears, the app says so, and the synced data stays usable', async () => {
    node.faults.reset();
    await node.close();
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(host.url);
    await page.locator('table.subnets-table tbody tr').first().waitFor();
    const rows = await page.locator('table.subnets-table tbody tr').count();
    await page.locator('.statusbar').getByRole('button', { name: 'Sync now' }).click();
    await expect
      .poll(() => page.getByTestId('sync-message').textContent(), { timeout: 15_000 })
      .toMatch(/Cannot reach/);
    await page.locator('.statusbar').getByText('offline').waitFor();
    expect(await page.locator('table.subnets-table tbody tr').count()).toBe(rows);
    host.service.sync.cancel();
  });
});
