import type { ChangeThresholds } from '../../../shared/api-types';
import type { Scenario } from '../../../shared/economics';
import type { HandlerContext } from './context';
import { watchlistChanges } from '../watchlist-changes';
import { changing } from './user-data-changes';

export function watchlistHandlers(service: HandlerContext) {
  const repo = () => service.requireWorkspace().watchlists;
  /** A write every window showing watchlists (the Watchlists screen, the Subnets table's filter, a subnet's page) follows. */
  const write = <T>(work: () => T): T => changing(service, 'watchlists', work);
  return {
    'watchlists.list': () => repo().list(),
    'watchlists.create': ({ name }: { name: string }) => write(() => repo().create(name)),
    'watchlists.rename': ({ id, name }: { id: number; name: string }) => write(() => repo().rename(id, name)),
    'watchlists.delete': ({ id }: { id: number }) => {
      write(() => repo().remove(id));
      return { id };
    },
    'watchlists.restore': ({ id }: { id: number }) => write(() => repo().restore(id)),
    'watchlists.reorder': ({ ids }: { ids: number[] }) => write(() => repo().reorder(ids)),
    'watchlists.addSubnet': ({ id, netuid }: { id: number; netuid: number }) => write(() => repo().addSubnet(id, netuid)),
    'watchlists.removeSubnet': ({ id, netuid }: { id: number; netuid: number }) => write(() => repo().removeSubnet(id, netuid)),
    'watchlists.changes': ({ id, scenario }: { id: number; scenario: Scenario }) => {
      const ws = service.requireWorkspace();
      const list = ws.watchlists.get(id);
      return watchlistChanges(ws.db, ws.analyses, list.netuids, list.thresholds, scenario, ws.settings.get().verdictThresholds);
    },
    'watchlists.setThresholds': ({ id, thresholds }: { id: number; thresholds: Partial<ChangeThresholds> }) =>
      write(() => repo().setThresholds(id, thresholds)),
  };
}
