/**
 * The backups part of the contract (spread into `contract` in api.ts): copies of the data file the app makes by
 * itself (daily, and before every schema change), and putting one of them back.
 */
import { z } from 'zod';
import type { AppInfo } from './api-types';
import { none, op } from './contract-op';

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

/** Only names the app gives its backups: no folders, no `..`, nothing outside `backups/`. */
export const BackupNameSchema = z
  .string()
  .max(200)
  .regex(/^[a-z]+-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z-[a-z0-9-]+\.db$/, 'not the name of a Subnet Scout backup');

export const BackupRestoreSchema = z.object({ name: BackupNameSchema }).strict();

export const backupsContract = {
  /** Newest first. */
  'backups.list': op<BackupInfo[]>()(none),
  /** Checks the backup, keeps the current file as a backup too, then puts the backup in its place and opens it. */
  'backups.restore': op<AppInfo>()(BackupRestoreSchema),
} as const;
