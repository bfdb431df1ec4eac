/** The engine's per-point subnet summaries: history without re-reading per-UID rows. */
import type { Database } from 'better-sqlite3';
import type { SubnetHistoryPoint } from '../../../shared/economics';

export function insertSummaries(db: Database, pointId: number, summaries: ReadonlyMap<number, SubnetHistoryPoint>): void {
  const put = db.prepare('INSERT OR REPLACE INTO subnet_summaries (point_id, netuid, summary_json) VALUES (?, ?, ?)');
  for (const [netuid, summary] of summaries) put.run(pointId, netuid, JSON.stringify(summary));
}

/** Summaries of one subnet over all points, oldest first. */
export function summariesOf(db: Database, netuid: number): SubnetHistoryPoint[] {
  return (
    db
      .prepare(
        `SELECT s.summary_json FROM subnet_summaries s JOIN sync_points p ON p.id = s.point_id
         WHERE s.netuid = ? ORDER BY p.block_number`,
      )
      .pluck()
      .all(netuid) as string[]
  ).map((j) => JSON.parse(j) as SubnetHistoryPoint);
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
      `SELECT s.netuid, s.summary_json FROM sync_points p CROSS JOIN subnet_summaries s ON s.point_id = p.id
       WHERE p.block_number >= ? ORDER BY s.netuid, p.block_number`,
    )
    .all(start) as { netuid: number; summary_json: string }[];
  const out = new Map<number, SubnetHistoryPoint[]>();
  for (const r of rows) {
    const list = out.get(r.netuid) ?? [];
    list.push(JSON.parse(r.summary_json) as SubnetHistoryPoint);
    out.set(r.netuid, list);
  }
  return out;
}

/** The newest stored block before `blockNumber` (whose registrations a new summary counts from). */
export function previousBlock(db: Database, blockNumber: number): number | null {
  return (db.prepare('SELECT MAX(block_number) FROM sync_points WHERE block_number < ?').pluck().get(blockNumber) as number | null) ?? null;
}
