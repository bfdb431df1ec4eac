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

/**
 * The last days are synced twice a day: the newcomer statistics count only registrations between syncs closer than
 * the subnet's immunity (engine/newcomer-history.ts), which daily syncs are not on most subnets.
 */
const TWICE_DAILY_DAYS = 14;

/** The demo's sync blocks, oldest first: one a day for `days` days up to the head, twice a day for the last ones. */
function demoBlocks(head: number, days: number): number[] {
  const blocks: number[] = [];
  for (let half = days * 2; half >= 0; half--) {
    if (half > TWICE_DAILY_DAYS * 2 && half % 2 === 1) continue;
    blocks.push(head - (half * BLOCKS_PER_DAY) / 2);
  }
  return blocks;
}

/** Fills an empty demo database with the simulated network at `demoBlocks` up to the head; does nothing if filled. */
export function ensureDemoData(db: Database, options: DemoOptions): void {
  if (latestPoint(db)) return;
  const network = new SyntheticNetwork({ seed: DEMO_SEED, subnetCount: options.subnetCount, maxUids: options.maxUids });
  const head = options.headBlock ?? DEFAULT_HEAD_BLOCK;
  for (const blockNumber of demoBlocks(head, options.days ?? 30)) {
    const state = network.stateAt(blockNumber);
    const sync: NetworkSync = {
      point: {
        blockNumber,
        blockHash: `0x${blockNumber.toString(16).padStart(64, '0')}`,
        blockTimeMs: state.blockTimeMs,
        specVersion: 0,
        network: DEMO_NETWORK,
        endpoint: 'synthetic demo data',
        kind: blockNumber === head ? 'live' : 'backfill',
      },
      network: mapNetwork(state.network, { subnetToPrune: state.subnetToPrune, priceSource: 'swap-all', missing: [] }),
      subnets: [...state.subnets.values()].map(mapSubnet).sort((a, b) => a.subnet.netuid - b.subnet.netuid),
      stale: [],
    };
    writeNetworkSync(db, sync, options.now(), summarizeSync(sync, previousBlock(db, blockNumber)));
  }
}
