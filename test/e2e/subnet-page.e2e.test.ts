import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startHost, type TestHost } from '../host/host';
import { chromiumMissingReason, launchChromium } from './browser';

const missing = chromiumMissingReason();
if (missing) console.warn(`[skip] browser tests: ${missing}`);

const RESULTS = path.join(__dirname, '../../test-results');
const README_SHOTS = path.join(__dirname, '../../resources/screenshots');

/** Lets the page grow to its content (the app scrolls inside .content) so a full-page screenshot shows all of it. */
async function unclipForScreenshot(page: Page): Promise<void> {
  await page.evaluate(() => {
    for (const el of [document.documentElement, document.body, document.getElementById('root')])
      el!.style.height = 'auto';
    const frame = document.querySelector<HTMLElement>('.frame')!;
    frame.style.height = 'auto';
    document.querySelector<HTMLElement>('.content')!.style.overflow = 'visible';
    document.querySelector<HTMLElement>('.subnet-page .side-panel')!.style.maxHeight = 'none';
  });
}

/** Non-transparent pixels of each canvas: a chart that drew nothing (or only its frame) has very few. */
function paintedPixels(page: Page): Promise<number[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('canvas')].map((c) => {
      const { data } = c.getContext('2d')!.getImageData(0, 0, c.width, c.height);
      let painted = 0;
      for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) painted++;
      return painted;
    }),
  );
}

describe.skipIf(missing !== null)('subnet page', () => {
  let browser: Browser;
  let host: TestHost;
  beforeAll(async () => {
    browser = await launchChromium();
    host = await startHost({
      dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'scout-subnet-page-')),
      serviceOptions: { demo: { subnetCount: 12, maxUids: 32, days: 8 } },
    });
  });
  afterAll(async () => {
    await browser?.close();
    await host?.close();
  });

  it('shows figures with provenance, charts, economics and the grid, and follows the what-if', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(m.text());
    });
    await page.goto(host.url);
    await page.getByRole('button', { name: 'Open demo data' }).click();
    await page.locator('tr.clickable').first().waitFor();

    // A subnet where a newcomer earns something, so profit moves with the TAO price and scenarios differ.
    const netuid = await page.evaluate(async () => {
      const all = await window.scout.call('scenario.evaluate', {
        scenario: {
          taoPriceUsd: 400,
          rentUsdPerMonth: 150,
          position: { kind: 'percentile', percentile: 50 },
          competitorCount: null,
          horizonMonths: 6,
          sellDiscount: 0.01,
        },
      });
      return all.find((e) => (e.taoPerDay.value ?? 0) > 0 && e.profitUsdPerMonth.value !== null)!.netuid;
    });
    await page.evaluate(() => window.scout.call('watchlists.create', { name: 'X' }));
    const detail = await page.evaluate(
      (n) =>
        window.scout.call('subnet.economics', {
          netuid: n,
          scenario: {
            taoPriceUsd: 400,
            rentUsdPerMonth: 150,
            position: { kind: 'percentile', percentile: 50 },
            competitorCount: null,
            horizonMonths: 6,
            sellDiscount: 0.01,
          },
        }),
      netuid,
    );

    await page.locator(`table.subnets-table tr[data-netuid="${netuid}"]`).click();
    const heading = page.getByRole('heading', { level: 1 });
    await expect(heading.textContent()).resolves.toContain(`SN${netuid}`);
    await page.getByRole('heading', { name: 'Key figures' }).waitFor();
    await expect(heading.textContent()).resolves.toContain(detail.analysis.name);

    // A known figure, read off the engine: earning miners / miner UIDs.
    const miners = page
      .locator('.figure-item', { has: page.locator('dt', { hasText: 'Earning miners / miner UIDs' }) })
      .locator('dd');
    await expect(miners.innerText()).resolves.toBe(
      `${detail.analysis.counts.earningMiners.value} / ${detail.analysis.counts.minerUids.value}`,
    );

    // Provenance: on hover (title) and as the accessible description keyboard users get.
    const price = page
      .locator('.figure-item', { has: page.locator('dt', { hasText: 'Alpha price' }) })
      .locator('.figure');
    await expect(price.getAttribute('title')).resolves.toMatch(/chain, block [\d,]+/);
    const hintId = await price.getAttribute('aria-describedby');
    await expect(page.locator(`[id="${hintId}"]`).textContent()).resolves.toContain('block');
    await price.focus();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Shift+Tab');
    await page.locator(`[id="${hintId}"]`).waitFor();

    // Verdict with its reasons.
    await expect(page.locator('.verdict-line .verdict').textContent()).resolves.toMatch(/Mine|Watch|Skip/);
    expect(await page.locator('.reasons li').count()).toBeGreaterThan(1);
    await page.locator('.reasons li.decisive').first().waitFor();

    // Sensitivity: the default 21 × 21 grid.
    expect(await page.locator('table.heatmap tbody td').count()).toBe(21 * 21);

    // Charts: the newcomer's cumulative profit path, six history charts, the price and pool, the distribution and the
    // Lorenz curve, each drawn.
    await expect(page.locator('canvas').count()).resolves.toBe(10);
    await expect(page.locator('.profit-path canvas').getAttribute('aria-label')).resolves.toMatch(
      /^Cumulative profit over 6 months, ending at /,
    );
    const painted = await paintedPixels(page);
    for (const n of painted) expect(n).toBeGreaterThan(2000);

    // The subnet's research notes are on its page.
    await page.getByRole('heading', { name: 'Research notes' }).waitFor();

    // The what-if: a new TAO price changes the profit shown.
    const profit = page.locator('.profit-row dd');
    const before = await profit.innerText();
    await page.getByLabel('TAO price (USD)', { exact: true }).fill('800');
    await expect.poll(() => profit.innerText()).not.toBe(before);

    // The alpha price assumption: a falling price lowers the profit over the horizon, on the path drawn beside it;
    // the subnet's own 30-day trend is one click away.
    const alphaChange = page.getByLabel(/^Alpha price change/);
    const flat = await profit.innerText();
    const pathChart = page.locator('.profit-path canvas');
    const flatPath = await pathChart.getAttribute('aria-label');
    await alphaChange.fill('-20');
    await expect.poll(() => profit.innerText()).not.toBe(flat);
    await expect.poll(() => pathChart.getAttribute('aria-label')).not.toBe(flatPath);
    await page.getByRole('button', { name: /^Use this subnet's 30-day price trend/ }).click();
    await expect.poll(() => alphaChange.inputValue()).not.toBe('-20');
    await alphaChange.fill('0');
    await expect.poll(() => profit.innerText()).toBe(flat);

    // Watchlist membership from the page.
    // The box follows the stored list, so it turns checked once the core has answered.
    const listBox = page.getByRole('group', { name: 'Watchlists' }).getByLabel('X');
    await listBox.click();
    await expect.poll(() => listBox.isChecked()).toBe(true);
    await expect
      .poll(() =>
        page.evaluate(async () => (await window.scout.call('watchlists.list')).find((l) => l.name === 'X')!.netuids),
      )
      .toContain(netuid);

    // Save two scenarios at different TAO prices and compare them side by side.
    const nameField = page.getByLabel('Scenario name');
    await nameField.fill('TAO at $800');
    await page.getByRole('button', { name: 'Save current scenario' }).click();
    await page.getByRole('checkbox', { name: /^TAO at \$800/ }).waitFor();
    await page.getByLabel('TAO price (USD)', { exact: true }).fill('150');
    await nameField.fill('TAO at $150');
    await page.getByRole('button', { name: 'Save current scenario' }).click();
    await page.getByRole('checkbox', { name: /^TAO at \$150/ }).check();
    await page.getByRole('checkbox', { name: /^TAO at \$800/ }).check();
    const compare = page.locator('table.compare-table');
    await expect(compare.locator('thead th').count()).resolves.toBe(3);
    const profitRow = compare.locator('tr', { has: page.locator('th', { hasText: /^Profit$/ }) }).locator('td');
    await expect
      .poll(async () => (await profitRow.allInnerTexts()).filter((t) => t.startsWith('$') || t.startsWith('-')).length)
      .toBe(2);
    const [cheap, dear] = await profitRow.allInnerTexts();
    expect(cheap).not.toBe(dear);

    // Applying a saved scenario puts it back in the what-if panel.
    await page.getByRole('button', { name: 'Apply scenario TAO at $800' }).click();
    await expect.poll(() => page.getByLabel('TAO price (USD)', { exact: true }).inputValue()).toBe('800');

    // The README shows the analysts' laptop screen.
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.locator('.content').evaluate((el) => el.scrollTo(0, 0));
    fs.mkdirSync(README_SHOTS, { recursive: true });
    await page.screenshot({ path: path.join(README_SHOTS, 'subnet-page.png') });
    await unclipForScreenshot(page);
    await page.screenshot({ path: path.join(RESULTS, 'subnet-page.png'), fullPage: true });
    await page.evaluate(() => (document.documentElement.dataset.theme = 'dark'));
    await page.waitForTimeout(100);
    await page.screenshot({ path: path.join(RESULTS, 'subnet-page-dark.png'), fullPage: true });

    expect(problems).toEqual([]);
  });

  it('asks the core for just the history range the charts show, and again when the range changes', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(e.message));
    await page.goto(host.url);
    await page.evaluate(async () => {
      if ((await window.scout.call('app.info')).dataset !== 'demo')
        await window.scout.call('app.useDataset', { dataset: 'demo' });
    });
    const pointsIn = (historyDays: number | 'all') =>
      page.evaluate(
        async (days) =>
          (
            await window.scout.call('subnet.economics', {
              netuid: 1,
              scenario: (await window.scout.call('settings.get')).scenario,
              historyDays: days,
            })
          ).history.length,
        historyDays,
      );
    const [week, all] = [await pointsIn(7), await pointsIn('all')];
    expect(week).toBeLessThan(all); // the demo holds 8 days of daily points: a week is fewer

    // The Subnet page's own call for the detail, answered: which range it asked for, and how many bytes came back.
    const detailCall = async (historyDays: number | 'all', act: () => Promise<unknown>) => {
      const [response] = await Promise.all([
        page.waitForResponse((r) => {
          if (!r.url().endsWith('/api/call')) return false;
          const { method, arg } = JSON.parse(r.request().postData() ?? '{}') as {
            method?: string;
            arg?: { historyDays?: unknown };
          };
          return method === 'subnet.economics' && arg?.historyDays === historyDays;
        }),
        act(),
      ]);
      return (await response.body()).length;
    };
    const firstChart = page.getByRole('region', { name: 'History' }).locator('.chart-card canvas').first();
    const range = (label: string) =>
      page.getByRole('region', { name: 'History' }).locator('.segmented label', { hasText: label });

    // First the charts' default month; the demo's 8 days all fit in it.
    await detailCall(30, () => page.goto(`${host.url}/#/subnet/1`));
    await expect.poll(() => firstChart.getAttribute('aria-label')).toMatch(new RegExp(`last 30 days: ${all} points`));
    const monthBytes = await detailCall(30, () => page.reload());

    const weekBytes = await detailCall(7, () => range('7 days').click());
    await expect.poll(() => firstChart.getAttribute('aria-label')).toMatch(new RegExp(`last 7 days: ${week} points`));
    expect(weekBytes).toBeLessThan(monthBytes);

    // Wider than what the page holds: only a new answer from the core can draw it.
    await detailCall('all', () => range('All').click());
    await expect.poll(() => firstChart.getAttribute('aria-label')).toMatch(new RegExp(`all history: ${all} points`));

    // The choice stays when the analyst moves to another subnet.
    await detailCall('all', () => page.goto(`${host.url}/#/subnet/2`));
    await expect.poll(() => range('All').getAttribute('class')).toBe('selected');
    expect(problems).toEqual([]);
    await page.close();
  });

  it("a netuid the data does not hold says so plainly (the core's not-found code), not as a failure to retry", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(host.url);
    await page.evaluate(async () => {
      if ((await window.scout.call('app.info')).dataset !== 'demo')
        await window.scout.call('app.useDataset', { dataset: 'demo' });
    });
    await page.goto(`${host.url}/#/subnet/999`);
    const missing = page
      .getByRole('alert')
      .filter({ has: page.getByRole('heading', { name: 'SN999 is not in this data' }) });
    await missing.waitFor();
    expect(await missing.textContent()).toContain('No sync has read a subnet numbered 999');
    // Not the core's words for a failure, and nothing offering to try again.
    expect(await page.getByText('sync first').count()).toBe(0);
    expect(await page.getByRole('button', { name: /try again|retry/i }).count()).toBe(0);
    await missing.getByRole('link', { name: 'Back to the subnet list' }).click();
    await page.locator('table.subnets-table tbody tr').first().waitFor();

    // A subnet the data holds is shown as usual after it.
    await page.goto(`${host.url}/#/subnet/1`);
    await page.getByRole('heading', { level: 1, name: /^SN1 · / }).waitFor();
    expect(await page.getByRole('heading', { name: /is not in this data/ }).count()).toBe(0);
    await page.close();
  });
});
