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

/** Every subnet's summaries at once (one query), for analysing all subnets after a sync. */
export function allSummaries(db: Database): Map<number, SubnetHistoryPoint[]> {
  const rows = db
    .prepare(
      `SELECT s.netuid, s.summary_json FROM subnet_summaries s JOIN sync_points p ON p.id = s.point_id
       ORDER BY s.netuid, p.block_number`,
    )
    .all() as { netuid: number; summary_json: string }[];
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
