/**
 * Realistic sync rows without a chain: one block of the seeded synthetic Finney, mapped by the app's own mapper and
 * summarised by the app's own engine, then stamped with any block number and time. Reusing one block's rows keeps
 * thousands of points cheap to make; every stored point is still a complete, well-formed sync.
 */
import type { Database } from 'better-sqlite3';
import type { NetworkSync, SyncPoint } from '../../shared/domain';
import type { RawNetworkState } from '../../electron/core/chain/raw';
import type { SubnetHistoryPoint } from '../../shared/economics';
import { mapNetwork, mapSubnet } from '../../electron/core/chain/mapper';
import { SyntheticNetwork } from '../../electron/core/chain/synthetic/network';
import { DEFAULT_HEAD_BLOCK } from '../../electron/core/chain/synthetic/constants';
import { writeNetworkSync } from '../../electron/core/db/snapshot-write';
import { summarizeSync } from '../../electron/core/sync/summaries';

export const HOUR_MS = 3_600_000;
export const BLOCKS_PER_HOUR = 300;

export interface SyncMaker {
  /** The template's shape: how many subnets, and UID rows per sync. */
  subnetCount: number;
  neuronsPerSync: number;
  /** A complete sync of the template at this block and time. */
  at(
    blockNumber: number,
    blockTimeMs: number,
    kind?: 'live' | 'backfill',
  ): { sync: NetworkSync; summaries: Map<number, SubnetHistoryPoint> };
  /** Writes it with the app's writer (one transaction), as a sync would. */
  write(db: Database, blockNumber: number, blockTimeMs: number): SyncPoint;
}

export function syncMaker(options: { subnetCount: number; maxUids: number; seed?: string }): SyncMaker {
  const network = new SyntheticNetwork({
    seed: options.seed ?? 'reliability',
    subnetCount: options.subnetCount,
    maxUids: options.maxUids,
  });
  const template = syncOf(network.stateAt(DEFAULT_HEAD_BLOCK), 0, 0);
  const summaries = summarizeSync(template, null);
  const at: SyncMaker['at'] = (blockNumber, blockTimeMs, kind = 'live') => ({
    sync: { ...template, point: { ...template.point, blockNumber, blockTimeMs, kind, blockHash: hashOf(blockNumber) } },
    summaries: new Map([...summaries].map(([netuid, s]) => [netuid, { ...s, blockNumber, blockTimeMs }])),
  });
  return {
    subnetCount: template.subnets.length,
    neuronsPerSync: template.subnets.reduce((n, s) => n + s.neurons.length, 0),
    at,
    write(db, blockNumber, blockTimeMs) {
      const { sync, summaries: s } = at(blockNumber, blockTimeMs);
      return writeNetworkSync(db, sync, blockTimeMs, s);
    },
  };
}

/** A generated chain state as the app's mapper turns a sync into rows, stamped with a block and time. */
export function syncOf(
  state: RawNetworkState,
  blockNumber: number,
  blockTimeMs: number,
  kind: 'live' | 'backfill' = 'live',
): NetworkSync {
  return {
    point: {
      blockNumber,
      blockHash: blockNumber ? hashOf(blockNumber) : '',
      blockTimeMs,
      specVersion: 424,
      network: 'finney',
      endpoint: 'wss://synthetic',
      kind,
    },
    network: mapNetwork(state.network, { subnetToPrune: state.subnetToPrune, priceSource: 'swap-all', missing: [] }),
    subnets: [...state.subnets.values()].map(mapSubnet).sort((a, b) => a.subnet.netuid - b.subnet.netuid),
    stale: [],
  };
}

export const hashOf = (blockNumber: number) => `0x${blockNumber.toString(16).padStart(64, '0')}`;

/**
 * Copies the template sync point to every hour after `firstBlock` (`hours` − 1 more points, one block per hour):
 * the sync points of a long history, before its rows are copied in bulk.
 */
export function addHourlyPoints(
  db: Database,
  template: number,
  options: { firstBlock: number; startMs: number; hours: number },
): void {
  const point = db.prepare(
    `INSERT INTO sync_points (network, endpoint, block_number, block_hash, block_time_ms, spec_version, kind, synced_at_ms,
       block_emission_rao, total_issuance_rao, subnet_owner_cut_u16)
     SELECT network, endpoint, @block, printf('0x%064x', @block), @time, spec_version, 'live', @time,
       block_emission_rao, total_issuance_rao, subnet_owner_cut_u16
     FROM sync_points WHERE id = @template`,
  );
  for (let h = 1; h < options.hours; h++) {
    point.run({ block: options.firstBlock + h * BLOCKS_PER_HOUR, time: options.startMs + h * HOUR_MS, template });
  }
}
