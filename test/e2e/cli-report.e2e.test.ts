import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ScoutService } from '../../electron/core/service';
import { runCli } from '../../electron/core/cli/run';
import { findChromium, lazyPrinter } from '../../electron/web/lazy-printer';

const hasPoppler = (() => {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();
const skip = !findChromium()
  ? 'no Chromium found (set SCOUT_CHROMIUM)'
  : !hasPoppler
    ? 'poppler-utils is not installed'
    : null;
if (skip) console.warn(`[skip] CLI report test: ${skip}`);

describe.skipIf(skip !== null)('scout report', () => {
  let service: ScoutService;
  let printer: ReturnType<typeof lazyPrinter>;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'scout-cli-report-'));
  // Reports never go into the data folder (report-out.test.ts).
  const reports = fs.mkdtempSync(path.join(os.tmpdir(), 'scout-cli-reports-'));
  beforeAll(async () => {
    printer = lazyPrinter(() => service);
    service = await ScoutService.open({
      dataDir: dir,
      version: 'test',
      printPdf: (r) => printer.print(r),
      demo: { subnetCount: 8, maxUids: 16, days: 3 },
    });
    await service.call('app.useDataset', { dataset: 'demo' });
  });
  afterAll(async () => {
    await printer?.close();
    await service?.close();
  });

  it('writes the same PDF report the app exports', async () => {
    const out = path.join(reports, 'sn5.pdf');
    const lines: string[] = [];
    const code = await runCli(service, ['report', '--netuid', '5', '--out', out], {
      out: (l) => lines.push(l),
      err: (l) => lines.push(l),
    });
    expect(lines).toEqual([`wrote ${out}`]);
    expect(code).toBe(0);
    const text = execFileSync('pdftotext', [out, '-']).toString('utf8');
    expect(text).toMatch(/SN5 · /);
    expect(text).toMatch(/Scenario \(assumed by the analyst\)/);

    // The same name again replaces the PDF only with --force, with another report in one piece.
    const again = await runCli(service, ['report', '--netuid', '6', '--out', out], {
      out: () => undefined,
      err: (l) => lines.push(l),
    });
    expect(again).toBe(1);
    expect(lines.at(-1)).toBe(`scout: ${out} already exists; add --force to replace it. Nothing was written.`);
    expect(
      await runCli(service, ['report', '--netuid', '6', '--out', out, '--force'], {
        out: () => undefined,
        err: () => undefined,
      }),
    ).toBe(0);
    expect(execFileSync('pdftotext', [out, '-']).toString('utf8')).toMatch(/SN6 · /);
    expect(fs.readdirSync(reports)).toEqual(['sn5.pdf']);
  });

  it('says what is wrong with its arguments', async () => {
    const err: string[] = [];
    const code = await runCli(service, ['report', '--netuid', '5'], { out: () => undefined, err: (l) => err.push(l) });
    expect(code).toBe(1);
    expect(err.join()).toMatch(/--out FILE\.pdf/);
  });
});
