import { Line } from 'react-chartjs-2';
import type { EarningsHistory } from '../../../shared/miners-types';
import { formatNumber } from '../../../shared/format';
import { baseOptions, useChartColors } from '../subnet/charts';
import { formatWhen } from '../fixed';

/** TAO/day per miner at each stored sync of the window, and the team's total (the thick line). */
export function EarningsChart({ history, historyDays }: { history: EarningsHistory; historyDays: number }) {
  const colors = useChartColors();
  const palette = [colors.accent, colors.good, colors.warn, colors.bad, colors.muted];
  const summary =
    history.total.length === 0
      ? 'No earnings stored yet.'
      : `Team total, last ${historyDays} days: ${history.total.length} syncs, latest ${formatNumber(history.total.at(-1)!.taoPerDay, 4)} TAO/day.`;
  return (
    <figure className="chart-card miners-chart">
      <figcaption>Earnings over time (τ/day, from each sync's last epoch)</figcaption>
      <div className="chart-box">
        <Line
          role="img"
          aria-label={summary}
          options={baseOptions(
            colors,
            { format: formatWhen },
            { format: (v) => formatNumber(v, 4), min: 0 },
            { legend: true },
          )}
          data={{
            datasets: [
              {
                label: 'Team total',
                data: history.total.map((p) => ({ x: p.blockTimeMs, y: p.taoPerDay })),
                borderColor: colors.text,
                backgroundColor: colors.text,
                borderWidth: 3,
                pointRadius: 3,
              },
              ...history.series.map((s, i) => ({
                label: s.label,
                data: s.points.map((p) => ({ x: p.blockTimeMs, y: p.taoPerDay })),
                borderColor: palette[i % palette.length],
                backgroundColor: palette[i % palette.length],
                borderWidth: 1.5,
                pointRadius: 2,
              })),
            ],
          }}
        />
      </div>
    </figure>
  );
}
