/**
 * The Subnet page's data: the detail of one subnet and its sensitivity grid under the active scenario. Both are
 * fetched together so the page never shows a grid from one scenario next to figures from another, and through
 * latestOnly so a dragged slider never paints an overtaken result.
 */
import { create } from 'zustand';
import type { SubnetDetail } from '../../../shared/api-types';
import type { Scenario, SensitivityGrid } from '../../../shared/economics';
import { scout } from '../scout';
import { latestOnly } from '../stores/latest-only';

interface SubnetState {
  netuid: number | null;
  detail: SubnetDetail | null;
  sensitivity: SensitivityGrid | null;
  loading: boolean;
  error: string | null;
  /** Asks for the subnet under this scenario; the latest ask wins. */
  load(netuid: number, scenario: Scenario): void;
}

const fetchDetail = latestOnly(
  async ({ netuid, scenario }: { netuid: number; scenario: Scenario }) => {
    const [detail, sensitivity] = await Promise.all([
      scout.call('subnet.economics', { netuid, scenario }),
      scout.call('scenario.sensitivity', { netuid, scenario }),
    ]);
    return { netuid, detail, sensitivity };
  },
  ({ netuid, detail, sensitivity }) => {
    // A reply for a subnet the user already left is dropped rather than shown under the wrong heading.
    if (useSubnetStore.getState().netuid === netuid) useSubnetStore.setState({ detail, sensitivity, loading: false, error: null });
  },
  (e) => useSubnetStore.setState({ loading: false, error: e.message }),
);

export const useSubnetStore = create<SubnetState>((set, get) => ({
  netuid: null,
  detail: null,
  sensitivity: null,
  loading: false,
  error: null,
  load(netuid, scenario) {
    // Switching subnets clears the old figures at once; a new scenario for the same subnet keeps them until replaced.
    if (get().netuid !== netuid) set({ netuid, detail: null, sensitivity: null, error: null });
    set({ loading: true });
    fetchDetail({ netuid, scenario });
  },
}));
