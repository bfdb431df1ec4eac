import { useId, useState } from 'react';
import { Line } from 'react-chartjs-2';
import type { Point } from 'chart.js';
import type { SubnetHistoryPoint } from '../../../shared/economics';
import { formatInteger, formatNumber, formatPercent } from '../../../shared/format';
import { HISTORY_RANGES, rangeStartMs, type HistoryDays } from '../../../shared/history-range';
import { baseOptions, useChartColors } from './charts';
import { useSectionLabel } from './section-scope';
import { formatDay } from '../fixed';

interface Series {
  title: string;
  value(p: SubnetHistoryPoint): number | null;
  format(v: number): string;
  integer?: boolean;
}

const SERIES: Series[] = [
  { title: 'Alpha price (τ)', value: (p) => p.priceTao, format: (v) => formatNumber(v, 6) },
  {
    title: 'Total TAO entering (share of block emission)',
    value: (p) => p.emissionShare,
    format: (v) => formatPercent(v, 2),
  },
  {
    title: 'Miner pool received (τ/day)',
    value: (p) => p.receivedMinerPoolTaoPerDay,
    format: (v) => formatNumber(v, 3),
  },
  { title: 'Registration cost (τ)', value: (p) => p.burnTao, format: (v) => formatNumber(v, 4) },
  { title: 'Earning miners', value: (p) => p.earningMiners, format: formatInteger, integer: true },
  { title: 'Gini of miner rewards', value: (p) => p.gini, format: (v) => formatNumber(v, 3) },
];

/** Fewer points than this draw no trend worth reading: the section asks for more syncs instead. */
const MIN_POINTS = 3;

function summary(series: Series, points: SubnetHistoryPoint[], rangeLabel: string): string {
  const known = points.map(series.value).filter((v): v is number => v !== null);
  if (known.length === 0) return `${series.title}, ${rangeLabel}: no data.`;
  const missing = points.length - known.length;
  return (
    `${series.title}, ${rangeLabel}: ${known.length} points, latest ${series.format(known[known.length - 1]!)}, ` +
    `lowest ${series.format(Math.min(...known))}, highest ${series.format(Math.max(...known))}` +
    (missing > 0 ? `; ${missing} missing (gaps).` : '.')
  );
}

function HistoryChart({
  series,
  points,
  rangeLabel,
  zoomed,
}: {
  series: Series;
  points: SubnetHistoryPoint[];
  rangeLabel: string;
  zoomed: boolean;
}) {
  const colors = useChartColors();
  // NaN is chart.js's gap: a missing value must break the line, never drop it to zero.
  const data: Point[] = points.map((p) => ({ x: p.blockTimeMs, y: series.value(p) ?? Number.NaN }));
  // The axis spans exactly the points, and names the year when they cross one.
  const first = points[0]?.blockTimeMs ?? 0;
  const last = points.at(-1)?.blockTimeMs ?? 0;
  const spansYears = new Date(first).getFullYear() !== new Date(last).getFullYear();
  const day = (ms: number) => formatDay(ms, spansYears);
  return (
    <figure className="chart-card">
      <figcaption>
        {series.title}
        {zoomed && <span className="muted"> (zoomed: axis does not start at zero)</span>}
      </figcaption>
      <div className="chart-box">
        <Line
          role="img"
          aria-label={`${summary(series, points, rangeLabel)} From ${day(first)} to ${day(last)}.${zoomed ? ' Zoomed axis.' : ''}`}
          options={baseOptions(
            colors,
            { format: day, min: first, max: last },
            // From zero unless the user zoomed: a noisy 117–119 must not look like a collapse.
            { format: series.format, integer: series.integer, min: zoomed ? undefined : 0 },
          )}
          data={{
            datasets: [
              {
                data,
                borderColor: colors.accent,
                backgroundColor: colors.accent,
                pointRadius: 2,
                borderWidth: 2,
                spanGaps: false,
              },
            ],
          }}
        />
      </div>
    </figure>
  );
}

/**
 * The subnet's history from the stored sync points: one small chart per metric the analyst watches. `history` is what
 * the core sent for `range` (it reads only that range); a new range is asked for through `onRangeChange`, and until
 * it arrives a narrower one is cut from the points at hand. Without `onRangeChange` (a printed report) the range is fixed.
 */
export function HistoryCharts({
  history,
  range,
  onRangeChange,
}: {
  history: SubnetHistoryPoint[];
  range: HistoryDays;
  onRangeChange?: (days: HistoryDays) => void;
}) {
  const historyTitleId = useId();
  const [zoomed, setZoomed] = useState(false);
  const sectionLabel = useSectionLabel(historyTitleId);
  // Ranges count back from the newest sync point, not from now: offline data keeps its shape.
  const newest = history.reduce((m, p) => Math.max(m, p.blockTimeMs), 0);
  const start = rangeStartMs(range, newest);
  const points = history.filter((p) => p.blockTimeMs >= start).sort((a, b) => a.blockTimeMs - b.blockTimeMs);
  const rangeLabel = range === 'all' ? 'all history' : `last ${range} days`;

  return (
    <section className="subnet-section" aria-labelledby={sectionLabel}>
      <div className="section-head">
        <h2 id={historyTitleId}>History</h2>
        <fieldset className="segmented">
          <legend className="sr-only">Time range</legend>
          {HISTORY_RANGES.map((r) => (
            <label key={r.days} className={r.days === range ? 'selected' : undefined}>
              <input
                type="radio"
                name="history-range"
                value={r.days}
                checked={r.days === range}
                disabled={!onRangeChange}
                onChange={() => onRangeChange?.(r.days)}
              />
              {r.label}
            </label>
          ))}
        </fieldset>
      </div>
      {points.length < MIN_POINTS ? (
        <p className="muted more-syncs">
          More syncs needed:{' '}
          {points.length === 0 ? 'no points' : points.length === 1 ? 'one point' : `${points.length} points`} in{' '}
          {rangeLabel}, a trend needs at least {MIN_POINTS}. Each sync adds a point.
        </p>
      ) : (
        <>
          {onRangeChange && (
            <label className="checkbox-label chart-controls">
              <input type="checkbox" checked={zoomed} onChange={(e) => setZoomed(e.target.checked)} /> Zoom to the data
              (axes no longer start at zero)
            </label>
          )}
          <div className="chart-grid">
            {SERIES.map((s) => (
              <HistoryChart key={s.title} series={s} points={points} rangeLabel={rangeLabel} zoomed={zoomed} />
            ))}
          </div>
        </>
      )}
    </section>
  );
}
