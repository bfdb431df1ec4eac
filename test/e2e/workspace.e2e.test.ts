import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { chromiumMissingReason } from './browser';
import { useDemoApp } from './demo-app';

const missing = chromiumMissingReason();
if (missing) console.warn(`[skip] browser tests: ${missing}`);
const SHOTS = path.resolve(__dirname, '../../test-results');

describe.skipIf(missing !== null)('the Subnets table and the what-if panel', () => {
  const app = useDemoApp({ subnetCount: 24, maxUids: 64, days: 6 });
  let page: Page;
  beforeAll(() => {
    page = app().page;
  });

  const cellTexts = (column: number) =>
    page.locator(`table.subnets-table tbody tr td:nth-child(${column})`).allTextContents();
  const columnIndex = async (label: string) =>
    (await page.locator('table.subnets-table thead th').allTextContents()).findIndex((t) => t.startsWith(label)) + 1;

  it('shows every subnet with economics under the scenario, and sorts by any column', async () => {
    const rows = await page.locator('table.subnets-table tbody tr').count();
    expect(rows).toBeGreaterThan(20);
    const verdicts = await cellTexts(await columnIndex('Verdict'));
    expect(verdicts.every((v) => /Mine|Watch|Skip/.test(v))).toBe(true);

    await page.getByRole('button', { name: 'Netuid' }).click(); // profit is the default sort; now by netuid desc
    let netuids = (await cellTexts(await columnIndex('Netuid'))).map(Number);
    expect(netuids).toEqual([...netuids].sort((a, b) => b - a));
    await page.getByRole('button', { name: 'Netuid' }).click();
    netuids = (await cellTexts(await columnIndex('Netuid'))).map(Number);
    expect(netuids).toEqual([...netuids].sort((a, b) => a - b));
    // The README shows the analysts' laptop screen.
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.screenshot({ path: path.join(SHOTS, 'subnets-table.png') });
    await page.setViewportSize({ width: 1400, height: 900 });
    fs.copyFileSync(
      path.join(SHOTS, 'subnets-table.png'),
      path.resolve(__dirname, '../../resources/screenshots/subnets-table.png'),
    );
  });

  it('filters by verdict and by search', async () => {
    await page.getByRole('combobox', { name: 'Verdict' }).selectOption('Skip');
    const verdicts = await cellTexts(await columnIndex('Verdict'));
    expect(verdicts.length).toBeGreaterThan(0);
    expect(verdicts.every((v) => v.includes('Skip'))).toBe(true);
    await page.getByRole('combobox', { name: 'Verdict' }).selectOption('any');
    await page.getByLabel('Search subnets').fill('root');
    expect(await cellTexts(await columnIndex('Name'))).toEqual(['root']);
    await page.getByLabel('Search subnets').fill('');
  });

  it('moving the rent changes every profit while typing, and nonsense keeps the last valid scenario', async () => {
    const profitCol = await columnIndex('Profit');
    await page.getByRole('button', { name: 'Netuid' }).click();
    const before = await cellTexts(profitCol);
    await page.getByLabel('Hardware rent (USD/month)').fill('900');
    await expect.poll(async () => (await cellTexts(profitCol)).join('|')).not.toBe(before.join('|'));
    const after = await cellTexts(profitCol);
    const num = (s: string) => Number(s.replace(/,/g, ''));
    // Every computable profit fell by the rent increase (150 → 900 = 750), rounded to whole dollars.
    before.forEach((b, i) => {
      if (b !== '—') expect(Math.abs(num(b) - num(after[i]!) - 750)).toBeLessThanOrEqual(1);
    });

    await page.getByLabel('Hardware rent (USD/month)').fill('-20');
    await page.getByText('rent cannot be negative').waitFor();
    expect(await cellTexts(profitCol)).toEqual(after);
    await page.getByLabel('TAO price (USD)').fill('abc');
    await page.getByText('"abc" is not a number').waitFor();
    expect(await cellTexts(profitCol)).toEqual(after);
    await page.getByLabel('Hardware rent (USD/month)').fill('900');
  });

  it('stricter verdict thresholds in Settings change the verdicts in the table', async () => {
    const verdictCol = await columnIndex('Verdict');
    const skips = async () => (await cellTexts(verdictCol)).filter((v) => v.includes('Skip')).length;
    const skipBefore = await skips();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Settings' }).click();
    await page.getByLabel('Profit must exceed (USD/month)').fill('1000000');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByText('Saved.').waitFor();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Subnets' }).click();
    await expect.poll(skips).toBeGreaterThan(skipBefore);
    expect((await cellTexts(verdictCol)).some((v) => v.includes('Mine'))).toBe(false);
    // The what-if panel kept the rent set earlier (saving Settings does not roll the scenario back).
    expect(await page.getByLabel('Hardware rent (USD/month)').inputValue()).toBe('900');
  });

  it('remembers hidden and reordered columns across a reload', async () => {
    await page.getByText('Columns').click();
    await page.locator('.columns-menu').getByLabel('Symbol', { exact: true }).uncheck();
    await page.reload();
    await page.locator('table.subnets-table tbody tr').first().waitFor();
    const headers = await page.locator('table.subnets-table thead th').allTextContents();
    expect(headers.some((h) => h.startsWith('Symbol'))).toBe(false);
  });

  it('exports the table as the user sees it to CSV', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export CSV' }).click(),
    ]);
    const file = await download.path();
    const lines = fs.readFileSync(file!, 'utf8').trim().split('\n');
    const count = await page.locator('table.subnets-table tbody tr').count();
    expect(lines).toHaveLength(count + 1);
    expect(lines[0]).toContain('Profit $/mo');
  });
});

describe.skipIf(missing !== null)('watchlists', () => {
  const app = useDemoApp({ subnetCount: 12, maxUids: 32, days: 3 });

  it('builds a list, highlights big moves since the previous sync, and deletes with confirmation and undo', async () => {
    const { page } = app();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Watchlists' }).click();
    await page.getByLabel('New watchlist').fill('GPU candidates');
    await page.getByRole('button', { name: 'Create' }).click();
    await page.getByRole('heading', { name: 'GPU candidates' }).waitFor();
    // Add subnets the way another screen would (the subnet page has the checkbox): through the contract.
    const id = await page.evaluate(async () => (await window.scout.call('watchlists.list'))[0]!.id);
    for (const netuid of [1, 2, 3])
      await page.evaluate(([i, n]) => window.scout.call('watchlists.addSubnet', { id: i!, netuid: n! }), [id, netuid]);
    await page.reload();
    await page.getByRole('button', { name: /^SN1 / }).waitFor();
    await expect.poll(() => page.locator('article.card tbody tr').count()).toBe(3);
    // The demo network moves prices and registrations between days: at least one move is beyond a 20% threshold.
    await page.evaluate(
      (i) => window.scout.call('watchlists.setThresholds', { id: i, thresholds: { price: 0, registrationCost: 0 } }),
      id,
    );
    await page.reload();
    await page.getByRole('button', { name: /^SN1 / }).waitFor();
    await expect.poll(() => page.locator('article.card .change-highlight').count()).toBeGreaterThan(0);
    await page.screenshot({ path: path.join(SHOTS, 'watchlists.png') });

    await page.getByRole('button', { name: 'Delete…' }).click();
    await page.getByRole('button', { name: 'Delete', exact: true }).click();
    await page.getByText('Deleted “GPU candidates”.').waitFor();
    expect(await page.getByRole('heading', { name: 'GPU candidates' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Undo' }).click();
    await page.getByRole('heading', { name: 'GPU candidates' }).waitFor();
    await expect.poll(() => page.locator('article.card tbody tr').count()).toBe(3);
  });
});
