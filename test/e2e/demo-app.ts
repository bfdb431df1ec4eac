/** The setup most browser suites share: Chromium, a test host on a fresh data folder, and its demo data opened. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { DemoOptions } from '../../electron/core/demo-data';
import { startHost, type TestHost } from '../host/host';
import { launchChromium } from './browser';

export interface DemoApp {
  browser: Browser;
  host: TestHost;
  /** A page on the Subnets table of the demo data. */
  page: Page;
  dataDir: string;
  /** Another window on the same core (its own browser context), at `#/route`. */
  openWindow(route: string): Promise<Page>;
}

/** Registers beforeAll/afterAll in the calling describe; the returned getter is valid inside its tests. */
export function useDemoApp(demo: Omit<DemoOptions, 'now'>, options: { print?: boolean } = {}): () => DemoApp {
  let app: DemoApp | null = null;
  beforeAll(async () => {
    const browser = await launchChromium();
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'scout-e2e-'));
    const host = await startHost({
      dataDir,
      serviceOptions: { demo },
      ...(options.print ? { printWith: browser } : {}),
    });
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 }, acceptDownloads: true });
    await page.goto(host.url);
    await page.getByRole('button', { name: 'Open demo data' }).click();
    await page.locator('table.subnets-table tbody tr').first().waitFor();
    const openWindow = async (route: string) => {
      const other = await browser.newPage({ viewport: { width: 1400, height: 950 } });
      await other.goto(`${host.url}/#/${route}`);
      return other;
    };
    app = { browser, host, page, dataDir, openWindow };
  });
  afterAll(async () => {
    await app?.browser.close();
    await app?.host.close();
  });
  return () => {
    if (!app) throw new Error('the demo app is not open yet');
    return app;
  };
}
