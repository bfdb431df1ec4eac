/** The handlers' view of the service (see core-context.ts): what the contract's operations need besides the workspace. */
import type { HandlersFor, Method } from '../../../shared/api';
import type { DataProblem, Dataset } from '../../../shared/api-types';
import type { CoreContext } from '../core-context';
import type { DailyBackups } from '../db/backup-schedule';
import type { SyncController } from '../sync/sync-controller';

export type Handlers = HandlersFor<Method>;

export interface HandlerContext extends CoreContext {
  readonly version: string;
  readonly sync: Pick<SyncController, 'start' | 'cancel' | 'status' | 'reschedule'>;
  readonly backups: Pick<DailyBackups, 'lastFailure'>;
  /** Prints a renderer route to PDF with the shell's browser engine; null when the shell has none. */
  readonly printPdf: ((route: string) => Promise<Uint8Array>) | null;
  currentProblem(): DataProblem | null;
  currentDataDir(): string;
  /** Opens a data folder; on failure the previous workspace is closed and the problem is kept for the UI. */
  openDataFolder(dataDir: string, dataset: Dataset): Promise<void>;
  /** Closes the live data file, lets `replace` change it on disk (restoring a backup), then opens it again. */
  reopenAfter(replace: () => void): Promise<void>;
}
