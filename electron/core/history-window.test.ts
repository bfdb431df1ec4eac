import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { syncMaker } from '../../test/reliability/synthetic-syncs';
import { openDatabase } from './db/open';
import { writeNetworkSync } from './db/snapshot-write';
import { summariesFrom, windowStart } from './db/summary-repo';
import { HistoryWindow, type PointsSeen } from './history-window';

let db: Database | undefined;
afterEach(() => db?.close());

const seen = (d: Database): PointsSeen => {
  const r = d.prepare('SELECT MAX(id) AS lastPointId FROM sync_points').get() as { lastPointId: number | null };
  return { lastPointId: r.lastPointId ?? 0 };
};

describe('the history window kept between analyses', () => {
  it('holds exactly what a full read returns, in order, as syncs add, backfill and move the window', async () => {
    db = (await openDatabase(path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'scout-window-')), 'scout.db'))).db;
    const d = db;
    const maker = syncMaker({ subnetCount: 3, maxUids: 4 });
    const block = (hour: number) => 5_000_000 + hour * 300;
    const write = (hour: number) => {
      const { sync, summaries } = maker.at(block(hour), Date.UTC(2026, 0, 1) + hour * 3_600_000);
      for (const s of summaries.values()) s.gini = hour; // each point tells which one it is
      writeNetworkSync(d, sync, 0, summaries);
    };
    for (let hour = 0; hour < 20 * 24; hour += 4) write(hour);
    const window = new HistoryWindow(d);
    const check = (fromHour: number) => {
      const from = block(fromHour);
      expect(window.since(from, seen(d))).toEqual(summariesFrom(d, windowStart(d, from)));
    };
    check(10 * 24);
    write(20 * 24);
    check(10 * 24 + 4); // one point in at the end, one out at the start
    write(15 * 24 + 2); // backfill between points already held
    write(11 * 24 + 1);
    check(11 * 24);
    write(30 * 24);
    check(18 * 24); // the window jumps by days
    check(12 * 24); // and back: held points cannot cover it, so it reads again
    // The sync's thinning removes older points: one before the window changes nothing held, one inside it must
    // not be shown any more.
    const remove = (hour: number) => {
      d.prepare('DELETE FROM neuron_packs WHERE point_id IN (SELECT id FROM sync_points WHERE block_number = ?)').run(
        block(hour),
      );
      expect(d.prepare('DELETE FROM sync_points WHERE block_number = ?').run(block(hour)).changes).toBe(1);
    };
    remove(4 * 24);
    write(30 * 24 + 4);
    check(12 * 24 + 4);
    remove(16 * 24);
    write(30 * 24 + 8);
    check(12 * 24 + 4);
    remove(20 * 24); // removed with nothing added since
    check(12 * 24 + 8);
  });
});
