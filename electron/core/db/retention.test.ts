import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from './open';
import { writeNetworkSync } from './snapshot-write';
import { neuronsAt } from './snapshot-read';
import { thinNeuronHistory } from './retention';
import { BLOCKS_PER_HOUR, HOUR_MS, syncMaker } from '../../../test/reliability/synthetic-syncs';

const DAY0 = Date.UTC(2026, 0, 10); // midnight UTC
const HOURS = 5 * 24;
const GONE_AFTER_HOUR = 29; // SN1 stops being served at 05:00 on day 1

describe('thinning per-UID history', () => {
  let db: Database;
  const maker = syncMaker({ subnetCount: 3, maxUids: 8 });
  const pointAt: number[] = [];
  const perPoint = (table: string, id: number) =>
    db.prepare(`SELECT COUNT(*) FROM ${table} WHERE point_id = ?`).pluck().get(id) as number;

  beforeAll(async () => {
    db = (await openDatabase(path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'scout-thin-')), 'scout.db'))).db;
    for (let h = 0; h < HOURS; h++) {
      const { sync, summaries } = maker.at(1_000_000 + h * BLOCKS_PER_HOUR, DAY0 + h * HOUR_MS);
      if (h > GONE_AFTER_HOUR) {
        sync.subnets = sync.subnets.filter((s) => s.subnet.netuid !== 1);
        sync.stale = [{ netuid: 1, reason: 'SN1 is no longer listed by the chain' }];
        summaries.delete(1);
      }
      pointAt.push(writeNetworkSync(db, sync, DAY0 + h * HOUR_MS, summaries).id);
    }
  });

  it('keeps every point of the last N days, and the last point of each older day', () => {
    const uids = () => db.prepare('SELECT COALESCE(SUM(uid_count), 0) FROM neuron_packs').pluck().get() as number;
    const before = uids();
    const { deletedRows } = thinNeuronHistory(db, 2);
    // Newest point: day 4, 23:00, so full resolution from day 2, 23:00 on. Before that, one point a day: the day's
    // last (day 2's last before the window is 22:00).
    const kept = pointAt
      .map((id, h) => [h, perPoint('neuron_packs', id) > 0] as const)
      .filter(([, has]) => has)
      .map(([h]) => h);
    const window = Array.from({ length: HOURS - 71 }, (_, i) => 71 + i);
    expect(kept).toEqual([23, GONE_AFTER_HOUR, 47, 70, ...window]);
    expect(deletedRows).toBeGreaterThan(0);
    expect(deletedRows).toBe(before - uids());
  });

  it('a subnet the chain stopped serving keeps the UIDs of its newest snapshot, however old', () => {
    const last = pointAt[GONE_AFTER_HOUR]!;
    expect(neuronsAt(db, last, 1).length).toBeGreaterThan(0);
    expect(neuronsAt(db, last, 2)).toEqual([]);
  });

  it('never touches subnet-level rows or the summaries the history charts read', () => {
    for (const [h, id] of pointAt.entries()) {
      const subnets = h > GONE_AFTER_HOUR ? maker.subnetCount - 1 : maker.subnetCount;
      const summaries = db
        .prepare('SELECT COUNT(*) FROM subnet_snapshots WHERE point_id = ? AND has_summary')
        .pluck()
        .get(id);
      expect([perPoint('subnet_snapshots', id), summaries]).toEqual([subnets, subnets]);
    }
  });

  it('running again removes nothing more', () => {
    expect(thinNeuronHistory(db, 2).deletedRows).toBe(0);
  });
});

describe('thinning keeps a point every few hours for the newcomer statistics', () => {
  it('inside the newcomer window: the last point of each 8-hour block; before it: the last of each day', async () => {
    const db = (await openDatabase(path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'scout-thin8-')), 'scout.db'))).db;
    const maker = syncMaker({ subnetCount: 2, maxUids: 4 });
    const ids: number[] = [];
    for (let h = 0; h < HOURS; h++) ids.push(maker.write(db, 1_000_000 + h * BLOCKS_PER_HOUR, DAY0 + h * HOUR_MS).id);
    // Newest: hour 119. Full resolution from hour 71; the newcomer window (2 days) from hour 71 too, so use 3 days:
    // from hour 47 on, one point per 8 h block (hours 48–55 → 55, 56–63 → 63, 64–71 → 70 as 71 is kept anyway).
    thinNeuronHistory(db, 2, { days: 3, stepHours: 8 });
    const kept = ids
      .map(
        (id, h) =>
          [
            h,
            (db.prepare('SELECT COUNT(*) FROM neuron_packs WHERE point_id = ?').pluck().get(id) as number) > 0,
          ] as const,
      )
      .filter(([, has]) => has)
      .map(([h]) => h)
      .filter((h) => h < 71);
    expect(kept).toEqual([23, 46, 47, 55, 63, 70]);
  });
});

describe('thinning whole syncs older than the hourly window', () => {
  it("keeps the last sync of each 12 hours before it (with its subnet rows), every sync after, and a subnet's newest", async () => {
    const db = (await openDatabase(path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'scout-thin-points-')), 'scout.db')))
      .db;
    const maker = syncMaker({ subnetCount: 3, maxUids: 4 });
    const ids: number[] = [];
    for (let h = 0; h < HOURS; h++) {
      const { sync, summaries } = maker.at(1_000_000 + h * BLOCKS_PER_HOUR, DAY0 + h * HOUR_MS);
      if (h > GONE_AFTER_HOUR) sync.subnets = sync.subnets.filter((s) => s.subnet.netuid !== 1);
      ids.push(writeNetworkSync(db, sync, DAY0 + h * HOUR_MS, summaries).id);
    }
    const subnetRowsBefore = db.prepare('SELECT COUNT(*) FROM subnet_snapshots').pluck().get() as number;
    // Hourly for the last 2 days (from hour 71), one sync per 12 h before: hours 11, 23, 35, 47, 59, 70 (71 is in the
    // window) and SN1's newest (29).
    const { deletedPoints } = thinNeuronHistory(db, 2, { days: 0, stepHours: 24 }, { hourlyDays: 2, stepHours: 12 });
    const left = new Set(db.prepare('SELECT id FROM sync_points').pluck().all() as number[]);
    const kept = ids
      .map((id, h) => [h, left.has(id)] as const)
      .filter(([, has]) => has)
      .map(([h]) => h);
    expect(kept).toEqual([
      11,
      23,
      GONE_AFTER_HOUR,
      35,
      47,
      59,
      70,
      ...Array.from({ length: HOURS - 71 }, (_, i) => 71 + i),
    ]);
    expect(deletedPoints).toBe(HOURS - kept.length);
    // The deleted syncs' subnet rows went with them; the kept ones are whole.
    const subnetRows = db.prepare('SELECT COUNT(*) FROM subnet_snapshots').pluck().get() as number;
    expect(subnetRows).toBeLessThan(subnetRowsBefore);
    expect(
      db
        .prepare('SELECT COUNT(*) FROM subnet_snapshots WHERE point_id NOT IN (SELECT id FROM sync_points)')
        .pluck()
        .get(),
    ).toBe(0);
    expect(neuronsAt(db, ids[GONE_AFTER_HOUR]!, 1).length).toBeGreaterThan(0);
    expect(thinNeuronHistory(db, 2, { days: 0, stepHours: 24 }, { hourlyDays: 2, stepHours: 12 }).deletedPoints).toBe(
      0,
    );
    expect(() => thinNeuronHistory(db, 2, { days: 0, stepHours: 24 }, { hourlyDays: 2, stepHours: 7 })).toThrow(
      /not a divisor of a day/,
    );
  });
});
