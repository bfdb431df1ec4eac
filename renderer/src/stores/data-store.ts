/** What the core holds: app/data-file info and the latest subnet list. Refreshed on `data.changed` events. */
import { create } from 'zustand';
import type { AppInfo, Dataset, SubnetList } from '../../../shared/api-types';
import { scout } from '../scout';

interface DataState {
  info: AppInfo | null;
  subnets: SubnetList | null;
  loading: boolean;
  error: string | null;
  load(): Promise<void>;
  openDataFolder(path: string): Promise<void>;
  restoreBackup(name: string): Promise<void>;
  useDataset(dataset: Dataset): Promise<void>;
}

export const useDataStore = create<DataState>((set, get) => ({
  info: null,
  subnets: null,
  loading: false,
  error: null,
  async load() {
    set({ loading: true, error: null });
    try {
      const info = await scout.call('app.info');
      const subnets = info.problem ? null : await scout.call('subnets.list');
      set({ info, subnets, loading: false });
    } catch (e) {
      set({ loading: false, error: (e as Error).message });
    }
  },
  async useDataset(dataset) {
    set({ loading: true, error: null });
    try {
      await scout.call('app.useDataset', { dataset });
      await get().load();
    } catch (e) {
      set({ loading: false, error: (e as Error).message });
    }
  },
  async openDataFolder(path) {
    try {
      await scout.call('app.openDataFolder', { path });
      await get().load();
    } catch (e) {
      set({ error: (e as Error).message });
    }
  },
  async restoreBackup(name) {
    try {
      await scout.call('backups.restore', { name });
      await get().load();
    } catch (e) {
      set({ error: (e as Error).message });
    }
  },
}));
