/**
 * A subnet's pool over the stored syncs: its TAO and alpha reserves and spot price, read from the subnet rows
 * themselves (every sync keeps them), for the subnet page's price-and-pool chart.
 */
import type { Database } from 'better-sqlite3';
import type { PoolPoint } from '../../../shared/api-types';
import { rangeStartMs, type HistoryDays } from '../../../shared/history-range';

export function poolHistoryOfLast(db: Database, netuid: number, days: HistoryDays): PoolPoint[] {
  const newestMs = db
    .prepare(
      'SELECT MAX(p.block_time_ms) FROM sync_points p JOIN subnet_snapshots s ON s.point_id = p.id AND s.netuid = ?',
    )
    .pluck()
    .get(netuid) as number | null;
  if (newestMs === null) return [];
  const fromMs = days === 'all' ? 0 : rangeStartMs(days, newestMs);
  const rows = db
    .prepare(
      `SELECT p.block_time_ms, s.tao_reserve_rao, s.alpha_reserve_rao, s.alpha_price_rao FROM sync_points p
       CROSS JOIN subnet_snapshots s ON s.point_id = p.id AND s.netuid = ? WHERE p.block_time_ms >= ? ORDER BY p.block_number`,
    )
    .safeIntegers(true)
    .raw()
    .all(netuid, fromMs) as [bigint, bigint, bigint, bigint | null][];
  // Reserves are rao (up to ~1e16): read as bigint, converted once here to TAO for the chart.
  const tao = (rao: bigint) => Number(rao / 1000n) / 1e6;
  return rows.map(([time, taoReserve, alphaReserve, price]) => ({
    blockTimeMs: Number(time),
    taoReserveTao: tao(taoReserve),
    alphaReserveAlpha: tao(alphaReserve),
    priceTao: price === null ? null : tao(price),
  }));
}
