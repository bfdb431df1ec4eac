/**
 * Prints a renderer route to PDF with Chromium's own PDF engine (the one Electron's printToPDF uses), for the web
 * shell: the browser tests and the CLI.
 *
 * A cold report page pays for a browser context, loading and starting the whole renderer bundle and the app's own
 * start-up calls before the report asks for a byte of its data. So the printer keeps one context per browser and,
 * after a good print, keeps its page open on the report: the next report (another route, or the same one reloaded)
 * is drawn in that page with fresh data, and a page in any doubt is closed and replaced by a cold one.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { PDF_FOOTER, PDF_HEADER, REPORT_READY_SELECTOR, REPORT_RELOAD_EVENT } from '../../shared/reports-api';

const VIEWPORT = { width: 1100, height: 1400 };
const READY_TIMEOUT_MS = 30_000;

/** One context per browser: making one costs 200–300 ms, a page in an existing one a few. */
const contexts = new WeakMap<Browser, Promise<BrowserContext>>();
/** At most one idle page per browser: it shows the last report it printed, of the shell at `baseUrl`. */
const idle = new WeakMap<Browser, { page: Page; baseUrl: string }>();

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

const closeQuietly = (page: Page) => page.close().catch(() => undefined);

/** The idle page, switched to `route`; null when there is none for this shell or it cannot be trusted. */
async function warmPage(browser: Browser, baseUrl: string, route: string): Promise<Page | null> {
  const warm = idle.get(browser);
  if (!warm) return null;
  idle.delete(browser);
  if (warm.baseUrl !== baseUrl || warm.page.isClosed()) {
    await closeQuietly(warm.page);
    return null;
  }
  const switched = await warm.page
    .evaluate(
      ({ route, event }) => {
        // Only a page still showing a report (ReportPage marks the body while mounted) knows the reload event.
        if (!document.body.classList.contains('printing')) return false;
        delete document.body.dataset.reportReady;
        if (window.location.hash === route) window.dispatchEvent(new Event(event));
        else window.location.hash = route;
        return true;
      },
      { route, event: REPORT_RELOAD_EVENT },
    )
    .catch(() => false);
  if (switched) return warm.page;
  await closeQuietly(warm.page);
  return null;
}

function keepWarm(browser: Browser, baseUrl: string, page: Page): Promise<void> | undefined {
  const previous = idle.get(browser);
  idle.set(browser, { page, baseUrl });
  return previous && closeQuietly(previous.page);
}

export async function printRoute(browser: Browser, baseUrl: string, route: string): Promise<Uint8Array> {
  let page = await warmPage(browser, baseUrl, route);
  let printed = false;
  try {
    if (!page) {
      page = await (await contextOf(browser)).newPage();
      await page.goto(`${baseUrl}/${route}`);
    }
    await page.waitForSelector(REPORT_READY_SELECTOR, { state: 'attached', timeout: READY_TIMEOUT_MS });
    // Asked once, now: a locator with a timeout waited that timeout (100 ms) on every report without an error.
    const error = await page.evaluate(
      () => document.querySelector('.report-error, [role="alert"]')?.textContent ?? null,
    );
    if (error) throw new Error(error);
    const pdf = await page.pdf({
      format: 'A4',
      printBackground: true,
      preferCSSPageSize: true,
      displayHeaderFooter: true,
      headerTemplate: PDF_HEADER,
      footerTemplate: PDF_FOOTER,
    });
    printed = true;
    return pdf;
  } finally {
    if (page && printed) await keepWarm(browser, baseUrl, page);
    else if (page) await closeQuietly(page);
  }
}
