import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChangeThresholds, MetricChange, WatchedSubnet } from '../../shared/api-types';
import { BLOCKS_PER_DAY, type SubnetSnapshot } from '../../shared/domain';
import {
  DEFAULT_SCENARIO,
  DEFAULT_THRESHOLDS,
  type Scenario,
  type SubnetHistoryPoint,
  type VerdictThresholds,
} from '../../shared/economics';
import { addHourlyPoints, BLOCKS_PER_HOUR, syncMaker } from '../../test/reliability/synthetic-syncs';
import { Analyses } from './analyses';
import { openDatabase } from './db/open';
import { networkAt, neuronsAt, subnetAt } from './db/snapshot-read';
import { newestSummaries, SUMMARY_COLUMNS, summariesBefore, summariesOf } from './db/summary-repo';
import { DEFAULT_CHANGE_THRESHOLDS } from './db/watchlist-repo';
import { analyzeSubnet, DEFAULT_WINDOW_DAYS, evaluateNewcomer } from './engine';
import { competitionResets, watchlistChanges } from './watchlist-changes';
import { makeSubnet } from '../../test/fixtures/engine';

const HOURS = 365 * 24;
const FIRST_BLOCK = 5_000_000;
const START_MS = Date.UTC(2025, 0, 1);
const hourOf = 'CAST((p.block_number - ' + FIRST_BLOCK + ') / ' + BLOCKS_PER_HOUR + ' AS INTEGER)';

/** The subnets of the year below, each shaped to reach a different corner of the reads. */
const SUBNET = {
  /** Stored only in the first half of the year (deregistered), so its previous point is months old. */
  gone: 0,
  /** Every hour; no summary at the three syncs just before its previous point's window (older rows, say). */
  steady: 1,
  /** Missing for the 40 days before its newest two points: that window is empty, an older summary exists. */
  gap: 2,
  /** Every hour, but no summary for the last 35 days: its newest two summaries are older than any window. */
  unsummarised: 3,
  /** Never stored. */
  never: 77,
};
const WATCHED = Object.values(SUBNET);

/** SQL conditions on the hour `h`: when the subnet has a row, and when that row has a summary. */
const present = `NOT (t.netuid = ${SUBNET.gone} AND h >= ${HOURS / 2}) AND NOT (t.netuid = ${SUBNET.gap} AND h >= ${HOURS - 2 - 40 * 24} AND h < ${HOURS - 2})`;
const beforeSteadyWindow = HOURS - 2 - DEFAULT_WINDOW_DAYS * 24 - 1;
const summarised =
  `NOT (t.netuid = ${SUBNET.unsummarised} AND h >= ${HOURS - 35 * 24}) ` +
  `AND NOT (t.netuid = ${SUBNET.steady} AND h BETWEEN ${beforeSteadyWindow - 2} AND ${beforeSteadyWindow})`;

/** Every summary field moves from hour to hour (up to ±40 %), so a window read one point short differs. */
function summaryValue(column: string, i: number): string {
  if (column === 'previous_block_number') return `p.block_number - ${BLOCKS_PER_HOUR}`;
  if (column === 'registrations_since_previous') return `(h * 13 + t.netuid) % 4`;
  if (column === 'earning_miners') return `t.earning_miners + (h * 7 + t.netuid) % 5`;
  return `t.${column} * (1.0 + ((h * ${7919 + i * 2} + t.netuid * 104729) % 2001 - 1000) / 2500.0)`;
}

/**
 * A year of hourly syncs (8,760 points) of four small subnets. The first hour is written by the app's writer; its
 * rows are copied to every other hour in bulk SQL (as test/reliability/year-db.ts does), with moving summaries, and
 * UID rows only around the points the verdicts are computed at.
 */
async function yearOfHourlySyncs(): Promise<Database> {
  const { db } = await openDatabase(path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'scout-watch-')), 'scout.db'));
  const template = syncMaker({ subnetCount: 4, maxUids: 8, seed: 'watch' }).write(db, FIRST_BLOCK, START_MS).id;
  const columns = (
    db.prepare("SELECT name FROM pragma_table_info('subnet_snapshots')").pluck().all() as string[]
  ).filter((c) => c !== 'point_id');
  const select = columns.map((c) => {
    if (c === 'has_summary') return `(${summarised})`;
    const i = (SUMMARY_COLUMNS as string[]).indexOf(c);
    return i < 0 ? `t.${c}` : `CASE WHEN ${summarised} THEN ${summaryValue(c, i)} END`;
  });
  db.transaction(() => {
    addHourlyPoints(db, template, { firstBlock: FIRST_BLOCK, startMs: START_MS, hours: HOURS });
    db.exec(
      `INSERT INTO subnet_snapshots (point_id, ${columns.join(', ')})
       SELECT p.id, ${select.join(', ')} FROM (SELECT *, ${hourOf} AS h FROM sync_points p WHERE p.id != ${template}) p
       CROSS JOIN subnet_snapshots t WHERE t.point_id = ${template} AND ${present}`,
    );
    db.exec(
      `INSERT INTO neuron_packs (point_id, netuid, uid_count, keys, figures)
       SELECT s.point_id, t.netuid, t.uid_count, t.keys, t.figures FROM neuron_packs t
       JOIN subnet_snapshots s ON s.netuid = t.netuid AND s.point_id != ${template}
       JOIN sync_points p ON p.id = s.point_id
       WHERE t.point_id = ${template} AND (${hourOf} >= ${HOURS - 3} OR ${hourOf} BETWEEN ${HOURS / 2 - 3} AND ${HOURS / 2 - 1})`,
    );
    db.exec(
      'UPDATE subnets SET last_point_id = (SELECT MAX(point_id) FROM subnet_snapshots s WHERE s.netuid = subnets.netuid)',
    );
  })();
  return db;
}

let db: Database;
beforeAll(async () => {
  db = await yearOfHourlySyncs();
});
afterAll(() => db.close());

/** The subnet's two newest stored points (newest first), as watchlistChanges finds them. */
function lastTwoPoints(netuid: number): { pointId: number; blockNumber: number; blockTimeMs: number }[] {
  return db
    .prepare(
      `SELECT ss.point_id AS pointId, p.block_number AS blockNumber, p.block_time_ms AS blockTimeMs
       FROM subnet_snapshots ss JOIN sync_points p ON p.id = ss.point_id WHERE ss.netuid = ? ORDER BY p.block_number DESC LIMIT 2`,
    )
    .all(netuid) as { pointId: number; blockNumber: number; blockTimeMs: number }[];
}

/** The engine's analysis of the subnet at its previous point, over the given history. */
function previousAnalysis(netuid: number, history: SubnetHistoryPoint[]) {
  const point = lastTwoPoints(netuid)[1]!;
  const neurons = neuronsAt(db, point.pointId, netuid);
  const input = {
    blockNumber: point.blockNumber,
    blockTimeMs: point.blockTimeMs,
    network: networkAt(db, point.pointId)!,
    subnet: subnetAt(db, point.pointId, netuid)!,
    neurons: neurons.length ? neurons : null,
  };
  return analyzeSubnet(input, history);
}

describe('what changed since the previous sync, on a year of hourly syncs', () => {
  it('the data has the shapes the reads must handle', () => {
    expect(db.prepare('SELECT COUNT(*) FROM sync_points').pluck().get()).toBe(HOURS);
    expect(summariesOf(db, SUBNET.steady)).toHaveLength(HOURS - 3);
    expect(lastTwoPoints(SUBNET.gone)[0]!.blockNumber).toBe(FIRST_BLOCK + (HOURS / 2 - 1) * BLOCKS_PER_HOUR);
    expect(summariesOf(db, SUBNET.unsummarised).at(-1)!.blockNumber).toBe(
      FIRST_BLOCK + (HOURS - 35 * 24 - 1) * BLOCKS_PER_HOUR,
    );
    expect(summariesOf(db, SUBNET.never)).toEqual([]);
  });

  it('reads the newest two summaries, and exactly the history the previous point’s analysis uses', () => {
    for (const netuid of WATCHED) {
      const whole = summariesOf(db, netuid);
      expect(newestSummaries(db, netuid, 2)).toEqual(whole.slice(-2));
      const previous = lastTwoPoints(netuid)[1];
      if (!previous) continue;
      const fromBlock = previous.blockNumber - DEFAULT_WINDOW_DAYS * BLOCKS_PER_DAY;
      const read = summariesBefore(db, netuid, previous.blockNumber, fromBlock);
      // The window, and the one summary before it (whatever its age); nothing older.
      const before = whole.filter((p) => p.blockNumber < previous.blockNumber);
      const newestBeforeWindow = before.filter((p) => p.blockNumber < fromBlock).at(-1);
      expect(read).toEqual(before.filter((p) => p.blockNumber >= (newestBeforeWindow?.blockNumber ?? fromBlock)));
      expect(read.length).toBeLessThanOrEqual(DEFAULT_WINDOW_DAYS * 24 + 1);
      // Figure for figure, the engine says at that point what it said over the whole history.
      expect(previousAnalysis(netuid, read)).toEqual(previousAnalysis(netuid, before));
    }
    // The corners: a gap leaves an empty window with an older summary; a missing summary moves the start back.
    const gapPoint = lastTwoPoints(SUBNET.gap)[1]!.blockNumber;
    expect(
      summariesBefore(db, SUBNET.gap, gapPoint, gapPoint - DEFAULT_WINDOW_DAYS * BLOCKS_PER_DAY).map(
        (p) => p.blockNumber,
      ),
    ).toEqual([gapPoint - (40 * 24 + 1) * BLOCKS_PER_HOUR]);
    const steadyPoint = lastTwoPoints(SUBNET.steady)[1]!.blockNumber;
    expect(
      summariesBefore(db, SUBNET.steady, steadyPoint, steadyPoint - DEFAULT_WINDOW_DAYS * BLOCKS_PER_DAY)[0]!
        .blockNumber,
    ).toBe(FIRST_BLOCK + (beforeSteadyWindow - 3) * BLOCKS_PER_HOUR);
  });

  it('gives the same answer as reading every subnet’s whole history did', () => {
    const analyses = new Analyses(db, 'test');
    const strict: VerdictThresholds = { ...DEFAULT_THRESHOLDS, divergenceRatio: 0.1 };
    for (const [scenario, thresholds] of [
      [DEFAULT_SCENARIO, DEFAULT_THRESHOLDS],
      [{ ...DEFAULT_SCENARIO, rentUsdPerMonth: 0 }, strict],
    ] as const) {
      const changes = watchlistChanges(db, analyses, WATCHED, DEFAULT_CHANGE_THRESHOLDS, scenario, thresholds);
      expect(changes).toEqual(
        wholeHistoryChanges(db, analyses, WATCHED, DEFAULT_CHANGE_THRESHOLDS, scenario, thresholds),
      );
      expect(changes.filter((c) => c.verdict.previous !== null).map((c) => c.netuid)).toEqual([
        SUBNET.gone,
        SUBNET.steady,
        SUBNET.gap,
        SUBNET.unsummarised,
      ]);
    }
  });
});

// The computation before the bounded reads (commit 5dedbc7), kept as the reference: every subnet's whole history.

function relative(previous: number | null, current: number | null, threshold: number): MetricChange {
  if (previous === null || current === null) return { previous, current, change: null, highlighted: false };
  const change = previous === 0 ? (current === 0 ? 0 : null) : (current - previous) / Math.abs(previous);
  return {
    previous,
    current,
    change,
    highlighted: change === null ? current !== previous : Math.abs(change) > threshold,
  };
}

function absolute(previous: number | null, current: number | null, threshold: number): MetricChange {
  if (previous === null || current === null) return { previous, current, change: null, highlighted: false };
  const change = current - previous;
  return { previous, current, change, highlighted: Math.abs(change) > threshold };
}

function wholeHistoryChanges(
  db: Database,
  analyses: Analyses,
  netuids: number[],
  limits: ChangeThresholds,
  scenario: Scenario,
  thresholds: VerdictThresholds,
): WatchedSubnet[] {
  return netuids.map((netuid) => {
    const current = analyses.get(netuid);
    const history = summariesOf(db, netuid);
    const now = history[history.length - 1] ?? null;
    const before = history.length > 1 ? history[history.length - 2]! : null;
    const points = lastTwoPoints(netuid);
    const currentVerdict = current ? evaluateNewcomer(current.analysis, scenario, thresholds) : null;
    const prevVerdict = points[1]
      ? evaluateNewcomer(
          previousAnalysis(
            netuid,
            history.filter((h) => h.blockNumber < points[1]!.blockNumber),
          ),
          scenario,
          thresholds,
        ).verdict.label
      : null;
    return {
      netuid,
      name: current?.latest.snapshot.name ?? `SN${netuid}`,
      symbol: current?.latest.snapshot.symbol ?? '',
      currentBlock: now?.blockNumber ?? null,
      previousBlock: before?.blockNumber ?? null,
      emissionShare: relative(before?.emissionShare ?? null, now?.emissionShare ?? null, limits.emissionShare),
      priceTao: relative(before?.priceTao ?? null, now?.priceTao ?? null, limits.price),
      registrationCostTao: relative(before?.burnTao ?? null, now?.burnTao ?? null, limits.registrationCost),
      earningMiners: relative(before?.earningMiners ?? null, now?.earningMiners ?? null, limits.earningMiners),
      gini: absolute(before?.gini ?? null, now?.gini ?? null, limits.gini),
      verdict: {
        previous: prevVerdict,
        current: currentVerdict?.verdict.label ?? null,
        changed: prevVerdict !== null && currentVerdict !== null && prevVerdict !== currentVerdict.verdict.label,
      },
      profitUsdPerMonth: currentVerdict?.profitUsdPerMonth.value ?? null,
      // The synthetic syncs repeat one block's subnets: nothing resets the competition between them.
      competitionResets: [],
    };
  });
}

describe('competition resets between two syncs', () => {
  const base = makeSubnet({
    mechanismCount: 1,
    minerBurnedFraction: 0.9,
    registrationAllowed: false,
    registeredAtBlock: 500,
    weightsVersionKey: 1020n,
  });
  const resets = (now: Partial<SubnetSnapshot>) => competitionResets(base, { ...base, ...now }, 1000);

  it('names new scoring code with both weights versions', () => {
    expect(resets({ weightsVersionKey: 1021n })).toEqual(['scoring code changed: weights version 1020 → 1021']);
    // A rollback to older code changes the scoring just the same.
    expect(resets({ weightsVersionKey: 1019n })).toEqual(['scoring code changed: weights version 1020 → 1019']);
  });

  it('says nothing about the weights version where either point lacks it (older runtime or older row)', () => {
    expect(resets({ weightsVersionKey: null })).toEqual([]);
    expect(competitionResets({ ...base, weightsVersionKey: null }, base, 1000)).toEqual([]);
  });

  it('names a mechanism added, but not one removed', () => {
    expect(resets({ mechanismCount: 2 })).toEqual(['a mechanism was added (1 → 2)']);
    expect(competitionResets({ ...base, mechanismCount: 3 }, { ...base, mechanismCount: 2 }, 1000)).toEqual([]);
  });

  it('names the miner burn dropping by more than a point, not a rise or noise, nor an unknown burn', () => {
    expect(resets({ minerBurnedFraction: 0.2 })).toEqual(['the miner burn dropped (90% → 20%)']);
    expect(resets({ minerBurnedFraction: 0.895 })).toEqual([]);
    expect(resets({ minerBurnedFraction: 1 })).toEqual([]);
    expect(resets({ minerBurnedFraction: null })).toEqual([]);
  });

  it('names registration opening, not closing', () => {
    expect(resets({ registrationAllowed: true })).toEqual(['registration opened']);
    expect(competitionResets({ ...base, registrationAllowed: true }, base, 1000)).toEqual([]);
  });

  it('names every event at once, in a fixed order', () => {
    expect(
      resets({ weightsVersionKey: 1021n, mechanismCount: 2, minerBurnedFraction: 0.2, registrationAllowed: true }),
    ).toEqual([
      'scoring code changed: weights version 1020 → 1021',
      'a mechanism was added (1 → 2)',
      'the miner burn dropped (90% → 20%)',
      'registration opened',
    ]);
  });

  it('a subnet registered after the previous sync is new, also on a netuid whose old subnet was dissolved', () => {
    expect(competitionResets(null, { ...base, registeredAtBlock: 1500 }, 1000)).toEqual([
      'new subnet since the previous sync',
    ]);
    // The new subnet's figures are not compared with the dissolved one's.
    expect(resets({ registeredAtBlock: 1500, weightsVersionKey: 1n, mechanismCount: 2 })).toEqual([
      'new subnet on this netuid since the previous sync (the old one was dissolved)',
    ]);
  });

  it('an unchanged subnet, or one seen at only one sync, has nothing to say', () => {
    expect(competitionResets(null, base, 1000)).toEqual([]);
    expect(competitionResets(null, base, null)).toEqual([]);
    expect(competitionResets(base, base, 1000)).toEqual([]);
    expect(competitionResets(base, null, 1000)).toEqual([]);
  });
});
