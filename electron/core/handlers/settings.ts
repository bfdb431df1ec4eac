import type { HandlersFor, Method } from '../../../shared/api';
import type { HandlerContext } from './context';

export function settingsHandlers(service: HandlerContext) {
  return {
    'settings.get': () => service.requireWorkspace().settings.get(),
    'settings.set': (patch) => {
      const next = service.requireWorkspace().settings.set(patch);
      service.sync.reschedule();
      service.emit('data.changed', { scope: 'settings' });
      return next;
    },
  } satisfies HandlersFor<Extract<Method, `settings.${string}`>>;
}
