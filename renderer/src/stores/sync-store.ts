/** Sync state as the core reports it (progress events), and the user's sync actions. */
import { create } from 'zustand';
import type { SyncOutcome, SyncState } from '../../../shared/api-types';
import { scout } from '../scout';

interface SyncStore {
  state: SyncState | null;
  lastOutcome: SyncOutcome | null;
  error: string | null;
  load(): Promise<void>;
  start(): Promise<void>;
  cancel(): Promise<void>;
}

export const useSyncStore = create<SyncStore>((set) => ({
  state: null,
  lastOutcome: null,
  error: null,
  async load() {
    try {
      set({ state: await scout.call('sync.status') });
    } catch (e) {
      set({ error: (e as Error).message });
    }
  },
  async start() {
    set({ error: null });
    try {
      set({ lastOutcome: await scout.call('sync.start', {}) });
    } catch (e) {
      set({ error: (e as Error).message });
    }
  },
  async cancel() {
    try {
      set({ state: await scout.call('sync.cancel') });
    } catch (e) {
      set({ error: (e as Error).message });
    }
  },
}));

scout.on('sync.progress', (state) => useSyncStore.setState({ state }));
scout.on('sync.done', (outcome) => useSyncStore.setState({ lastOutcome: outcome }));
