/**
 * Prints a renderer route to PDF with Chromium's own PDF engine (the one Electron's printToPDF uses), for the web
 * shell: the browser tests and the CLI.
 */
import type { Browser, BrowserContext } from 'playwright-core';
import { PDF_FOOTER, PDF_HEADER, REPORT_READY_SELECTOR } from '../../shared/reports-api';

const VIEWPORT = { width: 1100, height: 1400 };
const READY_TIMEOUT_MS = 30_000;

/** One context per browser: making one costs 200–300 ms, a page in an existing one a few. */
const contexts = new WeakMap<Browser, Promise<BrowserContext>>();

function contextOf(browser: Browser): Promise<BrowserContext> {
  let context = contexts.get(browser);
  if (!context) {
    context = browser.newContext({ viewport: VIEWPORT });
    contexts.set(browser, context);
    // A failed or closed context is made again on the next print.
    context.then(
      (c) => c.on('close', () => contexts.get(browser) === context && contexts.delete(browser)),
      () => contexts.delete(browser),
    );
  }
  return context;
}

export async function printRoute(browser: Browser, baseUrl: string, route: string): Promise<Uint8Array> {
  const page = await (await contextOf(browser)).newPage();
  try {
    await page.goto(`${baseUrl}/${route}`);
    await page.waitForSelector(REPORT_READY_SELECTOR, { state: 'attached', timeout: READY_TIMEOUT_MS });
    // Asked once, now: a locator with a timeout waited that timeout (100 ms) on every report without an error.
    const error = await page.evaluate(() => document.querySelector('.report-error, [role="alert"]')?.textContent ?? null);
    if (error) throw new Error(error);
    return await page.pdf({
      format: 'A4',
      printBackground: true,
      preferCSSPageSize: true,
      displayHeaderFooter: true,
      headerTemplate: PDF_HEADER,
      footerTemplate: PDF_FOOTER,
    });
  } finally {
    await page.close();
  }
}
