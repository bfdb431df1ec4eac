import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FolderBusyError, hold, holdersOf, LOCK_FOLDER, type Holder } from './folder-lock';

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'scout-lock-'));

/** An entry as another process leaves it in the lock folder. */
function entryOf(dataDir: string, holder: Omit<Holder, 'host' | 'sinceMs'>, ageMs = 0): string {
  const folder = path.join(dataDir, LOCK_FOLDER);
  fs.mkdirSync(folder, { recursive: true });
  const file = path.join(folder, `${holder.pid}-1-abcd-${holder.kind}.json`);
  fs.writeFileSync(file, JSON.stringify({ ...holder, host: os.hostname(), sinceMs: Date.now() - ageMs }));
  const at = new Date(Date.now() - ageMs);
  fs.utimesSync(file, at, at);
  return file;
}

async function refusal(promise: Promise<unknown>): Promise<FolderBusyError> {
  try {
    await promise;
  } catch (e) {
    if (e instanceof FolderBusyError) return e;
    throw e;
  }
  throw new Error('expected the hold to be refused');
}

describe('the data folder lock', () => {
  it('another live process using the folder blocks an exclusive hold (named in words) but not a shared one', async () => {
    const dir = tmp();
    // The process that started this test runs for as long as the test does.
    entryOf(dir, { pid: process.ppid, kind: 'shared', purpose: 'scout sync' });
    const busy = await refusal(hold(dir, 'exclusive', 'the Subnet Scout app, restoring a backup'));
    expect(busy.message).toBe(`scout sync (process ${process.ppid}) is using this data folder.`);
    expect(fs.readdirSync(path.join(dir, LOCK_FOLDER))).toHaveLength(1); // the refused hold left nothing behind
    const shared = await hold(dir, 'shared', 'the Subnet Scout app');
    expect(
      holdersOf(dir)
        .map((h) => h.purpose)
        .sort(),
    ).toEqual(['scout sync', 'the Subnet Scout app']);
    shared.release();
    expect(holdersOf(dir).map((h) => h.purpose)).toEqual(['scout sync']);
  });

  it('an exclusive hold keeps a shared one waiting, which goes ahead once it is released', async () => {
    const dir = tmp();
    const restore = await hold(dir, 'exclusive', 'the Subnet Scout app, restoring a backup');
    const waits: string[] = [];
    const cli = hold(dir, 'shared', 'scout list', { waitMs: 10_000, onWait: (h) => waits.push(h[0]!.purpose) });
    await new Promise((r) => setTimeout(r, 600));
    expect(waits).toEqual(['the Subnet Scout app, restoring a backup']);
    restore.release();
    const got = await cli;
    expect(holdersOf(dir).map((h) => h.purpose)).toEqual(['scout list']);
    got.release();
  });

  it('an entry left by a process that has exited is stale: removed, and the hold is granted', async () => {
    const dir = tmp();
    const gone = spawnSync(process.execPath, ['-e', 'process.exit(0)']).pid!;
    const left = entryOf(dir, { pid: gone, kind: 'exclusive', purpose: 'scout sync' });
    const got = await hold(dir, 'exclusive', 'the Subnet Scout app, restoring a backup');
    expect(fs.existsSync(left)).toBe(false);
    got.release();
  });

  it('an entry not refreshed for over ten minutes is stale even if its process id is in use (reused by another program)', async () => {
    const dir = tmp();
    const left = entryOf(dir, { pid: process.ppid, kind: 'shared', purpose: 'scout sync' }, 11 * 60_000);
    const got = await hold(dir, 'exclusive', 'the Subnet Scout app, restoring a backup');
    expect(fs.existsSync(left)).toBe(false);
    got.release();
  });
});
