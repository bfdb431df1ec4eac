/**
 * Launches the real Electron app where an Electron binary exists (a user's or a release machine). These machines
 * cannot download it, so there the test is skipped with the reason printed.
 */
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

describe.skipIf(skipReason !== '')('Electron app', () => {
  it('opens a sandboxed window that shows the app and exposes only window.scout', async () => {
    const app = await _electron.launch({
      executablePath: electron.path!,
      args: [path.resolve(__dirname, '../..'), '--no-sandbox'],
      env: { ...process.env, SCOUT_DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'scout-electron-')) },
    });
    try {
      const page = await app.firstWindow();
      await page.getByText('No data yet').first().waitFor();
      const exposed = await page.evaluate(() => ({
        scout: typeof window.scout?.call,
        require: typeof (window as unknown as { require?: unknown }).require,
        process: typeof (window as unknown as { process?: unknown }).process,
      }));
      expect(exposed).toEqual({ scout: 'function', require: 'undefined', process: 'undefined' });
    } finally {
      await app.close();
    }
  });
});
