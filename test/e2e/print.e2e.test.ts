/**
 * Paper-ready PDFs, read back as a user's viewer would (poppler): no mouse-only hints, no dotted hover underlines,
 * headings on the same page as what they head, the Lorenz curve, and contents for a watchlist report.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { TestHost } from '../host/host';
import { chromiumMissingReason } from './browser';
import { useDemoApp } from './demo-app';

const missing = chromiumMissingReason();
const poppler = (() => {
  try {
    execFileSync('pdftoppm', ['-v'], { stdio: 'ignore' });
    return null;
  } catch {
    return 'poppler-utils (pdftotext, pdftoppm) is not installed: apt-get install -y poppler-utils';
  }
})();
const skip = missing ?? poppler;
if (skip) console.warn(`[skip] print tests: ${skip}`);

describe.skipIf(skip !== null)('paper-ready PDF reports', () => {
  const app = useDemoApp({ subnetCount: 12, maxUids: 32, days: 6 }, { print: true });
  let host: TestHost;
  let page: Page;
  let dir: string;
  beforeAll(() => {
    ({ host, page, dataDir: dir } = app());
  });

  async function download(click: () => Promise<void>): Promise<string> {
    const [d] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), click()]);
    const file = path.join(dir, d.suggestedFilename());
    await d.saveAs(file);
    return file;
  }
  /** The text of each page, as pdftotext lays it out (pages are separated by form feeds). */
  const pageTexts = (pdf: string) => execFileSync('pdftotext', ['-layout', pdf, '-']).toString('utf8').split('\f');

  it('a subnet report has no hover hints, keeps headings with their content, and includes the Lorenz curve', async () => {
    await page.goto(`${host.url}/#/subnet/1`);
    const pdf = await download(() => page.getByRole('button', { name: 'Export PDF report' }).click());
    const pages = pageTexts(pdf);
    const all = pages.join('\n');
    expect(all).not.toMatch(/hover/i);
    expect(all).toContain('Lorenz curve');
    expect(all).toContain('Sensitivity: profit per month');
    // The heading and the table it introduces are on the same page.
    const sensitivityPage = pages.find((p) => p.includes('Sensitivity: profit per month'))!;
    expect(sensitivityPage).toContain('Profit (USD/month) by TAO price and competitor count');
    // No page ends on a section heading (the heading would be stranded from its content).
    const headings = [
      'Sensitivity: profit per month',
      'Who earns what',
      'Research notes',
      'Key figures',
      'If you mine here',
      'History',
    ];
    for (const text of pages) {
      const lines = text
        .split('\n')
        .map((l) => l.trim())
        .filter((l) => l && !/^Page \d+ of \d+/.test(l) && !/Subnet Scout/.test(l));
      const last = lines.at(-1) ?? '';
      expect(
        headings.some((h) => last.startsWith(h)),
        `a page ends on "${last}"`,
      ).toBe(false);
    }
    // Every page renders (pdftoppm draws it) and is not blank.
    const prefix = path.join(dir, 'print-page');
    execFileSync('pdftoppm', ['-png', '-r', '40', pdf, prefix]);
    const images = fs.readdirSync(dir).filter((f) => f.startsWith('print-page') && f.endsWith('.png'));
    expect(images.length).toBe(pages.filter((p) => p.trim()).length);
    for (const image of images) expect(fs.statSync(path.join(dir, image)).size).toBeGreaterThan(3_000);
  });

  it('figures print without the dotted hover underline', async () => {
    const report = await app().browser.newPage();
    await report.emulateMedia({ media: 'print' });
    await report.goto(`${host.url}/#/report/subnet/1`);
    await report.locator('.report .figure').first().waitFor();
    const borders = await report
      .locator('.report .figure')
      .evaluateAll((els) => els.map((e) => getComputedStyle(e).borderBottomStyle));
    expect(borders.length).toBeGreaterThan(0);
    expect(borders.every((b) => b === 'none')).toBe(true);
    await report.close();
  });

  it('a watchlist report opens with contents listing each subnet', async () => {
    const list = await page.evaluate(() => window.scout.call('watchlists.create', { name: 'Paper list' }));
    for (const netuid of [2, 4, 6])
      await page.evaluate(
        ([id, n]) => window.scout.call('watchlists.addSubnet', { id: id!, netuid: n! }),
        [list.id, netuid],
      );
    await page.goto(`${host.url}/#/watchlists`);
    await page.reload();
    const pdf = await download(() => page.getByRole('button', { name: 'Report (PDF)' }).click());
    const [first] = pageTexts(pdf);
    expect(first).toContain('Contents');
    const contents = first!.slice(first!.indexOf('Contents'));
    const order = [2, 4, 6].map((n) => contents.indexOf(`SN${n} ·`));
    expect(order.every((i) => i > 0)).toBe(true);
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });
});
