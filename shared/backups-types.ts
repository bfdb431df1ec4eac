/** Result types of the backups operations (see backups-api.ts); AppInfo carries them too, so they sit apart. */

/** Why a backup was made. 'set-aside' is the unusable file a restore replaced: kept, never rotated away. */
export type BackupReason = 'daily' | 'before-migration' | 'before-restore' | 'set-aside';

export interface BackupInfo {
  /** The file's name inside the data folder's `backups/` folder; what `backups.restore` takes. */
  name: string;
  createdAtMs: number;
  reason: BackupReason;
  sizeBytes: number;
  /** It passed SQLite's quick_check after it was written (or when it was last offered); only these are offered. */
  verified: boolean;
}

/** The last daily backup that failed, until one succeeds again: shown to the user, not only logged. */
export interface BackupFailure {
  atMs: number;
  message: string;
}
