import { memo, useMemo } from 'react';
import type { SubnetRow } from '../../../shared/api-types';
import { useScenarioStore } from '../stores/scenario-store';
import { useTableStore, type ColumnId } from '../stores/table-store';
import { useUiStore } from '../stores/ui-store';
import { useWatchlistStore } from '../stores/watchlist-store';
import { COLUMNS, type TableRow } from './columns';
import { visibleRows } from './table-rows';
import { TableToolbar } from './TableToolbar';

export function SubnetsTable({ rows }: { rows: SubnetRow[] }) {
  const economics = useScenarioStore((s) => s.economics);
  const lists = useWatchlistStore((s) => s.lists);
  const { columns, hidden, sort, filters, setSort } = useTableStore();
  const openSubnet = useUiStore((s) => s.openSubnet);
  const shown = useMemo(() => columns.filter((c) => !hidden.includes(c)), [columns, hidden]);
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
              <Row key={r.row.netuid} r={r} shown={shown} openSubnet={openSubnet} />
            ))}
          </tbody>
        </table>
        {view.length === 0 && <p className="muted">No subnet matches these filters.</p>}
      </div>
    </>
  );
}

/**
 * One subnet. A what-if changes only the profit and verdict of each row: the row re-renders only when a cell's
 * shown value changed, and then only those cells (the synced figures' cells, with their number formatting, are
 * kept), so a slider move costs two cells per row instead of the whole table.
 */
const Row = memo(
  function Row({ r, shown, openSubnet }: { r: TableRow; shown: ColumnId[]; openSubnet(netuid: number): void }) {
    return (
      <tr
        className={r.row.staleReason ? 'stale clickable' : 'clickable'}
        tabIndex={0}
        aria-label={`SN${r.row.netuid} ${r.row.name}: open details`}
        onClick={() => openSubnet(r.row.netuid)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') openSubnet(r.row.netuid);
        }}
      >
        {shown.map((c) => (
          <Cell key={c} column={c} r={r} shows={COLUMNS[c].shows(r)} />
        ))}
      </tr>
    );
  },
  (a, b) =>
    a.r.row === b.r.row &&
    a.shown === b.shown &&
    a.openSubnet === b.openSubnet &&
    a.shown.every((c) => Object.is(COLUMNS[c].shows(a.r), COLUMNS[c].shows(b.r))),
);

const Cell = memo(
  function Cell({ column, r }: { column: ColumnId; r: TableRow; shows: unknown }) {
    return <td className={COLUMNS[column].numeric ? 'num' : undefined}>{COLUMNS[column].render(r)}</td>;
  },
  (a, b) => a.column === b.column && Object.is(a.shows, b.shows),
);
