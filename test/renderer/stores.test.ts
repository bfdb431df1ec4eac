/**
 * The renderer's zustand stores (renderer/src/stores, renderer/src/subnet/subnet-store.ts) against a real core in
 * this process: what each keeps, what it says when the core refuses, and what it asks the core for.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_SCENARIO } from '../../shared/scenario';
import { useWatchlistStore } from '../../renderer/src/stores/watchlist-store';
import { useScenarioStore } from '../../renderer/src/stores/scenario-store';
import { useSubnetStore } from '../../renderer/src/subnet/subnet-store';
import { openInProcessCore, scoutModule, type InProcessCore } from './in-process-core';

vi.mock('../../renderer/src/scout', async () => ({ scout: (await import('./in-process-core')).scoutModule.scout }));

let core: InProcessCore;
beforeEach(async () => {
  core = await openInProcessCore();
  scoutModule.current = core.scout;
  useWatchlistStore.setState({ lists: [], error: null, deleted: null });
  useScenarioStore.setState({
    scenario: DEFAULT_SCENARIO,
    errors: {},
    economics: new Map(),
    evaluateError: null,
    edited: false,
  });
  useSubnetStore.setState({ netuid: null, detail: null, sensitivity: null, error: null, missing: false });
});
afterEach(async () => {
  await core.close();
});

describe('the watchlist store', () => {
  const names = () => useWatchlistStore.getState().lists.map((l) => l.name);

  it("keeps the lists in order, refuses a name already taken with the core's reason, and offers Undo for a delete", async () => {
    const store = useWatchlistStore.getState();
    const gpu = (await store.create('GPU'))!;
    await store.create('CPU');
    expect(names()).toEqual(['GPU', 'CPU']);

    expect(await store.rename(gpu.id, 'CPU')).toBe(false);
    expect(useWatchlistStore.getState().error).toBe('A watchlist named "CPU" already exists.');
    expect(names()).toEqual(['GPU', 'CPU']);

    await store.move(gpu.id, 1);
    expect(names()).toEqual(['CPU', 'GPU']);
    await store.remove(gpu.id);
    expect([names(), useWatchlistStore.getState().deleted?.name]).toEqual([['CPU'], 'GPU']);
    await useWatchlistStore.getState().undoRemove();
    expect([names(), useWatchlistStore.getState().deleted]).toEqual([['CPU', 'GPU'], null]);
    expect(useWatchlistStore.getState().error).toBeNull();
  });

  it("a list deleted in another window ('not-found'): says so instead of the core's id, and the list goes", async () => {
    const store = useWatchlistStore.getState();
    const gpu = (await store.create('GPU'))!;
    await core.service.call('watchlists.delete', { id: gpu.id }); // another window
    await store.toggleSubnet(gpu.id, 4);
    expect(useWatchlistStore.getState().error).toBe(
      'That watchlist was deleted in another window, so nothing was changed.',
    );
    expect(names()).toEqual([]);
  });
});

describe('the scenario store', () => {
  it('refuses an invalid field with its message and keeps the last valid what-if in force', () => {
    const store = useScenarioStore.getState();
    expect(store.change({ rentUsdPerMonth: -5 })).toBe(false);
    expect(useScenarioStore.getState().errors).toEqual({ rentUsdPerMonth: 'rent cannot be negative' });
    expect(useScenarioStore.getState().scenario.rentUsdPerMonth).toBe(DEFAULT_SCENARIO.rentUsdPerMonth);
    expect(core.calls).toEqual([]);
  });

  it('uses a valid change at once (the table is re-evaluated), clears its error, and saves it to settings shortly after', async () => {
    const store = useScenarioStore.getState();
    store.change({ rentUsdPerMonth: -5 });
    expect(store.change({ rentUsdPerMonth: 220 })).toBe(true);
    expect(useScenarioStore.getState().errors).toEqual({});
    expect(core.calls).toEqual(['scenario.evaluateTable']);
    await vi.waitFor(async () => expect((await core.scout.call('settings.get')).scenario.rentUsdPerMonth).toBe(220), {
      timeout: 3000,
    });
  });
});

describe('the scenario store at start', () => {
  it('takes the what-if kept in settings, unless the user already changed it in this window', () => {
    const kept = { ...DEFAULT_SCENARIO, rentUsdPerMonth: 410 };
    useScenarioStore.getState().init(kept);
    expect(useScenarioStore.getState().scenario.rentUsdPerMonth).toBe(410);

    useScenarioStore.setState({ scenario: DEFAULT_SCENARIO, edited: false });
    // Typed while the settings were still on their way: the late settings must not undo it.
    expect(useScenarioStore.getState().change({ rentUsdPerMonth: 700 })).toBe(true);
    useScenarioStore.getState().init(kept);
    expect(useScenarioStore.getState().scenario.rentUsdPerMonth).toBe(700);
  });
});

describe('the subnet store', () => {
  it("a netuid the data does not hold ('not-found') is marked missing, not a failure to retry", async () => {
    useSubnetStore.getState().load(999, DEFAULT_SCENARIO);
    await vi.waitFor(() => expect(useSubnetStore.getState().loading).toBe(false));
    expect(useSubnetStore.getState()).toMatchObject({
      netuid: 999,
      detail: null,
      missing: true,
      error: expect.stringMatching(/SN999/),
    });
  });

  it('a failure of another kind is an error to retry, not a missing subnet', async () => {
    await core.service.close(); // the core's data file is closed under the page
    useSubnetStore.getState().load(1, DEFAULT_SCENARIO);
    await vi.waitFor(() => expect(useSubnetStore.getState().loading).toBe(false));
    expect(useSubnetStore.getState()).toMatchObject({ missing: false, error: expect.any(String) });
  });
});
