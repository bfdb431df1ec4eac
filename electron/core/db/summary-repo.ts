/**
 * The engine's per-point subnet summaries, stored in each subnet row (has_summary = 1): history without re-reading
 * per-UID data.
 */
import type { Database } from 'better-sqlite3';
import type { SubnetHistoryPoint } from '../../../shared/economics';

// Summary field ↔ column; the block number and time are the sync point's.
const FIELDS = [
  ['earningMiners', 'earning_miners'],
  ['gini', 'gini'],
  ['minerPoolAlphaPerDay', 'miner_pool_alpha_per_day'],
  ['minerPoolTaoPerDay', 'miner_pool_tao_per_day'],
  ['medianMinerTaoPerDay', 'median_miner_tao_per_day'],
  ['priceTao', 'price_tao'],
  ['burnTao', 'burn_tao'],
  ['emissionShare', 'emission_share'],
  ['previousBlockNumber', 'previous_block_number'],
  ['registrationsSincePrevious', 'registrations_since_previous'],
] as const satisfies readonly (readonly [keyof SubnetHistoryPoint, string])[];

const COLUMNS = FIELDS.map(([, c]) => `s.${c}`).join(', ');

export const SUMMARY_COLUMNS = FIELDS.map(([, c]) => c);

/** The summary's values in SUMMARY_COLUMNS order (all NULL when there is none). */
export function summaryValues(summary: SubnetHistoryPoint | undefined): (number | null)[] {
  return FIELDS.map(([f]) => (summary ? summary[f] : null));
}

/** Row layout of every read below: block number, block time, then FIELDS in order. */
type SummaryRow = [number, number, ...(number | null)[]];

function toSummary(r: SummaryRow): SubnetHistoryPoint {
  const out = { blockNumber: r[0], blockTimeMs: r[1] } as SubnetHistoryPoint;
  FIELDS.forEach(([field], i) => {
    (out as unknown as Record<string, number | null>)[field] = r[i + 2] ?? null;
  });
  return out;
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
  ).map(toSummary);
}

/**
 * Every subnet's summaries from `fromBlock` on, and those of the sync just before it (each subnet's previous point
 * survives a gap in syncing), in one query, oldest first: what analysing all subnets reads. Reading all history
 * instead takes tens of seconds once a year of hourly syncs is stored.
 */
export function summariesSince(db: Database, fromBlock: number): Map<number, SubnetHistoryPoint[]> {
  const start = (db.prepare('SELECT MAX(block_number) FROM sync_points WHERE block_number < ?').pluck().get(fromBlock) as number | null) ?? fromBlock;
  const rows = db
    .prepare(
      // Sync points first (CROSS JOIN keeps that order): the window's few points, then their summaries by key.
      `SELECT s.netuid, p.block_number, p.block_time_ms, ${COLUMNS} FROM sync_points p CROSS JOIN subnet_snapshots s ON s.point_id = p.id
       WHERE p.block_number >= ? AND s.has_summary ORDER BY s.netuid, p.block_number`,
    )
    .raw()
    .all(start) as [number, ...SummaryRow][];
  const out = new Map<number, SubnetHistoryPoint[]>();
  for (const [netuid, ...row] of rows) {
    let list = out.get(netuid);
    if (!list) out.set(netuid, (list = []));
    list.push(toSummary(row as SummaryRow));
  }
  return out;
}

/** The newest stored block before `blockNumber` (whose registrations a new summary counts from). */
export function previousBlock(db: Database, blockNumber: number): number | null {
  return (db.prepare('SELECT MAX(block_number) FROM sync_points WHERE block_number < ?').pluck().get(blockNumber) as number | null) ?? null;
}
