/**
 * `subnet.economics` sends only the history the charts draw: on a long history the page asks for a month, not every
 * stored point (a year of hourly syncs is ~3 MB of JSON). The window counts back from the subnet's newest point and
 * keeps the point exactly on its edge; the analysis is the engine's own and does not depend on it.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SCENARIO } from '../../../shared/economics';
import type { SubnetDetail } from '../../../shared/api-types';
import { openDatabase } from '../db/open';
import { writeNetworkSync } from '../db/snapshot-write';
import { BLOCKS_PER_HOUR, HOUR_MS, syncMaker } from '../../../test/reliability/synthetic-syncs';
import { ScoutService } from '../service';

const DAY_MS = 86_400_000;
const HOURS = 100 * 24;
const START_MS = Date.UTC(2026, 0, 1);
const START_BLOCK = 1_000_000;
const NEWEST_HOUR = HOURS - 1;
const NEWEST_MS = START_MS + NEWEST_HOUR * HOUR_MS;
/** SN2 stops being served here: its window counts back from this point, not from the others' newest. */
const SN2_LAST_HOUR = NEWEST_HOUR - 20 * 24;

let service: ScoutService;
beforeAll(async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'scout-econ-history-'));
  const { db } = await openDatabase(path.join(dataDir, 'scout.db'));
  const maker = syncMaker({ subnetCount: 4, maxUids: 4 });
  const write = (blockNumber: number, timeMs: number, hour: number) => {
    const { sync, summaries } = maker.at(blockNumber, timeMs);
    if (hour > SN2_LAST_HOUR) {
      sync.subnets = sync.subnets.filter((s) => s.subnet.netuid !== 2);
      summaries.delete(2);
    }
    // A figure that differs at every point, so a point from the wrong row or the wrong subnet would show.
    for (const [netuid, s] of summaries) s.earningMiners = hour * 10 + netuid;
    writeNetworkSync(db, sync, timeMs, summaries);
  };
  db.transaction(() => {
    for (let hour = 0; hour < HOURS; hour++)
      write(START_BLOCK + hour * BLOCKS_PER_HOUR, START_MS + hour * HOUR_MS, hour);
    // One point a millisecond before each edge the tests look at: it must be left out, the hourly point on the edge kept.
    for (const days of [7, 30]) {
      const edgeHour = NEWEST_HOUR - days * 24;
      write(START_BLOCK + edgeHour * BLOCKS_PER_HOUR - 1, START_MS + edgeHour * HOUR_MS - 1, edgeHour);
    }
  })();
  db.close();
  service = await ScoutService.open({ dataDir, version: 'test' });
});
afterAll(() => service?.close());

async function detail(netuid: number, historyDays?: unknown): Promise<SubnetDetail> {
  const r = await service.call('subnet.economics', {
    netuid,
    scenario: DEFAULT_SCENARIO,
    ...(historyDays === undefined ? {} : { historyDays }),
  });
  if (!r.ok) throw new Error(r.error.message);
  return r.value as SubnetDetail;
}

describe('subnet.economics on 100 days of hourly syncs', () => {
  it('sends the last 30 days when the caller does not say, from the point exactly 30 days before the newest', async () => {
    const d = await detail(1);
    expect(d.historyDays).toBe(30);
    const edgeMs = NEWEST_MS - 30 * DAY_MS;
    // Every hour from the edge on, and the point a millisecond before the 7-day edge; not the one before this edge.
    const hourly = Array.from({ length: 30 * 24 + 1 }, (_, i) => edgeMs + i * HOUR_MS);
    const expected = [...hourly, NEWEST_MS - 7 * DAY_MS - 1].sort((a, b) => a - b);
    expect(d.history.map((p) => p.blockTimeMs)).toEqual(expected);
    // Each point is its own row (earningMiners = hour × 10 + netuid).
    for (const p of d.history) expect(p.earningMiners).toBe(Math.ceil((p.blockTimeMs - START_MS) / HOUR_MS) * 10 + 1);
  });

  it('sends just the asked window, edge point included and the point a millisecond before it left out', async () => {
    const all = (await detail(1, 'all')).history;
    expect(all).toHaveLength(HOURS + 2);
    expect(all.map((p) => p.blockNumber)).toEqual([...all.map((p) => p.blockNumber)].sort((a, b) => a - b));
    for (const days of [1, 7, 30, 90]) {
      const d = await detail(1, days);
      const edgeMs = NEWEST_MS - days * DAY_MS;
      expect(d.historyDays).toBe(days);
      expect(d.history).toEqual(all.filter((p) => p.blockTimeMs >= edgeMs));
      expect(d.history[0]!.blockTimeMs).toBe(edgeMs);
      // Hourly points from the edge on, and the points just before a narrower edge.
      expect(d.history).toHaveLength(days * 24 + 1 + [7, 30].filter((narrower) => narrower < days).length);
    }
    // More days than are stored: everything there is.
    expect((await detail(1, 3650)).history).toEqual(all);
  });

  it("counts a subnet's window back from its own newest point when the chain stopped serving it", async () => {
    const lastMs = START_MS + SN2_LAST_HOUR * HOUR_MS;
    const d = await detail(2, 7);
    expect(d.history.at(-1)!.blockTimeMs).toBe(lastMs);
    expect(d.history[0]!.blockTimeMs).toBe(lastMs - 7 * DAY_MS);
    expect(d.history).toHaveLength(7 * 24 + 1);
    expect(d.history.every((p) => p.earningMiners! % 10 === 2)).toBe(true);
  });

  it('leaves the analysis and the economics as they are: the engine reads its own window', async () => {
    const [one, month, all] = await Promise.all([detail(3, 1), detail(3), detail(3, 'all')]);
    // The charted range (history, and the pool drawn beside it) is all that differs.
    const { history: _h1, historyDays: _d1, pool: _p1, ...rest } = one;
    for (const other of [month, all]) {
      const { history: _h, historyDays: _d, pool: _p, ...same } = other;
      expect(same).toEqual(rest);
    }
    // The engine's window is a month of points, whatever the charts were sent.
    expect(one.analysis.window!.points).toBeGreaterThan(one.history.length);
  });

  it('costs a month of points, not the whole history', async () => {
    const size = (d: SubnetDetail) => JSON.stringify(d).length;
    const [month, all] = await Promise.all([detail(1), detail(1, 'all')]);
    expect(size(month)).toBeLessThan(size(all) / 2.5);
  });

  it('refuses a nonsense window with a message that says what it takes', async () => {
    const refused = async (historyDays: unknown) => {
      const r = await service.call('subnet.economics', { netuid: 1, scenario: DEFAULT_SCENARIO, historyDays });
      expect(r.ok, `historyDays ${String(historyDays)} was accepted`).toBe(false);
      return r.ok ? '' : r.error.message;
    };
    expect(await refused(0)).toMatch(/historyDays: days of history must be at least 1 \(or 'all'\)/);
    expect(await refused(-7)).toMatch(/historyDays: days of history must be at least 1/);
    expect(await refused(1.5)).toMatch(/historyDays: days of history must be a whole number/);
    expect(await refused(1e9)).toMatch(
      /historyDays: days of history above 3,650 \(10 years\) is not plausible; ask for 'all'/,
    );
    for (const nonsense of ['forever', '30', null, Number.NaN, Number.POSITIVE_INFINITY, {}, []]) {
      expect(await refused(nonsense)).toMatch(
        /historyDays: days of history must be a whole number from 1 to 3,650, or 'all'/,
      );
    }
  });
});
