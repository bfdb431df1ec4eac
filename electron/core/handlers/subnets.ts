import type { SubnetList, SubnetRow } from '../../../shared/api-types';
import { latestPoint, latestSubnets, type LatestSubnet } from '../db/snapshot-read';
import { emissionShare } from '../engine/emission-share';
import type { ScoutService } from '../service';

function toRow(s: LatestSubnet): SubnetRow {
  const snap = s.snapshot;
  return {
    netuid: snap.netuid,
    name: snap.name,
    symbol: snap.symbol,
    alphaPriceRao: snap.alphaPriceRao,
    emissionShare: emissionShare(snap, s.network),
    uidCount: snap.uidCount,
    maxUids: snap.maxUids,
    burnRao: snap.burnRao,
    immunityPeriodBlocks: snap.immunityPeriodBlocks,
    registrationAllowed: snap.registrationAllowed,
    blockNumber: s.blockNumber,
    blockTimeMs: s.blockTimeMs,
    staleReason: s.staleReason,
  };
}

export function subnetHandlers(service: ScoutService) {
  return {
    'subnets.list': (): SubnetList => {
      const ws = service.requireWorkspace();
      return { dataset: ws.dataset, point: latestPoint(ws.db), rows: latestSubnets(ws.db).map(toRow) };
    },
  };
}
