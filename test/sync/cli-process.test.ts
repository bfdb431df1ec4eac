/**
 * `scout sync` as cron runs it (the real CLI process): a failure is said once, in words, and the process exits; it
 * never announces a retry it will not make, and a bad address (a #fragment, credentials) is refused at once with
 * no stack trace and no retry.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../..');

function scout(...args: string[]): Promise<{ code: number; out: string; err: string; ms: number }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'scout-cli-process-'));
  const started = Date.now();
  return new Promise((resolve) => {
    execFile(
      path.join(ROOT, 'node_modules/.bin/tsx'),
      [path.join(ROOT, 'electron/cli.ts'), ...args],
      { env: { ...process.env, SCOUT_DATA_DIR: dataDir }, timeout: 60_000 },
      (error, stdout, stderr) => {
        fs.rmSync(dataDir, { recursive: true, force: true });
        resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, out: stdout, err: stderr, ms: Date.now() - started });
      },
    );
  });
}

describe('scout sync from the command line', () => {
  it('an unreachable node: one message, exit 1, and no "Retrying in 30 s" it would never do', async () => {
    const run = await scout('sync', '--endpoint', 'ws://127.0.0.1:9');
    expect(run.code).toBe(1);
    expect(run.err).toMatch(/scout: Cannot reach ws:\/\/127\.0\.0\.1:9/);
    expect(run.err).not.toMatch(/Retrying/i);
  });

  it('an address with a #fragment or user:pass@ is refused at once, without a stack trace or the password', async () => {
    for (const [endpoint, words] of [
      ['ws://127.0.0.1:9944/#finney', /must not contain a #fragment/],
      ['wss://alice:s3cret@example.org', /must not contain a user name or password/],
    ] as const) {
      const run = await scout('sync', '--endpoint', endpoint);
      expect(run.code).toBe(1);
      expect(run.err).toMatch(words);
      expect(run.err.trim().split('\n')).toHaveLength(1);
      expect(run.err).not.toMatch(/s3cret|\s+at .+:\d+:\d+|Retrying/);
    }
  });
});
