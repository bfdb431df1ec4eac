/**
 * Numbers and text: decimals fixed per column (so tabular numerals line up), and subnet symbols drawn from the
 * shipped font in every script the chain uses, whatever fonts the OS has.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { chromiumMissingReason } from './browser';
import { useDemoApp } from './demo-app';

const missing = chromiumMissingReason();
if (missing) console.warn(`[skip] numbers and text browser tests: ${missing}`);

/** One symbol from each script the chain's token symbols use, and the demo's Han, math and hieroglyph ones. */
const SAMPLES = [
  'Τ',
  'α',
  'א',
  'ت',
  'ᚠ',
  'ᚁ',
  'ა',
  'Ա',
  'Ы',
  'Ⲁ',
  '𑀀',
  'න',
  'Ⰰ',
  'ก',
  'ㄱ',
  'አ',
  'अ',
  'ア',
  'ⴰ',
  '中',
  '𝔸',
  '𓂀',
];

describe.skipIf(missing !== null)('numbers and text', () => {
  const app = useDemoApp({ subnetCount: 24, maxUids: 32, days: 2 });
  let page: Page;
  beforeAll(async () => {
    page = app().page;
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.getByLabel('Fit to width').uncheck(); // every column, to read them all
  });

  const column = async (label: string) => {
    const headers = await page.locator('table.subnets-table thead th').allTextContents();
    const index = headers.findIndex((t) => t.startsWith(label)) + 1;
    // The figure only: a cell may also carry a badge (e.g. "not emitted" beside a miner pool of 0).
    return page.locator(`table.subnets-table tbody td:nth-child(${index})`).evaluateAll((cells) =>
      cells.map((td) => {
        const copy = td.cloneNode(true) as HTMLElement;
        copy.querySelectorAll('.badge').forEach((b) => b.remove());
        return copy.textContent ?? '';
      }),
    );
  };

  it('gives every figure in a column the same number of decimals', async () => {
    const shapes: [string, RegExp][] = [
      ['Price', /^[\d,]+\.\d{6} τ$/],
      ['Miner pool', /^[\d,]+\.\d{3}$/],
      ['Gini', /^\d\.\d{2}$/],
      ['Immunity', /^[\d,]+\.\d h$/],
    ];
    for (const [label, shape] of shapes) {
      const cells = (await column(label)).filter((c) => c !== '—');
      expect(cells.length, label).toBeGreaterThan(0);
      for (const c of cells) expect(c, label).toMatch(shape);
    }
    // Tabular numerals: every digit is as wide as every other.
    expect(
      await page
        .locator('table.subnets-table td.num')
        .first()
        .evaluate((td) => getComputedStyle(td).fontVariantNumeric),
    ).toContain('tabular-nums');
  });

  it('shows the pool reserves, and the price change over a day from local history (none over a week, never synced then)', async () => {
    const tao = await column('Pool τ');
    expect(tao.filter((c) => /^[\d,]+ τ$/.test(c)).length).toBeGreaterThan(10);
    expect((await column('7 d')).every((c) => c === '—')).toBe(true);
    // SN1's change against the newest sync at least a day (7,200 blocks) before its newest, as its history has both.
    const detail = await page.evaluate(async () => {
      const settings = await window.scout.call('settings.get');
      return window.scout.call('subnet.economics', { netuid: 1, scenario: settings.scenario, historyDays: 30 });
    });
    const newest = detail.history.at(-1)!;
    const dayBefore = detail.history.filter((p) => p.blockNumber <= newest.blockNumber - 7_200).at(-1)!;
    const [before, now] = [dayBefore.priceTao, newest.priceTao];
    const change = ((now! - before!) / before!) * 100;
    const row = page.locator('table.subnets-table tr[data-netuid="1"]');
    const headers = await page.locator('table.subnets-table thead th').allTextContents();
    const cell = await row.locator(`td:nth-child(${headers.findIndex((t) => t.startsWith('24 h')) + 1})`).textContent();
    const expected = `${change > 0 ? '▲ +' : '▼ −'}${Math.abs(change).toFixed(1)}%`;
    expect(cell).toBe(expected);
  });

  it('draws the subnet symbols of every script with the shipped font', async () => {
    const loaded = await page.evaluate(async (samples) => {
      const out: Record<string, number> = {};
      for (const s of samples) out[s] = (await document.fonts.load('16px "Scout Symbols"', s)).length;
      return out;
    }, SAMPLES);
    const uncovered = Object.entries(loaded)
      .filter(([, faces]) => faces === 0)
      .map(([s]) => s);
    expect(uncovered).toEqual([]);
    // Every symbol in the table has a face of the shipped font.
    const symbols = (await column('Symbol')).filter((s) => s.trim());
    expect(symbols.length).toBeGreaterThan(10);
    const notCovered = await page.evaluate(async (list) => {
      const missed: string[] = [];
      for (const s of list) if ((await document.fonts.load('16px "Scout Symbols"', s)).length === 0) missed.push(s);
      return missed;
    }, symbols);
    expect(notCovered).toEqual([]);
  });
});
