import { Line } from 'react-chartjs-2';
import type { ChartDataset, PointStyle } from 'chart.js';
import type { IncentivePoint } from '../../../shared/api-types';
import type { Figure } from '../../../shared/economics';
import { formatInteger, formatNumber } from '../../../shared/format';
import { baseOptions, useChartColors, type ChartColors } from './charts';

type Kind = 'miner' | 'immune' | 'validator' | 'owner';

/** Each kind of UID gets its own marker shape as well as colour, so the legend reads without colour vision. */
const KINDS: { kind: Kind; label: string; pointStyle: PointStyle; color: (c: ChartColors) => string }[] = [
  { kind: 'miner', label: 'Miner', pointStyle: 'circle', color: (c) => c.accent },
  { kind: 'immune', label: 'Immune (recently registered)', pointStyle: 'triangle', color: (c) => c.warn },
  { kind: 'validator', label: 'Validator', pointStyle: 'rect', color: (c) => c.muted },
  { kind: 'owner', label: 'Owner UID (burn)', pointStyle: 'rectRot', color: (c) => c.bad },
];

/** One marker per UID: the owner mark wins (its emission is burned), then validator, then immune. */
function kindOf(p: IncentivePoint): Kind {
  if (p.owner) return 'owner';
  if (p.validator) return 'validator';
  if (p.immune) return 'immune';
  return 'miner';
}

interface UidPoint {
  x: number;
  y: number;
  uid: number;
}

const alpha = (v: number) => formatNumber(v, 3);

function summary(points: IncentivePoint[], dereg: number | null): string {
  const counts = { miner: 0, immune: 0, validator: 0, owner: 0 };
  for (const p of points) counts[kindOf(p)]++;
  const earning = points.filter((p) => p.incentive > 0 && !p.owner).length;
  const top = points[0];
  return (
    `Incentive distribution of ${points.length} UIDs, sorted by incentive: ${earning} earning miners; ` +
    `${counts.immune} immune, ${counts.validator} validators, ${counts.owner} owner UIDs. ` +
    (top ? `Top UID ${top.uid} earns ${alpha(top.emissionAlphaPerDay)} α/day. ` : '') +
    (dereg === null ? 'No deregistration line.' : `Deregistration line at ${alpha(dereg)} α/day.`)
  );
}

/**
 * Every UID's emission (α/day) in incentive order, with the deregistration line: a newcomer below the line once its
 * immunity ends is the next to be replaced.
 */
export function DistributionChart({ distribution, deregLine }: { distribution: IncentivePoint[]; deregLine: Figure }) {
  const colors = useChartColors();
  const dereg = deregLine.value;
  const datasets: ChartDataset<'line', UidPoint[]>[] = KINDS.map(({ kind, label, pointStyle, color }) => ({
    label,
    data: distribution.flatMap((p, i) => (kindOf(p) === kind ? [{ x: i + 1, y: p.emissionAlphaPerDay, uid: p.uid }] : [])),
    showLine: false,
    pointStyle,
    pointRadius: 5,
    pointHoverRadius: 7,
    borderColor: color(colors),
    backgroundColor: color(colors),
  }));
  if (dereg !== null && distribution.length > 0) {
    datasets.push({
      label: `Deregistration line (${alpha(dereg)} α/day)`,
      data: [
        { x: 1, y: dereg, uid: -1 },
        { x: distribution.length, y: dereg, uid: -1 },
      ],
      borderColor: colors.bad,
      backgroundColor: colors.bad,
      borderDash: [6, 4],
      borderWidth: 2,
      pointRadius: 0,
      pointStyle: 'line',
    });
  }
  const options = baseOptions(
    colors,
    { title: 'UIDs by incentive (1 = highest)', format: formatInteger, min: 0, max: Math.ceil((distribution.length + 1) / 5) * 5, integer: true },
    { title: 'Emission (α/day)', format: alpha, min: 0 },
    {
      legend: true,
      label: (item) => {
        const p = item.raw as UidPoint;
        return p.uid < 0 ? `${item.dataset.label}` : `UID ${p.uid} (${item.dataset.label}): ${alpha(p.y)} α/day`;
      },
    },
  );
  return (
    <figure className="chart-card">
      <figcaption>Incentive distribution</figcaption>
      {distribution.length === 0 ? (
        <p className="muted">No UID rows were kept for this sync point.</p>
      ) : (
        <div className="chart-box chart-box-tall">
          <Line role="img" aria-label={summary(distribution, dereg)} options={options} data={{ datasets }} />
        </div>
      )}
    </figure>
  );
}
