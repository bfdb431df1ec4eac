/** Which screen is showing. Kept in the URL hash so a reload returns to the same screen. */
import { create } from 'zustand';

export type View = 'subnets' | 'watchlists' | 'notes' | 'settings';
export const VIEWS: { id: View; label: string }[] = [
  { id: 'subnets', label: 'Subnets' },
  { id: 'watchlists', label: 'Watchlists' },
  { id: 'notes', label: 'Notes' },
  { id: 'settings', label: 'Settings' },
];

function viewFromHash(): View {
  const id = window.location.hash.replace(/^#\/?/, '');
  return VIEWS.find((v) => v.id === id)?.id ?? 'subnets';
}

interface UiState {
  view: View;
  go(view: View): void;
}

export const useUiStore = create<UiState>((set) => ({
  view: viewFromHash(),
  go(view) {
    window.location.hash = `/${view}`;
    set({ view });
  },
}));

window.addEventListener('hashchange', () => useUiStore.setState({ view: viewFromHash() }));
