/**
 * Routes the renderer's calls to the core process. Every call is checked here (known method, argument valid for the
 * contract, sender is our own page) before it leaves the main process; the core validates again as the one entry
 * every shell shares.
 */
import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { contract, isMethod, type Reply } from '../shared/api';
import type { CoreClient } from './core-client';
import type { ReportTarget } from '../shared/reports-api';

import { isAppUrl } from './navigation-policy';
import { invalidArgumentMessage, unknownMethodMessage } from './core/boundary-messages';

export { APP_ORIGIN } from './navigation-policy';

function fromOurPage(event: IpcMainInvokeEvent): boolean {
  const url = event.senderFrame?.url ?? '';
  return isAppUrl(url);
}

export type ReportPrinter = (target: ReportTarget) => Promise<Reply<unknown>>;

export function bindIpc(core: CoreClient, windows: () => BrowserWindow[], printReport: ReportPrinter): void {
  ipcMain.handle('scout:call', async (event, method: unknown, arg: unknown): Promise<Reply<unknown>> => {
    if (!fromOurPage(event))
      return { ok: false, error: { code: 'unknown-method', message: 'Calls are only accepted from the app.' } };
    if (!isMethod(method))
      return { ok: false, error: { code: 'unknown-method', message: unknownMethodMessage(method) } };
    const parsed = contract[method].arg.safeParse(arg);
    if (!parsed.success) {
      return { ok: false, error: { code: 'invalid-argument', message: invalidArgumentMessage(method, parsed.error) } };
    }
    // Printing needs a window, which only the main process has: reports are answered here, not by the core.
    if (method === 'reports.pdf') return printReport((parsed.data as { target: ReportTarget }).target);
    return core.call(method, arg);
  });
  core.onEvent((event, payload) => {
    for (const w of windows()) if (!w.isDestroyed()) w.webContents.send('scout:event', event, payload);
  });
}
