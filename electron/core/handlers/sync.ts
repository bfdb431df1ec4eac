import type { HandlersFor, Method } from '../../../shared/api';
import { listPoints } from '../db/snapshot-read';
import type { HandlerContext } from './context';

export function syncHandlers(service: HandlerContext) {
  return {
    'sync.start': (request) => service.sync.start(request ?? {}),
    'sync.cancel': () => service.sync.cancel(),
    'sync.status': () => service.sync.status(),
    'sync.points': () => listPoints(service.requireWorkspace().db),
  } satisfies HandlersFor<Extract<Method, `sync.${string}`>>;
}
