/**
 * The per-UID history the newcomer statistics read: for every subnet, each kept sync point's UIDs registered within
 * the window (with their registration block and incentive) and the incentive of every earner, oldest first.
 *
 * Kept in memory between syncs, so a sync costs reading its own packs rather than a month of them: inflating every
 * pack of a month is seconds on Finney-size data, one sync's packs are milliseconds. Only the UID column and the
 * two figures used are decoded (db/neuron-pack.ts unpackRegistrations; the incentive combined over mechanisms by
 * the chain's split), and UIDs registered before the window are not followed, which keeps a month of points small.
 */
import type { Database } from 'better-sqlite3';
import { BLOCKS_PER_DAY } from '../../../shared/domain';
import { uidPoint, type UidPoint } from '../engine/newcomer-history';
import { unpackKeys, unpackRegistrations } from './neuron-pack';
import { splitWeights } from '../engine/incentive';

export class UidHistory {
  private byNetuid = new Map<number, UidPoint[]>();
  private lastPointId = 0;
  private fromBlock = -Infinity;

  constructor(
    private readonly db: Database,
    /** Days a point is read for (the analyses' window): a UID registered longer ago than that is not followed. */
    private readonly windowDays: number,
  ) {}

  /** Points at or after `fromBlock`, by netuid (the arrays are shared: callers must not change them). */
  since(fromBlock: number): Map<number, UidPoint[]> {
    const { maxId } = this.db.prepare('SELECT MAX(id) AS maxId FROM sync_points').get() as { maxId: number | null };
    // Points removed (a restored backup) or a window reaching further back than what is held: read afresh.
    if ((maxId ?? 0) < this.lastPointId || fromBlock < this.fromBlock) {
      this.byNetuid = new Map();
      this.lastPointId = 0;
    }
    this.fromBlock = fromBlock;
    this.read(fromBlock);
    this.lastPointId = Math.max(this.lastPointId, maxId ?? 0);
    for (const [netuid, points] of this.byNetuid) {
      const keep = points.findIndex((p) => p.blockNumber >= fromBlock);
      if (keep === -1) this.byNetuid.delete(netuid);
      else if (keep > 0) points.splice(0, keep);
    }
    return this.byNetuid;
  }

  private read(fromBlock: number): void {
    const rows = this.db
      .prepare(
        `SELECT n.netuid, p.block_number, n.uid_count, n.keys, n.figures, pr.mechanism_count, pr.mechanism_split_u16
         FROM neuron_packs n
         JOIN sync_points p ON p.id = n.point_id
         LEFT JOIN subnet_snapshots ss ON ss.point_id = n.point_id AND ss.netuid = n.netuid
         LEFT JOIN subnet_profiles pr ON pr.id = ss.profile_id
         WHERE p.block_number >= ? AND n.point_id > ? ORDER BY n.netuid, p.block_number`,
      )
      .raw()
      .all(fromBlock, this.lastPointId) as [number, number, number, Buffer, Buffer, number | null, string | null][];
    const touched = new Set<number[] | UidPoint[]>();
    for (const [netuid, blockNumber, count, keys, figures, mechanismCount, split] of rows) {
      let point: UidPoint;
      try {
        // Each mechanism's incentive weighted by its share of the epoch, as the chain splits it.
        const weightsFor = (read: number) =>
          splitWeights({ mechanismCount: mechanismCount ?? 1, mechanismSplitU16: split === null ? null : split === '' ? [] : split.split(',').map(Number) }, read);
        const f = unpackRegistrations(figures, count, weightsFor);
        const { uids } = unpackKeys(keys);
        point = uidPoint(blockNumber, uids, f.registeredAtBlock, f.incentive, blockNumber - this.windowDays * BLOCKS_PER_DAY);
      } catch {
        continue; // A damaged pack is one missing point for the statistics, not a failed analysis.
      }
      let list = this.byNetuid.get(netuid);
      if (!list) this.byNetuid.set(netuid, (list = []));
      if (list.length && list[list.length - 1]!.blockNumber > blockNumber) touched.add(list);
      list.push(point);
    }
    // A backfilled point lands among older ones.
    for (const list of touched) (list as UidPoint[]).sort((a, b) => a.blockNumber - b.blockNumber);
  }
}
