import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startHost, type TestHost } from '../host/host';
import { chromiumMissingReason, launchChromium } from './browser';

const missing = chromiumMissingReason();
if (missing) console.warn(`[skip] browser tests: ${missing}`);

export const SCREENSHOTS = path.resolve(__dirname, '../../test-results');

describe.skipIf(missing !== null)('the app in Chromium, against the real core', () => {
  let browser: Browser;
  const hosts: TestHost[] = [];
  const freshDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'scout-e2e-'));

  beforeAll(async () => {
    browser = await launchChromium();
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    for (const h of hosts) await h.close();
  });

  async function openApp(dataDir: string): Promise<{ page: Page; host: TestHost; errors: string[] }> {
    const host = await startHost({ dataDir });
    hosts.push(host);
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    await page.goto(host.url);
    return { page, host, errors };
  }

  it('opens on a fresh data folder with an empty state that says what to do', async () => {
    const { page, errors } = await openApp(freshDir());
    await page.getByText('No data yet: sync from Finney, or open the demo data.').waitFor();
    await expect.poll(() => page.getByTestId('data-age').textContent()).toBe('No data yet');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'empty-state.png') });
    expect(errors).toEqual([]);
  });

  it('keeps a changed setting across a reload', async () => {
    const dataDir = freshDir();
    const { page } = await openApp(dataDir);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Settings' }).click();
    await page.getByLabel('Sync every (minutes, 0 = only when asked)').fill('15');
    await page.getByLabel('Theme').selectOption('dark');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByText('Saved.').waitFor();
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');

    await page.reload();
    await page.getByRole('heading', { name: 'Settings' }).waitFor();
    expect(await page.getByLabel('Sync every (minutes, 0 = only when asked)').inputValue()).toBe('15');
    expect(await page.getByLabel('Theme').inputValue()).toBe('dark');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'settings-dark.png') });
  });

  it('follows the system colour scheme until the user picks a theme', async () => {
    const host = await startHost({ dataDir: freshDir() });
    hosts.push(host);
    const page = await browser.newPage({ colorScheme: 'dark' });
    await page.goto(host.url);
    await page.getByText('No data yet').first().waitFor();
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(20, 23, 27)');
    await page.emulateMedia({ colorScheme: 'light' });
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe('light');
  });

  it('refuses an invalid setting with the reason, and keeps the stored value', async () => {
    const { page } = await openApp(freshDir());
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Settings' }).click();
    await page.getByLabel('Network').selectOption('custom');
    await page.getByLabel('Custom endpoint URL').fill('http://not-a-websocket');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toContain('must be a ws:// or wss:// URL');
    await page.reload();
    await page.getByRole('heading', { name: 'Settings' }).waitFor();
    expect(await page.getByLabel('Network').inputValue()).toBe('finney');
  });

  it('rejects unknown settings keys and wrong types at the boundary', async () => {
    const { page } = await openApp(freshDir());
    const unknownKey = await page.evaluate(() =>
      (window.scout.call as (m: string, a: unknown) => Promise<unknown>)('settings.set', { colour: 'red' }).catch(
        (e: Error) => e.message,
      ),
    );
    expect(unknownKey).toMatch(/settings\.set: invalid argument.*colour/);
    const wrongType = await page.evaluate(() =>
      (window.scout.call as (m: string, a: unknown) => Promise<unknown>)('settings.set', {
        syncIntervalMinutes: 'often',
      }).catch((e: Error) => e.message),
    );
    expect(wrongType).toMatch(/syncIntervalMinutes/);
  });

  it('says in words when the data file is not a database, and leaves it untouched', async () => {
    const dataDir = freshDir();
    const file = path.join(dataDir, 'scout.db');
    fs.writeFileSync(file, 'these are my notes, not a database\n');
    const before = fs.readFileSync(file);
    const { page } = await openApp(dataDir);
    await expect(page.getByTestId('problem-message').textContent()).resolves.toMatch(/not a Subnet Scout database/);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'data-problem.png') });
    expect(fs.readFileSync(file).equals(before)).toBe(true);

    // Offered: open another folder, which works.
    await page.getByLabel('Open another data folder').fill(freshDir());
    await page.getByRole('button', { name: 'Open' }).click();
    await page.getByText('No data yet: sync from Finney, or open the demo data.').waitFor();
  });
});
