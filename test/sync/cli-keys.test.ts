/**
 * The hourly `scout sync` (a fresh process on the folder the previous run left) takes the keys it stored last time
 * as already encoded and already numbered, instead of encoding and looking up all of them again: the addresses it
 * stores must still be exactly the chain's, re-registered UIDs included, and the same as a first-ever sync's.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStandInNode, type StandInNode } from '../chain/node';
import { metadataOrWarn } from '../chain/test-helpers';
import { openDatabase } from '../../electron/core/db/open';
import { neuronsAt } from '../../electron/core/db/snapshot-read';
import { LIVE_DB_FILE } from '../../electron/core/paths';
import { runBuiltCli } from './built-cli';

const metadata = metadataOrWarn('the hourly CLI sync keeps the chain’s addresses');

describe.skipIf(!metadata)('the hourly CLI sync keeps the chain’s addresses', () => {
  let node: StandInNode;
  const folders: string[] = [];
  const folder = () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'scout-cli-keys-'));
    folders.push(dir);
    return dir;
  };
  const opened: Database[] = [];
  beforeAll(async () => {
    node = await startStandInNode({ metadataPath: metadata!, subnetCount: 8, maxUids: 32, seed: 34 });
  });
  afterAll(async () => {
    opened.forEach((db) => db.close());
    await node?.close();
    folders.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true }));
  });

  const sync = async (dataDir: string) => {
    const run = await runBuiltCli(dataDir, ['sync', '--endpoint', node.url]);
    expect(run.err).not.toMatch(/scout: /);
    expect(run.code).toBe(0);
  };
  /** The newest stored point of a data folder, opened as the app opens it. */
  const newest = async (dataDir: string) => {
    const { db } = await openDatabase(path.join(dataDir, LIVE_DB_FILE));
    opened.push(db);
    const point = db.prepare('SELECT id, block_number FROM sync_points ORDER BY block_number DESC LIMIT 1').get() as {
      id: number;
      block_number: number;
    };
    return { db, pointId: point.id, blockNumber: point.block_number };
  };

  it('stores the chain’s hot- and coldkeys after re-registrations, as a first-ever sync of that block does', async () => {
    const hourly = folder();
    await sync(hourly);
    const before = node.truthAt((await newest(hourly)).blockNumber);
    opened.pop()!.close();

    node.produceBlocks(900); // three hours: registrations replace UIDs with new hot- and coldkeys
    await sync(hourly);
    const later = await newest(hourly);
    const truth = node.truthAt(later.blockNumber);
    const replaced = [...truth.subnets].filter(([netuid, s]) =>
      s.metagraph.hotkeys.some((hotkey, uid) => before.subnets.get(netuid)?.metagraph.hotkeys[uid] !== hotkey),
    );
    expect(replaced.length).toBeGreaterThan(0); // without re-registrations this would prove nothing

    const firstEver = folder();
    await sync(firstEver);
    const reference = await newest(firstEver);
    expect(reference.blockNumber).toBe(later.blockNumber);
    for (const [netuid, s] of truth.subnets) {
      const stored = neuronsAt(later.db, later.pointId, netuid);
      expect(stored.map((n) => n.hotkey)).toEqual(s.metagraph.hotkeys);
      expect(stored.map((n) => n.coldkey)).toEqual(s.metagraph.coldkeys);
      expect(stored).toEqual(neuronsAt(reference.db, reference.pointId, netuid));
    }
    // Each address is stored once: a known key was not added again under a second id.
    const duplicates = later.db
      .prepare('SELECT COUNT(*) FROM (SELECT address FROM accounts GROUP BY address HAVING COUNT(*) > 1)')
      .pluck()
      .get();
    expect(duplicates).toBe(0);
  });
});
