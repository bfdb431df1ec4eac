/**
 * The summaries the analyses read (the engine's window of history, per subnet), kept between analyses: after an
 * hourly sync only that sync's points are read, not the ~90k rows of a month of syncs (~0.4 s on a year's file).
 * The sync's thinning deletes an older sync point almost every hour (SYNC_POINT_HISTORY, 90 days back): only a
 * point removed inside the window makes the held summaries stale, so only that forces a full read.
 */
import type { Database } from 'better-sqlite3';
import type { SubnetHistoryPoint } from '../../shared/economics';
import { summariesFrom, windowStart } from './db/summary-repo';

/** Which stored points a read covered: a new point always gets a larger id, so the last id tells what came since. */
export interface PointsSeen {
  lastPointId: number;
}

interface Held {
  seen: PointsSeen;
  start: number;
  /** Blocks of the points at or after `start` when read (ascending): tells whether any of them was removed since. */
  pointBlocks: number[];
  byNetuid: Map<number, SubnetHistoryPoint[]>;
}

export class HistoryWindow {
  private held: Held | null = null;

  constructor(private readonly db: Database) {}

  /** Every subnet's summaries from `windowStart(fromBlock)` on, oldest first: what `summariesFrom` would read. */
  since(fromBlock: number, seen: PointsSeen): Map<number, SubnetHistoryPoint[]> {
    const start = windowStart(this.db, fromBlock);
    const held = this.held;
    const byNetuid =
      held && start >= held.start && this.noneRemoved(held, start)
        ? this.extend(held.byNetuid, start, held.seen.lastPointId)
        : summariesFrom(this.db, start);
    const pointBlocks = this.db
      .prepare('SELECT block_number FROM sync_points WHERE block_number >= ? AND id <= ? ORDER BY block_number')
      .pluck()
      .all(start, seen.lastPointId) as number[];
    this.held = { seen, start, pointBlocks, byNetuid };
    return byNetuid;
  }

  /**
   * True when every point held from `start` on is still stored: points are only ever added (with larger ids) or
   * deleted, so then the held summaries from `start` plus the new points are exactly what a full read would return.
   */
  private noneRemoved(held: Held, start: number): boolean {
    const stored = this.db
      .prepare('SELECT COUNT(*) FROM sync_points WHERE block_number >= ? AND id <= ?')
      .pluck()
      .get(start, held.seen.lastPointId) as number;
    let first = 0;
    while (first < held.pointBlocks.length && held.pointBlocks[first]! < start) first++;
    return stored === held.pointBlocks.length - first;
  }

  private extend(
    held: Map<number, SubnetHistoryPoint[]>,
    start: number,
    lastPointId: number,
  ): Map<number, SubnetHistoryPoint[]> {
    const added = summariesFrom(this.db, start, lastPointId);
    const out = new Map<number, SubnetHistoryPoint[]>();
    for (const netuid of new Set([...held.keys(), ...added.keys()])) {
      const kept = (held.get(netuid) ?? []).filter((p) => p.blockNumber >= start);
      const merged = mergeByBlock(kept, added.get(netuid) ?? []);
      if (merged.length > 0) out.set(netuid, merged);
    }
    return out;
  }
}

/** Both lists are oldest first; a backfilled point lands in its place, after any point of the same block. */
function mergeByBlock(a: SubnetHistoryPoint[], b: SubnetHistoryPoint[]): SubnetHistoryPoint[] {
  if (b.length === 0) return a;
  if (a.length === 0 || b[0]!.blockNumber >= a[a.length - 1]!.blockNumber) return [...a, ...b];
  const out: SubnetHistoryPoint[] = [];
  let i = 0;
  for (const p of b) {
    while (i < a.length && a[i]!.blockNumber <= p.blockNumber) out.push(a[i++]!);
    out.push(p);
  }
  while (i < a.length) out.push(a[i++]!);
  return out;
}
