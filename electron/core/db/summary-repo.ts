/**
 * The engine's per-point subnet summaries, stored in each subnet row (has_summary = 1): history without re-reading
 * per-UID data.
 */
import type { Database } from 'better-sqlite3';
import type { SubnetHistoryPoint } from '../../../shared/economics';
import { rangeStartMs, type HistoryDays } from '../../../shared/history-range';

// Summary field ↔ column; the block number and time are the sync point's.
const FIELDS = [
  ['earningMiners', 'earning_miners'],
  ['gini', 'gini'],
  ['grossMinerPoolAlphaPerDay', 'gross_miner_pool_alpha_per_day'],
  ['grossMinerPoolTaoPerDay', 'gross_miner_pool_tao_per_day'],
  ['medianMinerTaoPerDay', 'median_miner_tao_per_day'],
  ['priceTao', 'price_tao'],
  ['burnTao', 'burn_tao'],
  ['emissionShare', 'emission_share'],
  ['previousBlockNumber', 'previous_block_number'],
  ['registrationsSincePrevious', 'registrations_since_previous'],
  ['receivedMinerPoolAlphaPerDay', 'received_miner_pool_alpha_per_day'],
  ['receivedMinerPoolTaoPerDay', 'received_miner_pool_tao_per_day'],
  ['alphaIssuance', 'alpha_issuance'],
  ['totalIssuanceTao', 'total_issuance_tao'],
] as const satisfies readonly (readonly [keyof SubnetHistoryPoint, string])[];

const COLUMNS = FIELDS.map(([, c]) => `s.${c}`).join(', ');

export const SUMMARY_COLUMNS = FIELDS.map(([, c]) => c);

/** The summary's values in SUMMARY_COLUMNS order (all NULL when there is none). */
export function summaryValues(summary: SubnetHistoryPoint | undefined): (number | null)[] {
  return FIELDS.map(([f]) => (summary ? summary[f] : null));
}

/** Row layout of every read below: block number, block time, then FIELDS in order. */
type SummaryRow = [number, number, ...(number | null)[]];

/**
 * The row from column `at` on, as a summary. Spelt out rather than looped over FIELDS: a year's analysis reads ~90k rows, and objects
 * built in one literal share one shape (measured: 4× faster than assigning the fields one by one).
 */
function toSummary(r: SummaryRow, at: number): SubnetHistoryPoint {
  return {
    blockNumber: r[at]!,
    blockTimeMs: r[at + 1]!,
    earningMiners: r[at + 2] ?? null,
    gini: r[at + 3] ?? null,
    grossMinerPoolAlphaPerDay: r[at + 4] ?? null,
    grossMinerPoolTaoPerDay: r[at + 5] ?? null,
    medianMinerTaoPerDay: r[at + 6] ?? null,
    priceTao: r[at + 7] ?? null,
    burnTao: r[at + 8] ?? null,
    emissionShare: r[at + 9] ?? null,
    previousBlockNumber: r[at + 10] ?? null,
    registrationsSincePrevious: r[at + 11] ?? null,
    receivedMinerPoolAlphaPerDay: r[at + 12] ?? null,
    receivedMinerPoolTaoPerDay: r[at + 13] ?? null,
    alphaIssuance: r[at + 14] ?? null,
    totalIssuanceTao: r[at + 15] ?? null,
  } as SubnetHistoryPoint;
}

/** Summaries of one subnet over all points, oldest first. */
export function summariesOf(db: Database, netuid: number): SubnetHistoryPoint[] {
  return (
    db
      .prepare(
        `SELECT p.block_number, p.block_time_ms, ${COLUMNS} FROM subnet_snapshots s JOIN sync_points p ON p.id = s.point_id
         WHERE s.netuid = ? AND s.has_summary ORDER BY p.block_number`,
      )
      .raw()
      .all(netuid) as SummaryRow[]
  ).map((r) => toSummary(r, 0));
}

/**
 * Summaries of one subnet over the last `days` days up to its newest summary, oldest first: what the History charts
 * draw (a point exactly `days` before the newest is kept; see rangeStartMs). A year of hourly syncs is 8,760 rows per
 * subnet; a month is 720, and only those are read.
 */
export function summariesOfLast(db: Database, netuid: number, days: HistoryDays): SubnetHistoryPoint[] {
  if (days === 'all') return summariesOf(db, netuid);
  const newestMs = newestSummaries(db, netuid, 1)[0]?.blockTimeMs;
  if (newestMs === undefined) return [];
  return (
    db
      .prepare(
        // The window's points by time, then the subnet's row of each by key: the rows before it are never read.
        `SELECT p.block_number, p.block_time_ms, ${COLUMNS} FROM sync_points p CROSS JOIN subnet_snapshots s ON s.point_id = p.id AND s.netuid = ?
         WHERE p.block_time_ms >= ? AND s.has_summary ORDER BY p.block_number`,
      )
      .raw()
      .all(netuid, rangeStartMs(days, newestMs)) as SummaryRow[]
  ).map((r) => toSummary(r, 0));
}

/**
 * The subnet's newest `count` summaries, oldest first: "since the previous sync" compares the newest two, and a year
 * of hourly syncs would otherwise read 8,760 rows for them.
 */
export function newestSummaries(db: Database, netuid: number, count: number): SubnetHistoryPoint[] {
  return (
    db
      .prepare(
        // The subnet's points newest first (from its index: nothing read for a subnet never stored), then its row at
        // each until `count` have a summary: usually the first ones. Materialised, or SQLite would read the subnet's
        // row at every point before sorting.
        `WITH newest_first AS MATERIALIZED (
           SELECT p.id, p.block_number, p.block_time_ms FROM subnet_snapshots ss JOIN sync_points p ON p.id = ss.point_id
           WHERE ss.netuid = @netuid ORDER BY p.block_number DESC)
         SELECT p.block_number, p.block_time_ms, ${COLUMNS} FROM newest_first p CROSS JOIN subnet_snapshots s ON s.point_id = p.id AND s.netuid = @netuid
         WHERE s.has_summary ORDER BY p.block_number DESC LIMIT @count`,
      )
      .raw()
      .all({ netuid, count }) as SummaryRow[]
  )
    .map((r) => toSummary(r, 0))
    .reverse();
}

/**
 * What analysing one subnet at block `beforeBlock` with a window from block `fromBlock` reads, oldest first: its
 * summaries in [fromBlock, beforeBlock), and the newest one before `fromBlock` however old it is, because the engine
 * takes the previous block from it (registrations since) and computes a window whenever any earlier summary exists.
 * Everything older changes nothing in that analysis, and is not read.
 */
export function summariesBefore(
  db: Database,
  netuid: number,
  beforeBlock: number,
  fromBlock: number,
): SubnetHistoryPoint[] {
  return (
    db
      .prepare(
        // Where the read starts: usually the sync just before the window (windowStart), found on the block index; if
        // the subnet has no summary there, its newest one before, found as in newestSummaries; else the window start.
        // Then the points from there by block, and the subnet's row of each by key.
        `SELECT p.block_number, p.block_time_ms, ${COLUMNS} FROM sync_points p CROSS JOIN subnet_snapshots s ON s.point_id = p.id AND s.netuid = @netuid
         WHERE p.block_number < @beforeBlock AND s.has_summary AND p.block_number >= COALESCE(
           (SELECT b.block_number FROM sync_points b CROSS JOIN subnet_snapshots bs ON bs.point_id = b.id AND bs.netuid = @netuid
            WHERE b.block_number = (SELECT MAX(block_number) FROM sync_points WHERE block_number < @fromBlock) AND bs.has_summary LIMIT 1),
           (WITH earlier_newest_first AS MATERIALIZED (
              SELECT e.id, e.block_number FROM subnet_snapshots ss JOIN sync_points e ON e.id = ss.point_id
              WHERE ss.netuid = @netuid AND e.block_number < @fromBlock ORDER BY e.block_number DESC)
            SELECT e.block_number FROM earlier_newest_first e CROSS JOIN subnet_snapshots es ON es.point_id = e.id AND es.netuid = @netuid
            WHERE es.has_summary LIMIT 1),
           @fromBlock)
         ORDER BY p.block_number`,
      )
      .raw()
      .all({ netuid, beforeBlock, fromBlock }) as SummaryRow[]
  ).map((r) => toSummary(r, 0));
}

/**
 * Where a window starting at `fromBlock` begins: the sync just before it (each subnet's previous point survives a
 * gap in syncing), or `fromBlock` when there is none.
 */
export function windowStart(db: Database, fromBlock: number): number {
  return (
    (db.prepare('SELECT MAX(block_number) FROM sync_points WHERE block_number < ?').pluck().get(fromBlock) as
      number | null) ?? fromBlock
  );
}

/**
 * Every subnet's summaries from block `startBlock` on, in one query, oldest first: what analysing all subnets
 * reads (from a windowStart). Reading all history instead takes tens of seconds once a year of hourly syncs is
 * stored. `afterPointId`: only points stored after that one (what a sync added to a window already read).
 */
export function summariesFrom(db: Database, startBlock: number, afterPointId = 0): Map<number, SubnetHistoryPoint[]> {
  const rows = db
    .prepare(
      // Sync points first, in block order (CROSS JOIN keeps that order): the window's few points by the block index,
      // then their summaries by key. Grouping by subnet happens below, so SQLite sorts nothing.
      `SELECT s.netuid, p.block_number, p.block_time_ms, ${COLUMNS} FROM sync_points p CROSS JOIN subnet_snapshots s ON s.point_id = p.id
       WHERE p.block_number >= ? AND p.id > ? AND s.has_summary ORDER BY p.block_number`,
    )
    .raw()
    .all(startBlock, afterPointId) as [number, ...SummaryRow][];
  const out = new Map<number, SubnetHistoryPoint[]>();
  for (const row of rows) {
    const netuid = row[0];
    let list = out.get(netuid);
    if (!list) out.set(netuid, (list = []));
    list.push(toSummary(row as unknown as SummaryRow, 1));
  }
  return out;
}

/** The newest stored block before `blockNumber` (whose registrations a new summary counts from). */
export function previousBlock(db: Database, blockNumber: number): number | null {
  return (
    (db.prepare('SELECT MAX(block_number) FROM sync_points WHERE block_number < ?').pluck().get(blockNumber) as
      number | null) ?? null
  );
}
