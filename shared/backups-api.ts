/**
 * The backups part of the contract (spread into `contract` in api.ts): copies of the data file the app makes by
 * itself (daily, and before every schema change), and putting one of them back.
 */
import { z } from 'zod';
import type { AppInfo } from './api-types';
import { none, op } from './contract-op';
import type { BackupInfo } from './backups-types';

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
