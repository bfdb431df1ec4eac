/**
 * Realistic sync rows without a chain: one block of the seeded synthetic Finney, mapped by the app's own mapper and
 * summarised by the app's own engine, then stamped with any block number and time. Reusing one block's rows keeps
 * thousands of points cheap to make; every stored point is still a complete, well-formed sync.
 */
import type { Database } from 'better-sqlite3';
import type { NetworkSync, SyncPoint } from '../../shared/domain';
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
  at(blockNumber: number, blockTimeMs: number, kind?: 'live' | 'backfill'): { sync: NetworkSync; summaries: Map<number, SubnetHistoryPoint> };
  /** Writes it with the app's writer (one transaction), as a sync would. */
  write(db: Database, blockNumber: number, blockTimeMs: number): SyncPoint;
}

export function syncMaker(options: { subnetCount: number; maxUids: number; seed?: string }): SyncMaker {
  const network = new SyntheticNetwork({ seed: options.seed ?? 'reliability', subnetCount: options.subnetCount, maxUids: options.maxUids });
  const state = network.stateAt(DEFAULT_HEAD_BLOCK);
  const template: NetworkSync = {
    point: { blockNumber: 0, blockHash: '', blockTimeMs: 0, specVersion: 424, network: 'finney', endpoint: 'wss://synthetic', kind: 'live' },
    network: mapNetwork(state.network),
    subnets: [...state.subnets.values()].map(mapSubnet).sort((a, b) => a.subnet.netuid - b.subnet.netuid),
    stale: [],
  };
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

export const hashOf = (blockNumber: number) => `0x${blockNumber.toString(16).padStart(64, '0')}`;
