/**
 * Each subnet's alpha price a day and a week before the latest sync, from the stored summaries: what the Subnets
 * table's 24 h / 7 d change columns compare against. Local history only: without a sync point in the window
 * (the app was not syncing then) there is no change to show, rather than one measured over another span.
 */
import type { Database } from 'better-sqlite3';
import { BLOCKS_PER_DAY } from '../../../shared/domain';

export interface PastPrices {
  dayAgo: Map<number, number>;
  weekAgo: Map<number, number>;
}

/** The newest point at least `span` blocks before `head`, and no more than twice that: the reference sync. */
function referencePoint(db: Database, head: number, span: number): number | null {
  return (
    (db
      .prepare(
        'SELECT id FROM sync_points WHERE block_number <= ? AND block_number >= ? ORDER BY block_number DESC LIMIT 1',
      )
      .pluck()
      .get(head - span, head - 2 * span) as number | undefined) ?? null
  );
}

function pricesAt(db: Database, pointId: number | null): Map<number, number> {
  if (pointId === null) return new Map();
  const rows = db
    .prepare(
      'SELECT netuid, price_tao FROM subnet_snapshots WHERE point_id = ? AND has_summary AND price_tao IS NOT NULL',
    )
    .raw()
    .all(pointId) as [number, number][];
  return new Map(rows);
}

export function pastPrices(db: Database, headBlock: number): PastPrices {
  return {
    dayAgo: pricesAt(db, referencePoint(db, headBlock, BLOCKS_PER_DAY)),
    weekAgo: pricesAt(db, referencePoint(db, headBlock, 7 * BLOCKS_PER_DAY)),
  };
}
