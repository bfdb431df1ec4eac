/**
 * How a printer talks to an open report page besides the route and REPORT_READY_SELECTOR (shared/reports-api.ts).
 * Kept free of DOM and React so the printers (electron/web/chromium-printer.ts) can import it.
 */

/**
 * A printer that keeps a warm report page for the next report, and is asked for the same route again, clears
 * `data-report-ready` and dispatches this event on `window`: the page fetches and draws the report afresh.
 */
export const REPORT_RELOAD_EVENT = 'scout-report-reload';
