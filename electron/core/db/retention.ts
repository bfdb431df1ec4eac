/**
 * Keeps a year of hourly syncs small. Per-UID data is the bulk of the file (~32k UIDs a sync on Finney, packed per
 * subnet): it is kept at full resolution for `fullResolutionDays` and thinned to one point a day
 * (the day's last) beyond. Subnet-level rows and the engine's summaries are kept hourly for SYNC_POINT_HISTORY.hourlyDays
 * (every window statistic and the 7/30/90-day charts), then one sync per 12 hours (below).
 */
import type { Database } from 'better-sqlite3';
const DAY_MS = 86_400_000;

export interface Thinning {
  /** Per-UID records (UIDs of a subnet at a sync) deleted by this call. */
  deletedRows: number;
  /** Whole sync points deleted by this call (with their subnet rows). */
  deletedPoints: number;
}

/**
 * What the newcomer statistics need (engine/newcomer-history.ts): a registration is counted only when the syncs
 * around it are closer than the subnet's immunity (most Finney subnets: 4,096–7,200 blocks, 14–24 h), so for the
 * analyses' month (and the week before it, which the backtest's 30-day actuals need) one point per 12 hours is
 * kept rather than one a day. Costs 1 more point a day for 35 days: a fixed ~35 points (~18 MB on Finney at
 * 0.48 MB a point), not a yearly growth; a simulated year of hourly syncs measures 472 MiB with it and
 * SYNC_POINT_HISTORY (budget 500 MB).
 * Subnets with an immunity under 12 h are measured from the last few days only (the full-resolution ones).
 */
export const NEWCOMER_HISTORY = { days: 38, stepHours: 12 } as const;

/**
 * Whole syncs (the sync point, its subnet rows and summaries) older than `hourlyDays` are thinned to the last of
 * each `stepHours` (which divides a day, so the day's last point, the one keeping its UIDs, always stays). Why: a
 * year measured 632 MiB against a 500 MB budget once newcomers register as they do on Finney (~28 a subnet a day:
 * 1.3 million hotkeys a year, 153 MiB of interned addresses), and hourly subnet rows were 229 MiB of it (now 71 MiB);
 * beyond 90 days twice a day is as much as a year-long chart can show.
 */
export const SYNC_POINT_HISTORY = { hourlyDays: 90, stepHours: 12 } as const;

/**
 * Thins per-UID data older than `fullResolutionDays` before the newest point: to one point per `newcomer.stepHours`
 * up to `newcomer.days` back, and to one a day before. The window is measured on the chain's
 * clock (block times), not the computer's: a user back from a month away loses nothing before syncing again.
 * A subnet's newest snapshot keeps its UIDs however old it is (a subnet the chain stopped serving stays analysable).
 * Then whole syncs older than `points.hourlyDays` are thinned to one per `points.stepHours` (never a subnet's newest).
 */
export function thinNeuronHistory(
  db: Database,
  fullResolutionDays: number,
  newcomer: { days: number; stepHours: number } = { days: 0, stepHours: 24 },
  points: { hourlyDays: number; stepHours: number } = SYNC_POINT_HISTORY,
): Thinning {
  const newest = db.prepare('SELECT MAX(block_time_ms) FROM sync_points').pluck().get() as number | null;
  if (newest === null) return { deletedRows: 0, deletedPoints: 0 };
  if (!(points.stepHours > 0 && 24 % points.stepHours === 0))
    throw new Error(`sync points thinned every ${points.stepHours} h: not a divisor of a day`);
  const pointStepMs = points.stepHours * 3_600_000;
  const cutoff = newest - fullResolutionDays * DAY_MS;
  const stepMs = Math.max(1, Math.round(newcomer.stepHours * 3_600_000));
  // Buckets: one per step inside the newcomer window, one per day before it (negative ids keep the two apart).
  const newcomerFrom = newest - newcomer.days * DAY_MS;
  const doomed = `WITH old AS (
         SELECT id, ROW_NUMBER() OVER (
           PARTITION BY CASE WHEN block_time_ms >= ${newcomerFrom} THEN block_time_ms / ${stepMs} ELSE -1 - block_time_ms / ${DAY_MS} END
           ORDER BY block_number DESC, id DESC) AS nth
         FROM sync_points WHERE block_time_ms < @cutoff
       )
       SELECT n.point_id, n.netuid, n.uid_count FROM neuron_packs n
       WHERE n.point_id IN (SELECT id FROM old WHERE nth > 1)
         AND NOT EXISTS (SELECT 1 FROM subnets s WHERE s.netuid = n.netuid AND s.last_point_id = n.point_id)`;
  // Whole syncs: the last of each step stays; so does any subnet's newest (the subnets table points at it).
  const doomedPoints = `WITH old AS (
         SELECT id, ROW_NUMBER() OVER (PARTITION BY block_time_ms / ${pointStepMs} ORDER BY block_number DESC, id DESC) AS nth
         FROM sync_points WHERE block_time_ms < @pointCutoff
       )
       SELECT id FROM old WHERE nth > 1 AND id NOT IN (SELECT last_point_id FROM subnets)`;
  return db
    .transaction((): Thinning => {
      const deletedRows =
        (db.prepare(`SELECT COALESCE(SUM(uid_count), 0) FROM (${doomed})`).pluck().get({ cutoff }) as number) ?? 0;
      db.prepare(`DELETE FROM neuron_packs WHERE (point_id, netuid) IN (SELECT point_id, netuid FROM (${doomed}))`).run(
        { cutoff },
      );
      // Their subnet rows, summaries, stale marks and team sightings go with them (ON DELETE CASCADE).
      const pointCutoff = newest - points.hourlyDays * DAY_MS;
      const deletedPoints = db
        .prepare(`DELETE FROM sync_points WHERE id IN (${doomedPoints})`)
        .run({ pointCutoff }).changes;
      return { deletedRows, deletedPoints };
    })
    .immediate();
}
