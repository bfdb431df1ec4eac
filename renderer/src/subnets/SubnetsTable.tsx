import { memo, useCallback, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { SubnetRow } from '../../../shared/api-types';
import { useLayoutStore } from '../stores/layout-store';
import { useScenarioStore } from '../stores/scenario-store';
import { useTableStore, type ColumnId } from '../stores/table-store';
import { useUiStore } from '../stores/ui-store';
import { useWatchlistStore } from '../stores/watchlist-store';
import { COLUMNS, type TableRow } from './columns';
import { gridMove, type GridPosition } from './grid-keys';
import { visibleRows } from './table-rows';
import { TableToolbar } from './TableToolbar';
import { AddToWatchlist } from './AddToWatchlist';

const cellId = (row: number, column: ColumnId) =>
  row < 0 ? `subnets-head-${column}` : `subnets-cell-${row}-${column}`;

/**
 * The Subnets table as one keyboard stop (the ARIA grid pattern with aria-activedescendant): arrows move between
 * cells, Enter or Space on a row opens the subnet and on a heading sorts by it. The hint under the toolbar says
 * what the active column means, so the definitions are reachable without a mouse.
 */
export function SubnetsTable({ rows }: { rows: SubnetRow[] }) {
  const economics = useScenarioStore((s) => s.economics);
  const lists = useWatchlistStore((s) => s.lists);
  const { columns, hidden, sort, filters, setSort } = useTableStore();
  const fit = useLayoutStore((s) => s.fitColumns);
  const openSubnet = useUiStore((s) => s.openSubnet);
  const shown = useMemo(() => columns.filter((c) => !hidden.includes(c)), [columns, hidden]);
  const view = useMemo(
    () => visibleRows(rows, economics, lists, filters, sort),
    [rows, economics, lists, filters, sort],
  );
  const [pos, setPos] = useState<GridPosition>({ row: 0, column: 0 });
  const [focused, setFocused] = useState(false);
  const [selected, setSelected] = useState<ReadonlySet<number>>(new Set());
  const toggleSelected = useCallback(
    (netuid: number) =>
      setSelected((now) => {
        const next = new Set(now);
        if (!next.delete(netuid)) next.add(netuid);
        return next;
      }),
    [],
  );
  const table = useRef<HTMLTableElement>(null);
  // The identity columns stay in view sideways, as long as they lead the table (a reordered Netuid would not).
  const stickyCount =
    shown.findIndex((c) => !COLUMNS[c].sticky) < 0 ? shown.length : shown.findIndex((c) => !COLUMNS[c].sticky);

  // Filters, hidden columns and fit-to-width change the grid's shape: keep the active cell inside it.
  const row = Math.min(pos.row, view.length - 1);
  const column = Math.min(pos.column, shown.length - 1);
  const activeColumn = shown[column];
  const activeId = activeColumn === undefined ? undefined : cellId(row < 0 ? -1 : view[row] ? row : -1, activeColumn);

  useLayoutEffect(() => {
    // Sticky cells need their left offset: the widths of the sticky cells before them (the tick box comes first).
    const t = table.current;
    if (!t) return;
    let left = t.querySelector<HTMLElement>('thead th.select-col')?.offsetWidth ?? 0;
    for (let i = 0; i < stickyCount; i++) {
      t.style.setProperty(`--sticky-left-${i}`, `${left}px`);
      left += t.querySelector<HTMLElement>(`thead th:nth-child(${i + 2})`)?.offsetWidth ?? 0;
    }
  });

  useLayoutEffect(() => {
    if (focused && activeId) document.getElementById(activeId)?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }, [focused, activeId]);

  const onKeyDown = (e: KeyboardEvent<HTMLTableElement>) => {
    if (e.altKey || e.metaKey) return;
    if (e.key === ' ' && e.shiftKey) {
      // Shift+Space ticks the row (the grid pattern's row selection), for "Add to watchlist".
      e.preventDefault();
      if (view[row]) toggleSelected(view[row].row.netuid);
      return;
    }
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      if (activeColumn === undefined) return;
      if (row < 0) setSort(activeColumn);
      else if (view[row]) openSubnet(view[row].row.netuid);
      return;
    }
    // Columns the window is too narrow for are hidden by CSS: the arrows skip them.
    const visible = shown.map((c) => (document.getElementById(cellId(-1, c))?.getClientRects().length ?? 0) > 0);
    const next = gridMove({ row, column }, e.key, e.ctrlKey, { rows: view.length, visible });
    if (!next) return;
    e.preventDefault();
    setPos(next);
  };

  const hintColumn = activeColumn === undefined ? null : COLUMNS[activeColumn];
  return (
    <>
      <TableToolbar rows={view} columns={shown} total={rows.length} />
      <p className="grid-hint muted small" aria-hidden="true">
        {focused && hintColumn ? (
          <>
            <strong>{hintColumn.label}</strong>: {hintColumn.title}
          </>
        ) : (
          'Tab into the table, then ↑ ↓ ← → to move, Enter to open a subnet (or sort, on a heading), Shift+Space to tick it.'
        )}
      </p>
      <AddToWatchlist
        netuids={view.filter((r) => selected.has(r.row.netuid)).map((r) => r.row.netuid)}
        fallback={focused && row >= 0 ? (view[row]?.row.netuid ?? null) : null}
        onAdded={() => setSelected(new Set())}
      />
      <div className={fit ? 'table-wrap fit-width' : 'table-wrap'}>
        <table
          ref={table}
          className="table subnets-table"
          role="grid"
          aria-label="Subnets"
          aria-rowcount={view.length + 1}
          tabIndex={0}
          aria-activedescendant={focused ? activeId : undefined}
          onKeyDown={onKeyDown}
          onFocus={() => setFocused(true)}
          onBlur={() => setFocused(false)}
        >
          <thead>
            <tr>
              <th scope="col" className="select-col">
                <span className="sr-only">Selected</span>
              </th>
              {shown.map((c, i) => (
                <th
                  key={c}
                  id={cellId(-1, c)}
                  scope="col"
                  className={cellClass(c, i < stickyCount ? i : -1, focused && row < 0 && column === i)}
                  aria-sort={sort.column === c ? (sort.direction === 'asc' ? 'ascending' : 'descending') : undefined}
                  aria-describedby={`${cellId(-1, c)}-definition`}
                  title={COLUMNS[c].title}
                  onClick={() => setPos({ row: -1, column: i })}
                >
                  <button className="th-sort" tabIndex={-1} onClick={() => setSort(c)}>
                    {COLUMNS[c].label}
                    <span aria-hidden="true">{sort.column === c ? (sort.direction === 'asc' ? ' ▲' : ' ▼') : ''}</span>
                  </button>
                  <span id={`${cellId(-1, c)}-definition`} className="sr-only">
                    {COLUMNS[c].title}
                  </span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {view.map((r, i) => (
              <Row
                key={r.row.netuid}
                r={r}
                index={i}
                shown={shown}
                stickyCount={stickyCount}
                activeColumn={focused && row === i ? column : -1}
                selected={selected.has(r.row.netuid)}
                toggleSelected={toggleSelected}
                openSubnet={openSubnet}
              />
            ))}
          </tbody>
        </table>
        {view.length === 0 && <p className="muted">No subnet matches these filters.</p>}
      </div>
    </>
  );
}

function cellClass(column: ColumnId, sticky: number, active: boolean): string {
  const c = COLUMNS[column];
  return [
    c.numeric ? 'num' : '',
    `prio-${c.priority}`,
    sticky >= 0 ? `sticky-col sticky-${sticky}` : '',
    active ? 'cell-active' : '',
    column === 'reason' ? 'reason-cell' : '',
  ]
    .filter(Boolean)
    .join(' ');
}

interface RowProps {
  r: TableRow;
  index: number;
  shown: ColumnId[];
  stickyCount: number;
  /** The active column when this row holds the grid's active cell, else -1. */
  activeColumn: number;
  selected: boolean;
  toggleSelected(netuid: number): void;
  openSubnet(netuid: number): void;
}

/**
 * One subnet. A what-if changes only the profit and verdict of each row: the row re-renders only when a cell's
 * shown value changed, and then only those cells (the synced figures' cells, with their number formatting, are
 * kept), so a slider move costs two cells per row instead of the whole table.
 */
const Row = memo(
  function Row({ r, index, shown, stickyCount, activeColumn, selected, toggleSelected, openSubnet }: RowProps) {
    return (
      <tr
        className={r.row.staleReason ? 'stale clickable' : 'clickable'}
        aria-selected={selected}
        data-netuid={r.row.netuid}
        onClick={() => openSubnet(r.row.netuid)}
      >
        <td className="select-col" onClick={(e) => e.stopPropagation()}>
          <input
            type="checkbox"
            tabIndex={-1}
            aria-label={`Select SN${r.row.netuid} ${r.row.name}`}
            checked={selected}
            onChange={() => toggleSelected(r.row.netuid)}
          />
        </td>
        {shown.map((c, i) => (
          <Cell
            key={c}
            id={cellId(index, c)}
            className={cellClass(c, i < stickyCount ? i : -1, activeColumn === i)}
            column={c}
            r={r}
            shows={COLUMNS[c].shows(r)}
          />
        ))}
      </tr>
    );
  },
  (a, b) =>
    a.r.row === b.r.row &&
    a.index === b.index &&
    a.shown === b.shown &&
    a.stickyCount === b.stickyCount &&
    a.activeColumn === b.activeColumn &&
    a.selected === b.selected &&
    a.toggleSelected === b.toggleSelected &&
    a.openSubnet === b.openSubnet &&
    a.shown.every((c) => Object.is(COLUMNS[c].shows(a.r), COLUMNS[c].shows(b.r))),
);

const Cell = memo(
  function Cell({
    id,
    className,
    column,
    r,
  }: {
    id: string;
    className: string;
    column: ColumnId;
    r: TableRow;
    shows: unknown;
  }) {
    return (
      <td id={id} className={className}>
        {COLUMNS[column].render(r)}
      </td>
    );
  },
  (a, b) => a.id === b.id && a.className === b.className && a.column === b.column && Object.is(a.shows, b.shows),
);
