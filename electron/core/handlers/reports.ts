import type { HandlersFor, Method } from '../../../shared/api';
import { reportFilename, reportRoute } from '../../../shared/reports-api';
import { CoreError } from '../errors';
import type { HandlerContext } from './context';

/**
 * The core cannot draw a page; the shell it runs in gives it a printer (Electron prints in the main process and
 * answers this operation there, the test host and the CLI print with Chromium).
 */
export function reportHandlers(service: HandlerContext) {
  return {
    'reports.pdf': async ({ target }) => {
      const printer = service.printPdf;
      if (!printer)
        throw new CoreError('internal', 'PDF export needs a browser engine, and none is available to this shell.');
      if (target.kind === 'subnet' && !service.requireWorkspace().analyses.get(target.netuid)) {
        throw new CoreError('not-found', `There is no data for SN${target.netuid}; sync first.`);
      }
      if (target.kind === 'watchlist') service.requireWorkspace().watchlists.get(target.id);
      const pdf = await printer(reportRoute(target));
      return { filename: reportFilename(target), pdfBase64: Buffer.from(pdf).toString('base64') };
    },
  } satisfies HandlersFor<Extract<Method, `reports.${string}`>>;
}
