/**
 * The analyses read only the window of history the engine uses (plus the sync before it), so opening a year of
 * syncs stays fast; they must come out exactly as if all history had been read.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BLOCKS_PER_DAY } from '../../shared/domain';
import type { SubnetHistoryPoint } from '../../shared/economics';
import { Analyses, deregistrationsOf } from './analyses';
import { latestSubnets } from './db/snapshot-read';
import { ScoutService } from './service';
import { analyzeSubnet } from './engine';
import { openDatabase } from './db/open';
import { NEWCOMER_HISTORY, thinNeuronHistory } from './db/retention';
import { writeNetworkSync } from './db/snapshot-write';
import { summariesOf } from './db/summary-repo';
import { syncMaker } from '../../test/reliability/synthetic-syncs';

const DAY_MS = 86_400_000;

describe('analyses over a long history', () => {
  it('equal the engine run on all history, for current subnets and one the chain stopped serving long ago', async () => {
    const { db } = await openDatabase(path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'scout-analyses-')), 'scout.db'));
    const maker = syncMaker({ subnetCount: 4, maxUids: 8 });
    for (let day = 0; day < 90; day++) {
      const { sync, summaries } = maker.at(1_000_000 + day * BLOCKS_PER_DAY, Date.UTC(2026, 0, 1) + day * DAY_MS);
      if (day >= 40) {
        // SN2 stops being served: its newest point is 50 days before the others'.
        sync.subnets = sync.subnets.filter((s) => s.subnet.netuid !== 2);
        summaries.delete(2);
      }
      // Summaries drift day by day, so a wrong window would show in the statistics.
      for (const s of summaries.values()) s.earningMiners = (s.earningMiners ?? 0) + (day % 7);
      writeNetworkSync(db, sync, Date.UTC(2026, 0, 1) + day * DAY_MS, summaries);
    }
    const analysed = new Analyses(db, 'test').all();
    expect(analysed.map((a) => a.latest.snapshot.netuid)).toContain(2);
    const deregistrations = deregistrationsOf(latestSubnets(db));
    for (const { latest, input, analysis } of analysed) {
      const all: SubnetHistoryPoint[] = summariesOf(db, latest.snapshot.netuid).filter(
        (p) => p.blockNumber < latest.blockNumber,
      );
      const subnetDeregistration = deregistrations.get(latest.snapshot.netuid);
      // Ranked: every subnet of the newest sync but root; SN2, which the chain stopped serving, is not.
      expect(subnetDeregistration === undefined).toBe(latest.snapshot.netuid === 0 || latest.snapshot.netuid === 2);
      const expected = analyzeSubnet(input(), all, { subnetDeregistration });
      // Beside the engine's analysis: the newcomers' outcomes read from the stored per-UID history of the window.
      const landed = analysis.model.landedPercentiles;
      expect(analysis).toEqual({
        ...expected,
        newcomers: analysis.newcomers,
        backtest: analysis.backtest,
        competitive: analysis.competitive,
        model: { ...expected.model, ...(landed ? { landedPercentiles: landed } : {}) },
      });
      expect(analysis.newcomers?.points).toBeGreaterThan(0);
    }
    // A restart reads the same analyses back from the file instead of recomputing them.
    const restarted = new Analyses(db, 'test').all();
    expect(restarted.map((a) => a.analysis)).toEqual(analysed.map((a) => a.analysis));
    expect(restarted.map((a) => a.neurons())).toEqual(analysed.map((a) => a.neurons()));
    // Another app version, or new data, recomputes (a stale cache must never be shown as current).
    db.prepare(
      "UPDATE analysis_cache SET analysis_json = json_set(analysis_json, '$.name', 'stale') WHERE netuid = 1",
    ).run();
    expect(new Analyses(db, 'test').get(1)!.analysis.name).toBe('stale');
    expect(new Analyses(db, 'next').get(1)!.analysis.name).not.toBe('stale');
    maker.write(db, 9_000_000, Date.UTC(2026, 6, 1));
    db.prepare("UPDATE analysis_cache SET analysis_json = json_set(analysis_json, '$.name', 'stale')").run();
    expect(new Analyses(db, 'next').get(1)!.analysis.name).not.toBe('stale');
  });

  it('after more syncs in a running app, equal a fresh analysis of the whole file (new points, backfill, new subnet)', async () => {
    const { db } = await openDatabase(path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'scout-analyses-')), 'scout.db'));
    const maker = syncMaker({ subnetCount: 4, maxUids: 8 });
    const at = (hour: number) => 2_000_000 + hour * 300;
    const write = (
      hour: number,
      change: (s: SubnetHistoryPoint, netuid: number) => void = () => undefined,
      drop?: number,
    ) => {
      const { sync, summaries } = maker.at(
        at(hour),
        Date.UTC(2026, 0, 1) + hour * 3_600_000,
        hour < 0 ? 'backfill' : 'live',
      );
      if (drop !== undefined) {
        sync.subnets = sync.subnets.filter((s) => s.subnet.netuid !== drop);
        summaries.delete(drop);
      }
      for (const [netuid, s] of summaries) change(s, netuid);
      writeNetworkSync(db, sync, 0, summaries);
    };
    // 40 days of hourly syncs; the last subnet appears only on day 35.
    const last = maker.subnetCount - 1;
    for (let hour = 0; hour < 40 * 24; hour += 6)
      write(hour, (s) => void (s.gini = (hour % 11) / 10), hour < 35 * 24 ? last : undefined);
    const running = new Analyses(db, 'test');
    running.all();
    const fresh = () => new Analyses(db, `fresh-${Math.random()}`).all().map((a) => a.analysis);
    // A new hour moves the window: points fall out at the start and one comes in at the end.
    write(40 * 24, (s) => void (s.priceTao = 123));
    expect(running.all().map((a) => a.analysis)).toEqual(fresh());
    // A backfilled point inside the window, between points already read.
    write(38 * 24 + 1, (s) => void (s.earningMiners = 999));
    expect(running.all().map((a) => a.analysis)).toEqual(fresh());
    // Several syncs at once, one far enough ahead to move the window by days.
    write(41 * 24);
    write(45 * 24, (s, netuid) => void (s.burnTao = netuid));
    expect(running.all().map((a) => a.analysis)).toEqual(fresh());
    // Hourly syncs, then the thinning each sync runs: per-UID points the running app had read are deleted, and its
    // newcomer statistics must drop them as a fresh start would not see them.
    for (let hour = 45 * 24 + 1; hour <= 46 * 24; hour++) write(hour);
    expect(running.all().map((a) => a.analysis)).toEqual(fresh());
    for (let hour = 46 * 24 + 1; hour <= 47 * 24; hour++) write(hour);
    expect(thinNeuronHistory(db, 0.5, NEWCOMER_HISTORY).deletedRows).toBeGreaterThan(0);
    const thinned = running.all().map((a) => a.analysis);
    expect(thinned).toEqual(fresh());
    expect(thinned.some((a) => (a.newcomers?.points ?? 0) > 0)).toBe(true);
  });

  it('are ready in the file once a starting core has prewarmed, before any window asks', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'scout-prewarm-'));
    const { db } = await openDatabase(path.join(dataDir, 'scout.db'));
    const maker = syncMaker({ subnetCount: 3, maxUids: 4 });
    for (let hour = 0; hour < 48; hour++)
      maker.write(db, 3_000_000 + hour * 300, Date.UTC(2026, 0, 1) + hour * 3_600_000);
    db.close();
    const service = await ScoutService.open({ dataDir, version: 'test-prewarm' });
    try {
      const file = service.requireWorkspace().db;
      const stored = () =>
        file.prepare("SELECT COUNT(*) FROM analysis_cache WHERE cache_key LIKE 'test-prewarm+%'").pluck().get();
      expect(stored()).toBe(0);
      service.prewarm();
      await service.writable(); // stored once the file's integrity check (started at open) has passed
      expect(stored()).toBe(maker.subnetCount);
    } finally {
      await service.close();
    }
  });
});
