/**
 * The engine's per-subnet analyses of the latest data, computed once per sync and kept (in memory and in the
 * analysis_cache table, so a restart does not recompute them): the scenario-dependent evaluation (every slider
 * move) then runs on these in about a millisecond.
 */
import type { Database } from 'better-sqlite3';
import type { SubnetAnalysis, SubnetDeregistration, SubnetHistoryPoint, SubnetInput } from '../../shared/economics';
import { DAYS_PER_MONTH, DEFAULT_THRESHOLDS, MIN_NEWCOMERS_MEASURED } from '../../shared/economics';
import { backtestSubnet } from './engine/backtest';
import { competitiveIncome } from './engine/competitive-income';
import { heldShareByMonth } from './engine/holding';

/** Days before the analyses' window that the backtest reads too. */
const BACKTEST_EXTRA_DAYS = 7;
import { BLOCKS_PER_DAY, type NeuronSnapshot } from '../../shared/domain';
import { analyzeSubnet, DEFAULT_WINDOW_DAYS, subnetDeregistrations } from './engine';
import { latestSubnets, neuronsAt, type LatestSubnet } from './db/snapshot-read';
import { HistoryWindow, type PointsSeen } from './history-window';
import { followRegistrations, newcomerOutcomesWithin, withPool, type UidPoint } from './engine/newcomer-history';
import { UidHistory } from './db/uid-history-read';
import { packBacktestPairs, unpackBacktestPairs } from './db/backtest-pairs';

export interface AnalysedSubnet {
  latest: LatestSubnet;
  analysis: SubnetAnalysis;
  /** The UIDs the analysis read (loaded on first use when the analysis came from the cache). */
  neurons(): readonly NeuronSnapshot[];
  /** What the engine analysed: the snapshot and its UIDs. */
  input(): SubnetInput;
}

/**
 * Bumped when the stored analysis changes shape or meaning between two builds of one app version (a development
 * build, a pre-release), so a cached analysis without a new figure is recomputed rather than shown as missing.
 */
const ANALYSIS_SHAPE = 3;

export class Analyses {
  private key = '';
  private byNetuid = new Map<number, AnalysedSubnet>();
  /** The analyses in memory could not be stored (the file was read-only until its integrity check passed). */
  private unsaved = false;
  private readonly history: HistoryWindow;
  private readonly uidHistory: UidHistory;

  /** `appVersion`: a new version may analyse differently, so it never reuses an older version's cache. */
  constructor(
    private readonly db: Database,
    private readonly appVersion: string,
  ) {
    this.history = new HistoryWindow(db);
    this.uidHistory = new UidHistory(db, DEFAULT_WINDOW_DAYS + BACKTEST_EXTRA_DAYS);
  }

  /** Recomputes only when a sync added or removed points since the last call. */
  private refresh(): void {
    const { maxId, count } = this.db.prepare('SELECT MAX(id) AS maxId, COUNT(*) AS count FROM sync_points').get() as {
      maxId: number | null;
      count: number;
    };
    const key = `${this.appVersion}+${ANALYSIS_SHAPE}:${maxId}:${count}`;
    if (key === this.key) return;
    const subnets = latestSubnets(this.db);
    this.byNetuid = this.cached(key, subnets) ?? this.analyse(key, subnets, { lastPointId: maxId ?? 0 });
    this.key = key;
  }

  private analyse(key: string, subnets: LatestSubnet[], seen: PointsSeen): Map<number, AnalysedSubnet> {
    // The analyses read the window before each subnet's newest point, not all history.
    // The backtest also reads the week before the window (a newcomer's 30-day actuals need it to be that old).
    const from =
      Math.min(...subnets.map((s) => s.blockNumber)) - (DEFAULT_WINDOW_DAYS + BACKTEST_EXTRA_DAYS) * BLOCKS_PER_DAY;
    const history = subnets.length ? this.history.since(from, seen) : new Map<number, SubnetHistoryPoint[]>();
    const deregistrations = deregistrationsOf(subnets);
    const uidHistory = subnets.length ? this.uidHistory.since(from) : new Map<number, UidPoint[]>();
    const next = new Map<number, AnalysedSubnet>();
    for (const latest of subnets) {
      const netuid = latest.snapshot.netuid;
      const input = inputOf(latest, neuronsAt(this.db, latest.pointId, netuid));
      const past = (history.get(netuid) ?? []).filter((p) => p.blockNumber < latest.blockNumber);
      const analysis = analyzeSubnet(input, past, { subnetDeregistration: deregistrations.get(netuid) });
      // Where newcomers landed, over the same window (its own points only, up to this subnet's newest).
      const uidPoints = withPools(uidHistory.get(netuid) ?? [], past, latest.blockNumber, analysis.summary);
      const windowFrom = latest.blockNumber - DEFAULT_WINDOW_DAYS * BLOCKS_PER_DAY;
      const immunity = latest.snapshot.immunityPeriodBlocks;
      // Followed once for both: the statistics' window is the tail of the backtest's longer history.
      const registrations = followRegistrations(uidPoints, immunity);
      const newcomers = newcomerOutcomesWithin(registrations, uidPoints, firstAtOrAfter(uidPoints, windowFrom));
      analysis.competitive = input.neurons ? competitiveIncome(input, analysis) : null;
      // The default prior: analyses are kept per sync, not per settings change.
      analysis.backtest = backtestSubnet(netuid, uidPoints, immunity, DEFAULT_THRESHOLDS, registrations);
      analysis.newcomers = newcomers;
      if (newcomers.resolved >= MIN_NEWCOMERS_MEASURED)
        analysis.model.landedPercentiles = quantilesOf(newcomers.landedPercentiles);
      const held = heldShareByMonth(
        registrations,
        latest.blockNumber,
        immunity,
        DEFAULT_WINDOW_DAYS * BLOCKS_PER_DAY,
        DAYS_PER_MONTH * BLOCKS_PER_DAY,
      );
      if (held) analysis.model.heldShareByMonth = held;
      next.set(netuid, { latest, analysis, neurons: () => input.neurons ?? [], input: () => input });
    }
    this.store(key, next);
    return next;
  }

  /** The stored analyses when every current subnet has one for exactly this data; otherwise null. */
  private cached(key: string, subnets: LatestSubnet[]): Map<number, AnalysedSubnet> | null {
    const rows = this.db
      .prepare('SELECT netuid, analysis_json, backtest_pairs FROM analysis_cache WHERE cache_key = ?')
      .raw()
      .all(key) as [number, string, Buffer | null][];
    const stored = new Map(rows.map(([netuid, json, pairs]) => [netuid, { json, pairs }]));
    if (subnets.length === 0 || rows.length !== subnets.length || !subnets.every((s) => stored.has(s.snapshot.netuid)))
      return null;
    const next = new Map<number, AnalysedSubnet>();
    for (const latest of subnets) {
      const netuid = latest.snapshot.netuid;
      let neurons: NeuronSnapshot[] | null = null;
      const { json, pairs } = stored.get(netuid)!;
      const analysis = JSON.parse(json) as SubnetAnalysis;
      if (analysis.backtest) {
        if (pairs === null) return null;
        try {
          analysis.backtest.pairList = unpackBacktestPairs(pairs);
        } catch {
          return null; // damaged or from a newer version: recomputed
        }
      }
      const loaded = () => (neurons ??= neuronsAt(this.db, latest.pointId, netuid));
      next.set(netuid, { latest, analysis, neurons: loaded, input: () => inputOf(latest, loaded()) });
    }
    return next;
  }

  /**
   * Keeps the analyses for the next start. Only what JSON gives back unchanged is stored (a NaN or an Infinity
   * would come back as null): such a set is simply recomputed next time. Failing to store never fails the caller.
   */
  private store(key: string, analyses: Map<number, AnalysedSubnet>): void {
    try {
      const rows = [...analyses].map(([netuid, { analysis }]) => {
        // The pairs apart, packed: as JSON they were most of what a sync stored (db/backtest-pairs.ts).
        const rest = analysis.backtest ? { ...analysis, backtest: { ...analysis.backtest, pairList: [] } } : analysis;
        const pairs = analysis.backtest ? packBacktestPairs(analysis.backtest.pairList) : null;
        if (!jsonExact(rest) || (analysis.backtest && pairs === null)) throw new Error('not JSON-exact');
        return [netuid, JSON.stringify(rest), pairs] as const;
      });
      const put = this.db.prepare(
        'INSERT INTO analysis_cache (netuid, cache_key, analysis_json, backtest_pairs) VALUES (?, ?, ?, ?)',
      );
      this.db
        .transaction(() => {
          this.db.prepare('DELETE FROM analysis_cache').run();
          for (const [netuid, json, pairs] of rows) put.run(netuid, key, json, pairs);
        })
        .immediate();
      this.unsaved = false;
    } catch {
      this.unsaved = true;
      // A read-only moment or an analysis JSON cannot hold: the next start recomputes, nothing else changes.
    }
  }

  /** Stores analyses computed while the file could not be written, once it can: the next start then reuses them. */
  persist(): void {
    if (this.unsaved && this.key) this.store(this.key, this.byNetuid);
  }

  all(): AnalysedSubnet[] {
    this.refresh();
    return [...this.byNetuid.values()];
  }

  get(netuid: number): AnalysedSubnet | null {
    this.refresh();
    return this.byNetuid.get(netuid) ?? null;
  }
}

/**
 * True when JSON gives the value back unchanged: no NaN or Infinity (they come back as null), no undefined, no
 * bigint. A walk in JavaScript rather than a JSON.stringify replacer, which costs a call from the serializer per
 * value (~15 ms for every subnet's analysis, each sync).
 */
function jsonExact(v: unknown): boolean {
  if (typeof v === 'number') return Number.isFinite(v);
  if (v === null || typeof v === 'string' || typeof v === 'boolean') return true;
  if (typeof v !== 'object') return false; // undefined, bigint, function, symbol
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) if (!jsonExact(v[i])) return false;
    return true;
  }
  for (const key in v) if (!jsonExact((v as Record<string, unknown>)[key])) return false;
  return true;
}

/**
 * Where each subnet stands in the network's deregistration order, from every subnet's latest snapshot and the
 * newest sync point's network facts (SubnetLimit, NetworkImmunityPeriod, the runtime's get_subnet_to_prune).
 */
export function deregistrationsOf(subnets: readonly LatestSubnet[]): Map<number, SubnetDeregistration> {
  const newest = subnets.reduce<LatestSubnet | null>(
    (a, s) => (a === null || s.blockNumber > a.blockNumber ? s : a),
    null,
  );
  if (newest === null) return new Map();
  // Only subnets the newest sync read: an older snapshot's moving price is stale, and a subnet the chain stopped
  // listing is gone (its analysis then says its standing is unknown).
  const current = subnets.filter((s) => s.blockNumber === newest.blockNumber);
  const standings = current.map((s) => ({
    netuid: s.snapshot.netuid,
    movingPrice: s.snapshot.movingPrice,
    registeredAtBlock: s.snapshot.registeredAtBlock,
  }));
  return subnetDeregistrations(standings, newest.network, newest.blockNumber);
}

/**
 * At most 21 evenly spaced order statistics of an ascending list: the 'landed' position averages over these on every
 * slider move, and a busy subnet's hundreds of newcomers would cost that much more for the same distribution.
 */
function quantilesOf(ascending: number[], count = 21): number[] {
  if (ascending.length <= count) return ascending;
  return Array.from({ length: count }, (_, i) => ascending[Math.round((i * (ascending.length - 1)) / (count - 1))]!);
}

/**
 * The per-UID points up to the newest (`latestBlock`), each with what the summary at its block says (the last one
 * there, if several; the newest's own summary at the newest): the miner pool, what of it reached UIDs outside the
 * owner's, the earning miners; null where there is none: both lists are oldest first, so one walk pairs them.
 */
function withPools(
  points: readonly UidPoint[],
  past: readonly SubnetHistoryPoint[],
  latestBlock: number,
  latestSummary: SubnetHistoryPoint,
): UidPoint[] {
  const out: UidPoint[] = [];
  let j = 0;
  for (const p of points) {
    if (p.blockNumber > latestBlock) break;
    while (j < past.length && past[j]!.blockNumber <= p.blockNumber) j++;
    const summary = j > 0 && past[j - 1]!.blockNumber === p.blockNumber ? past[j - 1]! : null;
    const at = p.blockNumber === latestBlock ? latestSummary : summary;
    out.push(
      withPool(p, {
        poolAlphaPerDay: at?.grossMinerPoolAlphaPerDay ?? null,
        receivedPoolAlphaPerDay: at?.receivedMinerPoolAlphaPerDay ?? null,
        earningMiners: at?.earningMiners ?? null,
      }),
    );
  }
  return out;
}

/** Index of the first point at or after `block` in a list oldest first (its length if none). */
function firstAtOrAfter(points: readonly UidPoint[], block: number): number {
  const i = points.findIndex((p) => p.blockNumber >= block);
  return i === -1 ? points.length : i;
}

function inputOf(latest: LatestSubnet, neurons: NeuronSnapshot[]): SubnetInput {
  return {
    blockNumber: latest.blockNumber,
    blockTimeMs: latest.blockTimeMs,
    network: latest.network,
    subnet: latest.snapshot,
    neurons,
  };
}
