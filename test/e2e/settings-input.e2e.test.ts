/**
 * The Settings screen as a user fills it in: a contradictory pair of thresholds is named while typing and saving is
 * refused with the same words (the stored settings stay), "-0" is saved as 0, and the sync time limit is a field.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { startHost, type TestHost } from '../host/host';
import { chromiumMissingReason, launchChromium } from './browser';
import type { Settings } from '../../shared/api-types';

const missing = chromiumMissingReason();
if (missing) console.warn(`[skip] settings input browser test: ${missing}`);
const SCREENSHOTS = path.resolve(__dirname, '../../test-results');

describe.skipIf(missing !== null)('Settings: thresholds, -0 and the sync time limit', () => {
  let browser: Browser;
  let host: TestHost;
  beforeAll(async () => {
    browser = await launchChromium();
    host = await startHost({ dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'scout-e2e-settings-')) });
  });
  afterAll(async () => {
    await browser?.close();
    await host?.close();
  });

  it('names a contradictory pair, refuses to save it, and saves "-0" as 0 once fixed', async () => {
    const page = await browser.newPage();
    await page.goto(host.url);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Settings' }).click();
    await page.getByLabel('Gini good below').fill('0.9');
    const pairProblem = 'Gini "bad above" (0.7) must be higher than "good below" (0.9): a lower Gini is better.';
    await page.getByRole('alert').filter({ hasText: pairProblem }).waitFor();
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: path.join(SCREENSHOTS, 'settings-threshold-pair.png') });
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page
      .getByRole('alert')
      .filter({ hasText: /settings\.set: invalid argument \(verdictThresholds\.giniBad: Gini "bad above"/ })
      .waitFor();
    expect((await host.service.call('settings.get', undefined)) as { value: Settings }).toMatchObject({
      value: { verdictThresholds: { giniGood: 0.3 } },
    });

    await page.getByLabel('Gini good below').fill('0.2');
    await page.getByLabel('Profit must exceed (USD/month)').fill('-0');
    await page.getByLabel('Stop a sync that takes longer than (minutes; a backfill gets this per day)').fill('10');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByText('Saved.').waitFor();
    const saved = ((await host.service.call('settings.get', undefined)) as { value: Settings }).value;
    expect(saved.syncDeadlineMinutes).toBe(10);
    expect(Object.is(saved.verdictThresholds.minProfitUsdPerMonth, 0)).toBe(true);
    await page.reload();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Settings' }).click();
    await expect.poll(() => page.getByLabel('Profit must exceed (USD/month)').inputValue()).toBe('0');
    await page.close();
  });
});
