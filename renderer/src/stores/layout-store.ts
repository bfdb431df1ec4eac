/** How the user arranged the workspace: whether tables fit the window and whether the what-if panel is open. */
import { create } from 'zustand';

interface LayoutState {
  /** Hide less important columns when the table is narrow, instead of scrolling sideways. */
  fitColumns: boolean;
  whatIfOpen: boolean;
  setFitColumns(fit: boolean): void;
  setWhatIfOpen(open: boolean): void;
}

const KEY = 'scout.layout';

function load(): Pick<LayoutState, 'fitColumns' | 'whatIfOpen'> {
  const fallback = { fitColumns: true, whatIfOpen: true };
  try {
    const stored = JSON.parse(localStorage.getItem(KEY) ?? 'null') as Partial<typeof fallback> | null;
    return {
      fitColumns: typeof stored?.fitColumns === 'boolean' ? stored.fitColumns : fallback.fitColumns,
      whatIfOpen: typeof stored?.whatIfOpen === 'boolean' ? stored.whatIfOpen : fallback.whatIfOpen,
    };
  } catch {
    return fallback;
  }
}

export const useLayoutStore = create<LayoutState>((set, get) => {
  const save = () =>
    localStorage.setItem(KEY, JSON.stringify({ fitColumns: get().fitColumns, whatIfOpen: get().whatIfOpen }));
  return {
    ...load(),
    setFitColumns(fitColumns) {
      set({ fitColumns });
      save();
    },
    setWhatIfOpen(whatIfOpen) {
      set({ whatIfOpen });
      save();
    },
  };
});
