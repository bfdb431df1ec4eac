/**
 * PDF reports. The report page itself is the renderer's print route; a shell prints it (Electron's printToPDF in
 * the app, Chromium's page.pdf in the test host and the CLI) and hands the bytes back so every shell saves the same
 * way (the renderer offers the file as a download: a Save dialog in Electron).
 */
import { z } from 'zod';
import { op } from './contract-op';
import { netuid } from './api-schemas';

export const ReportTargetSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('subnet'), netuid }).strict(),
  z.object({ kind: z.literal('watchlist'), id: z.number().int().positive().max(Number.MAX_SAFE_INTEGER) }).strict(),
]);
export type ReportTarget = z.infer<typeof ReportTargetSchema>;

export interface ReportPdf {
  filename: string;
  pdfBase64: string;
}

export const reportsContract = {
  'reports.pdf': op<ReportPdf>()(z.object({ target: ReportTargetSchema }).strict()),
} as const;

/** The renderer route a shell prints. */
export function reportRoute(target: ReportTarget): string {
  return target.kind === 'subnet' ? `#/report/subnet/${target.netuid}` : `#/report/watchlist/${target.id}`;
}

export function reportFilename(target: ReportTarget): string {
  return target.kind === 'subnet' ? `subnet-${target.netuid}-report.pdf` : `watchlist-${target.id}-report.pdf`;
}

/** Page numbers and a footer on every page; the same template in Electron and Chromium. */
export const PDF_FOOTER =
  '<div style="font-size:8px;width:100%;padding:0 11mm;color:#555;display:flex;justify-content:space-between">' +
  '<span>Subnet Scout report</span><span>Page <span class="pageNumber"></span> of <span class="totalPages"></span></span></div>';
export const PDF_HEADER = '<span></span>';

/** The marker the report page sets once its charts are drawn. */
export const REPORT_READY_SELECTOR = 'body[data-report-ready="true"]';

/**
 * A printer that keeps a warm report page for the next report, and is asked for the same route again, clears
 * `data-report-ready` and dispatches this event on `window`: the page fetches and draws the report afresh.
 */
export const REPORT_RELOAD_EVENT = 'scout-report-reload';
