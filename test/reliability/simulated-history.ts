/**
 * A history of hourly syncs as the stand-in network's simulation lived it: the network advances block by block
 * (subnet-sim.ts: newcomers register at the burn, are scored late or never, are pruned) and every "full" hour is a
 * complete sync of that block, mapped, summarised and written by the app's own code. Nothing here computes an
 * economic figure: what the engine later reads is what the simulation paid.
 *
 * A full sync of 128 × 256 UIDs costs ~0.35 s (simulated state, mapping, summaries, write), so a year of them would
 * take most of an hour. The hours whose per-UID rows the app's thinning would delete anyway can instead be "light":
 * the sync point and its subnet rows (summaries included) are copied from the last full hour, which is what a chart
 * of them then shows; hours the thinning would delete altogether can be skipped. Light hours' registration counts
 * are left empty (NULL) and each full hour counts the registrations since the previous full one, so registration
 * rates are neither lost nor counted twice. The newest hour is always full (the subnet's latest snapshot keeps its
 * UIDs).
 */
import type { Database } from 'better-sqlite3';
import { blockTimeMs } from '../../electron/core/chain/synthetic/constants';
import { SyntheticNetwork } from '../../electron/core/chain/synthetic/network';
import { writeNetworkSync } from '../../electron/core/db/snapshot-write';
import { summarizeSync } from '../../electron/core/sync/summaries';
import { BLOCKS_PER_HOUR, hashOf, syncOf } from './synthetic-syncs';

export interface SimulatedHistoryOptions {
  seed: string;
  subnetCount: number;
  maxUids: number;
  /** The newest point's block; `hours` hourly points end there. */
  headBlock: number;
  hours: number;
  /** Whether the hour at `blockTimeMs` is a full sync (default: every hour). The newest hour always is. */
  full?: (blockTimeMs: number) => boolean;
  /** Whether the hour is stored at all (default: every hour); one the app's thinning would delete is skipped. */
  stored?: (blockTimeMs: number) => boolean;
}

export interface SimulatedHistory {
  points: number;
  fullPoints: number;
}

/** The network a history with these options is read from (tests replay it to learn what the simulation did). */
export function historyNetwork(options: SimulatedHistoryOptions): SyntheticNetwork {
  return new SyntheticNetwork({
    seed: options.seed,
    subnetCount: options.subnetCount,
    maxUids: options.maxUids,
    simulateFrom: firstBlock(options),
    forwardOnly: true,
  });
}

export function firstBlock(options: Pick<SimulatedHistoryOptions, 'headBlock' | 'hours'>): number {
  return options.headBlock - (options.hours - 1) * BLOCKS_PER_HOUR;
}

/** Writes the history into `db` (oldest point first, each full one in its own transaction, as syncs are). */
export function writeSimulatedHistory(db: Database, options: SimulatedHistoryOptions): SimulatedHistory {
  const network = historyNetwork(options);
  const copy = lightPointCopier(db);
  let lastFull: number | null = null;
  let lastFullBlock: number | null = null;
  let fullPoints = 0;
  let points = 0;
  for (let h = 0; h < options.hours; h++) {
    const block = firstBlock(options) + h * BLOCKS_PER_HOUR;
    const timeMs = blockTimeMs(block);
    const last = h === options.hours - 1;
    if (!last && options.stored && !options.stored(timeMs)) continue;
    points++;
    if (lastFull === null || last || (options.full?.(timeMs) ?? true)) {
      const sync = syncOf(network.stateAt(block), block, timeMs);
      lastFull = writeNetworkSync(db, sync, timeMs, summarizeSync(sync, lastFullBlock)).id;
      lastFullBlock = block;
      fullPoints++;
    } else {
      copy(lastFull, block, timeMs);
    }
  }
  return { points, fullPoints };
}

/** Copies a full point's sync row and subnet rows (not its UIDs) to another hour. */
function lightPointCopier(db: Database): (from: number, block: number, timeMs: number) => void {
  const columns = (table: string, skip: string[]) =>
    (db.prepare(`SELECT name FROM pragma_table_info('${table}')`).pluck().all() as string[]).filter(
      (c) => !skip.includes(c),
    );
  const pointColumns = columns('sync_points', ['id', 'block_number', 'block_hash', 'block_time_ms', 'synced_at_ms']);
  const counted = ['previous_block_number', 'registrations_since_previous'];
  const subnetColumns = columns('subnet_snapshots', ['point_id', ...counted]);
  const insertPoint = db.prepare(
    `INSERT INTO sync_points (block_number, block_hash, block_time_ms, synced_at_ms, ${pointColumns.join(', ')})
     SELECT @block, @hash, @time, @time, ${pointColumns.join(', ')} FROM sync_points WHERE id = @from`,
  );
  const insertSubnets = db.prepare(
    `INSERT INTO subnet_snapshots (point_id, ${subnetColumns.join(', ')}) SELECT @id, ${subnetColumns.join(', ')}
     FROM subnet_snapshots WHERE point_id = @from`,
  );
  return db.transaction((from: number, block: number, timeMs: number) => {
    const id = Number(insertPoint.run({ from, block, hash: hashOf(block), time: timeMs }).lastInsertRowid);
    insertSubnets.run({ id, from });
  });
}
