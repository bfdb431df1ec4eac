import type { SubnetRow, Watchlist } from '../../../shared/api-types';
import type { TableEconomics } from '../../../shared/economics';
import { raoToTao } from '../../../shared/format';
import type { Filters, TableState } from '../stores/table-store';
import { COLUMNS, type TableRow } from './columns';

/** Rows after the user's filters and sort. Missing values sort last in both directions. */
export function visibleRows(
  rows: SubnetRow[],
  economics: Map<number, TableEconomics>,
  lists: Watchlist[],
  filters: Filters,
  sort: TableState['sort'],
): TableRow[] {
  const q = filters.search.trim().toLowerCase();
  const inLists =
    filters.watchlist === 'any'
      ? null
      : new Set(
          lists.filter((l) => filters.watchlist === 'in-any' || l.id === filters.watchlist).flatMap((l) => l.netuids),
        );
  const out = rows
    .map((row) => ({ row, economics: economics.get(row.netuid) }))
    .filter(({ row, economics: e }) => {
      if (q && !row.name.toLowerCase().includes(q) && String(row.netuid) !== q && !row.symbol.toLowerCase().includes(q))
        return false;
      if (filters.verdict !== 'any' && e?.verdict.label !== filters.verdict) return false;
      if (inLists && !inLists.has(row.netuid)) return false;
      if (filters.maxRegistrationTao !== null && raoToTao(row.burnRao) > filters.maxRegistrationTao) return false;
      if (filters.maxGini !== null && (row.gini === null || row.gini > filters.maxGini)) return false;
      const profit = e?.expectedProfitUsdPerMonth ?? null;
      if (filters.minProfitUsd !== null && (profit === null || profit < filters.minProfitUsd)) return false;
      if (filters.fitsMyRig && e?.rigFit !== 'fits') return false;
      return true;
    });
  const column = COLUMNS[sort.column];
  const dir = sort.direction === 'asc' ? 1 : -1;
  return out.sort((a, b) => {
    const va = column.sortValue(a);
    const vb = column.sortValue(b);
    if (va === null && vb === null) return a.row.netuid - b.row.netuid;
    if (va === null) return 1;
    if (vb === null) return -1;
    if (va < vb) return -dir;
    if (va > vb) return dir;
    return a.row.netuid - b.row.netuid;
  });
}
