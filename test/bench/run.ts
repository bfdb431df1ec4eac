/**
 * `npm run bench`: figures, not pass/fail. Runs against the stand-in node with a full-size network (128 subnets ×
 * 256 UIDs) on this machine and prints medians with min/max.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ApiPromise, WsProvider } from '@polkadot/api';
import { startStandInNode } from '../chain/node';
import { findMetadata } from '../chain/metadata';
import { benchEngine } from '../../electron/core/engine/bench';
import { openDatabase } from '../../electron/core/db/open';
import { runSync } from '../../electron/core/sync/sync-run';
import { fetchBlock } from '../../electron/core/chain/fetch-block';
import { connect } from '../../electron/core/chain/connect';
import { mapNetwork, mapSubnet } from '../../electron/core/chain/mapper';
import { writeNetworkSync } from '../../electron/core/db/snapshot-write';
import { fmt, measure } from './stats';

const SUBNETS = Number(process.env.BENCH_SUBNETS ?? 128);
const UIDS = Number(process.env.BENCH_UIDS ?? 256);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);

const tmpDb = async () => (await openDatabase(path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'scout-bench-')), 'scout.db'))).db;
const line = (label: string, value: string) => console.log(`${label.padEnd(46)} ${value}`);

async function main(): Promise<void> {
  const metadata = findMetadata();
  console.log(`Subnet Scout benchmarks — ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, Node ${process.version}, ${SUBNETS} subnets × ${UIDS} UIDs`);

  const engine = benchEngine(SUBNETS, UIDS);
  line('engine: all subnets, one scenario', `${engine.evaluateAllMs.toFixed(3)} ms (median)`);
  line('engine: 21 × 21 sensitivity grid', `${engine.gridMs.toFixed(3)} ms (median)`);
  line('engine: analyse all subnets (once per sync)', `${engine.analyzeAllMs.toFixed(1)} ms (median)`);

  if (!metadata) {
    console.log('sync benchmarks skipped: no runtime metadata (set SCOUT_METADATA or put shared/chain/ beside the repo)');
    return;
  }
  const node = await startStandInNode({ metadataPath: metadata, subnetCount: SUBNETS, maxUids: UIDS, seed: 'bench' });
  try {
    const target = { network: 'custom', endpoint: node.url, expectedGenesis: null };
    // Warm the node's per-block cache once so the figures measure the client, not the first encode.
    {
      const db = await tmpDb();
      await runSync({ db, target, now: Date.now, onProgress: () => undefined });
      db.close();
    }
    let peakRss = 0;
    const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 20);
    const full = await measure(RUNS, async () => {
      const db = await tmpDb();
      await runSync({ db, target, now: Date.now, onProgress: () => undefined });
      db.close();
    });
    clearInterval(sampler);
    line('full sync (fresh db, all subnets + UIDs)', fmt(full));
    line('  peak memory (RSS, whole process)', `${(peakRss / 1024 / 1024).toFixed(0)} MB`);

    const conn = await connect(node.url);
    const head = node.finalizedHead().hash;
    const fetched = await fetchBlock(conn.api, head);
    const sync = {
      point: { blockNumber: fetched.blockNumber, blockHash: head, blockTimeMs: fetched.blockTimeMs, specVersion: fetched.specVersion, network: 'bench', endpoint: node.url, kind: 'live' as const },
      network: mapNetwork(fetched.network),
      subnets: [...fetched.subnets.values()].map(mapSubnet),
      stale: [],
    };
    const neuronRows = sync.subnets.reduce((a, s) => a + s.neurons.length, 0);
    const write = await measure(RUNS, async () => {
      const db = await tmpDb();
      writeNetworkSync(db, sync, Date.now());
      db.close();
    });
    line(`snapshot write (${sync.subnets.length} subnets, ${neuronRows} UID rows)`, fmt(write));
    await conn.close();

    const naive = await measure(Math.min(RUNS, 2), async () => {
      const api = await ApiPromise.create({ provider: new WsProvider(node.url), noInitWarn: true });
      const at = await api.at(await api.rpc.chain.getFinalizedHead());
      const all = await (at.call as unknown as Record<string, Record<string, () => Promise<{ toPrimitive(): unknown }>>>)
        .subnetInfoRuntimeApi!.getAllMetagraphs!();
      all.toPrimitive();
      await api.disconnect();
    });
    line('naive: getAllMetagraphs + toPrimitive', fmt(naive));
    line('  ratio naive / ours (full sync)', `${(naive.median / full.median).toFixed(2)}×`);
  } finally {
    await node.close();
  }
}

void main().then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
