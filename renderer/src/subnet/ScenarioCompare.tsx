import { useId, useState, type FormEvent, type ReactNode } from 'react';
import type { SavedScenario } from '../../../shared/api-types';
import type { MinerEconomics } from '../../../shared/economics';
import { formatInteger, formatNumber, MISSING } from '../../../shared/format';
import { VerdictBadge } from '../components/VerdictBadge';
import { useScenarioStore } from '../stores/scenario-store';
import { FigureValue } from './FigureValue';
import { describePosition } from './NewcomerEconomics';
import { useComparison, useSavedScenarios } from './saved-scenarios';
import { ErrorMessage } from '../components/ErrorMessage';

const MAX_COMPARED = 3;
const usdPerMonth = (v: number) => `$${formatNumber(v, 2)}/month`;

type Row = { label: string; assumed?: boolean; cell(s: SavedScenario, e: MinerEconomics | undefined): ReactNode };

const ROWS: Row[] = [
  {
    label: 'TAO price',
    assumed: true,
    cell: (s) => (s.scenario.taoPriceUsd === null ? 'not set' : `$${formatNumber(s.scenario.taoPriceUsd, 2)}`),
  },
  {
    label: 'Hardware rent',
    assumed: true,
    cell: (s, e) => (e ? <FigureValue figure={e.rentUsdPerMonth} format={usdPerMonth} /> : MISSING),
  },
  { label: 'Position', assumed: true, cell: (s) => describePosition(s.scenario.position) },
  {
    label: 'Competitors',
    assumed: true,
    cell: (s, e) => (e ? <FigureValue figure={e.competitorCount} format={formatInteger} /> : MISSING),
  },
  { label: 'Horizon', assumed: true, cell: (s) => `${formatNumber(s.scenario.horizonMonths, 2)} months` },
  {
    label: 'Earnings',
    cell: (_, e) => (e ? <FigureValue figure={e.earningsUsdPerMonth} format={usdPerMonth} /> : MISSING),
  },
  {
    label: 'Earnings (τ/day)',
    cell: (_, e) => (e ? <FigureValue figure={e.taoPerDay} format={(v) => formatNumber(v, 4)} /> : MISSING),
  },
  {
    label: 'Profit',
    cell: (_, e) => (e ? <FigureValue figure={e.profitUsdPerMonth} format={usdPerMonth} /> : MISSING),
  },
  {
    label: 'Payback',
    cell: (_, e) => (e ? <FigureValue figure={e.paybackDays} format={(v) => `${formatNumber(v, 1)} days`} /> : MISSING),
  },
  { label: 'Verdict', cell: (_, e) => (e ? <VerdictBadge verdict={e.verdict} /> : MISSING) },
];

function SaveForm({
  netuid,
  onSave,
}: {
  netuid: number;
  onSave(name: string, netuid: number | null): Promise<boolean>;
}) {
  const nameId = useId();
  const scopeId = useId();
  const [name, setName] = useState('');
  const [scope, setScope] = useState<'all' | 'this'>('all');
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (await onSave(name, scope === 'all' ? null : netuid)) setName('');
  };
  return (
    <form className="row wrap save-scenario" onSubmit={(e) => void submit(e)}>
      <label htmlFor={nameId}>Scenario name</label>
      <input
        id={nameId}
        value={name}
        maxLength={80}
        onChange={(e) => setName(e.target.value)}
        placeholder="e.g. TAO at $600, H100"
      />
      <label htmlFor={scopeId}>For</label>
      <select id={scopeId} value={scope} onChange={(e) => setScope(e.target.value as 'all' | 'this')}>
        <option value="all">every subnet</option>
        <option value="this">SN{netuid} only</option>
      </select>
      <button type="submit" disabled={name.trim() === ''}>
        Save current scenario
      </button>
    </form>
  );
}

/** Save the what-if under a name, then line saved ones up side by side for this subnet, or bring one back. */
export function ScenarioCompare({ netuid }: { netuid: number }) {
  const current = useScenarioStore((s) => s.scenario);
  const { saved, error, save, remove } = useSavedScenarios();
  const [picked, setPicked] = useState<number[]>([]);
  const relevant = saved.filter((s) => s.netuid === null || s.netuid === netuid);
  const chosen = picked
    .map((id) => relevant.find((s) => s.id === id))
    .filter((s): s is SavedScenario => s !== undefined);
  const comparison = useComparison(netuid, chosen);
  const toggle = (id: number) =>
    setPicked((p) => (p.includes(id) ? p.filter((x) => x !== id) : [...p, id].slice(-MAX_COMPARED)));
  const apply = (s: SavedScenario) =>
    // A saved scenario without per-subnet overrides must not inherit the current ones.
    useScenarioStore
      .getState()
      .change({ rentUsdPerMonthByNetuid: undefined, registrationCostTaoByNetuid: undefined, ...s.scenario });

  return (
    <section className="subnet-section" aria-labelledby="compare-title">
      <h2 id="compare-title">Compare scenarios</h2>
      <SaveForm netuid={netuid} onSave={(name, scope) => save(name, scope, current)} />
      <ErrorMessage error={error ?? comparison.error} />
      {relevant.length === 0 ? (
        <p className="muted">
          No saved scenarios yet. Save the current one, change the what-if, and save again to compare.
        </p>
      ) : (
        <ul className="saved-scenarios" aria-label={`Saved scenarios (pick up to ${MAX_COMPARED} to compare)`}>
          {relevant.map((s) => (
            <li key={s.id} className="row">
              <label className="row">
                <input type="checkbox" checked={picked.includes(s.id)} onChange={() => toggle(s.id)} />
                {s.name}
                <span className="muted small">{s.netuid === null ? 'every subnet' : `SN${s.netuid} only`}</span>
              </label>
              <span className="spacer" />
              <button className="secondary small" onClick={() => apply(s)} aria-label={`Apply scenario ${s.name}`}>
                Apply
              </button>
              <button
                className="secondary small"
                onClick={() => void remove(s.id)}
                aria-label={`Delete scenario ${s.name}`}
              >
                Delete
              </button>
            </li>
          ))}
        </ul>
      )}
      {chosen.length > 0 && (
        <div className="table-wrap">
          <table className="table compare-table">
            <caption className="sr-only">Chosen scenarios on SN{netuid}, side by side</caption>
            <thead>
              <tr>
                <th scope="col">On SN{netuid}</th>
                {chosen.map((s) => (
                  <th key={s.id} scope="col">
                    {s.name}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {ROWS.map((row) => (
                <tr key={row.label} className={row.assumed ? 'assumed-row' : undefined}>
                  <th scope="row">
                    {row.label}
                    {row.assumed && <span className="badge assumed">assumed</span>}
                  </th>
                  {chosen.map((s) => (
                    <td key={s.id}>{row.cell(s, comparison.results.get(s.id))}</td>
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
