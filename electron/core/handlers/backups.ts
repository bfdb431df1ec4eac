import type { HandlersFor, Method } from '../../../shared/api';
import path from 'node:path';
import type { BackupInfo } from '../../../shared/backups-types';
import {
  backupFolder,
  backupPath,
  backupProblem,
  createBackup,
  DamagedCopyError,
  listBackups,
  pruneBackups,
} from '../db/backups';
import { putInPlace, setAside, stageCopy } from '../db/restore';
import { CoreError } from '../errors';
import { LIVE_DB_FILE } from '../paths';
import type { HandlerContext } from './context';
import { appInfo } from './app';

/** Backups belong to the user's own data file (the demo file is regenerated, never backed up). */
const liveFile = (service: HandlerContext) => path.join(service.currentDataDir(), LIVE_DB_FILE);

/**
 * Restores a backup: checks it fully first (nothing changes if it is unusable), keeps the current file (a verified
 * backup of it if it opens and passes the check, the file itself set aside if not), then swaps the copy in and opens
 * it. All of it while no other process uses the folder: a CLI sync holding the old file would go on writing into it
 * after the swap, into a file nobody reads.
 */
async function restore(service: HandlerContext, name: string): Promise<void> {
  if (service.sync.status().running)
    throw new CoreError('busy', 'Wait for the sync to finish (or cancel it) before restoring a backup.');
  const file = liveFile(service);
  const unusable = service.currentProblem();
  const current = unusable ? null : service.requireWorkspace();
  if ((current && current.databasePath !== file) || (unusable && unusable.path !== file)) {
    throw new CoreError('invalid-argument', 'Backups are of your own data: switch back from the demo data first.');
  }
  const chosen = backupPath(file, name);
  if (!chosen) throw new CoreError('not-found', `There is no backup named ${name} in ${backupFolder(file)}.`);
  const problem = backupProblem(chosen, true);
  if (problem)
    throw new CoreError('invalid-argument', `The backup ${name} cannot be restored: ${problem}. Nothing was changed.`);

  let keepAsIs = !current;
  if (current) {
    try {
      await createBackup(current.db, file, 'before-restore', service.now());
    } catch (e) {
      // The current file fails the check now: it is kept byte for byte instead of as a copy.
      if (!(e instanceof DamagedCopyError)) throw e;
      keepAsIs = true;
    }
  }
  const staged = stageCopy(file, chosen);
  await service.reopenAfter(() => {
    if (keepAsIs) setAside(file, service.now());
    putInPlace(file, staged);
  });
  // Only now: rotating before the swap could delete the very backup being restored.
  const budgetMb = service.currentProblem() ? null : service.requireWorkspace().settings.get().backupBudgetMb;
  pruneBackups(file, service.now(), budgetMb === null ? {} : { budgetBytes: budgetMb * 1024 * 1024 });
}

export function backupsHandlers(service: HandlerContext) {
  return {
    'backups.list': (): BackupInfo[] => listBackups(liveFile(service)),
    'backups.restore': async ({ name }) => {
      await restore(service, name); // with the folder to itself (the service's EXCLUSIVE operations)
      return appInfo(service);
    },
  } satisfies HandlersFor<Extract<Method, `backups.${string}`>>;
}
