import type { SubnetList, SubnetRow } from '../../../shared/api-types';
import type { SubnetAnalysis } from '../../../shared/economics';
import { latestPoint, type LatestSubnet } from '../db/snapshot-read';
import { emissionShares } from '../engine/emission-share';
import type { HandlerContext } from './context';
import { pastPrices, type PastPrices } from '../db/price-changes';
import { raoToTao } from '../../../shared/format';

const change = (now: number | null, then: number | undefined) =>
  now === null || then === undefined || then <= 0 ? null : (now - then) / then;

function toRow(s: LatestSubnet, analysis: SubnetAnalysis | null, past: PastPrices): SubnetRow {
  const snap = s.snapshot;
  const shares = emissionShares(snap, s.network);
  const price = snap.alphaPriceRao === null ? null : raoToTao(snap.alphaPriceRao);
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
    taoReserveRao: snap.taoReserveRao,
    alphaReserveRao: snap.alphaReserveRao,
    priceChange24h: change(price, past.dayAgo.get(snap.netuid)),
    priceChange7d: change(price, past.weekAgo.get(snap.netuid)),
  };
}

export function subnetHandlers(service: HandlerContext) {
  return {
    'subnets.list': (): SubnetList => {
      const ws = service.requireWorkspace();
      const point = latestPoint(ws.db);
      const past = point ? pastPrices(ws.db, point.blockNumber) : { dayAgo: new Map(), weekAgo: new Map() };
      const rows = ws.analyses.all().map(({ latest, analysis }) => toRow(latest, analysis, past));
      return { dataset: ws.dataset, point, rows };
    },
  };
}
