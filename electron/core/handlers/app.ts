import type { HandlersFor, Method } from '../../../shared/api';
import type { AppInfo } from '../../../shared/api-types';
import type { HandlerContext } from './context';
import { latestVerifiedBackup } from '../db/backups';

/** Problems a backup can help with; a read-only file or a folder in use need something else. */
const BACKUP_HELPS = new Set(['not-sqlite', 'damaged', 'newer-version', 'cannot-open', 'migration-failed']);

export async function appInfo(service: HandlerContext): Promise<AppInfo> {
  const problem = service.currentProblem();
  let workspace = null;
  try {
    workspace = service.requireWorkspace();
  } catch {
    // reported through `problem`
  }
  return {
    version: service.version,
    dataDir: service.currentDataDir(),
    databasePath: workspace?.databasePath ?? problem?.path ?? '',
    dataset: workspace?.dataset ?? 'live',
    schemaVersion: workspace?.schemaVersion ?? null,
    problem,
    // Looked up only when it is offered: checking backups on every call would slow the app down for nothing.
    latestBackup:
      problem && BACKUP_HELPS.has(problem.code) ? await latestVerifiedBackup(problem.path, service.now()) : null,
    backupFailure: service.backups.lastFailure(),
  };
}

export function appHandlers(service: HandlerContext) {
  return {
    'app.info': () => appInfo(service),
    'app.openDataFolder': async ({ path }) => {
      await service.openDataFolder(path, 'live');
      return appInfo(service);
    },
    /** Switches between the user's real data and the synthetic demo data (a separate file, filled on first use). */
    'app.useDataset': async ({ dataset }) => {
      await service.openDataFolder(service.currentDataDir(), dataset);
      return appInfo(service);
    },
  } satisfies HandlersFor<Extract<Method, `app.${string}`>>;
}
