/**
 * The per-UID history the newcomer statistics read: for every subnet, each kept sync point's UIDs registered within
 * the window (with their registration block and incentive) and the incentive of every earner, oldest first.
 *
 * Kept in memory between syncs, so a sync costs reading its own packs rather than a month of them: inflating every
 * pack of a month is seconds on Finney-size data, one sync's packs are milliseconds. Only the UID column and the
 * two figures used are decoded (db/neuron-pack.ts unpackUids, unpackRegistrations; the incentive combined over
 * mechanisms by the chain's split), and UIDs registered before the window are not followed, which keeps a month of
 * points small. Points the file no longer holds (the thinning after each sync deletes per-UID points older than the
 * full-resolution days) are dropped, so a running app's statistics stay those a fresh start would compute.
 */
import type { Database } from 'better-sqlite3';
import { BLOCKS_PER_DAY } from '../../../shared/domain';
import { uidPoint, type UidPoint } from '../engine/newcomer-history';
import { splitWeights } from '../engine/incentive';
import { unpackRegistrations, unpackUids } from './neuron-pack';
import { u16List } from './snapshot-read';

/** One pack as read: null where it was damaged (one missing point for the statistics, not a failed analysis). */
interface Held {
  pointId: number;
  blockNumber: number;
  point: UidPoint | null;
}

/** A pack's key in one number: netuids are u16. */
const keyOf = (pointId: number, netuid: number) => pointId * 65_536 + netuid;

export class UidHistory {
  private byNetuid = new Map<number, Held[]>();
  private lastPointId = 0;
  private fromBlock = -Infinity;

  constructor(
    private readonly db: Database,
    /** Days a point is read for (the analyses' window): a UID registered longer ago than that is not followed. */
    private readonly windowDays: number,
  ) {}

  /** Points at or after `fromBlock`, by netuid, oldest first (the points are shared: callers must not change them). */
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
    for (const [netuid, held] of this.byNetuid) {
      const keep = held.findIndex((h) => h.blockNumber >= fromBlock);
      if (keep === -1) this.byNetuid.delete(netuid);
      else if (keep > 0) held.splice(0, keep);
    }
    this.dropDeleted(fromBlock);
    const out = new Map<number, UidPoint[]>();
    for (const [netuid, held] of this.byNetuid) {
      const points: UidPoint[] = [];
      for (const h of held) if (h.point !== null) points.push(h.point);
      if (points.length) out.set(netuid, points);
    }
    return out;
  }

  private read(fromBlock: number): void {
    const rows = this.db
      .prepare(
        `SELECT n.netuid, n.point_id, p.block_number, n.uid_count, n.keys, n.figures, pr.mechanism_count, pr.mechanism_split_u16
         FROM neuron_packs n
         JOIN sync_points p ON p.id = n.point_id
         LEFT JOIN subnet_snapshots ss ON ss.point_id = n.point_id AND ss.netuid = n.netuid
         LEFT JOIN subnet_profiles pr ON pr.id = ss.profile_id
         WHERE p.block_number >= ? AND n.point_id > ? ORDER BY n.netuid, p.block_number`,
      )
      .raw()
      .all(fromBlock, this.lastPointId) as [
      number,
      number,
      number,
      number,
      Buffer,
      Buffer,
      number | null,
      string | null,
    ][];
    const touched = new Set<Held[]>();
    for (const [netuid, pointId, blockNumber, count, keys, figures, mechanismCount, split] of rows) {
      let point: UidPoint | null = null;
      try {
        // Each mechanism's incentive weighted by its share of the epoch, as the chain splits it.
        const weightsFor = (read: number) =>
          splitWeights(
            {
              mechanismCount: mechanismCount ?? 1,
              mechanismSplitU16: split === null ? null : u16List(split),
            },
            read,
          );
        const f = unpackRegistrations(figures, count, weightsFor);
        point = uidPoint(
          blockNumber,
          unpackUids(keys),
          f.registeredAtBlock,
          f.incentive,
          blockNumber - this.windowDays * BLOCKS_PER_DAY,
        );
      } catch {
        // Damaged: held as read, so that it is not taken for a deleted one.
      }
      let list = this.byNetuid.get(netuid);
      if (!list) this.byNetuid.set(netuid, (list = []));
      if (list.length && list[list.length - 1]!.blockNumber > blockNumber) touched.add(list);
      list.push({ pointId, blockNumber, point });
    }
    // A backfilled point lands among older ones.
    for (const list of touched) list.sort((a, b) => a.blockNumber - b.blockNumber);
  }

  /** Lets go of packs the file no longer holds: counted first, since nearly every call finds none gone. */
  private dropDeleted(fromBlock: number): void {
    let held = 0;
    for (const list of this.byNetuid.values()) held += list.length;
    const window = `FROM neuron_packs n JOIN sync_points p ON p.id = n.point_id WHERE p.block_number >= ? AND n.point_id <= ?`;
    const stored = this.db.prepare(`SELECT COUNT(*) ${window}`).pluck().get(fromBlock, this.lastPointId) as number;
    if (stored === held) return;
    // Nearly always whole points went (the sync's thinning deletes a point's packs together): the points still
    // holding packs are a few hundred rows, where every pack's key is one per subnet and point.
    const points = new Set(
      this.db.prepare(`SELECT DISTINCT n.point_id ${window}`).pluck().all(fromBlock, this.lastPointId) as number[],
    );
    held = 0;
    for (const [netuid, list] of this.byNetuid) {
      const left = list.filter((h) => points.has(h.pointId));
      held += left.length;
      if (left.length === list.length) continue;
      if (left.length) this.byNetuid.set(netuid, left);
      else this.byNetuid.delete(netuid);
    }
    if (stored === held) return;
    const kept = new Set(
      (
        this.db.prepare(`SELECT n.point_id, n.netuid ${window}`).raw().all(fromBlock, this.lastPointId) as [
          number,
          number,
        ][]
      ).map(([pointId, netuid]) => keyOf(pointId, netuid)),
    );
    for (const [netuid, list] of this.byNetuid) {
      const left = list.filter((h) => kept.has(keyOf(h.pointId, netuid)));
      if (left.length) this.byNetuid.set(netuid, left);
      else this.byNetuid.delete(netuid);
    }
  }
}
