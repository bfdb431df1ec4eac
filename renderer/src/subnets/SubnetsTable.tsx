import { useMemo } from 'react';
import type { SubnetRow } from '../../../shared/api-types';
import { useScenarioStore } from '../stores/scenario-store';
import { useTableStore } from '../stores/table-store';
import { useUiStore } from '../stores/ui-store';
import { useWatchlistStore } from '../stores/watchlist-store';
import { COLUMNS } from './columns';
import { visibleRows } from './table-rows';
import { TableToolbar } from './TableToolbar';

export function SubnetsTable({ rows }: { rows: SubnetRow[] }) {
  const economics = useScenarioStore((s) => s.economics);
  const lists = useWatchlistStore((s) => s.lists);
  const { columns, hidden, sort, filters, setSort } = useTableStore();
  const openSubnet = useUiStore((s) => s.openSubnet);
  const shown = columns.filter((c) => !hidden.includes(c));
  const view = useMemo(() => visibleRows(rows, economics, lists, filters, sort), [rows, economics, lists, filters, sort]);

  return (
    <>
      <TableToolbar rows={view} columns={shown} total={rows.length} />
      <div className="table-wrap">
        <table className="table subnets-table">
          <thead>
            <tr>
              {shown.map((c) => (
                <th
                  key={c}
                  scope="col"
                  className={COLUMNS[c].numeric ? 'num' : undefined}
                  aria-sort={sort.column === c ? (sort.direction === 'asc' ? 'ascending' : 'descending') : undefined}
                  title={COLUMNS[c].title}
                >
                  <button className="th-sort" onClick={() => setSort(c)}>
                    {COLUMNS[c].label}
                    <span aria-hidden="true">{sort.column === c ? (sort.direction === 'asc' ? ' ▲' : ' ▼') : ''}</span>
                  </button>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {view.map((r) => (
              <tr
                key={r.row.netuid}
                className={r.row.staleReason ? 'stale clickable' : 'clickable'}
                tabIndex={0}
                aria-label={`SN${r.row.netuid} ${r.row.name}: open details`}
                onClick={() => openSubnet(r.row.netuid)}
                onKeyDown={(e) => {
                  if (e.key === 'Enter') openSubnet(r.row.netuid);
                }}
              >
                {shown.map((c) => (
                  <td key={c} className={COLUMNS[c].numeric ? 'num' : undefined}>
                    {COLUMNS[c].render(r)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
        {view.length === 0 && <p className="muted">No subnet matches these filters.</p>}
      </div>
    </>
  );
}
