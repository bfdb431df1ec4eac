/** How the user likes the Subnets table: columns (order, visibility), sort, filters. Remembered across runs. */
import { create } from 'zustand';
import type { VerdictLabel } from '../../../shared/economics';

export type ColumnId =
  | 'netuid'
  | 'name'
  | 'symbol'
  | 'price'
  | 'emissionShare'
  | 'minerPool'
  | 'miners'
  | 'gini'
  | 'registration'
  | 'immunity'
  | 'subnetDereg'
  | 'profit'
  | 'earnChance'
  | 'verdict'
  | 'reason'
  | 'change24h'
  | 'change7d'
  | 'taoReserve'
  | 'alphaReserve';

/** The default order puts the deciding columns (profit, verdict, why) right after the subnet's name. */
export const ALL_COLUMNS: ColumnId[] = [
  'netuid',
  'name',
  'profit',
  'verdict',
  'reason',
  'earnChance',
  'symbol',
  'price',
  'change24h',
  'change7d',
  'taoReserve',
  'alphaReserve',
  'emissionShare',
  'minerPool',
  'miners',
  'gini',
  'registration',
  'immunity',
  'subnetDereg',
];

export interface Filters {
  search: string;
  verdict: VerdictLabel | 'any';
  /** 'any' or a watchlist id: only subnets in that list; 'in-any' = in at least one list. */
  watchlist: 'any' | 'in-any' | number;
  maxRegistrationTao: number | null;
  maxGini: number | null;
  minProfitUsd: number | null;
  /** Only subnets whose reviewed hardware the what-if's rig meets. */
  fitsMyRig: boolean;
}

export interface TableState {
  columns: ColumnId[];
  hidden: ColumnId[];
  sort: { column: ColumnId; direction: 'asc' | 'desc' };
  filters: Filters;
  setSort(column: ColumnId): void;
  toggleColumn(column: ColumnId): void;
  moveColumn(column: ColumnId, delta: -1 | 1): void;
  setFilters(patch: Partial<Filters>): void;
}

const KEY = 'scout.subnetsTable';
const DEFAULT_FILTERS: Filters = {
  search: '',
  verdict: 'any',
  watchlist: 'any',
  maxRegistrationTao: null,
  maxGini: null,
  minProfitUsd: null,
  fitsMyRig: false,
};

function load(): Pick<TableState, 'columns' | 'hidden' | 'sort'> {
  const fallback = {
    columns: ALL_COLUMNS,
    hidden: [] as ColumnId[],
    sort: { column: 'profit' as ColumnId, direction: 'desc' as const },
  };
  try {
    const stored = JSON.parse(localStorage.getItem(KEY) ?? 'null') as Partial<typeof fallback> | null;
    if (!stored) return fallback;
    const known = (ids: unknown): ColumnId[] =>
      Array.isArray(ids) ? ids.filter((c): c is ColumnId => ALL_COLUMNS.includes(c)) : [];
    const columns = known(stored.columns);
    // Columns added by a newer version appear next to their default neighbour rather than disappearing.
    ALL_COLUMNS.forEach((c, i) => {
      if (columns.includes(c)) return;
      const after = columns.indexOf(ALL_COLUMNS[i - 1]!);
      columns.splice(after < 0 ? columns.length : after + 1, 0, c);
    });
    const sort = stored.sort && ALL_COLUMNS.includes(stored.sort.column) ? stored.sort : fallback.sort;
    return { columns, hidden: known(stored.hidden), sort };
  } catch {
    return fallback;
  }
}

function persist(s: Pick<TableState, 'columns' | 'hidden' | 'sort'>): void {
  localStorage.setItem(KEY, JSON.stringify({ columns: s.columns, hidden: s.hidden, sort: s.sort }));
}

export const useTableStore = create<TableState>((set, get) => ({
  ...load(),
  filters: DEFAULT_FILTERS,
  setSort(column) {
    const { sort } = get();
    const next = {
      column,
      direction: sort.column === column && sort.direction === 'desc' ? ('asc' as const) : ('desc' as const),
    };
    set({ sort: next });
    persist({ ...get(), sort: next });
  },
  toggleColumn(column) {
    const hidden = get().hidden.includes(column) ? get().hidden.filter((c) => c !== column) : [...get().hidden, column];
    set({ hidden });
    persist({ ...get(), hidden });
  },
  moveColumn(column, delta) {
    const columns = [...get().columns];
    const i = columns.indexOf(column);
    const j = i + delta;
    if (i < 0 || j < 0 || j >= columns.length) return;
    [columns[i], columns[j]] = [columns[j]!, columns[i]!];
    set({ columns });
    persist({ ...get(), columns });
  },
  setFilters(patch) {
    set({ filters: { ...get().filters, ...patch } });
  },
}));
