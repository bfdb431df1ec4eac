/**
 * The per-UID history the newcomer statistics read: for every subnet, each kept sync point's UIDs with their
 * registration block and incentive, oldest first. Only the figures blob and the UID column are inflated (no
 * account lookups), since a registration is identified by its uid and BlockAtRegistration.
 */
import type { Database } from 'better-sqlite3';
import type { UidPoint } from '../engine/newcomer-history';
import { unpackFigures, unpackKeys } from './neuron-pack';

/** Points at or after `fromBlock`, by netuid. */
export function uidHistorySince(db: Database, fromBlock: number): Map<number, UidPoint[]> {
  const rows = db
    .prepare(
      `SELECT n.netuid, p.block_number, n.uid_count, n.keys, n.figures FROM neuron_packs n
       JOIN sync_points p ON p.id = n.point_id
       WHERE p.block_number >= ? ORDER BY n.netuid, p.block_number`,
    )
    .raw()
    .all(fromBlock) as [number, number, number, Buffer, Buffer][];
  const out = new Map<number, UidPoint[]>();
  for (const [netuid, blockNumber, count, keys, figures] of rows) {
    let f: ReturnType<typeof unpackFigures>;
    let uids: number[];
    try {
      f = unpackFigures(figures, count);
      uids = unpackKeys(keys).uids;
    } catch {
      continue; // A damaged pack is one missing point for the statistics, not a failed analysis.
    }
    // Summed over mechanisms: only "earning at all" and the order among earners are used.
    const incentive = f.incentivesU16.map((row) => row.reduce((a, b) => a + b, 0));
    let list = out.get(netuid);
    if (!list) out.set(netuid, (list = []));
    list.push({ blockNumber, uids, registeredAtBlock: f.registeredAtBlock, incentive });
  }
  return out;
}
