import { Line } from 'react-chartjs-2';
import type { IncentivePoint } from '../../../shared/api-types';
import type { Figure } from '../../../shared/economics';
import { formatNumber, formatPercent } from '../../../shared/format';
import { baseOptions, useChartColors } from './charts';

/**
 * Cumulative share of earning miners (poorest first) against cumulative share of their rewards, for drawing only:
 * the Gini itself comes from the engine. Owner UIDs are left out, as in every miner statistic.
 */
function lorenzPoints(distribution: IncentivePoint[]): { x: number; y: number }[] {
  const rewards = distribution
    .filter((p) => !p.owner && p.incentive > 0)
    .map((p) => p.incentive)
    .sort((a, b) => a - b);
  const total = rewards.reduce((s, v) => s + v, 0);
  if (rewards.length === 0 || total <= 0) return [];
  const points = [{ x: 0, y: 0 }];
  let cumulative = 0;
  rewards.forEach((v, i) => {
    cumulative += v;
    points.push({ x: (i + 1) / rewards.length, y: cumulative / total });
  });
  return points;
}

const pct = (v: number) => formatPercent(v, 0);

export function LorenzChart({ distribution, gini }: { distribution: IncentivePoint[]; gini: Figure }) {
  const colors = useChartColors();
  const points = lorenzPoints(distribution);
  const bottomHalf = points.find((p) => p.x >= 0.5);
  const label =
    points.length === 0
      ? 'Lorenz curve: no earning miners.'
      : `Lorenz curve of ${points.length - 1} earning miners' rewards (Gini ${formatNumber(gini.value, 3)}): ` +
        `the bottom ${pct(bottomHalf?.x ?? 0.5)} of miners receive ${pct(bottomHalf?.y ?? 0)} of the rewards.`;
  return (
    <figure className="chart-card">
      <figcaption>
        Lorenz curve <span className="muted">(Gini {formatNumber(gini.value, 3)})</span>
      </figcaption>
      {points.length === 0 ? (
        <p className="muted">No earning miners to draw.</p>
      ) : (
        <div className="chart-box chart-box-tall">
          <Line
            role="img"
            aria-label={label}
            options={baseOptions(
              colors,
              { title: 'Share of earning miners (poorest first)', format: pct, min: 0, max: 1 },
              { title: 'Share of rewards', format: pct, min: 0, max: 1 },
              { legend: true },
            )}
            data={{
              datasets: [
                {
                  label: 'Rewards',
                  data: points,
                  borderColor: colors.accent,
                  backgroundColor: colors.accent,
                  borderWidth: 2,
                  pointRadius: 0,
                  pointStyle: 'line',
                },
                {
                  label: 'Perfect equality',
                  data: [
                    { x: 0, y: 0 },
                    { x: 1, y: 1 },
                  ],
                  borderColor: colors.muted,
                  backgroundColor: colors.muted,
                  borderDash: [4, 4],
                  borderWidth: 1,
                  pointRadius: 0,
                  pointStyle: 'line',
                },
              ],
            }}
          />
        </div>
      )}
    </figure>
  );
}
