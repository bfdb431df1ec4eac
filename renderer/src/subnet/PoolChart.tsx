import { useId } from 'react';
import { Line } from 'react-chartjs-2';
import type { ChartOptions } from 'chart.js';
import type { PoolPoint } from '../../../shared/api-types';
import { formatNumber } from '../../../shared/format';
import { rangeStartMs, type HistoryDays } from '../../../shared/history-range';
import { formatDay, formatFixed } from '../fixed';
import { baseOptions, useChartColors } from './charts';
import { useSectionLabel } from './section-scope';

const MIN_POINTS = 3;

/**
 * The alpha price with the pool behind it: a price that moves on a shallow pool (little TAO in reserve) moves
 * again as soon as someone sells, so the two are read together. Both axes start at zero.
 */
export function PoolChart({ pool, range }: { pool: PoolPoint[]; range: HistoryDays }) {
  const colors = useChartColors();
  const titleId = useId();
  const sectionLabel = useSectionLabel(titleId);
  const newest = pool.reduce((m, p) => Math.max(m, p.blockTimeMs), 0);
  const points = pool.filter((p) => p.blockTimeMs >= rangeStartMs(range, newest));
  const first = points[0]?.blockTimeMs ?? 0;
  const last = points.at(-1)?.blockTimeMs ?? 0;
  const spansYears = new Date(first).getFullYear() !== new Date(last).getFullYear();
  const day = (ms: number) => formatDay(ms, spansYears);
  const price = (v: number) => formatNumber(v, 6);
  const reserve = (v: number) => `${formatFixed(v, 0)} τ`;
  const options: ChartOptions<'line'> = baseOptions(
    colors,
    { format: day, min: first, max: last },
    { title: 'Alpha price (τ)', format: price, min: 0 },
    { legend: true },
  );
  options.scales = {
    ...options.scales,
    reserve: {
      type: 'linear',
      position: 'right',
      min: 0,
      title: { display: true, text: 'TAO in the pool', color: colors.muted },
      grid: { drawOnChartArea: false, color: colors.grid },
      ticks: { color: colors.muted, maxTicksLimit: 6, callback: (v: number | string) => reserve(Number(v)) },
    },
  };
  const latest = points.at(-1);
  const summary = latest
    ? `Alpha price and TAO in the pool over ${points.length} syncs from ${day(first)} to ${day(last)}: now ${latest.priceTao === null ? 'no price' : `${price(latest.priceTao)} τ`} with ${reserve(latest.taoReserveTao)} and ${formatFixed(latest.alphaReserveAlpha, 0)} α in the pool.`
    : 'No pool data.';
  return (
    <section className="subnet-section" aria-labelledby={sectionLabel}>
      <h2 id={titleId}>Price and pool</h2>
      {points.length < MIN_POINTS ? (
        <p className="muted more-syncs">More syncs needed: a trend needs at least {MIN_POINTS} points.</p>
      ) : (
        <figure className="chart-card">
          <figcaption>
            Alpha price with the TAO reserve behind it <span className="muted">(both from zero)</span>
          </figcaption>
          <div className="chart-box chart-box-tall">
            <Line
              role="img"
              aria-label={summary}
              options={options}
              data={{
                datasets: [
                  {
                    label: 'Alpha price (τ)',
                    data: points.map((p) => ({ x: p.blockTimeMs, y: p.priceTao ?? Number.NaN })),
                    borderColor: colors.accent,
                    backgroundColor: colors.accent,
                    pointRadius: 2,
                    borderWidth: 2,
                    yAxisID: 'y',
                  },
                  {
                    label: 'TAO in the pool',
                    data: points.map((p) => ({ x: p.blockTimeMs, y: p.taoReserveTao })),
                    borderColor: colors.warn,
                    backgroundColor: colors.warn,
                    borderDash: [5, 3],
                    pointRadius: 0,
                    borderWidth: 2,
                    yAxisID: 'reserve',
                  },
                ],
              }}
            />
          </div>
        </figure>
      )}
    </section>
  );
}
