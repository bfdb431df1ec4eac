import { listPoints } from '../db/snapshot-read';
import type { HandlerContext } from './context';
import type { SyncRequest } from '../sync/sync-controller';

export function syncHandlers(service: HandlerContext) {
  return {
    'sync.start': (request: SyncRequest | undefined) => service.sync.start(request ?? {}),
    'sync.cancel': () => service.sync.cancel(),
    'sync.status': () => service.sync.status(),
    'sync.points': () => listPoints(service.requireWorkspace().db),
  };
}
