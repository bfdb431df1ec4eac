/** Which screen is showing. Kept in the URL hash (#/subnets, #/subnet/8) so a reload returns to the same place. */
import { create } from 'zustand';

export type View = 'subnets' | 'watchlists' | 'notes' | 'settings' | 'subnet';
export const VIEWS: { id: Exclude<View, 'subnet'>; label: string }[] = [
  { id: 'subnets', label: 'Subnets' },
  { id: 'watchlists', label: 'Watchlists' },
  { id: 'notes', label: 'Notes' },
  { id: 'settings', label: 'Settings' },
];

interface Route {
  view: View;
  netuid: number | null;
}

function routeFromHash(): Route {
  const [id, param] = window.location.hash.replace(/^#\/?/, '').split('/');
  if (id === 'subnet' && param !== undefined && /^\d+$/.test(param)) return { view: 'subnet', netuid: Number(param) };
  return { view: VIEWS.find((v) => v.id === id)?.id ?? 'subnets', netuid: null };
}

interface UiState extends Route {
  go(view: Exclude<View, 'subnet'>): void;
  openSubnet(netuid: number): void;
}

export const useUiStore = create<UiState>((set) => ({
  ...routeFromHash(),
  go(view) {
    window.location.hash = `/${view}`;
    set({ view, netuid: null });
  },
  openSubnet(netuid) {
    window.location.hash = `/subnet/${netuid}`;
    set({ view: 'subnet', netuid });
  },
}));

window.addEventListener('hashchange', () => useUiStore.setState(routeFromHash()));
