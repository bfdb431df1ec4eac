import type { HandlerContext, Handlers } from './context';
import { appHandlers } from './app';
import { settingsHandlers } from './settings';
import { subnetHandlers } from './subnets';
import { syncHandlers } from './sync';
import { watchlistHandlers } from './watchlists';
import { economicsHandlers } from './economics';
import { reportHandlers } from './reports';
import { notesHandlers } from './notes';
import { backupsHandlers } from './backups';
import { minersHandlers } from './miners';

/** Every contract method's handler; `satisfies Handlers` makes a missing or mistyped one a compile error. */
export function createHandlers(service: HandlerContext): Handlers {
  return {
    ...appHandlers(service),
    ...settingsHandlers(service),
    ...subnetHandlers(service),
    ...syncHandlers(service),
    ...watchlistHandlers(service),
    ...economicsHandlers(service),
    ...reportHandlers(service),
    ...notesHandlers(service),
    ...backupsHandlers(service),
    ...minersHandlers(service),
  } satisfies Handlers;
}
