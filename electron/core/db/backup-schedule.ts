/**
 * The daily backup: checked when a data file is opened and every hour while the app runs, so a file opened every
 * day, or an app left running for weeks, both get one backup a day (the newest KEEP_BACKUPS are kept).
 */
import type { Database } from 'better-sqlite3';
import type { BackupInfo } from '../../../shared/backups-api';
import type { Dataset } from '../../../shared/api-types';
import { createBackup, dailyBackupDue, pruneBackups } from './backups';

const CHECK_EVERY_MS = 60 * 60 * 1000;

export interface BackupSubject {
  db: Database;
  databasePath: string;
  dataset: Dataset;
}

export class DailyBackups {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<BackupInfo | null> | null = null;

  constructor(
    private readonly subject: () => BackupSubject | null,
    private readonly now: () => number,
  ) {}

  /** Checks now (without holding up the caller) and then every hour. */
  start(): void {
    this.stop();
    void this.runIfDue();
    this.timer = setInterval(() => void this.runIfDue(), CHECK_EVERY_MS);
    this.timer.unref?.();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** Makes the daily backup if none is younger than a day; resolves to it, or null when none was due. */
  runIfDue(): Promise<BackupInfo | null> {
    this.running ??= this.backUp().finally(() => (this.running = null));
    return this.running;
  }

  private async backUp(): Promise<BackupInfo | null> {
    const s = this.subject();
    // The demo file is regenerated from a seed; only the user's own data needs copies.
    if (!s || s.dataset !== 'live' || !dailyBackupDue(s.databasePath, this.now())) return null;
    try {
      const made = await createBackup(s.db, s.databasePath, 'daily', this.now());
      pruneBackups(s.databasePath, this.now());
      return made;
    } catch {
      // The file was closed meanwhile (another folder opened, app quitting) or the disk refused: the next check
      // tries again, and the backup's temporary file was removed.
      return null;
    }
  }
}
