/**
 * Keeps a year of hourly syncs small. Per-UID rows are the bulk of the file (a row per UID per subnet per sync,
 * ~32k a sync on Finney): they are kept at full resolution for `fullResolutionDays` and thinned to one point a day
 * (the day's last) beyond. Subnet-level rows and the engine's summaries are kept for ever, so the history charts
 * and window statistics do not change when per-UID rows go.
 */
import type { Database } from 'better-sqlite3';
const DAY_MS = 86_400_000;

export interface Thinning {
  /** Per-UID rows deleted by this call. */
  deletedRows: number;
}

/**
 * Thins per-UID rows older than `fullResolutionDays` before the newest point. The window is measured on the chain's
 * clock (block times), not the computer's: a user back from a month away loses nothing before syncing again.
 * A subnet's newest snapshot keeps its UIDs however old it is (a subnet the chain stopped serving stays analysable).
 */
export function thinNeuronHistory(db: Database, fullResolutionDays: number): Thinning {
  const newest = db.prepare('SELECT MAX(block_time_ms) FROM sync_points').pluck().get() as number | null;
  if (newest === null) return { deletedRows: 0 };
  const cutoff = newest - fullResolutionDays * DAY_MS;
  const result = db
    .prepare(
      `WITH old AS (
         SELECT id, ROW_NUMBER() OVER (PARTITION BY block_time_ms / ${DAY_MS} ORDER BY block_number DESC, id DESC) AS nth
         FROM sync_points WHERE block_time_ms < @cutoff
       )
       DELETE FROM neuron_snapshots
       WHERE point_id IN (SELECT id FROM old WHERE nth > 1)
         AND NOT EXISTS (
           SELECT 1 FROM subnets s WHERE s.netuid = neuron_snapshots.netuid AND s.last_point_id = neuron_snapshots.point_id
         )`,
    )
    .run({ cutoff });
  return { deletedRows: result.changes };
}
