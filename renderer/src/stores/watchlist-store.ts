import { create } from 'zustand';
import type { Watchlist } from '../../../shared/api-types';
import { asScoutError } from '../../../shared/api-wire';
import { scout } from '../scout';

interface WatchlistState {
  lists: Watchlist[];
  error: string | null;
  /** The last deleted list, offered for Undo. */
  deleted: Watchlist | null;
  load(): Promise<void>;
  create(name: string): Promise<Watchlist | null>;
  rename(id: number, name: string): Promise<boolean>;
  remove(id: number): Promise<void>;
  undoRemove(): Promise<void>;
  move(id: number, delta: -1 | 1): Promise<void>;
  toggleSubnet(id: number, netuid: number): Promise<void>;
  /** Adds subnets not yet on the list; says how many were added (null when the list could not be changed). */
  addSubnets(id: number, netuids: number[]): Promise<number | null>;
}

const LIST_GONE = 'That watchlist was deleted in another window, so nothing was changed.';

export const useWatchlistStore = create<WatchlistState>((set, get) => {
  /** `onList`: the call names a list, so the core's 'not-found' means another window deleted it (the reload drops it). */
  const attempt = async <T>(work: () => Promise<T>, onList = false): Promise<T | null> => {
    try {
      const r = await work();
      set({ error: null });
      return r;
    } catch (e) {
      const { code, message } = asScoutError(e);
      set({ error: onList && code === 'not-found' ? LIST_GONE : message });
      return null;
    }
  };
  // A successful read leaves a write's refusal on screen (the reload follows every write, refused or not).
  const reload = async () => {
    let lists: Watchlist[];
    try {
      lists = await scout.call('watchlists.list');
    } catch (e) {
      set({ error: asScoutError(e).message });
      return;
    }
    // Restored in another window: there is nothing left here to undo.
    const deleted = get().deleted;
    set({ lists, deleted: deleted && lists.some((l) => l.id === deleted.id) ? null : deleted });
  };
  return {
    lists: [],
    error: null,
    deleted: null,
    async load() {
      set({ error: null });
      await reload();
    },
    async create(name) {
      const created = await attempt(() => scout.call('watchlists.create', { name }));
      await reload();
      return created;
    },
    async rename(id, name) {
      const ok = (await attempt(() => scout.call('watchlists.rename', { id, name }), true)) !== null;
      await reload();
      return ok;
    },
    async remove(id) {
      const list = get().lists.find((l) => l.id === id) ?? null;
      // Gone from the screen as the "Deleted" banner appears, not a list-reload later.
      if ((await attempt(() => scout.call('watchlists.delete', { id }))) !== null) {
        set({ deleted: list, lists: get().lists.filter((l) => l.id !== id) });
      }
      await reload();
    },
    async undoRemove() {
      const deleted = get().deleted;
      if (!deleted) return;
      await attempt(() => scout.call('watchlists.restore', { id: deleted.id }));
      set({ deleted: null });
      await reload();
    },
    async move(id, delta) {
      const ids = get().lists.map((l) => l.id);
      const i = ids.indexOf(id);
      const j = i + delta;
      if (i < 0 || j < 0 || j >= ids.length) return;
      [ids[i], ids[j]] = [ids[j]!, ids[i]!];
      const lists = await attempt(() => scout.call('watchlists.reorder', { ids }));
      if (lists) set({ lists });
    },
    async toggleSubnet(id, netuid) {
      const list = get().lists.find((l) => l.id === id);
      if (!list) return;
      const method = list.netuids.includes(netuid) ? 'watchlists.removeSubnet' : 'watchlists.addSubnet';
      await attempt(() => scout.call(method, { id, netuid }), true);
      await reload();
    },
    async addSubnets(id, netuids) {
      const list = get().lists.find((l) => l.id === id);
      if (!list) return null;
      const missing = netuids.filter((n) => !list.netuids.includes(n));
      let added = 0;
      for (const netuid of missing) {
        if (!(await attempt(() => scout.call('watchlists.addSubnet', { id, netuid }), true))) break;
        added++;
      }
      await reload();
      return added === missing.length ? added : null;
    },
  };
});
