/**
 * The `scout` CLI as cron runs it: a whole fresh process (`node out/main/cli.js sync`) on a fresh database, with the
 * runtime metadata already in the data folder (every run after the first) and without it (the very first), beside
 * the same full sync in a warm process; what a sync moves over the wire (through a counting relay); and a full sync
 * through a 100 ms round-trip link.
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
import { RUNTIME_METADATA_DIR } from '../../electron/core/paths';
import { startLinkProxy, type LinkCounts } from './link-proxy';
import { measure, type Measured } from './stats';

const ROOT = path.resolve(__dirname, '..', '..');
export const BUILT_CLI = path.join(ROOT, 'out', 'main', 'cli.js');

export interface CliFigures {
  coldProcess: Measured;
  coldProcessNoCache: Measured;
  warm: Measured;
  full: LinkCounts;
  fullFirstEver: LinkCounts;
  incremental: LinkCounts;
  slowColdProcess: Measured;
  slowWarm: Measured;
}

const scratch = () => fs.mkdtempSync(path.join(os.tmpdir(), 'scout-bench-cli-'));

function cliSync(dataDir: string, endpoint: string): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [BUILT_CLI, 'sync', '--endpoint', endpoint], { env: { ...process.env, SCOUT_DATA_DIR: dataDir } }, (error, _out, err) =>
      error ? reject(new Error(`scout sync failed: ${err}`)) : resolve(),
    );
  });
}

/** A fresh data folder holding only the metadata a previous run kept (the hourly cron case, database aside). */
function withMetadata(seed: string | null): string {
  const dir = scratch();
  if (seed) fs.cpSync(path.join(seed, RUNTIME_METADATA_DIR), path.join(dir, RUNTIME_METADATA_DIR), { recursive: true });
  return dir;
}

const tmpDb = async (): Promise<Database> => (await openDatabase(path.join(scratch(), 'scout.db'))).db;

export async function benchCli(nodeUrl: string, runs: number): Promise<CliFigures | string> {
  if (!fs.existsSync(BUILT_CLI)) return `${path.relative(ROOT, BUILT_CLI)} is missing: run \`npx electron-vite build\` first`;
  const link = await startLinkProxy(nodeUrl);
  const slow = await startLinkProxy(nodeUrl, 50);
  try {
    // The first run ever: no metadata in the data folder. Its folder seeds the later runs.
    const first = scratch();
    link.reset();
    await cliSync(first, link.url);
    const fullFirstEver = { ...link.counts };
    const coldProcessNoCache = await measure(runs, (dir) => cliSync(dir, link.url), () => withMetadata(null));
    link.reset();
    const coldProcess = await measure(runs, (dir) => cliSync(dir, link.url), () => withMetadata(first));
    const full = { requests: link.counts.requests / runs, bytesUp: link.counts.bytesUp / runs, bytesDown: link.counts.bytesDown / runs };

    const sync = (url: string) => (db: Database) => runSync({ db, target: { network: 'custom', endpoint: url, expectedGenesis: null }, now: Date.now, onProgress: () => undefined });
    await measure(1, sync(link.url), tmpDb, (db) => db.close()); // warms this process: codecs, accounts, metadata
    const warm = await measure(runs, sync(link.url), tmpDb, (db) => db.close());

    const conn = await connect(link.url);
    let incremental: LinkCounts;
    try {
      // The block before the head: the provider answers a repeated request for the same block from its cache.
      const head = await conn.api.rpc.chain.getHeader(await conn.api.rpc.chain.getFinalizedHead());
      await fetchNetwork(conn.api, head.hash.toHex());
      link.reset();
      await fetchNetwork(conn.api, head.parentHash.toHex());
      incremental = { ...link.counts };
    } finally {
      await conn.close();
    }

    const slowColdProcess = await measure(runs, (dir) => cliSync(dir, slow.url), () => withMetadata(first));
    const slowWarm = await measure(runs, sync(slow.url), tmpDb, (db) => db.close());
    return { coldProcess, coldProcessNoCache, warm, full, fullFirstEver, incremental, slowColdProcess, slowWarm };
  } finally {
    await link.close();
    await slow.close();
  }
}
