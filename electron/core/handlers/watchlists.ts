import type { HandlersFor, Method } from '../../../shared/api';
import type { HandlerContext } from './context';
import { watchlistChanges } from '../watchlist-changes';
import { changing } from './user-data-changes';

export function watchlistHandlers(service: HandlerContext) {
  const repo = () => service.requireWorkspace().watchlists;
  /** A write every window showing watchlists (the Watchlists screen, the Subnets table's filter, a subnet's page) follows. */
  const write = <T>(work: () => T): T => changing(service, 'watchlists', work);
  return {
    'watchlists.list': () => repo().list(),
    'watchlists.create': ({ name }) => write(() => repo().create(name)),
    'watchlists.rename': ({ id, name }) => write(() => repo().rename(id, name)),
    'watchlists.delete': ({ id }) => {
      write(() => repo().remove(id));
      return { id };
    },
    'watchlists.restore': ({ id }) => write(() => repo().restore(id)),
    'watchlists.reorder': ({ ids }) => write(() => repo().reorder(ids)),
    'watchlists.addSubnet': ({ id, netuid }) => write(() => repo().addSubnet(id, netuid)),
    'watchlists.removeSubnet': ({ id, netuid }) => write(() => repo().removeSubnet(id, netuid)),
    'watchlists.changes': ({ id, scenario }) => {
      const ws = service.requireWorkspace();
      const list = ws.watchlists.get(id);
      return watchlistChanges(
        ws.db,
        ws.analyses,
        list.netuids,
        list.thresholds,
        scenario,
        ws.settings.get().verdictThresholds,
      );
    },
    'watchlists.setThresholds': ({ id, thresholds }) => write(() => repo().setThresholds(id, thresholds)),
  } satisfies HandlersFor<Extract<Method, `watchlists.${string}`>>;
}
