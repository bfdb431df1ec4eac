import type { ChangeThresholds } from '../../../shared/api-types';
import type { Scenario } from '../../../shared/economics';
import type { ScoutService } from '../service';
import { watchlistChanges } from '../watchlist-changes';

export function watchlistHandlers(service: ScoutService) {
  const repo = () => service.requireWorkspace().watchlists;
  return {
    'watchlists.list': () => repo().list(),
    'watchlists.create': ({ name }: { name: string }) => repo().create(name),
    'watchlists.rename': ({ id, name }: { id: number; name: string }) => repo().rename(id, name),
    'watchlists.delete': ({ id }: { id: number }) => {
      repo().remove(id);
      return { id };
    },
    'watchlists.restore': ({ id }: { id: number }) => repo().restore(id),
    'watchlists.reorder': ({ ids }: { ids: number[] }) => repo().reorder(ids),
    'watchlists.addSubnet': ({ id, netuid }: { id: number; netuid: number }) => repo().addSubnet(id, netuid),
    'watchlists.removeSubnet': ({ id, netuid }: { id: number; netuid: number }) => repo().removeSubnet(id, netuid),
    'watchlists.changes': ({ id, scenario }: { id: number; scenario: Scenario }) => {
      const ws = service.requireWorkspace();
      const list = ws.watchlists.get(id);
      return watchlistChanges(ws.db, ws.analyses, list.netuids, list.thresholds, scenario, ws.settings.get().verdictThresholds);
    },
    'watchlists.setThresholds': ({ id, thresholds }: { id: number; thresholds: Partial<ChangeThresholds> }) =>
      repo().setThresholds(id, thresholds),
  };
}
