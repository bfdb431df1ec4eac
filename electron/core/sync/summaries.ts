import type { NetworkSync } from '../../../shared/domain';
import type { SubnetHistoryPoint } from '../../../shared/economics';
import { summarizeSubnet } from '../engine';

/** The engine's history point for every subnet of a sync, computed once when the sync is stored. */
export function summarizeSync(sync: NetworkSync, previousBlockNumber: number | null): Map<number, SubnetHistoryPoint> {
  const out = new Map<number, SubnetHistoryPoint>();
  for (const { subnet, neurons } of sync.subnets) {
    out.set(
      subnet.netuid,
      summarizeSubnet(
        {
          blockNumber: sync.point.blockNumber,
          blockTimeMs: sync.point.blockTimeMs,
          network: sync.network,
          subnet,
          neurons,
        },
        previousBlockNumber,
      ),
    );
  }
  return out;
}
