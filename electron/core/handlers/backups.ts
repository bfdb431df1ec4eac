import path from 'node:path';
import type { BackupInfo } from '../../../shared/backups-api';
import { backupFolder, backupPath, backupProblem, createBackup, listBackups, pruneBackups } from '../db/backups';
import { putInPlace, setAside, stageCopy } from '../db/restore';
import { CoreError } from '../errors';
import { LIVE_DB_FILE } from '../paths';
import type { ScoutService } from '../service';
import { appInfo } from './app';

/** Backups belong to the user's own data file (the demo file is regenerated, never backed up). */
const liveFile = (service: ScoutService) => path.join(service.currentDataDir(), LIVE_DB_FILE);

/**
 * Restores a backup: checks it fully first (nothing changes if it is unusable), keeps the current file (a backup of
 * it if it opens, the file itself set aside if it does not), then swaps the copy in and opens it.
 */
async function restore(service: ScoutService, name: string): Promise<void> {
  if (service.sync.status().running) throw new CoreError('sync-busy', 'Wait for the sync to finish (or cancel it) before restoring a backup.');
  const file = liveFile(service);
  const unusable = service.currentProblem();
  const current = unusable ? null : service.requireWorkspace();
  if ((current && current.databasePath !== file) || (unusable && unusable.path !== file)) {
    throw new CoreError('invalid-argument', 'Backups are of your own data: switch back from the demo data first.');
  }
  const chosen = backupPath(file, name);
  if (!chosen) throw new CoreError('invalid-argument', `There is no backup named ${name} in ${backupFolder(file)}.`);
  const problem = backupProblem(chosen, true);
  if (problem) throw new CoreError('invalid-argument', `The backup ${name} cannot be restored: ${problem}. Nothing was changed.`);

  if (current) await createBackup(current.db, file, 'before-restore', service.now());
  const staged = stageCopy(file, chosen);
  await service.reopenAfter(() => {
    if (!current) setAside(file, service.now());
    putInPlace(file, staged);
  });
  // Only now: rotating before the swap could delete the very backup being restored.
  pruneBackups(file, service.now());
}

export function backupsHandlers(service: ScoutService) {
  return {
    'backups.list': (): BackupInfo[] => listBackups(liveFile(service)),
    'backups.restore': async ({ name }: { name: string }) => {
      await restore(service, name);
      return appInfo(service);
    },
  };
}
