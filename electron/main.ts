/**
 * Electron main process: app lifecycle, the one secure window, the menu, and the app:// protocol serving the
 * renderer. All logic lives in the core utility process (core-process.ts) and electron/core/.
 */
import path from 'node:path';
import fs from 'node:fs';
import { app, BrowserWindow, Menu, net, protocol, screen, session, shell, utilityProcess, dialog } from 'electron';
import { pathToFileURL } from 'node:url';
import { CoreClient, type CoreProcessLike } from './core-client';
import type { Reply } from '../shared/api-wire';
import {
  PDF_FOOTER,
  PDF_HEADER,
  REPORT_READY_SELECTOR,
  reportFilename,
  reportRoute,
  type ReportTarget,
} from '../shared/reports-api';
import { APP_ORIGIN, bindIpc } from './ipc';
import { decideWindowOpen, isAllowedNavigation } from './navigation-policy';
import { fitToDisplays, loadWindowState, saveWindowState } from './window-state';
import { CORE_LOG_FILE, DEV_FOLDER_NAME, defaultDataDir } from './core/paths';
import { downloadTargetProblem, savedDownloadTitle } from './saved-download';

const RENDERER_DIR = path.join(__dirname, '../renderer');
const CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
  "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-src 'none'; object-src 'none'";

protocol.registerSchemesAsPrivileged([
  { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);

// A run from a checkout (`npm start`) keeps its own folder, so it never migrates the installed app's database and both
// can run at once: set before the single-instance lock, which is per folder.
if (!app.isPackaged) app.setPath('userData', path.join(app.getPath('appData'), DEV_FOLDER_NAME));
const dataDir = defaultDataDir(process.env, process.platform, app.isPackaged);
const coreLogPath = path.join(dataDir, CORE_LOG_FILE);

if (!app.requestSingleInstanceLock()) app.quit();

let mainWindow: BrowserWindow | null = null;
let core: CoreClient | null = null;

/** Serves renderer files only, refusing any path that escapes the renderer folder. */
function serveRenderer(): void {
  protocol.handle('app', async (request) => {
    const url = new URL(request.url);
    const relative = decodeURIComponent(url.pathname === '/' ? '/index.html' : url.pathname);
    const file = path.normalize(path.join(RENDERER_DIR, relative));
    if (!file.startsWith(RENDERER_DIR + path.sep) || !fs.existsSync(file))
      return new Response('Not found', { status: 404 });
    const response = await net.fetch(pathToFileURL(file).toString());
    const headers = new Headers(response.headers);
    headers.set('Content-Security-Policy', CSP);
    return new Response(response.body, { status: response.status, headers });
  });
}

function harden(): void {
  // Desktop notifications (My miners alerts, each kind turned on in Settings) are the one permission granted.
  session.defaultSession.setPermissionRequestHandler((_wc, permission, callback) =>
    callback(permission === 'notifications'),
  );
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
    const { ready, problem } = (await win.webContents.executeJavaScript(waitForReport(30_000))) as {
      ready: boolean;
      problem: string | null;
    };
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
    return {
      ok: false,
      error: { code: 'internal', message: `The report could not be printed: ${(e as Error).message}` },
    };
  } finally {
    win.destroy();
  }
}

/** The renderer saves reports as downloads: Electron asks where; afterwards we offer to open the file. */
function offerToOpenDownloads(): void {
  session.defaultSession.on('will-download', (_event, item) => {
    // Ask where ourselves (instead of Electron's own dialog) so a save into the data folder, where it could replace
    // the database or pass for a backup, is refused and asked again.
    const parent = BrowserWindow.getFocusedWindow() ?? mainWindow;
    let defaultPath = path.join(app.getPath('downloads'), item.getFilename());
    for (;;) {
      const options = { defaultPath };
      const chosen = parent ? dialog.showSaveDialogSync(parent, options) : dialog.showSaveDialogSync(options);
      if (!chosen) {
        item.cancel();
        return;
      }
      const problem = downloadTargetProblem(chosen, dataDir);
      if (problem === null) {
        item.setSavePath(chosen);
        break;
      }
      const warning = { type: 'warning' as const, message: 'Choose another folder', detail: problem };
      if (parent) dialog.showMessageBoxSync(parent, warning);
      else dialog.showMessageBoxSync(warning);
      defaultPath = path.join(app.getPath('downloads'), path.basename(chosen));
    }
    item.once('done', (_e, state) => {
      if (state !== 'completed') return;
      void dialog
        .showMessageBox({
          message: savedDownloadTitle(item.getFilename()),
          detail: item.getSavePath(),
          buttons: ['Open', 'Close'],
          defaultId: 0,
        })
        .then(async ({ response }) => {
          if (response === 0) await shell.openPath(item.getSavePath());
        });
    });
  });
}

function createWindow(): void {
  const primary = screen.getPrimaryDisplay();
  const workAreas = [primary, ...screen.getAllDisplays().filter((d) => d.id !== primary.id)].map((d) => d.workArea);
  const state = fitToDisplays(loadWindowState(app.getPath('userData')), workAreas);
  mainWindow = new BrowserWindow({
    ...state.bounds,
    minWidth: 900,
    minHeight: 560,
    show: false,
    title: 'Subnet Scout',
    webPreferences: SECURE_WEB_PREFERENCES,
  });
  // Shown once painted (no blank window); maximize() would show it early.
  mainWindow.once('ready-to-show', () => {
    if (state.maximized) mainWindow?.maximize();
    mainWindow?.show();
  });
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
    if (mainWindow)
      saveWindowState(app.getPath('userData'), {
        bounds: mainWindow.getNormalBounds(),
        maximized: mainWindow.isMaximized(),
      });
  });
  // macOS keeps the app running with no window; a later activate or second instance must not touch a destroyed one.
  mainWindow.on('closed', () => {
    mainWindow = null;
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
      {
        label: 'View',
        submenu: [
          { role: 'resetZoom' },
          { role: 'zoomIn' },
          { role: 'zoomOut' },
          { type: 'separator' },
          { role: 'togglefullscreen' },
        ],
      },
      {
        label: 'Help',
        submenu: [
          { label: 'Restart core', click: () => restartCore() },
          { label: 'Show core log', click: () => shell.showItemInFolder(coreLogPath) },
          { type: 'separator' },
          {
            label: 'About Subnet Scout',
            click: () =>
              void dialog.showMessageBox({
                message: `Subnet Scout ${app.getVersion()}`,
                detail: 'Decide where to mine on Bittensor.',
              }),
          },
        ],
      },
    ]),
  );
}

/** The core's log, started over when it passes 1 MB (the previous one kept as core.log.1). */
function openCoreLog(): fs.WriteStream | null {
  try {
    fs.mkdirSync(path.dirname(coreLogPath), { recursive: true });
    if (fs.existsSync(coreLogPath) && fs.statSync(coreLogPath).size > 1_000_000)
      fs.renameSync(coreLogPath, `${coreLogPath}.1`);
    const log = fs.createWriteStream(coreLogPath, { flags: 'a' });
    log.on('error', () => undefined); // a log that cannot be written must not take the app down
    return log;
  } catch {
    return null;
  }
}

function spawnCore(): CoreProcessLike {
  const child = utilityProcess.fork(path.join(__dirname, 'core-process.js'), [], {
    serviceName: 'Subnet Scout core',
    stdio: 'pipe',
    env: { ...process.env, SCOUT_DATA_DIR: dataDir, SCOUT_APP_VERSION: app.getVersion() },
  });
  const log = openCoreLog();
  log?.write(
    `--- ${new Date().toISOString()} core started (Subnet Scout ${app.getVersion()}, Electron ${process.versions.electron}, data ${dataDir})\n`,
  );
  for (const stream of [child.stdout, child.stderr]) {
    if (log) stream?.pipe(log, { end: false });
    // From a checkout the terminal shows it too.
    if (!app.isPackaged) stream?.pipe(process.stderr, { end: false });
  }
  child.once('exit', () => setTimeout(() => log?.end(), 100));
  return child as unknown as CoreProcessLike;
}

/** A window's calls failed while the core was down: restart it and reload the windows so they ask again. */
function restartCore(): void {
  if (!core) return;
  core.restart();
  for (const w of BrowserWindow.getAllWindows()) if (!w.isDestroyed()) w.webContents.reload();
}

/** The core cannot run (start-up failure, a hang, or repeated crashes): say why, where the log is, and offer a restart. */
async function showCoreProblem(message: string): Promise<void> {
  const options = {
    type: 'error' as const,
    message: 'Subnet Scout’s core is not running',
    detail: `${message}\n\nRestart core tries again (also in the Help menu).`,
    buttons: ['Restart core', 'Show log', 'Close'],
    defaultId: 0,
    cancelId: 2,
    noLink: true,
  };
  const parent = mainWindow && !mainWindow.isDestroyed() && mainWindow.isVisible() ? mainWindow : null;
  const { response } = parent ? await dialog.showMessageBox(parent, options) : await dialog.showMessageBox(options);
  if (response === 0) restartCore();
  else if (response === 1) shell.showItemInFolder(coreLogPath);
}

app.on('second-instance', () => {
  if (mainWindow) {
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  } else if (app.isReady()) createWindow(); // macOS, all windows closed: the second start opens one
});

void app.whenReady().then(() => {
  harden();
  serveRenderer();
  core = new CoreClient(spawnCore, { logPath: coreLogPath, onDown: (message) => void showCoreProblem(message) });
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
