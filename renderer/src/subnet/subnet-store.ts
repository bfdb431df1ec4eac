/**
 * The Subnet page's data: the detail of one subnet and its sensitivity grid under the active scenario. Both are
 * fetched together so the page never shows a grid from one scenario next to figures from another, and through
 * latestOnly so a dragged slider never paints an overtaken result.
 */
import { create } from 'zustand';
import type { SubnetDetail } from '../../../shared/api-types';
import type { Scenario, SensitivityGrid } from '../../../shared/economics';
import { DEFAULT_HISTORY_DAYS, type HistoryDays } from '../../../shared/history-range';
import { asScoutError } from '../../../shared/api-wire';
import { scout } from '../scout';
import { latestOnly } from '../stores/latest-only';

interface SubnetState {
  netuid: number | null;
  detail: SubnetDetail | null;
  sensitivity: SensitivityGrid | null;
  loading: boolean;
  /** Why the last ask failed; `detail` then still holds the last answer for this subnet, if there was one. */
  error: string | null;
  /** The core has no data for this netuid (code 'not-found'): a typo'd or old link, not a failure to retry. */
  missing: boolean;
  /** When `detail` was worked out, so a failure can say how old the figures it leaves are. */
  loadedAtMs: number | null;
  /** The History charts' range: `detail.history` holds just that (the choice stays from one subnet to the next). */
  historyDays: HistoryDays;
  /** Asks for the subnet under this scenario; the latest ask wins. */
  load(netuid: number, scenario: Scenario): void;
  /** Charts another range: asks for the subnet again, under the scenario of the last ask, with that much history. */
  showHistory(days: HistoryDays): void;
}

/** The last ask, which a new history range repeats. */
let asked: { netuid: number; scenario: Scenario } | null = null;

const fetchDetail = latestOnly(
  async ({ netuid, scenario, historyDays }: { netuid: number; scenario: Scenario; historyDays: HistoryDays }) => {
    const [detail, sensitivity] = await Promise.all([
      scout.call('subnet.economics', { netuid, scenario, historyDays }),
      scout.call('scenario.sensitivity', { netuid, scenario }),
    ]);
    return { netuid, detail, sensitivity };
  },
  ({ netuid, detail, sensitivity }) => {
    // A reply for a subnet the user already left is dropped rather than shown under the wrong heading.
    if (useSubnetStore.getState().netuid === netuid) {
      useSubnetStore.setState({
        detail,
        sensitivity,
        loading: false,
        error: null,
        missing: false,
        loadedAtMs: Date.now(),
      });
    }
  },
  (e) => useSubnetStore.setState({ loading: false, error: e.message, missing: asScoutError(e).code === 'not-found' }),
);

export const useSubnetStore = create<SubnetState>((set, get) => ({
  netuid: null,
  detail: null,
  sensitivity: null,
  loading: false,
  error: null,
  missing: false,
  loadedAtMs: null,
  historyDays: DEFAULT_HISTORY_DAYS,
  load(netuid, scenario) {
    asked = { netuid, scenario };
    // Switching subnets clears the old figures at once; a new scenario for the same subnet keeps them until replaced.
    if (get().netuid !== netuid)
      set({ netuid, detail: null, sensitivity: null, error: null, missing: false, loadedAtMs: null });
    set({ loading: true });
    fetchDetail({ netuid, scenario, historyDays: get().historyDays });
  },
  showHistory(historyDays) {
    set({ historyDays });
    if (asked) get().load(asked.netuid, asked.scenario);
  },
}));
