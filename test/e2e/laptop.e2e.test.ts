/**
 * The workspace on the analysts' 1366×768 laptop (and a 1920×1080 desktop): the deciding columns are on screen
 * without scrolling sideways, the subnet's identity stays put when the user does scroll, and the keyboard gets to
 * everything (a skip link, the what-if within a few Tabs, the table as one stop with arrows, Enter and Space).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { chromiumMissingReason } from './browser';
import { useDemoApp } from './demo-app';

const missing = chromiumMissingReason();
if (missing) console.warn(`[skip] laptop workspace browser tests: ${missing}`);

const SIZES = [
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
];
const DECIDING = ['Netuid', 'Name', 'Profit $/mo (expected)', 'Verdict', 'Why'];

/** The box of a header cell by its label. */
const header = (page: Page, label: string) =>
  page.locator('table.subnets-table thead th').filter({ has: page.getByRole('button', { name: label, exact: true }) });

async function horizontallyVisible(page: Page, cell: Locator): Promise<boolean> {
  const box = await cell.boundingBox();
  const wrap = await page.locator('.table-wrap').boundingBox();
  const viewport = page.viewportSize()!;
  if (!box || !wrap) return false;
  return (
    box.x >= Math.max(0, wrap.x) - 0.5 &&
    box.x + box.width <= Math.min(viewport.width, wrap.x + wrap.width) + 0.5 &&
    box.width > 0
  );
}

describe.skipIf(missing !== null)('the laptop workspace', () => {
  const app = useDemoApp({ subnetCount: 64, maxUids: 32, days: 3 });
  let page: Page;
  beforeAll(() => {
    page = app().page;
  });

  for (const size of SIZES) {
    it(`shows netuid, name, profit, verdict and its reason without scrolling sideways at ${size.width}×${size.height}`, async () => {
      await page.setViewportSize(size);
      await page.locator('table.subnets-table tbody tr').first().waitFor();
      expect(await page.locator('.table-wrap').evaluate((e) => e.scrollLeft)).toBe(0);
      for (const label of DECIDING) {
        expect(await horizontallyVisible(page, header(page, label)), `${label} heading at ${size.width}px`).toBe(true);
      }
      // The first row's verdict reason is words, not only a hover title.
      const why = await page.locator('table.subnets-table tbody tr').first().locator('td.reason-cell').textContent();
      expect(why).toMatch(/[a-z]{3,}/);
      const first = page.locator('table.subnets-table tbody tr').first();
      const verdictCell = first.locator('td').nth(4); // after the tick box, netuid, name, profit
      expect(await horizontallyVisible(page, verdictCell)).toBe(true);
    });
  }

  for (const size of SIZES) {
    it(`shows a watchlist's subnet, verdict and profit without scrolling sideways at ${size.width}×${size.height}`, async () => {
      await page.setViewportSize(size);
      if ((await page.evaluate(() => window.scout.call('watchlists.list'))).length === 0) {
        await page.evaluate(async () => {
          const list = await window.scout.call('watchlists.create', { name: 'Laptop list' });
          for (const netuid of [1, 2, 3, 4]) await window.scout.call('watchlists.addSubnet', { id: list.id, netuid });
        });
      }
      await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Watchlists' }).click();
      const card = page.locator('article.card');
      await expect.poll(() => card.locator('tbody tr').count()).toBe(4);
      const viewport = page.viewportSize()!;
      for (const label of ['Subnet', 'Verdict', 'Profit $/mo']) {
        const box = (await card.locator('thead th', { hasText: label }).first().boundingBox())!;
        expect(box.x >= 0 && box.x + box.width <= viewport.width, `${label} at ${size.width}px`).toBe(true);
      }
      await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Subnets' }).click();
      await page.locator('table.subnets-table tbody tr').first().waitFor();
    });
  }

  it('keeps Netuid and Name in place when the table is scrolled sideways', async () => {
    await page.setViewportSize(SIZES[0]!);
    await page.getByLabel('Fit to width').uncheck();
    const wrap = page.locator('.table-wrap');
    expect(await wrap.evaluate((e) => e.scrollWidth > e.clientWidth)).toBe(true);
    const before = await header(page, 'Name').boundingBox();
    await wrap.evaluate((e) => {
      e.scrollLeft = e.scrollWidth;
    });
    await expect.poll(() => wrap.evaluate((e) => e.scrollLeft)).toBeGreaterThan(100);
    expect((await header(page, 'Name').boundingBox())!.x).toBeCloseTo(before!.x, 0);
    const firstRow = page.locator('table.subnets-table tbody tr').first();
    expect(await horizontallyVisible(page, firstRow.locator('td').nth(1))).toBe(true);
    expect(await horizontallyVisible(page, firstRow.locator('td').nth(2))).toBe(true);
    // The far columns came into view: the scroll really moved the rest of the table.
    expect(await horizontallyVisible(page, header(page, 'Immunity'))).toBe(true);
    await page.getByLabel('Fit to width').check();
  });

  it('folds the what-if panel away to widen the table, and brings it back', async () => {
    await page.setViewportSize(SIZES[0]!);
    const widthOpen = (await page.locator('.table-wrap').boundingBox())!.width;
    await page.getByRole('button', { name: 'Hide what-if' }).click();
    expect(await page.getByLabel('TAO price (USD)').count()).toBe(0);
    expect((await page.locator('.table-wrap').boundingBox())!.width).toBeGreaterThan(widthOpen + 150);
    // More room shows more columns (the price is the next most important).
    expect(await horizontallyVisible(page, header(page, 'Price'))).toBe(true);
    await page.getByRole('button', { name: 'What if…' }).click();
    await page.getByLabel('TAO price (USD)').waitFor();
  });

  it('reaches the TAO price within 15 Tab presses from load, and Alt+T goes there directly', async () => {
    const fresh = await app().browser.newPage({ viewport: SIZES[0]! });
    await fresh.goto(app().host.url);
    await fresh.locator('table.subnets-table tbody tr').first().waitFor();
    let presses = 0;
    const onPrice = () => fresh.evaluate(() => document.activeElement?.id === 'what-if-tao-price');
    while (presses < 40 && !(await onPrice())) {
      await fresh.keyboard.press('Tab');
      presses++;
    }
    expect(await onPrice()).toBe(true);
    expect(presses).toBeLessThanOrEqual(15);

    // The skip link is the first stop and takes the user past the navigation.
    await fresh.reload();
    await fresh.locator('table.subnets-table tbody tr').first().waitFor();
    await fresh.keyboard.press('Tab');
    expect(await fresh.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
    await fresh.keyboard.press('Enter');
    expect(await fresh.evaluate(() => document.activeElement?.closest('main') !== null)).toBe(true);
    await fresh.keyboard.press('Alt+t');
    await expect.poll(onPrice).toBe(true);
    await fresh.close();
  });

  it('makes the table one Tab stop: arrows move between rows, Enter and Space open, headings sort and explain', async () => {
    const fresh = await app().browser.newPage({ viewport: SIZES[0]! });
    await fresh.goto(app().host.url);
    const table = fresh.locator('table.subnets-table');
    await table.locator('tbody tr').first().waitFor();
    // Every row used to be a Tab stop: now Tab goes from the table straight past it.
    await table.focus();
    await fresh.keyboard.press('Tab');
    expect(await fresh.evaluate(() => document.activeElement?.closest('table') === null)).toBe(true);

    await table.focus();
    const active = () =>
      table.evaluate(
        (t) => document.getElementById(t.getAttribute('aria-activedescendant') ?? '')?.textContent ?? null,
      );
    const netuidOfRow = (i: number) => table.locator('tbody tr').nth(i).locator('td').nth(1).textContent();
    expect(await active()).toBe(await netuidOfRow(0));
    await fresh.keyboard.press('ArrowDown');
    await fresh.keyboard.press('ArrowDown');
    expect(await active()).toBe(await netuidOfRow(2));
    const third = await netuidOfRow(2);
    await fresh.keyboard.press('Enter');
    await expect.poll(() => fresh.evaluate(() => location.hash)).toBe(`#/subnet/${third}`);
    await fresh.goBack();
    await table.locator('tbody tr').first().waitFor();
    await table.focus();
    await fresh.keyboard.press('ArrowDown');
    const second = await netuidOfRow(1);
    await fresh.keyboard.press(' ');
    await expect.poll(() => fresh.evaluate(() => location.hash)).toBe(`#/subnet/${second}`);
    await fresh.goBack();
    await table.locator('tbody tr').first().waitFor();

    // Up to the headings: the active column's definition is on screen, Enter sorts by it.
    await table.focus();
    await fresh.keyboard.press('Control+Home');
    await fresh.keyboard.press('ArrowRight');
    await fresh.keyboard.press('ArrowRight');
    expect(await fresh.locator('.grid-hint').textContent()).toContain('Expected profit per month for a newcomer');
    await fresh.keyboard.press('ArrowLeft');
    expect(await fresh.locator('.grid-hint').textContent()).toContain('Subnet name (on-chain)');
    await fresh.keyboard.press('Enter');
    await expect.poll(() => header(fresh, 'Name').getAttribute('aria-sort')).toMatch(/ascending|descending/);
    await fresh.close();
  });
});
