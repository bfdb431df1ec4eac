/**
 * Charts that answer the question: the incentive distribution at the miners' scale with the deregistration line,
 * history axes from zero (unless zoomed, and then labelled), years named when a range crosses one, and no trend
 * drawn from fewer than three syncs.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { chromiumMissingReason } from './browser';
import { useDemoApp } from './demo-app';

const missing = chromiumMissingReason();
if (missing) console.warn(`[skip] chart browser tests: ${missing}`);

const chartLabel = (page: Page, caption: string) =>
  page
    .locator('figure.chart-card', { has: page.locator('figcaption', { hasText: caption }) })
    .locator('canvas')
    .getAttribute('aria-label');

describe.skipIf(missing !== null)('charts on a long history', () => {
  const app = useDemoApp({ subnetCount: 6, maxUids: 32, days: 260 });

  it('shows the miners and the deregistration line by default, validators only when asked', async () => {
    const { page, host } = app();
    await page.goto(`${host.url}/#/subnet/1`);
    const figure = page.locator('figure.chart-card', {
      has: page.locator('figcaption', { hasText: 'Incentive distribution' }),
    });
    await figure.locator('canvas').waitFor();
    expect(await figure.locator('figcaption').textContent()).toContain('miners only');
    const minersOnly = await chartLabel(page, 'Incentive distribution');
    expect(minersOnly).toMatch(/ 0 validators, 0 owner UIDs/);
    expect(minersOnly).toMatch(/Deregistration line at [\d.,]+ α\/day/);
    await figure.getByText('All UIDs').click();
    await expect.poll(() => chartLabel(page, 'Incentive distribution')).toMatch(/ [1-9]\d* validators/);
    await figure.getByLabel('Log scale').check();
    await expect.poll(() => chartLabel(page, 'Incentive distribution')).toMatch(/Log scale\.$/);
  });

  it('names the year on a range that crosses one, and starts axes at zero unless zoomed', async () => {
    const { page } = app();
    const history = page.getByRole('region', { name: 'History' });
    await history.getByText('All', { exact: true }).click();
    // 260 days back from the demo's August head block reaches into the previous year.
    await expect
      .poll(() => chartLabel(page, 'Earning miners'))
      .toMatch(/^Earning miners, all history: .* From .*\d{4}.* to .*\d{4}.*\.$/);
    expect(await history.locator('figcaption', { hasText: 'zoomed' }).count()).toBe(0);
    await history.getByLabel(/Zoom to the data/).check();
    // Every history chart says so (price, emission, received miner pool, registration cost, earning miners, Gini).
    await expect.poll(() => history.locator('figcaption', { hasText: 'zoomed' }).count()).toBe(6);
    expect(await chartLabel(page, 'Earning miners')).toMatch(/Zoomed axis\.$/);
  });
});

describe.skipIf(missing !== null)('the price and pool chart', () => {
  const app = useDemoApp({ subnetCount: 4, maxUids: 16, days: 10 });

  it('draws the alpha price with the TAO reserve of each sync', async () => {
    const { page, host } = app();
    await page.goto(`${host.url}/#/subnet/2`);
    const canvas = page.getByRole('region', { name: 'Price and pool' }).locator('canvas');
    await canvas.waitFor();
    const detail = await page.evaluate(async () => {
      const settings = await window.scout.call('settings.get');
      return window.scout.call('subnet.economics', { netuid: 2, scenario: settings.scenario, historyDays: 30 });
    });
    // One pool point per stored sync (ten days of demo syncs, twice a day lately).
    const points = await page.evaluate(() => window.scout.call('sync.points'));
    expect(points.length).toBeGreaterThan(10);
    expect(detail.pool.length).toBe(points.length);
    const latest = detail.pool.at(-1)!;
    expect(latest.taoReserveTao).toBeGreaterThan(0);
    const label = await canvas.getAttribute('aria-label');
    expect(label).toContain(`over ${detail.pool.length} syncs`);
    expect(label).toContain(`${Math.round(latest.taoReserveTao).toLocaleString('en-US')} τ`);
  });
});

describe.skipIf(missing !== null)('charts after one or two syncs', () => {
  // Half a day of demo syncs: two points, twelve hours apart.
  const app = useDemoApp({ subnetCount: 4, maxUids: 16, days: 0.5 });

  it('says more syncs are needed instead of drawing a trend from two points', async () => {
    const { page, host } = app();
    await page.goto(`${host.url}/#/subnet/1`);
    await page.getByText(/More syncs needed: 2 points/).waitFor();
    expect(await page.getByRole('region', { name: 'History' }).locator('canvas').count()).toBe(0);
  });
});
