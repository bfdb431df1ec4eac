/**
 * Electron main process: app lifecycle, the one secure window, the menu, and the app:// protocol serving the
 * renderer. All logic lives in the core utility process (core-process.ts) and electron/core/.
 */
import path from 'node:path';
import fs from 'node:fs';
import { app, BrowserWindow, Menu, net, protocol, session, shell, utilityProcess, dialog } from 'electron';
import { pathToFileURL } from 'node:url';
import { CoreClient, type CoreProcessLike } from './core-client';
import type { Reply } from '../shared/api-wire';
import { PDF_FOOTER, PDF_HEADER, REPORT_READY_SELECTOR, reportFilename, reportRoute, type ReportTarget } from '../shared/reports-api';
import { APP_ORIGIN, bindIpc } from './ipc';
import { decideWindowOpen, isAllowedNavigation } from './core/navigation-policy';
import { loadWindowState, saveWindowState } from './core/window-state';

const RENDERER_DIR = path.join(__dirname, '../renderer');
const CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
  "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-src 'none'; object-src 'none'";

protocol.registerSchemesAsPrivileged([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

if (!app.requestSingleInstanceLock()) app.quit();

let mainWindow: BrowserWindow | null = null;
let core: CoreClient | null = null;

/** Serves renderer files only, refusing any path that escapes the renderer folder. */
function serveRenderer(): void {
  protocol.handle('app', async (request) => {
    const url = new URL(request.url);
    const relative = decodeURIComponent(url.pathname === '/' ? '/index.html' : url.pathname);
    const file = path.normalize(path.join(RENDERER_DIR, relative));
    if (!file.startsWith(RENDERER_DIR + path.sep) || !fs.existsSync(file)) return new Response('Not found', { status: 404 });
    const response = await net.fetch(pathToFileURL(file).toString());
    const headers = new Headers(response.headers);
    headers.set('Content-Security-Policy', CSP);
    return new Response(response.body, { status: response.status, headers });
  });
}

function harden(): void {
  // Desktop notifications (My miners alerts, each kind turned on in Settings) are the one permission granted.
  session.defaultSession.setPermissionRequestHandler((_wc, permission, callback) => callback(permission === 'notifications'));
  session.defaultSession.setPermissionCheckHandler((_wc, permission) => permission === 'notifications');
  app.on('web-contents-created', (_e, contents) => {
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.on('will-navigate', (event, url) => {
      if (!isAllowedNavigation(url)) event.preventDefault();
    });
    contents.on('will-redirect', (event, url) => {
      if (!isAllowedNavigation(url)) event.preventDefault();
    });
    contents.setWindowOpenHandler(({ url }) => {
      // External links (a subnet's repository, its site) open in the system browser, never inside the app.
      const decision = decideWindowOpen(url);
      if (decision.openExternal) void shell.openExternal(url);
      return { action: decision.action };
    });
  });
}

const SECURE_WEB_PREFERENCES = {
  preload: path.join(__dirname, '../preload/preload.js'),
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  webSecurity: true,
  webviewTag: false,
  spellcheck: false,
} as const;

/**
 * Page script: resolves as soon as the report marks itself ready (watched by a MutationObserver; polling every 100 ms
 * added up to 100 ms and a round trip per poll to every report), with the error the page shows if it could not be
 * prepared; or with ready false after `timeoutMs`.
 */
function waitForReport(timeoutMs: number): string {
  return `new Promise((resolve) => {
    const done = (ready) => resolve({ ready, problem: document.querySelector('[role="alert"]')?.textContent ?? null });
    if (document.querySelector(${JSON.stringify(REPORT_READY_SELECTOR)})) return done(true);
    const observer = new MutationObserver(() => {
      if (!document.querySelector(${JSON.stringify(REPORT_READY_SELECTOR)})) return;
      observer.disconnect();
      clearTimeout(timer);
      done(true);
    });
    observer.observe(document.body, { attributes: true, attributeFilter: ['data-report-ready'] });
    const timer = setTimeout(() => {
      observer.disconnect();
      done(false);
    }, ${timeoutMs});
  })`;
}

/** Prints a report route in a hidden window with the same secure settings, once its charts are drawn. */
async function printReport(target: ReportTarget): Promise<Reply<unknown>> {
  const win = new BrowserWindow({ show: false, width: 1100, height: 1400, webPreferences: SECURE_WEB_PREFERENCES });
  try {
    await win.loadURL(`${APP_ORIGIN}/index.html${reportRoute(target)}`);
    const { ready, problem } = (await win.webContents.executeJavaScript(waitForReport(30_000))) as { ready: boolean; problem: string | null };
    if (!ready) throw new Error('the report page did not finish drawing within 30 s');
    if (problem) return { ok: false, error: { code: 'invalid-argument', message: problem } };
    const pdf = await win.webContents.printToPDF({
      pageSize: 'A4',
      printBackground: true,
      preferCSSPageSize: true,
      displayHeaderFooter: true,
      headerTemplate: PDF_HEADER,
      footerTemplate: PDF_FOOTER,
    });
    return { ok: true, value: { filename: reportFilename(target), pdfBase64: pdf.toString('base64') } };
  } catch (e) {
    return { ok: false, error: { code: 'internal', message: `The report could not be printed: ${(e as Error).message}` } };
  } finally {
    win.destroy();
  }
}

/** The renderer saves reports as downloads: Electron asks where; afterwards we offer to open the file. */
function offerToOpenDownloads(): void {
  session.defaultSession.on('will-download', (_event, item) => {
    item.once('done', (_e, state) => {
      if (state !== 'completed') return;
      void dialog
        .showMessageBox({ message: 'Report saved', detail: item.getSavePath(), buttons: ['Open', 'Close'], defaultId: 0 })
        .then(async ({ response }) => {
          if (response === 0) await shell.openPath(item.getSavePath());
        });
    });
  });
}

function createWindow(): void {
  const state = loadWindowState(app.getPath('userData'));
  mainWindow = new BrowserWindow({
    ...state.bounds,
    minWidth: 900,
    minHeight: 560,
    show: false,
    title: 'Subnet Scout',
    webPreferences: SECURE_WEB_PREFERENCES,
  });
  if (state.maximized) mainWindow.maximize();
  mainWindow.once('ready-to-show', () => mainWindow?.show());
  // A note editor with unsaved text asks before the page closes or reloads (renderer leave-guard.ts); Electron drops
  // that request unless main asks the user itself. preventDefault here means "leave anyway".
  mainWindow.webContents.on('will-prevent-unload', (event) => {
    if (!mainWindow) return;
    const choice = dialog.showMessageBoxSync(mainWindow, {
      type: 'question',
      message: 'This note has changes that are not saved yet. Leave anyway?',
      buttons: ['Leave', 'Stay'],
      defaultId: 1,
      cancelId: 1,
    });
    if (choice === 0) event.preventDefault();
  });
  mainWindow.on('close', () => {
    if (mainWindow) saveWindowState(app.getPath('userData'), { bounds: mainWindow.getNormalBounds(), maximized: mainWindow.isMaximized() });
  });
  void mainWindow.loadURL(`${APP_ORIGIN}/index.html`);
}

function buildMenu(): void {
  const isMac = process.platform === 'darwin';
  Menu.setApplicationMenu(
    Menu.buildFromTemplate([
      ...(isMac ? [{ role: 'appMenu' as const }] : []),
      { label: 'File', submenu: [isMac ? { role: 'close' as const } : { role: 'quit' as const }] },
      { role: 'editMenu' },
      { label: 'View', submenu: [{ role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, { type: 'separator' }, { role: 'togglefullscreen' }] },
      {
        label: 'Help',
        submenu: [
          {
            label: 'About Subnet Scout',
            click: () => void dialog.showMessageBox({ message: `Subnet Scout ${app.getVersion()}`, detail: 'Decide where to mine on Bittensor.' }),
          },
        ],
      },
    ]),
  );
}

function spawnCore(): CoreProcessLike {
  const dataDir = process.env.SCOUT_DATA_DIR ?? app.getPath('userData');
  return utilityProcess.fork(path.join(__dirname, 'core-process.js'), [], {
    serviceName: 'Subnet Scout core',
    env: { ...process.env, SCOUT_DATA_DIR: dataDir, SCOUT_APP_VERSION: app.getVersion() },
  }) as unknown as CoreProcessLike;
}

app.on('second-instance', () => {
  if (mainWindow) {
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  }
});

void app.whenReady().then(() => {
  harden();
  serveRenderer();
  core = new CoreClient(spawnCore);
  bindIpc(core, () => BrowserWindow.getAllWindows(), printReport);
  offerToOpenDownloads();
  buildMenu();
  createWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow();
  });
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});
// Not on 'before-quit': the windows close after it, and a note editor saves (or the user stays) as its window closes.
// The quit then waits (briefly) for the core to answer what the closing windows sent.
let coreStopped = false;
app.on('will-quit', (event) => {
  if (!core || coreStopped) return;
  event.preventDefault();
  void core.stop().finally(() => {
    coreStopped = true;
    app.quit();
  });
});
