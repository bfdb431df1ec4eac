/// <reference lib="dom" />
/**
 * What the user feels in the window, measured in Chromium through the web shell with the real core: a cold open of
 * the Subnets table on a year of hourly history, a what-if change until the table shows the new profits, and one
 * subnet PDF report.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { ScoutService } from '../../electron/core/service';
import { serveWeb } from '../../electron/web/web-shell';
import { printRoute } from '../../electron/web/chromium-printer';
import { findChromium } from '../../electron/web/lazy-printer';
import { YEAR, yearDb } from '../reliability/year-db';
import { summarise, type Measured } from './stats';

export interface UiBench {
  dbSizeMb: number;
  points: number;
  firstOpenMs: number;
  /** A new core on the same file (the app restarted), then a window: what a user starting the app waits for. */
  restartOpenMs: Measured;
  openMs: Measured;
  sliderMs: Measured;
  pdfMs: Measured;
}

export async function benchUi(runs: number): Promise<UiBench | string> {
  const executablePath = findChromium();
  if (!executablePath) return 'no Chromium found (set SCOUT_CHROMIUM)';
  const year = await yearDb(YEAR);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'scout-ui-bench-'));
  fs.copyFileSync(year.file, path.join(dataDir, 'scout.db'));
  let service = await ScoutService.open({ dataDir, version: 'bench' });
  let web = await serveWeb(service);
  const browser = await chromium.launch({
    executablePath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
  });
  try {
    // Time from navigation start to the first row of the table on screen (performance.now() is relative to it).
    const open = async () => {
      const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
      await page.goto(web.url);
      await page.locator('table.subnets-table tbody tr').first().waitFor({ timeout: 120_000 });
      const ms = await page.evaluate(() => performance.now());
      return { page, ms };
    };
    const first = await open(); // includes the core analysing every subnet once for this data file
    const opens: number[] = [];
    for (let i = 0; i < runs; i++) {
      const { page, ms } = await open();
      opens.push(ms);
      await page.close();
    }
    // Restarts: the core and its server from scratch on the same file, timed from before the core opens it.
    const restarts: number[] = [];
    for (let i = 0; i < runs; i++) {
      await web.close();
      await service.close();
      const t0 = performance.now();
      service = await ScoutService.open({ dataDir, version: 'bench' });
      web = await serveWeb(service);
      const coreMs = performance.now() - t0;
      const { page, ms } = await open();
      restarts.push(coreMs + ms);
      await page.close();
    }
    const page = (await open()).page;
    const sliders: number[] = [];
    for (let i = 0; i < runs; i++) {
      // From the input event to the table showing different profits (a MutationObserver sees the repaint).
      sliders.push(
        await page.evaluate(
          async (rent) => {
            const input = Array.from(document.querySelectorAll('label')).find((l) =>
              l.textContent?.startsWith('Hardware rent'),
            )!;
            const field = document.getElementById(input.htmlFor) as HTMLInputElement;
            const table = document.querySelector('table.subnets-table tbody')!;
            const done = new Promise<number>((resolve) => {
              const observer = new MutationObserver(() => {
                observer.disconnect();
                requestAnimationFrame(() => resolve(performance.now()));
              });
              observer.observe(table, { subtree: true, characterData: true, childList: true });
            });
            const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
            const start = performance.now();
            setter.call(field, String(rent));
            field.dispatchEvent(new Event('input', { bubbles: true }));
            return (await done) - start;
          },
          200 + i * 37,
        ),
      );
    }
    const pdfs: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      await printRoute(browser, web.url, '#/report/subnet/1');
      pdfs.push(performance.now() - t0);
    }
    return {
      dbSizeMb: year.sizeBytes / 1024 / 1024,
      points: year.points,
      firstOpenMs: first.ms,
      restartOpenMs: summarise(restarts),
      openMs: summarise(opens),
      sliderMs: summarise(sliders),
      pdfMs: summarise(pdfs),
    };
  } finally {
    await browser.close();
    await web.close();
    await service.close();
  }
}
