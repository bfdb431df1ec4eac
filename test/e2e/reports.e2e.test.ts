/**
 * PDF reports printed by Chromium's own PDF engine (the one Electron's printToPDF uses) from the renderer's print
 * route, then read back with poppler (pdftotext, pdfinfo, pdftoppm) as a user's PDF viewer would.
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
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return null;
  } catch {
    return 'poppler-utils (pdftotext, pdftoppm) is not installed: apt-get install -y poppler-utils';
  }
})();
const skip = missing ?? poppler;
if (skip) console.warn(`[skip] report tests: ${skip}`);
const SHOTS = path.resolve(__dirname, '../../test-results');

describe.skipIf(skip !== null)('PDF reports', () => {
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
  const text = (pdf: string) => execFileSync('pdftotext', ['-layout', pdf, '-']).toString('utf8');
  const pages = (pdf: string) => Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf]).toString())![1]);

  it('a subnet report holds the name, block, assumptions, verdict and a note, with charts drawn', async () => {
    await page.evaluate(async () => {
      const note = await window.scout.call('notes.create', { netuid: 1, title: 'Scoring review' });
      const { id, createdAtMs: _c, updatedAtMs: _u, ...content } = note;
      await window.scout.call('notes.save', {
        id,
        kind: 'save',
        content: { ...content, body: 'Validators reward **latency under 200 ms**.' },
      });
    });
    await page.goto(`${host.url}/#/subnet/1`);
    const pdf = await download(() => page.getByRole('button', { name: 'Export PDF report' }).click());
    const content = text(pdf);
    const detail = await page.evaluate(async () => {
      const settings = await window.scout.call('settings.get');
      return window.scout.call('subnet.economics', { netuid: 1, scenario: settings.scenario });
    });
    expect(content).toContain(`SN1 · ${detail.analysis.name}`);
    expect(content).toContain(`block ${detail.analysis.blockNumber.toLocaleString('en-US')}`);
    expect(content).toMatch(/Scenario \(assumed by the analyst\)/);
    expect(content).toMatch(/TAO price \$400/);
    expect(content).toMatch(new RegExp(`Verdict under this scenario:\\s+\\S*\\s*${detail.economics.verdict.label}`));
    expect(content).toContain('latency under 200 ms');
    // The earnings path and the chain-rule figures are in the PDF too.
    expect(content).toMatch(/Cumulative profit/);
    expect(content).toMatch(/Profit over the horizon/);
    expect(content).toMatch(/Subnet deregistration/);
    expect(content).toMatch(/Next alpha halving/);
    expect(content).toContain('Synthetic demo data');
    expect(content).toMatch(/Page 1 of \d+/);

    // This file may run before any other browser test has made the folder (fresh clone, another order).
    fs.mkdirSync(SHOTS, { recursive: true });
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '2', pdf, path.join(SHOTS, 'report-subnet')]);
    const first = fs.readdirSync(SHOTS).find((f) => f.startsWith('report-subnet') && f.endsWith('.png'))!;
    // A blank page compresses to almost nothing; text, tables and charts do not.
    expect(fs.statSync(path.join(SHOTS, first)).size).toBeGreaterThan(15_000);
  });

  it('a watchlist report is a comparison table followed by one page run per subnet', async () => {
    const list = await page.evaluate(() => window.scout.call('watchlists.create', { name: 'Report list' }));
    for (const netuid of [1, 3, 5])
      await page.evaluate(
        ([id, n]) => window.scout.call('watchlists.addSubnet', { id: id!, netuid: n! }),
        [list.id, netuid],
      );
    await page.goto(`${host.url}/#/watchlists`);
    await page.reload(); // lists made through the contract: load them as a fresh window would
    const pdf = await download(() => page.getByRole('button', { name: 'Report (PDF)' }).click());
    const content = text(pdf);
    expect(content).toContain('Watchlist: Report list');
    for (const n of [1, 3, 5]) expect(content).toContain(`SN${n} ·`);
    const single = await download(async () => {
      await page.goto(`${host.url}/#/subnet/3`);
      await page.getByRole('button', { name: 'Export PDF report' }).click();
    });
    // The comparison page plus each subnet's own pages (each subnet starts on a new page).
    expect(pages(pdf)).toBeGreaterThan(3);
    expect(pages(pdf)).toBeGreaterThanOrEqual(pages(single) + 1);
  });

  it('asking for a report of a subnet without data says so', async () => {
    const message = await page.evaluate(() =>
      window.scout.call('reports.pdf', { target: { kind: 'subnet', netuid: 999 } }).then(
        () => 'no error',
        (e: Error) => e.message,
      ),
    );
    expect(message).toMatch(/no data for SN999/);
  });
});
