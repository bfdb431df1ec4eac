/**
 * My miners in the renderer: the report under the scenario in force, the alerts (for the nav badge and the
 * watchlists strip, loaded without the full report), and the key actions with their messages.
 */
import { create } from 'zustand';
import type { MinerAlert, MyMinersReport, TeamKeyKind } from '../../../shared/miners-types';
import { scout } from '../scout';
import { useScenarioStore } from '../stores/scenario-store';
import { useDataStore } from '../stores/data-store';
import { announce } from './alert-notifications';

export interface NewKey {
  address: string;
  kind: TeamKeyKind;
  label: string;
  rentUsdPerMonth: number | null;
}

interface MinersState {
  report: MyMinersReport | null;
  alerts: MinerAlert[];
  /** Why the last action or load failed, in the core's words. */
  error: string | null;
  /** What the last added key holds (or why nothing). */
  notice: string | null;
  load(): Promise<void>;
  loadAlerts(): Promise<void>;
  addKey(key: NewKey): Promise<boolean>;
  updateKey(id: number, patch: { label?: string; rentUsdPerMonth?: number | null }): Promise<boolean>;
  removeKey(id: number): Promise<void>;
  setMinerRent(netuid: number, hotkey: string, rentUsdPerMonth: number | null): Promise<void>;
  setEarningsDropAlert(percent: number): Promise<boolean>;
  reportError(message: string): void;
}

export const useMinersStore = create<MinersState>((set, get) => {
  /** Runs an action; on failure keeps its message. Reloads what the action may have changed. */
  const act = async (work: () => Promise<unknown>): Promise<boolean> => {
    try {
      await work();
      set({ error: null });
      return true;
    } catch (e) {
      set({ error: (e as Error).message, notice: null });
      return false;
    } finally {
      await Promise.all([get().load(), get().loadAlerts()]);
    }
  };
  return {
    report: null,
    alerts: [],
    error: null,
    notice: null,
    async load() {
      try {
        const report = await scout.call('miners.report', { scenario: useScenarioStore.getState().scenario });
        set({ report });
      } catch (e) {
        set({ error: (e as Error).message });
      }
    },
    async loadAlerts() {
      // The badge is a hint: a failure here (no data folder) shows nothing rather than an error everywhere.
      const alerts = await scout.call('miners.alerts').catch(() => []);
      set({ alerts });
      announce(alerts);
    },
    addKey: (key) =>
      act(async () => {
        const added = await scout.call('miners.addKey', key);
        set({ notice: added.notice });
      }),
    updateKey: (id, patch) => act(() => scout.call('miners.updateKey', { id, ...patch })),
    removeKey: async (id) => {
      await act(() => scout.call('miners.removeKey', { id }));
    },
    setMinerRent: async (netuid, hotkey, rentUsdPerMonth) => {
      await act(() => scout.call('miners.setMinerRent', { netuid, hotkey, rentUsdPerMonth }));
    },
    setEarningsDropAlert: (percent) => act(() => scout.call('miners.setEarningsDropAlert', { percent })),
    reportError: (message) => set({ error: message, notice: null }),
  };
});

/**
 * Which data the figures come from: the data file and its latest sync point (null before the first sync). A sync or
 * another data file changes it, and what the keys hold with it. Read from the data store, which the app refreshes
 * on every data change, so My miners asks the core nothing until there is data (and nothing extra at start-up).
 */
export function useDataVersion(): string | null {
  return useDataStore((s) => (s.subnets?.point ? `${s.info?.databasePath}:${s.subnets.point.id}` : null));
}
