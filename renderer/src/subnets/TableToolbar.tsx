import type { VerdictLabel } from '../../../shared/economics';
import { ALL_COLUMNS, useTableStore, type ColumnId } from '../stores/table-store';
import { useWatchlistStore } from '../stores/watchlist-store';
import { useLayoutStore } from '../stores/layout-store';
import { COLUMNS, type TableRow } from './columns';
import { download, toCsv } from './csv';

const optionalNumber = (text: string): number | null => {
  const n = Number(text);
  return text.trim() === '' || !Number.isFinite(n) ? null : n;
};

export function TableToolbar({ rows, columns, total }: { rows: TableRow[]; columns: ColumnId[]; total: number }) {
  const { filters, setFilters, hidden, toggleColumn, moveColumn, columns: order } = useTableStore();
  const lists = useWatchlistStore((s) => s.lists);
  const { fitColumns: fit, setFitColumns } = useLayoutStore();
  return (
    <div className="toolbar" role="search">
      <label className="sr-only" htmlFor="subnet-search">
        Search subnets
      </label>
      <input
        id="subnet-search"
        type="search"
        placeholder="Search name, symbol or netuid"
        value={filters.search}
        onChange={(e) => setFilters({ search: e.target.value })}
      />
      <label>
        Verdict{' '}
        <select
          value={filters.verdict}
          onChange={(e) => setFilters({ verdict: e.target.value as VerdictLabel | 'any' })}
        >
          <option value="any">Any</option>
          <option value="Mine">Mine</option>
          <option value="Watch">Watch</option>
          <option value="Skip">Skip</option>
        </select>
      </label>
      <label>
        Watchlist{' '}
        <select
          value={String(filters.watchlist)}
          onChange={(e) => {
            const v = e.target.value;
            setFilters({ watchlist: v === 'any' || v === 'in-any' ? v : Number(v) });
          }}
        >
          <option value="any">All subnets</option>
          <option value="in-any">In any watchlist</option>
          {lists.map((l) => (
            <option key={l.id} value={l.id}>
              {l.name}
            </option>
          ))}
        </select>
      </label>
      <label title="Only subnets whose reviewed hardware needs your what-if rig meets (unreviewed ones are left out)">
        <input
          type="checkbox"
          checked={filters.fitsMyRig}
          onChange={(e) => setFilters({ fitsMyRig: e.target.checked })}
        />{' '}
        Fits my rig
      </label>
      <details className="filters-more">
        <summary>Ranges</summary>
        <label>
          Registration at most (τ){' '}
          <input
            className="num-input"
            inputMode="decimal"
            onChange={(e) => setFilters({ maxRegistrationTao: optionalNumber(e.target.value) })}
          />
        </label>
        <label>
          Gini at most{' '}
          <input
            className="num-input"
            inputMode="decimal"
            onChange={(e) => setFilters({ maxGini: optionalNumber(e.target.value) })}
          />
        </label>
        <label>
          Profit at least ($/mo){' '}
          <input
            className="num-input"
            inputMode="decimal"
            onChange={(e) => setFilters({ minProfitUsd: optionalNumber(e.target.value) })}
          />
        </label>
      </details>
      <details className="columns-menu">
        <summary>Columns</summary>
        <ul>
          {order.map((c) => (
            <li key={c} className="row">
              <label>
                <input type="checkbox" checked={!hidden.includes(c)} onChange={() => toggleColumn(c)} />{' '}
                {COLUMNS[c].label}
              </label>
              <button
                className="small secondary"
                aria-label={`Move ${COLUMNS[c].label} left`}
                onClick={() => moveColumn(c, -1)}
              >
                ↑
              </button>
              <button
                className="small secondary"
                aria-label={`Move ${COLUMNS[c].label} right`}
                onClick={() => moveColumn(c, 1)}
              >
                ↓
              </button>
            </li>
          ))}
        </ul>
        {hidden.length === ALL_COLUMNS.length && <p className="muted">All columns are hidden.</p>}
      </details>
      <label
        className="checkbox-label"
        title="Hide less important columns when the window is narrow, instead of scrolling sideways"
      >
        <input type="checkbox" checked={fit} onChange={(e) => setFitColumns(e.target.checked)} /> Fit to width
      </label>
      <span className="spacer" />
      <span className="muted" data-testid="row-count">
        {rows.length} of {total} subnets
      </span>
      <button className="secondary" onClick={() => download('subnets.csv', toCsv(rows, columns), 'text/csv')}>
        Export CSV
      </button>
    </div>
  );
}
