/**
 * `scout sync` as cron runs it (the real CLI process): a failure is said once, in words, and the process exits; it
 * never announces a retry it will not make, and a bad address (a #fragment, credentials) is refused at once with
 * no stack trace and no retry.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStandInNode, type StandInNode } from '../chain/node';
import { metadataOrWarn } from '../chain/test-helpers';
import { ROOT, runBuiltCli } from './built-cli';

async function scout(...args: string[]) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'scout-cli-process-'));
  try {
    return await runBuiltCli(dataDir, args);
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
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

describe('a command line the CLI cannot use: usage, exit 2, nothing written', () => {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'scout-cli-usage-'));
  afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

  it.each([
    [['report', '--out', '--netuid', '1'], /--out needs a value/],
    [['report', '--netuid', '1', '--out'], /--out needs a value/],
    [['sync', '--endpoint'], /--endpoint needs a value/],
    [['list', '--jsn'], /unknown option --jsn for "scout list"/],
    [['list', 'extra'], /unexpected argument "extra"/],
    [['frobnicate'], /unknown command "frobnicate"/],
    [[], /a command is missing/],
  ])('scout %j', async (args, words) => {
    const dataDir = path.join(work, 'data');
    const run = await runBuiltCli(dataDir, args, { cwd: work });
    expect(run.code).toBe(2);
    expect(run.err).toMatch(words);
    expect(run.err).toContain('Usage:');
    expect(run.out).toBe('');
    // Neither the data folder nor a file named after the next flag.
    expect(fs.readdirSync(work)).toEqual([]);
  });

  it('--version says the package version and opens nothing', async () => {
    const { version } = JSON.parse(fs.readFileSync(path.join(__dirname, '../../package.json'), 'utf8')) as {
      version: string;
    };
    const run = await runBuiltCli(path.join(work, 'data'), ['--version']);
    expect(run.code).toBe(0);
    expect(run.out).toBe(`scout ${version}\n`);
    expect(fs.existsSync(path.join(work, 'data'))).toBe(false);
  });
});

describe('which better-sqlite3 the built CLI loads', () => {
  it('run by an Electron binary as Node (the installed launcher): the Electron build in out/native, not the Node one', async () => {
    // No Electron binary here: a preload makes plain node report an Electron version, which is all the choice reads.
    const work = fs.mkdtempSync(path.join(os.tmpdir(), 'scout-cli-electron-'));
    const preload = path.join(work, 'as-electron.cjs');
    fs.writeFileSync(
      preload,
      "Object.defineProperty(process.versions, 'electron', { value: '45.4.1', enumerable: true });\n",
    );
    try {
      const run = await runBuiltCli(path.join(work, 'data'), ['list'], {
        env: { NODE_OPTIONS: `--require ${preload}`, SCOUT_SQLITE_BINDING: '' },
      });
      const expected = path.join(ROOT, 'out', 'native', 'better_sqlite3.node');
      if (fs.existsSync(expected)) {
        // It would be loaded into this Node, whose ABI differs: where it is looked for is what this test checks.
        console.warn(`[skip] which-binding check: ${expected} exists on this machine (npm start ran)`);
        return;
      }
      expect(run.code).toBe(1);
      expect(run.err).toContain(
        `better-sqlite3 built for Electron 45.4.1 (${process.arch}) is missing: ${expected} does not exist.`,
      );
    } finally {
      fs.rmSync(work, { recursive: true, force: true });
    }
  });
});

const metadata = metadataOrWarn('built CLI');

describe.skipIf(!metadata)('the built CLI under plain node against the stand-in node', () => {
  let node: StandInNode;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'scout-cli-built-'));
  beforeAll(async () => {
    node = await startStandInNode({ metadataPath: metadata!, subnetCount: 5, maxUids: 10, seed: 8 });
  });
  afterAll(async () => {
    await node?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('syncs, then lists as plain JSON and CSV with the same columns', async () => {
    const sync = await runBuiltCli(dataDir, ['sync', '--endpoint', node.url]);
    expect(sync.err + sync.out).toMatch(/stored live point: block \d+/);
    expect(sync.code).toBe(0);
    const json = await runBuiltCli(dataDir, ['list', '--json']);
    expect(json.code).toBe(0);
    expect(json.out).not.toContain('$bigint');
    const list = JSON.parse(json.out) as {
      schemaVersion: number;
      point: { blockNumber: number };
      rows: Record<string, unknown>[];
    };
    expect(list.schemaVersion).toBe(1);
    const truth = node.truthAt(list.point.blockNumber);
    expect(list.rows.map((r) => r.netuid)).toEqual([...truth.subnets.keys()].sort((a, b) => a - b));
    for (const row of list.rows) {
      const sub = truth.subnets.get(row.netuid as number)!;
      // Rao exact as a decimal string, and the same amount as a TAO number beside it.
      expect(row.burnRao).toBe(sub.storage.burn.toString());
      expect(row.burnTao).toBeCloseTo(Number(sub.storage.burn) / 1e9, 9);
    }
    // A fresh process downloads the runtime metadata once (not once for @polkadot/api and again for the codecs) and
    // keeps it in the data folder, so the next cron run downloads none.
    const metadataDownloads = () =>
      node.requestLog.filter(
        (r) => r.method === 'state_getMetadata' || r.runtimeMethod === 'Metadata_metadata_at_version',
      ).length;
    expect(metadataDownloads()).toBe(1);
    node.requestLog.length = 0;
    node.produceBlocks(3);
    const again = await runBuiltCli(dataDir, ['sync', '--endpoint', node.url]);
    expect(again.code).toBe(0);
    expect(metadataDownloads()).toBe(0);
    const csv = await runBuiltCli(dataDir, ['list', '--csv']);
    const lines = csv.out.trimEnd().split('\n');
    expect(lines[0]!.split(',')).toEqual(Object.keys(list.rows[0]!));
    expect(lines).toHaveLength(list.rows.length + 1);
  });
});
