/**
 * "Open demo data": a separate database filled from the same seeded generator the stand-in node serves, mapped by
 * the same mapper a real sync uses. Every screen labels it as synthetic; it is never synced.
 */
import type { Database } from 'better-sqlite3';
import { BLOCKS_PER_DAY, type NetworkSync } from '../../shared/domain';
import { mapNetwork, mapSubnet } from './chain/mapper';
import { SyntheticNetwork } from './chain/synthetic/network';
import { DEFAULT_HEAD_BLOCK } from './chain/synthetic/constants';
import { latestPoint } from './db/snapshot-read';
import { writeNetworkSync } from './db/snapshot-write';
import { previousBlock } from './db/summary-repo';
import { summarizeSync } from './sync/summaries';

export const DEMO_NETWORK = 'demo';
export const DEMO_SEED = 'subnet-scout-demo';

export interface DemoOptions {
  days?: number;
  subnetCount?: number;
  maxUids?: number;
  headBlock?: number;
  now: () => number;
}

/** Fills an empty demo database with one point a day for `days` days up to the head; does nothing if filled. */
export function ensureDemoData(db: Database, options: DemoOptions): void {
  if (latestPoint(db)) return;
  const network = new SyntheticNetwork({ seed: DEMO_SEED, subnetCount: options.subnetCount, maxUids: options.maxUids });
  const head = options.headBlock ?? DEFAULT_HEAD_BLOCK;
  const days = options.days ?? 30;
  for (let day = days; day >= 0; day--) {
    const blockNumber = head - day * BLOCKS_PER_DAY;
    const state = network.stateAt(blockNumber);
    const sync: NetworkSync = {
      point: {
        blockNumber,
        blockHash: `0x${blockNumber.toString(16).padStart(64, '0')}`,
        blockTimeMs: state.blockTimeMs,
        specVersion: 0,
        network: DEMO_NETWORK,
        endpoint: 'synthetic demo data',
        kind: day === 0 ? 'live' : 'backfill',
      },
      network: mapNetwork(state.network, { subnetToPrune: state.subnetToPrune, priceSource: 'swap-all', missing: [] }),
      subnets: [...state.subnets.values()].map(mapSubnet).sort((a, b) => a.subnet.netuid - b.subnet.netuid),
      stale: [],
    };
    writeNetworkSync(db, sync, options.now(), summarizeSync(sync, previousBlock(db, blockNumber)));
  }
}
