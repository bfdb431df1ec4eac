/**
 * Tells every window when the user's watchlists, My miners (team) data or saved scenarios changed, so a second
 * window (or My miners after an import) shows them without being reopened. A write is compared with what was there
 * before it: one that changed nothing (a subnet already on the list, the same order, the same rent) and one that was
 * refused (it throws before the comparison) tell nobody.
 */
import type { HandlerContext } from './context';
import type { Workspace } from '../workspace';

export type UserDataScope = 'watchlists' | 'team' | 'scenarios';

/** Everything of a scope a window shows, read whole: user data is small, and reading it is cheaper than a missed refresh. */
const shown: Record<UserDataScope, (ws: Workspace) => unknown> = {
  watchlists: (ws) => ws.watchlists.list(),
  team: ({ team }) => [team.keys(), team.minerRentList(), team.ownEarningsDropAlertPercent()],
  scenarios: (ws) => ws.scenarios.list(),
};

/** Remembers the scopes as they are now; the function it returns announces each one that differs by then. */
export function watchUserData(service: HandlerContext, scopes: UserDataScope[]): () => void {
  const read = (scope: UserDataScope) => JSON.stringify(shown[scope](service.requireWorkspace()));
  const before = scopes.map(read);
  return () =>
    scopes.forEach((scope, i) => {
      if (read(scope) !== before[i]) service.emit('data.changed', { scope });
    });
}

/** Runs one write of `scope` and announces it if it changed anything. */
export function changing<T>(service: HandlerContext, scope: UserDataScope, write: () => T): T {
  const announce = watchUserData(service, [scope]);
  const result = write();
  announce();
  return result;
}
