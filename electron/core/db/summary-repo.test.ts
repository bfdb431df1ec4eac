import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { SubnetHistoryPoint } from '../../../shared/economics';
import { syncMaker } from '../../../test/reliability/synthetic-syncs';
import { openDatabase } from './open';
import { writeNetworkSync } from './snapshot-write';
import { summariesFrom, summariesOf, windowStart } from './summary-repo';

let db: Database | undefined;
afterEach(() => db?.close());

describe('stored summaries', () => {
  it('come back field for field, from both reads, grouped by subnet and oldest first', async () => {
    db = (await openDatabase(path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'scout-summary-')), 'scout.db'))).db;
    const maker = syncMaker({ subnetCount: 3, maxUids: 4 });
    // Every field a different value at every point, so a swapped column cannot pass.
    const written = new Map<number, SubnetHistoryPoint[]>();
    for (const [i, blockNumber] of [3000, 1000, 2000].entries()) {
      const { sync, summaries } = maker.at(blockNumber, 1_700_000_000_000 + blockNumber);
      for (const [netuid, s] of summaries) {
        const distinct: SubnetHistoryPoint = {
          ...s,
          earningMiners: 1 + i,
          gini: 0.1 + i,
          grossMinerPoolAlphaPerDay: 2.5 + i,
          grossMinerPoolTaoPerDay: 3.5 + i,
          receivedMinerPoolAlphaPerDay: 2 + i,
          receivedMinerPoolTaoPerDay: 3 + i,
          alphaIssuance: 1e6 + i,
          totalIssuanceTao: 1e7 + i,
          medianMinerTaoPerDay: 4.5 + i,
          priceTao: 5.5 + i,
          burnTao: i === 1 ? null : 6.5 + i,
          emissionShare: 0.07 + i,
          previousBlockNumber: 900 + i,
          registrationsSincePrevious: 8 + i + netuid,
        };
        summaries.set(netuid, distinct);
        written.set(
          netuid,
          [...(written.get(netuid) ?? []), distinct].sort((a, b) => a.blockNumber - b.blockNumber),
        );
      }
      writeNetworkSync(db, sync, 0, summaries);
    }
    const since = summariesFrom(db, windowStart(db, 1500));
    expect([...since.keys()].sort()).toEqual([...written.keys()].sort());
    for (const [netuid, points] of written) {
      expect(summariesOf(db, netuid)).toEqual(points);
      // From block 1500 on, plus the point just before it (block 1000).
      expect(since.get(netuid)).toEqual(points);
    }
    expect(
      summariesFrom(db, windowStart(db, 2500))
        .get([...written.keys()][0]!)!
        .map((p) => p.blockNumber),
    ).toEqual([2000, 3000]);
  });
});
