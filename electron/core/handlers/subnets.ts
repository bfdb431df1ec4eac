import type { SubnetList, SubnetRow } from '../../../shared/api-types';
import type { SubnetAnalysis } from '../../../shared/economics';
import { latestPoint, type LatestSubnet } from '../db/snapshot-read';
import { emissionShares } from '../engine/emission-share';
import type { ScoutService } from '../service';

function toRow(s: LatestSubnet, analysis: SubnetAnalysis | null): SubnetRow {
  const snap = s.snapshot;
  const shares = emissionShares(snap, s.network);
  return {
    netuid: snap.netuid,
    name: snap.name,
    symbol: snap.symbol,
    alphaPriceRao: snap.alphaPriceRao,
    emissionShare: shares?.total ?? null,
    taoInEmissionShare: shares?.taoIn ?? null,
    chainBuyShare: shares?.chainBuys ?? null,
    uidCount: snap.uidCount,
    maxUids: snap.maxUids,
    burnRao: snap.burnRao,
    immunityPeriodBlocks: snap.immunityPeriodBlocks,
    registrationAllowed: snap.registrationAllowed,
    receivedMinerPoolTaoPerDay: analysis?.minerPool.receivedTaoPerDay.value ?? null,
    grossMinerPoolTaoPerDay: analysis?.minerPool.grossTaoPerDay.value ?? null,
    poolBasis: analysis?.minerPool.basis ?? null,
    paidVsRule: analysis?.minerPool.measuredVsRule.value ?? null,
    notEmittedReason: analysis?.minerPool.notEmittedReason ?? null,
    subnetDeregRank: analysis?.subnetDeregistration.rankFromBottom.value ?? null,
    subnetDeregRisk: analysis?.subnetDeregistration.level ?? null,
    subnetDeregReason: analysis?.subnetDeregistration.reason ?? 'not analysed',
    networkImmunityLeftDays: analysis?.subnetDeregistration.immunityLeftDays.value ?? null,
    nextAlphaHalvingBlock: analysis?.alphaHalving.halvingBlock.value ?? null,
    nextAlphaHalvingTimeMs: analysis?.alphaHalving.halvingTimeMs.value ?? null,
    registrationCostIn24hTao: analysis?.registrationTiming.in24hTao.value ?? null,
    earningMiners: analysis?.counts.earningMiners.value ?? null,
    minerUids: analysis?.counts.minerUids.value ?? null,
    gini: analysis?.concentration.gini.value ?? null,
    blockNumber: s.blockNumber,
    blockTimeMs: s.blockTimeMs,
    staleReason: s.staleReason,
  };
}

export function subnetHandlers(service: ScoutService) {
  return {
    'subnets.list': (): SubnetList => {
      const ws = service.requireWorkspace();
      const rows = ws.analyses.all().map(({ latest, analysis }) => toRow(latest, analysis));
      return { dataset: ws.dataset, point: latestPoint(ws.db), rows };
    },
  };
}
