/**
 * The page is a locked room: its only door is `window.scout` (call and on), the Content Security Policy stops
 * injected script and any remote origin before a request is made, and a page script cannot open a window. Every
 * request leaving the page is watched: anything not for the local host is recorded and aborted, so this test can
 * never reach the internet, and asserts that nothing even tried.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startHost, type TestHost } from '../host/host';
import { chromiumMissingReason, launchChromium } from './browser';

const missing = chromiumMissingReason();
if (missing) console.warn(`[skip] browser tests: ${missing}`);

interface Violation {
  directive: string;
  blocked: string;
}

describe.skipIf(missing !== null)('renderer hardening', () => {
  let browser: Browser;
  let host: TestHost;
  let page: Page;
  const offSite: string[] = [];

  beforeAll(async () => {
    browser = await launchChromium({ popupBlocker: true });
    host = await startHost({ dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'scout-sec-')) });
    const context = await browser.newContext();
    await context.route('**/*', (route) => {
      if (new URL(route.request().url()).hostname === '127.0.0.1') return route.continue();
      offSite.push(route.request().url());
      return route.abort();
    });
    page = await context.newPage();
    await page.goto(host.url);
    await page.getByRole('navigation', { name: 'Main' }).waitFor();
    await page.evaluate(() => {
      const w = window as unknown as { __violations: Violation[] };
      w.__violations = [];
      document.addEventListener('securitypolicyviolation', (e) =>
        w.__violations.push({ directive: e.violatedDirective, blocked: e.blockedURI }),
      );
    });
  });
  afterAll(async () => {
    await browser?.close();
    await host?.close();
  });

  /** Violations reported since the last call. */
  const violations = () =>
    page.evaluate(() => {
      const w = window as unknown as { __violations: Violation[] };
      return w.__violations.splice(0);
    });

  it('window.scout offers call and on, and the page has no Node or Electron at hand', async () => {
    const exposed = await page.evaluate(() => ({
      keys: Object.getOwnPropertyNames(window.scout).sort(),
      types: Object.values(window.scout).map((v) => typeof v),
      frozen: Object.isFrozen(window.scout),
      globals: [
        'require',
        'process',
        'module',
        'exports',
        'global',
        'Buffer',
        '__dirname',
        'ipcRenderer',
        'electron',
        'setImmediate',
      ].filter((name) => name in window),
    }));
    expect(exposed).toEqual({ keys: ['call', 'on'], types: ['function', 'function'], frozen: true, globals: [] });
  });

  it('injected script does not run: a <script> element, an inline handler, eval', async () => {
    const ran = await page.evaluate(async () => {
      const w = window as unknown as Record<string, unknown>;
      const script = document.createElement('script');
      script.textContent = 'window.__inlineRan = true';
      document.body.appendChild(script);
      const holder = document.createElement('div');
      holder.innerHTML = '<img src="/no-such-image.png" onerror="window.__handlerRan = true">';
      document.body.appendChild(holder);
      // From a timer, so it runs as the page's own code (DevTools lets code it evaluates directly use eval).
      setTimeout(() => {
        try {
          w.__evalRan = (0, eval)('true') === true;
        } catch {
          w.__evalRan = false; // refused by the policy
        }
      }, 0);
      await new Promise((r) => setTimeout(r, 300));
      return { script: w.__inlineRan === true, handler: w.__handlerRan === true, eval: w.__evalRan };
    });
    expect(ran).toEqual({ script: false, handler: false, eval: false });
    const directives = (await violations()).map((v) => v.directive);
    expect(directives).toEqual(expect.arrayContaining(['script-src-elem', 'script-src-attr', 'script-src']));
  });

  it('a remote origin is refused by the policy before any request: fetch, WebSocket, image', async () => {
    const outcome = await page.evaluate(async () => {
      const fetched = await fetch('https://example.com/').then(
        () => 'loaded',
        (e: Error) => e.name,
      );
      let socket = 'opened';
      try {
        new WebSocket('wss://example.com/');
      } catch (e) {
        socket = (e as Error).name;
      }
      const img = new Image();
      img.src = 'https://example.com/pixel.png';
      await new Promise((r) => setTimeout(r, 300));
      return { fetched, socket };
    });
    expect(outcome.fetched).toBe('TypeError');
    const blocked = await violations();
    expect(blocked).toEqual(
      expect.arrayContaining([
        { directive: 'connect-src', blocked: 'https://example.com/' },
        { directive: 'img-src', blocked: 'https://example.com/pixel.png' },
      ]),
    );
    expect(blocked.some((v) => v.blocked.startsWith('wss://example.com'))).toBe(true);
    expect(offSite).toEqual([]);
  });

  it("window.open from a page script opens no page (Chromium's popup blocker here; Electron denies every window)", async () => {
    // An init script runs as the page's own code; page.evaluate would count as a click and let the popup through.
    const other = await page.context().newPage();
    const popups: string[] = [];
    page.context().on('page', (p) => popups.push(p.url()));
    await other.addInitScript(() => {
      window.addEventListener('load', () => {
        (window as unknown as { __opened: boolean }).__opened = window.open('https://example.com/', '_blank') !== null;
      });
    });
    await other.goto(host.url);
    await other.waitForFunction(() => '__opened' in window);
    await other.waitForTimeout(300);
    expect(await other.evaluate(() => (window as unknown as { __opened: boolean }).__opened)).toBe(false);
    expect(popups).toEqual([]);
    expect(offSite).toEqual([]);
  });
});
