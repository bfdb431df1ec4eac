/** Which screen is showing. Kept in the URL hash (#/subnets, #/subnet/8) so a reload returns to the same place. */
import { create } from 'zustand';

export type View = 'subnets' | 'watchlists' | 'notes' | 'miners' | 'settings' | 'subnet' | 'report';
export const VIEWS: { id: Exclude<View, 'subnet' | 'report'>; label: string }[] = [
  { id: 'subnets', label: 'Subnets' },
  { id: 'watchlists', label: 'Watchlists' },
  { id: 'notes', label: 'Notes' },
  { id: 'miners', label: 'My miners' },
  { id: 'settings', label: 'Settings' },
];

export type ReportTarget = { kind: 'subnet'; netuid: number } | { kind: 'watchlist'; id: number };

interface Route {
  view: View;
  netuid: number | null;
  report: ReportTarget | null;
}

const isId = (s: string | undefined): s is string => s !== undefined && /^\d{1,9}$/.test(s);

function routeFromHash(): Route {
  const [id, param, extra] = window.location.hash.replace(/^#\/?/, '').split('/');
  if (id === 'subnet' && isId(param)) return { view: 'subnet', netuid: Number(param), report: null };
  // Print routes: #/report/subnet/8, #/report/watchlist/3 (what the PDF export prints).
  if (id === 'report' && param === 'subnet' && isId(extra))
    return { view: 'report', netuid: null, report: { kind: 'subnet', netuid: Number(extra) } };
  if (id === 'report' && param === 'watchlist' && isId(extra))
    return { view: 'report', netuid: null, report: { kind: 'watchlist', id: Number(extra) } };
  return { view: VIEWS.find((v) => v.id === id)?.id ?? 'subnets', netuid: null, report: null };
}

interface UiState extends Route {
  go(view: Exclude<View, 'subnet' | 'report'>): void;
  openSubnet(netuid: number): void;
}

export const useUiStore = create<UiState>((set) => ({
  ...routeFromHash(),
  go(view) {
    window.location.hash = `/${view}`;
    set({ view, netuid: null, report: null });
  },
  openSubnet(netuid) {
    window.location.hash = `/subnet/${netuid}`;
    set({ view: 'subnet', netuid, report: null });
  },
}));

window.addEventListener('hashchange', () => useUiStore.setState(routeFromHash()));
