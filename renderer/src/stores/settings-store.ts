import { create } from 'zustand';
import type { Settings } from '../../../shared/api-types';
import { scout } from '../scout';

interface SettingsState {
  settings: Settings | null;
  saving: boolean;
  /** The core's message when a change was refused (the stored settings stay as they were). */
  error: string | null;
  savedAtMs: number | null;
  load(): Promise<void>;
  save(patch: Partial<Settings>): Promise<boolean>;
}

export const useSettingsStore = create<SettingsState>((set) => ({
  settings: null,
  saving: false,
  error: null,
  savedAtMs: null,
  async load() {
    try {
      set({ settings: await scout.call('settings.get'), error: null });
    } catch (e) {
      set({ error: (e as Error).message });
    }
  },
  async save(patch) {
    set({ saving: true, error: null });
    try {
      const settings = await scout.call('settings.set', patch);
      set({ settings, saving: false, savedAtMs: Date.now() });
      return true;
    } catch (e) {
      set({ saving: false, error: (e as Error).message });
      return false;
    }
  },
}));
