import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { startHost, type TestHost } from '../host/host';
import { chromiumMissingReason, launchChromium } from './browser';

const missing = chromiumMissingReason();
if (missing) console.warn(`[skip] browser tests: ${missing}`);

describe.skipIf(missing !== null)('demo data', () => {
  let browser: Browser;
  let host: TestHost;
  beforeAll(async () => {
    browser = await launchChromium();
    host = await startHost({
      dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'scout-demo-')),
      serviceOptions: { demo: { subnetCount: 12, maxUids: 32, days: 3 } },
    });
  });
  afterAll(async () => {
    await browser?.close();
    await host?.close();
  });

  it('opens the synthetic network from the empty state, labelled on screen, and goes back in one click', async () => {
    const page = await browser.newPage();
    await page.goto(host.url);
    await page.getByRole('button', { name: 'Open demo data' }).click();
    await page.getByText('synthetic demo data', { exact: false }).first().waitFor();
    // 12 generated subnets + root, minus the dead ones the generator includes.
    const rows = await page.locator('table tbody tr').count();
    expect(rows).toBeGreaterThan(8);
    await expect(page.locator('.statusbar').textContent()).resolves.toContain('Synthetic demo data');
    // Multi-byte symbols arrive intact through the generator → mapper → SQLite → UI path.
    const symbols = await page.locator('table tbody tr td:nth-child(3)').allTextContents();
    expect(symbols.some((s) => /\P{ASCII}/u.test(s))).toBe(true);
    await page.screenshot({ path: path.join(__dirname, '../../test-results/subnets-demo.png') });

    await page.getByRole('button', { name: 'Back to my data' }).click();
    await page.getByText('No data yet: sync from Finney, or open the demo data.').waitFor();
  });
});
