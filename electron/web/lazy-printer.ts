/**
 * A printer for headless shells (the CLI): on the first report it serves the renderer through the web shell and
 * starts a Chromium (SCOUT_CHROMIUM, or the system's), then prints with the same engine as the app.
 */
import fs from 'node:fs';
import type { Browser } from 'playwright-core';
import type { ScoutService } from '../core/service';
import { printRoute } from './chromium-printer';
import { serveWeb, type WebShell } from './web-shell';

const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
];

export function findChromium(env: NodeJS.ProcessEnv = process.env): string | null {
  if (env.SCOUT_CHROMIUM) return fs.existsSync(env.SCOUT_CHROMIUM) ? env.SCOUT_CHROMIUM : null;
  return CANDIDATES.find((p) => fs.existsSync(p)) ?? null;
}

export function lazyPrinter(service: () => ScoutService) {
  let started: Promise<{ browser: Browser; web: WebShell }> | null = null;
  const start = async () => {
    const executablePath = findChromium();
    if (!executablePath)
      throw new Error('PDF reports from the command line need Chromium or Chrome (set SCOUT_CHROMIUM to its path).');
    const launch = async () => {
      const { chromium } = await import('playwright-core');
      return chromium.launch({
        executablePath,
        args: [
          '--headless',
          '--no-sandbox',
          '--disable-gpu',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
          '--no-first-run',
        ],
      });
    };
    // While Chromium starts (about a second), serve the renderer and have the shell bundle its window.scout shim,
    // which it otherwise does while the first report page waits for it.
    const serve = async () => {
      const web = await serveWeb(service());
      await fetch(`${web.url}/scout-shim.js`)
        .then((r) => r.arrayBuffer())
        .catch(() => undefined);
      return web;
    };
    const [browser, web] = await Promise.allSettled([launch(), serve()]);
    if (browser.status === 'fulfilled' && web.status === 'fulfilled') return { browser: browser.value, web: web.value };
    // Whichever started is stopped: a failed start leaves no browser or server behind.
    if (browser.status === 'fulfilled') await browser.value.close();
    if (web.status === 'fulfilled') await web.value.close();
    throw browser.status === 'rejected' ? browser.reason : (web as PromiseRejectedResult).reason;
  };
  return {
    async print(route: string): Promise<Uint8Array> {
      started ??= start();
      const { browser, web } = await started;
      return printRoute(browser, web.url, route);
    },
    async close(): Promise<void> {
      if (!started) return;
      const { browser, web } = await started;
      await web.close();
      await browser.close();
    },
  };
}
