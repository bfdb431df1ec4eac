import { useId, useState } from 'react';
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

/** The UIDs a newcomer competes with (and may become): miners, immune or not. */
const MINER_KINDS: Kind[] = ['miner', 'immune'];
const SCOPES: { id: 'miners' | 'all'; label: string }[] = [
  { id: 'miners', label: 'Miners only' },
  { id: 'all', label: 'All UIDs' },
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
export function DistributionChart({
  distribution: all,
  deregLine,
}: {
  distribution: IncentivePoint[];
  deregLine: Figure;
}) {
  const colors = useChartColors();
  const dereg = deregLine.value;
  // Validators and the owner UID earn orders of magnitude more than miners: on their scale the miners and the
  // deregistration line (what a miner looks at) sit flat on zero. Miners only is the default view.
  const [scope, setScope] = useState<'miners' | 'all'>('miners');
  const [log, setLog] = useState(false);
  const radioName = useId();
  const shown = scope === 'miners' ? all.filter((p) => MINER_KINDS.includes(kindOf(p))) : all;
  // A log axis cannot draw zero: those UIDs are left out, and the note under the chart says how many.
  const distribution = log ? shown.filter((p) => p.emissionAlphaPerDay > 0) : shown;
  const notDrawn = shown.length - distribution.length;
  const datasets: ChartDataset<'line', UidPoint[]>[] = KINDS.filter(
    (k) => scope === 'all' || MINER_KINDS.includes(k.kind),
  ).map(({ kind, label, pointStyle, color }) => ({
    label,
    data: distribution.flatMap((p, i) =>
      kindOf(p) === kind ? [{ x: i + 1, y: p.emissionAlphaPerDay, uid: p.uid }] : [],
    ),
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
    {
      title: scope === 'miners' ? 'Miner UIDs by incentive (1 = highest)' : 'UIDs by incentive (1 = highest)',
      format: formatInteger,
      min: 0,
      max: Math.ceil((distribution.length + 1) / 5) * 5,
      integer: true,
    },
    { title: log ? 'Emission (α/day, log scale)' : 'Emission (α/day)', format: alpha, min: log ? undefined : 0, log },
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
      <figcaption>
        Incentive distribution <span className="muted">{scope === 'miners' ? '(miners only)' : '(all UIDs)'}</span>
      </figcaption>
      <div className="chart-controls row wrap">
        <fieldset className="segmented">
          <legend className="sr-only">UIDs shown</legend>
          {SCOPES.map((s) => (
            <label key={s.id} className={s.id === scope ? 'selected' : undefined}>
              <input
                type="radio"
                name={radioName}
                value={s.id}
                checked={s.id === scope}
                onChange={() => setScope(s.id)}
              />
              {s.label}
            </label>
          ))}
        </fieldset>
        <label className="checkbox-label">
          <input type="checkbox" checked={log} onChange={(e) => setLog(e.target.checked)} /> Log scale
        </label>
      </div>
      {all.length === 0 ? (
        <p className="muted">No UID rows were kept for this sync point.</p>
      ) : (
        <div className="chart-box chart-box-tall">
          <Line
            role="img"
            aria-label={summary(distribution, dereg) + (log ? ' Log scale.' : '')}
            options={options}
            data={{ datasets }}
          />
        </div>
      )}
      {notDrawn > 0 && <p className="muted small">{notDrawn} UIDs earn nothing and cannot be drawn on a log scale.</p>}
    </figure>
  );
}
