/** Named scenarios the user saved, and their evaluation on one subnet for side-by-side comparison. */
import { useCallback, useEffect, useState } from 'react';
import type { SavedScenario } from '../../../shared/api-types';
import type { MinerEconomics, Scenario } from '../../../shared/economics';
import { scout } from '../scout';

export function useSavedScenarios() {
  const [saved, setSaved] = useState<SavedScenario[]>([]);
  const [error, setError] = useState<string | null>(null);
  const attempt = useCallback(async (work: () => Promise<unknown>): Promise<boolean> => {
    try {
      await work();
      setSaved(await scout.call('scenarios.list'));
      setError(null);
      return true;
    } catch (e) {
      setError((e as Error).message);
      return false;
    }
  }, []);
  useEffect(() => {
    void attempt(async () => undefined);
    // Saved in another window, or another data file with its own: the list follows.
    return scout.on('data.changed', ({ scope }) => {
      if (scope === 'scenarios' || scope === 'dataset') void attempt(async () => undefined);
    });
  }, [attempt]);
  return {
    saved,
    error,
    save: (name: string, netuid: number | null, scenario: Scenario) =>
      attempt(() => scout.call('scenarios.save', { name, netuid, scenario })),
    remove: (id: number) => attempt(() => scout.call('scenarios.delete', { id })),
  };
}

/** Each chosen scenario evaluated on this subnet by the engine; re-asked when the choice or the subnet changes. */
export function useComparison(netuid: number, chosen: SavedScenario[]) {
  const [results, setResults] = useState<Map<number, MinerEconomics>>(new Map());
  const [error, setError] = useState<string | null>(null);
  const key = chosen.map((s) => `${s.id}@${s.updatedAtMs}`).join(',');
  useEffect(() => {
    let current = true;
    // Only the economics is compared: the shortest history window keeps each answer small.
    const economicsOf = async (s: SavedScenario) =>
      (await scout.call('subnet.economics', { netuid, scenario: s.scenario, historyDays: 1 })).economics;
    Promise.all(chosen.map(async (s) => [s.id, await economicsOf(s)] as const))
      .then((pairs) => {
        if (current) {
          setResults(new Map(pairs));
          setError(null);
        }
      })
      .catch((e: Error) => current && setError(e.message));
    return () => {
      current = false;
    };
    // `key` stands for `chosen`: the array is rebuilt every render, its ids and versions are what matter.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [netuid, key]);
  return { results, error };
}
