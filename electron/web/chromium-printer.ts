/**
 * Prints a renderer route to PDF with Chromium's own PDF engine (the one Electron's printToPDF uses), for the web
 * shell: the browser tests and the CLI.
 */
import type { Browser } from 'playwright-core';
import { PDF_FOOTER, PDF_HEADER, REPORT_READY_SELECTOR } from '../../shared/reports-api';

export async function printRoute(browser: Browser, baseUrl: string, route: string): Promise<Uint8Array> {
  const page = await browser.newPage({ viewport: { width: 1100, height: 1400 } });
  try {
    await page.goto(`${baseUrl}/${route}`);
    await page.waitForSelector(REPORT_READY_SELECTOR, { state: 'attached', timeout: 30_000 });
    const error = await page.locator('.report-error, [role="alert"]').first().textContent({ timeout: 100 }).catch(() => null);
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
