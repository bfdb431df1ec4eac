import type { Settings } from '../../../shared/api-types';
import type { ScoutService } from '../service';

export function settingsHandlers(service: ScoutService) {
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
