import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/core/db/open';
import { migrations } from '../../electron/core/db/migrations';
import { latestSubnets, listPoints, neuronsAt, subnetAt } from '../../electron/core/db/snapshot-read';
import { summariesOf } from '../../electron/core/db/summary-repo';
import { asBeforeStep9, writeLegacySync } from './legacy-rows';
import { BLOCKS_PER_HOUR, HOUR_MS, syncMaker } from './synthetic-syncs';

describe('compacting stored history (schema step 6)', () => {
  it('keeps every subnet figure, every UID and every summary of a file written by the previous version', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'scout-compact-')), 'scout.db');
    const maker = syncMaker({ subnetCount: 6, maxUids: 24 });
    const written = [0, 1, 2].map((h) => maker.at(2_000_000 + h * BLOCKS_PER_HOUR, Date.UTC(2026, 5, 1) + h * HOUR_MS));
    // One subnet renamed and given an identity at the last point: names and identities are per point, not global.
    const renamed = written[2]!.sync.subnets[1]!;
    renamed.subnet = {
      ...renamed.subnet,
      name: 'renamed',
      identity: {
        name: 'Renamed',
        githubRepo: 'https://example.invalid/r',
        url: '',
        contact: '',
        discord: '',
        description: 'd',
        logoUrl: '',
      },
    };
    const old = await openDatabase(file, { migrations: migrations.slice(0, 5) });
    for (const { sync, summaries } of written) writeLegacySync(old.db, sync, summaries);
    old.db.close();

    const { db, backupPath } = await openDatabase(file);
    try {
      expect(backupPath).not.toBeNull();
      const points = listPoints(db);
      expect(points.map((p) => p.blockNumber)).toEqual(written.map((w) => w.sync.point.blockNumber));
      for (const [i, { sync, summaries }] of written.entries()) {
        for (const { subnet, neurons } of sync.subnets) {
          expect(subnetAt(db, points[i]!.id, subnet.netuid)).toEqual(asBeforeStep9(subnet));
          expect(neuronsAt(db, points[i]!.id, subnet.netuid)).toEqual(neurons);
        }
        for (const [netuid, summary] of summaries) expect(summariesOf(db, netuid)[i]).toEqual(asBeforeStep9(summary));
      }
      expect(latestSubnets(db).find((s) => s.snapshot.netuid === renamed.subnet.netuid)!.snapshot.name).toBe('renamed');
      expect(db.prepare("SELECT COUNT(*) FROM sqlite_master WHERE name = 'neuron_snapshots'").pluck().get()).toBe(0);
    } finally {
      db.close();
    }
  });
});
