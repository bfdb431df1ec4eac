/**
 * The sync figures of `npm run bench`: full sync (cold and warm), incremental refresh, connect, snapshot write and
 * the naive path, all against one stand-in node in its own process.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ApiPromise, WsProvider } from '@polkadot/api';
import type { Database } from 'better-sqlite3';
import type { NetworkSync } from '../../shared/domain';
import { connect } from '../../electron/core/chain/connect';
import { fetchBlock } from '../../electron/core/chain/fetch-block';
import { fetchNetwork } from '../../electron/core/chain/network-fetch';
import { mapNetwork, mapSubnet } from '../../electron/core/chain/mapper';
import { openDatabase } from '../../electron/core/db/open';
import { writeNetworkSync } from '../../electron/core/db/snapshot-write';
import { runSync } from '../../electron/core/sync/sync-run';
import { maxRssMb, measure, type Measured } from './stats';

export interface SyncFigures {
  fullCold: Measured;
  /** RSS high-water mark after the first full sync (process start, imports and that sync). */
  fullColdPeakMb: number;
  full: Measured;
  fullPeakMb: number;
  incremental: Measured;
  connect: Measured;
  write: Measured;
  writeKnown: Measured;
  writeReopened: Measured;
  writeRows: { subnets: number; neurons: number };
  naive: Measured;
  naivePeakMb: number;
}

const tmpDb = async (): Promise<Database> =>
  (await openDatabase(path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'scout-bench-')), 'scout.db'))).db;

/** Makes the node generate the head block's network and encode getAllMetagraphs, without warming our caches. */
async function warmNode(url: string): Promise<string> {
  const conn = await connect(url);
  try {
    const head = String(await conn.client.request('chain_getFinalizedHead', []));
    await conn.client.request('state_call', ['SubnetInfoRuntimeApi_get_all_metagraphs', '0x', head]);
    return head;
  } finally {
    await conn.close();
  }
}

async function naiveOnce(url: string): Promise<void> {
  const api = await ApiPromise.create({ provider: new WsProvider(url), noInitWarn: true });
  try {
    const at = await api.at(await api.rpc.chain.getFinalizedHead());
    const call = at.call as unknown as Record<string, Record<string, () => Promise<{ toPrimitive(): unknown }>>>;
    (await call.subnetInfoRuntimeApi!.getAllMetagraphs!()).toPrimitive();
  } finally {
    await api.disconnect();
  }
}

const closeDb = (db: Database) => db.close();

function fixtureOf(fetched: Awaited<ReturnType<typeof fetchBlock>>, url: string): NetworkSync {
  return {
    point: {
      blockNumber: fetched.blockNumber,
      blockHash: fetched.blockHash,
      blockTimeMs: fetched.blockTimeMs,
      specVersion: fetched.specVersion,
      network: 'bench',
      endpoint: url,
      kind: 'live',
    },
    network: mapNetwork(fetched.network, fetched),
    subnets: [...fetched.subnets.values()].map(mapSubnet),
    stale: [],
  };
}

async function benchWrites(
  fixture: NetworkSync,
  runs: number,
): Promise<Pick<SyncFigures, 'write' | 'writeKnown' | 'writeReopened' | 'writeRows'>> {
  const write = await measure(runs, (db) => writeNetworkSync(db, fixture, Date.now()), tmpDb, closeDb);
  // The usual case: the database already holds the accounts (an earlier point), so interning finds them.
  const second: NetworkSync = {
    ...fixture,
    point: { ...fixture.point, blockNumber: fixture.point.blockNumber + 1, blockHash: `0x${'ee'.repeat(32)}` },
  };
  const withFirstPoint = async () => {
    const db = await tmpDb();
    writeNetworkSync(db, fixture, Date.now());
    return db;
  };
  // A running app: the connection that wrote the first point writes the next.
  const writeKnown = await measure(runs, (db) => writeNetworkSync(db, second, Date.now()), withFirstPoint, closeDb);
  // The first sync after the app starts: the accounts are in the file, but this connection has not met them.
  const reopened = async () => {
    const first = await withFirstPoint();
    first.close();
    return (await openDatabase(first.name)).db;
  };
  const writeReopened = await measure(runs, (db) => writeNetworkSync(db, second, Date.now()), reopened, closeDb);
  return {
    write,
    writeKnown,
    writeReopened,
    writeRows: { subnets: fixture.subnets.length, neurons: fixture.subnets.reduce((a, s) => a + s.neurons.length, 0) },
  };
}

export async function benchSync(url: string, runs: number): Promise<SyncFigures> {
  const head = await warmNode(url);
  const target = { network: 'custom', endpoint: url, expectedGenesis: null };
  const sync = (db: Database) => runSync({ db, target, now: Date.now, onProgress: () => undefined });
  // The first sync in a process builds the runtime's codecs and meets every account for the first time.
  const fullCold = await measure(1, sync, tmpDb, closeDb);
  const fullColdPeakMb = maxRssMb();
  const full = await measure(runs, sync, tmpDb, closeDb);
  const fullPeakMb = maxRssMb(); // only lighter phases ran before this

  const conn = await connect(url);
  let rest: Pick<SyncFigures, 'incremental' | 'write' | 'writeKnown' | 'writeReopened' | 'writeRows'>;
  try {
    const incremental = await measure(runs, () => fetchNetwork(conn.client, head));
    rest = { incremental, ...(await benchWrites(fixtureOf(await fetchBlock(conn.client, head), url), runs)) };
  } finally {
    await conn.close();
  }
  const connectTime = await measure(runs, async () => (await connect(url)).close());
  const naive = await measure(Math.min(runs, 3), () => naiveOnce(url));
  return { fullCold, fullColdPeakMb, full, fullPeakMb, connect: connectTime, ...rest, naive, naivePeakMb: maxRssMb() };
}
