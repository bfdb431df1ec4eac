/**
 * Load: a data file holding a year of hourly syncs (`npm run test:soak`; a month in `npm test`) opens and the
 * Subnets table paints. Prints the file's size and the times (targets live in the benchmarks, not here); asserts
 * only what a user sees: every subnet listed, from the newest sync.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { SubnetList } from '../../shared/api-types';
import { NEWCOMER_HISTORY, thinNeuronHistory } from '../../electron/core/db/retention';
import { startHost, type TestHost } from '../host/host';
import { YEAR, yearDb, type YearDbOptions } from '../reliability/year-db';
import { chromiumMissingReason, launchChromium } from './browser';

const missing = chromiumMissingReason();
if (missing) console.warn(`[skip] browser tests: ${missing}`);
const SOAK = process.env.SCOUT_SOAK === '1';
const OPTIONS: YearDbOptions = SOAK ? YEAR : { days: 30, subnetCount: 128, maxUids: 64, fullResolutionDays: 3 };
const mb = (bytes: number) => `${(bytes / 1_048_576).toFixed(0)} MB`;
const ms = (from: number) => Math.round(performance.now() - from);

describe.skipIf(missing !== null)(`load: ${OPTIONS.days} days of hourly syncs`, () => {
  let browser: Browser | null = null;
  let host: TestHost | null = null;
  afterAll(async () => {
    await browser?.close();
    await host?.close();
  });

  it('opens and paints the Subnets table (times printed)', { timeout: 30 * 60_000 }, async () => {
    const figures = await yearDb(OPTIONS);
    const made =
      figures.generatedSeconds === null ? 'from the cache' : `generated in ${figures.generatedSeconds.toFixed(0)} s`;
    console.log(
      `[load] ${OPTIONS.days} days × ${OPTIONS.subnetCount} subnets: ${figures.points} syncs, ${figures.subnetRows.toLocaleString('en-US')} ` +
        `subnet rows, ${figures.neuronRows.toLocaleString('en-US')} UID rows, file ${mb(figures.sizeBytes)} (${made})`,
    );

    browser = await launchChromium();
    let t = performance.now();
    host = await startHost({ dataDir: path.dirname(figures.file) });
    const openMs = ms(t);
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    t = performance.now();
    await page.goto(host.url);
    await page
      .locator('table.subnets-table tbody tr')
      .first()
      .waitFor({ timeout: 10 * 60_000 });
    const paintMs = ms(t);

    t = performance.now();
    const list = await host.service.call('subnets.list', undefined);
    const warmListMs = ms(t);
    const db = host.service.requireWorkspace().db;
    t = performance.now();
    // As a sync thins (the cached file is reused: thinning it otherwise would lose the newcomer points others read).
    const thinned = thinNeuronHistory(db, OPTIONS.fullResolutionDays, NEWCOMER_HISTORY);
    const thinMs = ms(t);
    console.log(
      `[load] open ${openMs} ms; first table paint ${paintMs} ms after navigation (cold: includes the engine's analyses ` +
        `and the day's backup starting); subnets.list again ${warmListMs} ms; thinning after a sync ${thinMs} ms ` +
        `(${thinned.deletedRows} rows)`,
    );

    expect(list.ok).toBe(true);
    const rows = (list as { ok: true; value: SubnetList }).value.rows;
    expect(await page.locator('table.subnets-table tbody tr').count()).toBe(rows.length);
    const newest = db.prepare('SELECT MAX(block_number) FROM sync_points').pluck().get() as number;
    expect(rows.every((r) => r.blockNumber === newest)).toBe(true);
    await host.close();
    host = null;
    fs.rmSync(path.join(path.dirname(figures.file), 'backups'), { recursive: true, force: true });
  });
});
