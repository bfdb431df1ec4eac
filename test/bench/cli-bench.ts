/**
 * The `scout` CLI as cron runs it: a whole fresh process (`node out/main/cli.js sync`) on the data folder the previous
 * hour's run left (its database and runtime metadata, the chain an hour of blocks further) and on an empty folder
 * (the very first run), beside the same full sync in a warm process; what a sync moves over the wire (through a
 * counting relay); and a full sync through a 100 ms round-trip link.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { connect } from '../../electron/core/chain/connect';
import { fetchNetwork } from '../../electron/core/chain/network-fetch';
import { openDatabase } from '../../electron/core/db/open';
import { runSync } from '../../electron/core/sync/sync-run';
import { LIVE_DB_FILE } from '../../electron/core/paths';
import { startLinkProxy, type LinkCounts } from './link-proxy';
import type { NodeProcess } from './node-process';
import { measure, type Measured } from './stats';

const ROOT = path.resolve(__dirname, '..', '..');
export const BUILT_CLI = path.join(ROOT, 'out', 'main', 'cli.js');

export interface CliFigures {
  coldProcess: Measured;
  /** Median CPU time of the CLI process itself in the cold runs (null where the platform does not tell). */
  coldProcessCpuMs: number | null;
  coldProcessNoCache: Measured;
  coldProcessNoCacheCpuMs: number | null;
  warm: Measured;
  full: LinkCounts;
  fullFirstEver: LinkCounts;
  incremental: LinkCounts;
  slowColdProcess: Measured;
  slowWarm: Measured;
}

const scratch = () => fs.mkdtempSync(path.join(os.tmpdir(), 'scout-bench-cli-'));

/**
 * CPU time (user + system, ms) of this process's finished children (Linux /proc, 10 ms ticks); null elsewhere. A
 * CLI run's own CPU time swings much less than its wall time on a machine shared with other work.
 */
function childrenCpuMs(): number | null {
  try {
    const stat = fs.readFileSync('/proc/self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' '); // from field 3 (state) on
    return (Number(fields[13]) + Number(fields[14])) * 10; // cutime + cstime (fields 16, 17), USER_HZ = 100
  } catch {
    return null;
  }
}

/** Runs `scout sync`; `cpu` collects the process's own CPU time (ms) when the platform tells it. */
function cliSync(dataDir: string, endpoint: string, cpu?: number[]): Promise<void> {
  const before = childrenCpuMs();
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [BUILT_CLI, 'sync', '--endpoint', endpoint],
      { env: { ...process.env, SCOUT_DATA_DIR: dataDir } },
      (error, _out, err) => {
        const after = childrenCpuMs();
        if (cpu && before !== null && after !== null) cpu.push(after - before);
        if (error) reject(new Error(`scout sync failed: ${err}`));
        else resolve();
      },
    );
  });
}

const median = (values: number[]): number | null =>
  values.length ? [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]! : null;

/** A copy of a previous run's whole data folder (database and metadata): the hourly cron case. */
function copyOf(seed: string): string {
  const dir = scratch();
  fs.cpSync(seed, dir, { recursive: true });
  return dir;
}

/** Blocks between two hourly runs (12 s a block): the re-registrations in between cost the next sync key reads. */
const HOUR_OF_BLOCKS = 300;

/** A copy of the database a previous run left, opened in this process. */
const copiedDb = async (seed: string): Promise<Database> =>
  (await openDatabase(path.join(copyOf(seed), LIVE_DB_FILE))).db;

export async function benchCli(node: NodeProcess, runs: number): Promise<CliFigures | string> {
  if (!fs.existsSync(BUILT_CLI))
    return `${path.relative(ROOT, BUILT_CLI)} is missing: run \`npx electron-vite build\` first`;
  const nodeUrl = node.url;
  const link = await startLinkProxy(nodeUrl);
  const slow = await startLinkProxy(nodeUrl, 50);
  try {
    // The first run ever: an empty data folder. Its folder (database and metadata) seeds the hourly runs.
    const first = scratch();
    link.reset();
    await cliSync(first, link.url);
    const fullFirstEver = { ...link.counts };
    const noCacheCpu: number[] = [];
    const coldProcessNoCache = await measure(runs, (dir) => cliSync(dir, link.url, noCacheCpu), scratch);
    // An hour later. One untimed run first: the stand-in node encodes a block's answers on the first request for it,
    // which a real node does not pay, and which would otherwise land on the first timed run only.
    await node.produceBlocks(HOUR_OF_BLOCKS);
    await cliSync(copyOf(first), link.url);
    link.reset();
    const coldCpu: number[] = [];
    const coldProcess = await measure(
      runs,
      (dir) => cliSync(dir, link.url, coldCpu),
      () => copyOf(first),
    );
    const full = {
      requests: link.counts.requests / runs,
      bytesUp: link.counts.bytesUp / runs,
      bytesDown: link.counts.bytesDown / runs,
    };

    const sync = (url: string) => (db: Database) =>
      runSync({
        db,
        target: { network: 'custom', endpoint: url, expectedGenesis: null },
        now: Date.now,
        onProgress: () => undefined,
      });
    const previousHour = () => copiedDb(first);
    await measure(1, sync(link.url), previousHour, (db) => db.close()); // warms this process: codecs, accounts, metadata
    const warm = await measure(runs, sync(link.url), previousHour, (db) => db.close());

    const conn = await connect(link.url);
    let incremental: LinkCounts;
    try {
      // The first read builds this connection's codecs; the block before the head then costs what an hourly refresh does.
      const head = String(await conn.client.request('chain_getFinalizedHead', []));
      const { parentHash } = (await conn.client.request('chain_getHeader', [head])) as { parentHash: string };
      await fetchNetwork(conn.client, head);
      link.reset();
      await fetchNetwork(conn.client, parentHash);
      incremental = { ...link.counts };
    } finally {
      await conn.close();
    }

    const slowColdProcess = await measure(
      runs,
      (dir) => cliSync(dir, slow.url),
      () => copyOf(first),
    );
    const slowWarm = await measure(runs, sync(slow.url), previousHour, (db) => db.close());
    return {
      coldProcess,
      coldProcessCpuMs: median(coldCpu),
      coldProcessNoCache,
      coldProcessNoCacheCpuMs: median(noCacheCpu),
      warm,
      full,
      fullFirstEver,
      incremental,
      slowColdProcess,
      slowWarm,
    };
  } finally {
    await link.close();
    await slow.close();
  }
}
