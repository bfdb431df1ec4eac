import { Line } from 'react-chartjs-2';
import type { EarningsPath } from '../../../shared/economics';
import { formatNumber } from '../../../shared/format';
import { baseOptions, useChartColors } from './charts';

const usd = (v: number) => `$${formatNumber(v, 0)}`;

/**
 * Cumulative profit month by month over the horizon (the registration paid up front, rent each month), the alpha
 * halvings and the assumed alpha price change in it: the engine's earnings path, drawn.
 */
export function ProfitPathChart({ path }: { path: EarningsPath }) {
  const colors = useChartColors();
  const points = [
    ...(path.months[0]?.cumulativeProfitUsd != null && path.months[0]?.profitUsd != null
      ? [{ x: 0, y: path.months[0].cumulativeProfitUsd - path.months[0].profitUsd }]
      : []),
    ...path.months.flatMap((m) => (m.cumulativeProfitUsd === null ? [] : [{ x: m.month, y: m.cumulativeProfitUsd }])),
  ];
  const end = path.profitOverHorizonUsd.value;
  const halved = path.months.find((m) => m.emissionFactor < 1);
  const label =
    points.length === 0
      ? `Cumulative profit: ${path.profitOverHorizonUsd.note ?? 'unknown'}.`
      : `Cumulative profit over ${path.months.length} months, ending at ${usd(end ?? 0)}` +
        (halved ? `; the subnet's alpha emission halves in month ${halved.month}` : '') +
        (path.paybackMonths.value !== null
          ? `; the registration pays back in month ${Math.ceil(path.paybackMonths.value)}.`
          : '.');
  return (
    <figure className="chart-card profit-path">
      <figcaption>
        Cumulative profit{' '}
        <span className="muted">(month by month; halvings and your alpha price assumption included)</span>
      </figcaption>
      {points.length === 0 ? (
        <p className="muted">{path.profitOverHorizonUsd.note ?? 'Nothing to draw.'}</p>
      ) : (
        <div className="chart-box">
          <Line
            role="img"
            aria-label={label}
            options={baseOptions(
              colors,
              { title: 'Month', format: (v) => formatNumber(v, 0), min: 0 },
              { title: 'USD', format: usd },
            )}
            data={{
              datasets: [
                {
                  label: 'Cumulative profit',
                  data: points,
                  borderColor: colors.accent,
                  backgroundColor: colors.accent,
                  borderWidth: 2,
                  pointRadius: 2,
                },
                {
                  label: 'Break-even',
                  data: [
                    { x: 0, y: 0 },
                    { x: path.months.length, y: 0 },
                  ],
                  borderColor: colors.muted,
                  borderDash: [4, 4],
                  borderWidth: 1,
                  pointRadius: 0,
                },
              ],
            }}
          />
        </div>
      )}
    </figure>
  );
}
