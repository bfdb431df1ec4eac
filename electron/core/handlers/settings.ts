import type { Settings } from '../../../shared/api-types';
import type { HandlerContext } from './context';

export function settingsHandlers(service: HandlerContext) {
  return {
    'settings.get': () => service.requireWorkspace().settings.get(),
    'settings.set': (patch: Partial<Settings>) => {
      const next = service.requireWorkspace().settings.set(patch);
      service.sync.reschedule();
      service.emit('data.changed', { scope: 'settings' });
      return next;
    },
  };
}
