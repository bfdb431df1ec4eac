/**
 * Earnings over the history window, from the stored syncs that saw each UID: TAO/day at each sync is that sync's
 * last-epoch emission × 7200/tempo × that sync's alpha price. Pure.
 */
import { BLOCKS_PER_DAY } from '../../../shared/domain';
import type { EarningsHistory } from '../../../shared/miners-types';

/** What the subnet snapshot of one sync says about turning emission into TAO. */
export interface SubnetPricing {
  tempo: number;
  alphaPriceRao: bigint | null;
}

export function taoPerDayAt(emissionRao: bigint, pricing: SubnetPricing | undefined): number | null {
  if (!pricing || pricing.alphaPriceRao === null || !(pricing.tempo > 0)) return null;
  const alphaPerDay = ((Number(emissionRao) / 1e9) * BLOCKS_PER_DAY) / pricing.tempo;
  return alphaPerDay * (Number(pricing.alphaPriceRao) / 1e9);
}

export interface MinerSeries {
  minerId: string;
  label: string;
  /** One entry per sync that saw the UID, oldest first; null where that sync's price was unknown. */
  seen: { blockTimeMs: number; taoPerDay: number | null }[];
}

/** Mean TAO/day over the syncs with a known value; null when there is none. */
export function windowMean(series: MinerSeries): number | null {
  const known = series.seen.filter((s) => s.taoPerDay !== null);
  return known.length === 0 ? null : known.reduce((sum, s) => sum + (s.taoPerDay as number), 0) / known.length;
}

/** The chart's data: each miner's known points, and per sync the sum over the miners seen there. */
export function earningsHistory(all: readonly MinerSeries[]): EarningsHistory {
  const totals = new Map<number, number>();
  const series = all.map((m) => {
    const points: { blockTimeMs: number; taoPerDay: number }[] = [];
    for (const s of m.seen) {
      if (s.taoPerDay === null) continue;
      points.push({ blockTimeMs: s.blockTimeMs, taoPerDay: s.taoPerDay });
      totals.set(s.blockTimeMs, (totals.get(s.blockTimeMs) ?? 0) + s.taoPerDay);
    }
    return { minerId: m.minerId, label: m.label, points };
  });
  const total = [...totals].sort((a, b) => a[0] - b[0]).map(([blockTimeMs, taoPerDay]) => ({ blockTimeMs, taoPerDay }));
  return { series, total };
}
