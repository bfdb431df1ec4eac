import { useId, useState } from 'react';
import type { SensitivityGrid } from '../../../shared/economics';
import { formatInteger, formatNumber, MISSING } from '../../../shared/format';
import { useSectionLabel } from './section-scope';

// Two significant digits keep all 21 columns on screen; each cell's title has the exact figure.
const compact = new Intl.NumberFormat('en-US', { notation: 'compact', maximumSignificantDigits: 2 });
const LEVELS = 4;

/** What the marks on the competitor axis mean (why the grid jumps, or where it cannot go). */
const COLUMN_NOTES = {
  'below-dereg-line': 'from here the newcomer earns less than the deregistration line: pruned once its immunity ends',
  'beyond-slots': 'more competitors than the subnet has UID slots: cannot happen',
} as const;

interface Scale {
  gain: number;
  loss: number;
}

/**
 * Colour step of a profit: the sign picks the hue, the size the depth, on a log scale against the largest gain (or
 * loss) in view, because profit spans orders of magnitude between few and many competitors.
 */
function heatClass(profit: number | null, scale: Scale): string {
  if (profit === null) return 'heat-none';
  const largest = profit > 0 ? scale.gain : scale.loss;
  if (profit === 0 || largest === 0) return 'heat-zero';
  const level = Math.min(LEVELS, Math.max(1, Math.ceil((Math.log1p(Math.abs(profit)) / Math.log1p(largest)) * LEVELS)));
  return `heat-${profit > 0 ? 'pos' : 'neg'}-${level}`;
}

function nearestIndex(values: number[], target: number | null): number {
  if (target === null) return -1;
  let best = -1;
  for (let i = 0; i < values.length; i++) {
    if (best < 0 || Math.abs(values[i]! - target) < Math.abs(values[best]! - target)) best = i;
  }
  return best;
}

/**
 * Profit per month over TAO price × competitor count as a table: each cell holds its number (so colour is never
 * the only signal) and is shaded green for profit, red for loss. The cell closest to the active scenario is outlined.
 */
export function SensitivityHeatmap({
  grid,
  taoPriceUsd,
  competitors,
}: {
  grid: SensitivityGrid;
  taoPriceUsd: number | null;
  competitors: number | null;
}) {
  const [rentIndex, setRentIndex] = useState(0);
  const rentSelectId = useId();
  const sensitivityTitleId = useId();
  const sectionLabel = useSectionLabel(sensitivityTitleId);
  const heatmapLabelId = useId();
  const rent = Math.min(rentIndex, grid.rentsUsdPerMonth.length - 1);
  const table = grid.profitUsdPerMonth[rent] ?? [];
  const known = table.flat().filter((p): p is number => p !== null);
  const scale = { gain: Math.max(0, ...known), loss: Math.max(0, ...known.map((p) => -p)) };
  const hereRow = nearestIndex(grid.taoPricesUsd, taoPriceUsd);
  const hereCol = nearestIndex(grid.competitorCounts, competitors);

  return (
    <section className="subnet-section" aria-labelledby={sectionLabel}>
      <h2 id={sensitivityTitleId}>Sensitivity: profit per month</h2>
      {grid.rentsUsdPerMonth.length > 1 && (
        <div className="row">
          <label htmlFor={rentSelectId}>Hardware rent</label>
          <select id={rentSelectId} value={rent} onChange={(e) => setRentIndex(Number(e.target.value))}>
            {grid.rentsUsdPerMonth.map((r, i) => (
              <option key={r} value={i}>
                ${formatNumber(r, 0)}/month
              </option>
            ))}
          </select>
        </div>
      )}
      <p className="muted small">
        Rows: TAO price; columns: competing miners. At an assumed rent of $
        {formatNumber(grid.rentsUsdPerMonth[rent] ?? null, 0)}
        /month. Green is profit, red is loss, deeper is larger; the outlined cell is your scenario.
        <span className="screen-only"> Hover a cell for the exact figure.</span>
        {grid.competitorNotes?.includes('below-dereg-line') && ` ↓ ${COLUMN_NOTES['below-dereg-line']}.`}
        {grid.competitorNotes?.includes('beyond-slots') && ` ∅ ${COLUMN_NOTES['beyond-slots']}.`}
      </p>
      {grid.taoPricesUsd.length === 0 ? (
        <p className="muted">Set a TAO price in the what-if panel to see profit over a range of prices.</p>
      ) : (
        <div className="heatmap-wrap" tabIndex={0} role="region" aria-labelledby={`${heatmapLabelId} ${sectionLabel}`}>
          <span id={heatmapLabelId} hidden>
            Scrollable table:
          </span>
          <table className="heatmap">
            <caption>Profit (USD/month) by TAO price and competitor count</caption>
            <thead>
              <tr>
                <td className="heat-corner" />
                <th scope="colgroup" colSpan={grid.competitorCounts.length} className="heat-axis-title">
                  Competing miners →
                </th>
              </tr>
              <tr>
                <th scope="col" className="heat-corner">
                  TAO $ ↓
                </th>
                {grid.competitorCounts.map((n, c) => {
                  const note = grid.competitorNotes?.[c] ?? null;
                  return (
                    <th
                      key={c}
                      scope="col"
                      className={c === hereCol ? 'heat-here-axis' : undefined}
                      title={note ? COLUMN_NOTES[note] : undefined}
                    >
                      {formatInteger(n)}
                      {note && <span className="heat-note">{note === 'beyond-slots' ? ' ∅' : ' ↓'}</span>}
                    </th>
                  );
                })}
              </tr>
            </thead>
            <tbody>
              {grid.taoPricesUsd.map((price, r) => (
                <tr key={r}>
                  <th scope="row" className={r === hereRow ? 'heat-here-axis' : undefined}>
                    ${formatNumber(price, 0)}
                  </th>
                  {(table[r] ?? []).map((profit, c) => (
                    <td
                      key={c}
                      className={`${heatClass(profit, scale)}${r === hereRow && c === hereCol ? ' heat-here' : ''}`}
                      title={`TAO $${formatNumber(price, 2)}, ${formatInteger(grid.competitorCounts[c])} competitors: ${
                        profit === null ? 'not known' : `$${formatNumber(profit, 2)}/month`
                      }`}
                    >
                      {profit === null ? MISSING : compact.format(profit)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
