/**
 * Launches the real Electron app where an Electron binary exists (a user's or a release machine): the window must
 * show a subnet row the core read from the demo data and print that subnet's report through printToPDF, so a dead
 * core or a missing native module fails it. Chromium's sandbox stays on unless this machine cannot run it (the
 * reason is printed). These build machines cannot download Electron, so here the test is skipped with the reason.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { _electron } from 'playwright-core';

function electronBinary(): { path: string | null; reason: string } {
  try {
    const binary = createRequire(__filename)('electron') as unknown as string;
    if (typeof binary === 'string' && fs.existsSync(binary)) return { path: binary, reason: '' };
    return { path: null, reason: `the Electron binary is not downloaded (${String(binary)})` };
  } catch (e) {
    return { path: null, reason: `the Electron binary is not available: ${(e as Error).message.split('\n')[0]}` };
  }
}

const electron = electronBinary();
const needsDisplay = process.platform === 'linux' && !process.env.DISPLAY;
const skipReason = electron.path ? (needsDisplay ? 'no DISPLAY (run under xvfb-run)' : '') : electron.reason;
if (skipReason) console.warn(`[skip] Electron smoke test: ${skipReason}`);

const read = (file: string) => {
  try {
    return fs.readFileSync(file, 'utf8').trim();
  } catch {
    return null;
  }
};

/** Why Chromium's sandbox cannot run on this machine, or '' when it can (then the test runs with it on). */
function sandboxUnavailable(binary: string): string {
  if (process.platform !== 'linux') return '';
  if (process.getuid?.() === 0) return 'running as root, where Chromium refuses its sandbox';
  const helper = path.join(path.dirname(binary), 'chrome-sandbox');
  const stat = fs.existsSync(helper) ? fs.statSync(helper) : null;
  if (stat && stat.uid === 0 && (stat.mode & 0o4000) !== 0) return '';
  if (read('/proc/sys/kernel/apparmor_restrict_unprivileged_userns') === '1') {
    return 'AppArmor restricts user namespaces and chrome-sandbox is not SUID root (README "Install", Linux)';
  }
  if (read('/proc/sys/kernel/unprivileged_userns_clone') === '0') return 'unprivileged user namespaces are disabled';
  return '';
}

const pdftotext = (() => {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

describe.skipIf(skipReason !== '')('Electron app', () => {
  it('shows a subnet from the core, prints its PDF report, and exposes only window.scout, sandboxed', async () => {
    const noSandbox = sandboxUnavailable(electron.path!);
    if (noSandbox) console.warn(`[sandbox off] Electron smoke test: ${noSandbox}`);
    const app = await _electron.launch({
      executablePath: electron.path!,
      args: [path.resolve(__dirname, '../..'), ...(noSandbox ? ['--no-sandbox'] : [])],
      env: { ...process.env, SCOUT_DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'scout-electron-')) },
    });
    try {
      const page = await app.firstWindow();
      // A real answer from the core, not the status bar's placeholder: a subnet row of the demo data.
      await page.getByRole('button', { name: 'Open demo data' }).click();
      await page.locator('table.subnets-table tbody tr').first().waitFor({ timeout: 30_000 });
      const first = await page.evaluate(async () =>
        (await window.scout.call('subnets.list')).rows.find((r) => r.netuid !== 0)!,
      );
      await expect(page.locator('table.subnets-table tbody').textContent()).resolves.toContain(first.name);

      // Through main's printReport: a hidden window, printToPDF.
      const report = await page.evaluate(
        (netuid) => window.scout.call('reports.pdf', { target: { kind: 'subnet', netuid } }),
        first.netuid,
      );
      const pdf = Buffer.from(report.pdfBase64, 'base64');
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      if (pdftotext) {
        const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'scout-electron-pdf-')), report.filename);
        fs.writeFileSync(file, pdf);
        expect(execFileSync('pdftotext', ['-layout', file, '-']).toString('utf8')).toContain(
          `SN${first.netuid} · ${first.name}`,
        );
      } else console.warn('[skip] Electron smoke test: the PDF text is not read back (no pdftotext)');

      // A refusal reaches the page with its code (the context bridge keeps a plain object whole, not an Error).
      const refused = await page.evaluate(() =>
        window.scout.call('notes.get', { id: '00000000-0000-4000-8000-000000000000' }).then(
          () => null,
          (e: { code?: unknown; message?: unknown }) => ({ code: e.code, message: e.message }),
        ),
      );
      expect(refused).toEqual({ code: 'not-found', message: expect.stringMatching(/no note with id/) });

      const exposed = await page.evaluate(() => ({
        scout: typeof window.scout?.call,
        require: typeof (window as unknown as { require?: unknown }).require,
        process: typeof (window as unknown as { process?: unknown }).process,
      }));
      expect(exposed).toEqual({ scout: 'function', require: 'undefined', process: 'undefined' });
      expect(await app.evaluate(({ app: electronApp }) => electronApp.commandLine.hasSwitch('no-sandbox'))).toBe(
        noSandbox !== '',
      );
    } finally {
      await app.close();
    }
  });
});
