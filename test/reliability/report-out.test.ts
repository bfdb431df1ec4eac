/**
 * `scout report --out` as a user runs it (the real CLI process, a real data folder): it never writes into the data
 * folder or over a file that is not a PDF, asks for --force before replacing a PDF, and says in words why a folder,
 * a missing folder or a read-only place cannot take the report. The refusals come before printing, so no browser is
 * needed here; cli-report.e2e.test.ts prints real reports (and replaces one with --force).
 */
import { execFile, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeReportFile } from '../../electron/core/cli/report-file';
import { builtCli } from '../sync/built-cli';

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'scout-report-out-'));
const dataDir = path.join(work, 'data');
const reports = path.join(work, 'reports');
fs.mkdirSync(reports);

function scout(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [builtCli(), ...args],
      { cwd: work, env: { ...process.env, SCOUT_DATA_DIR: dataDir }, timeout: 60_000 },
      (error, stdout, stderr) =>
        resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, out: stdout, err: stderr }),
    );
  });
}

const mountedReadOnly: string[] = [];
afterAll(() => {
  for (const m of mountedReadOnly) execFileSync('umount', [m]);
  fs.rmSync(work, { recursive: true, force: true });
});

describe('scout report --out refuses places that would lose data, in words', () => {
  it('the data folder: neither the database nor a new file beside it', async () => {
    const first = await scout('list'); // creates the data folder and its database
    expect(first.code).toBe(0);
    const db = path.join(dataDir, 'scout.db');
    const before = fs.readFileSync(db);
    for (const out of [db, path.join(dataDir, 'report.pdf'), path.join(reports, '..', 'data', 'x.pdf')]) {
      const run = await scout('report', '--netuid', '1', '--out', out, '--force');
      expect(run.code).toBe(1);
      expect(run.err).toContain(
        `is inside the data folder (${dataDir}), where Subnet Scout keeps its database and backups; write the report somewhere else. Nothing was written.`,
      );
    }
    expect(fs.readFileSync(db).equals(before)).toBe(true);
    expect(fs.readdirSync(dataDir).filter((f) => f.endsWith('.pdf') || f.endsWith('.tmp'))).toEqual([]);
  });

  it('a file that is not a PDF is never replaced, even with --force', async () => {
    const notes = path.join(reports, 'notes.txt');
    fs.writeFileSync(notes, 'my notes');
    const run = await scout('report', '--netuid', '1', '--out', notes, '--force');
    expect(run.code).toBe(1);
    expect(run.err).toContain(
      `${notes} exists and is not a PDF, so it is not replaced; choose another name for the report. Nothing was written.`,
    );
    expect(fs.readFileSync(notes, 'utf8')).toBe('my notes');
  });

  it('an existing PDF is replaced only with --force', async () => {
    const old = path.join(reports, 'sn1.pdf');
    fs.writeFileSync(old, '%PDF-1.4 an older report');
    const run = await scout('report', '--netuid', '1', '--out', old);
    expect(run.code).toBe(1);
    expect(run.err).toContain(`${old} already exists; add --force to replace it. Nothing was written.`);
    expect(fs.readFileSync(old, 'utf8')).toBe('%PDF-1.4 an older report');
    // With --force the place is accepted: what stops this report is the empty data folder, not the file.
    const forced = await scout('report', '--netuid', '1', '--out', old, '--force');
    expect(forced.err).toMatch(/There is no data for SN1; sync first/);
  });

  it('a folder, a missing folder, a file used as a folder: plain words, no EISDIR/ENOENT/ENOTDIR', async () => {
    const cases: [string, string][] = [
      [reports, `${reports} is a folder; give the report a file name, e.g. --out ${path.join(reports, 'report.pdf')}.`],
      [
        path.join(work, 'nowhere', 'r.pdf'),
        `The folder ${path.join(work, 'nowhere')} does not exist; create it first, or choose another place for the report.`,
      ],
      [
        path.join(reports, 'notes.txt', 'r.pdf'),
        `${path.join(reports, 'notes.txt')} is a file, not a folder, so r.pdf cannot be written inside it.`,
      ],
    ];
    fs.writeFileSync(path.join(reports, 'notes.txt'), 'my notes');
    for (const [out, words] of cases) {
      const run = await scout('report', '--netuid', '1', '--out', out);
      expect(run.code).toBe(1);
      expect(run.err).toContain(`${words} Nothing was written.`);
      expect(run.err).not.toMatch(/E[A-Z]{3,}|at .*\.ts:\d+/);
    }
  });

  it('a read-only place is named as such', async (ctx) => {
    const ro = path.join(work, 'read-only');
    fs.mkdirSync(ro);
    let words: RegExp;
    if (process.getuid?.() !== 0) {
      fs.chmodSync(ro, 0o555);
      words = new RegExp(
        `You do not have permission to write in ${ro}; choose a place you can write to\\. Nothing was written\\.`,
      );
    } else {
      // Root may write anywhere a mode bit forbids; only a read-only file system stops it.
      try {
        execFileSync('mount', ['-t', 'tmpfs', '-o', 'ro,size=1m', 'tmpfs', ro], { stdio: 'ignore' });
        mountedReadOnly.push(ro);
      } catch {
        console.warn('[skip] read-only place: running as root and cannot mount a read-only tmpfs here');
        ctx.skip();
        return;
      }
      words = new RegExp(`${ro} is on a read-only disk; choose a place you can write to\\. Nothing was written\\.`);
    }
    const run = await scout('report', '--netuid', '1', '--out', path.join(ro, 'r.pdf'));
    expect(run.code).toBe(1);
    expect(run.err).toMatch(words);
  });
});

describe('the report is written whole or not at all', () => {
  it('replaces the target by renaming a complete temporary file; a failed write leaves the old file and no temporary', () => {
    const target = path.join(reports, 'atomic.pdf');
    fs.writeFileSync(target, '%PDF-1.4 old');
    writeReportFile(target, Buffer.from('%PDF-1.7 new report'));
    expect(fs.readFileSync(target, 'utf8')).toBe('%PDF-1.7 new report');
    expect(fs.readdirSync(reports).filter((f) => f.endsWith('.tmp'))).toEqual([]);

    // The folder vanishes between the check and the write: the error is in words, nothing is left behind.
    const gone = path.join(work, 'gone');
    fs.mkdirSync(gone);
    fs.rmdirSync(gone);
    expect(() => writeReportFile(path.join(gone, 'r.pdf'), Buffer.from('%PDF-1.7'))).toThrow(
      `The folder ${gone} does not exist (or was removed); choose another place for the report. Nothing was written.`,
    );
  });
});
