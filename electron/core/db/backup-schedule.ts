/**
 * The daily backup: checked when a data file is opened (once its integrity check has passed) and every hour while
 * the app runs, so a file opened every day, or an app left running for weeks, both get one backup a day, rotated by
 * count and by the settings' size budget. A failed backup is kept as `lastFailure` and announced, so the user sees
 * it (status bar, Settings → Backups) until a backup succeeds again.
 */
import type { Database } from 'better-sqlite3';
import type { BackupFailure, BackupInfo } from '../../../shared/backups-types';
import type { Dataset } from '../../../shared/api-types';
import { backupFolder, createBackup, dailyBackupDue, pruneBackups } from './backups';

const CHECK_EVERY_MS = 60 * 60 * 1000;

export interface BackupSubject {
  db: Database;
  databasePath: string;
  dataset: Dataset;
  /** The total size the automatic backups may take. */
  budgetBytes(): number;
}

export interface BackupHooks {
  /** The open file's subject, or null when none is open. */
  subject(): BackupSubject | null;
  /** Resolves once the open file passed its integrity check (rejects when it failed): nothing is copied before. */
  ready(): Promise<void>;
  now(): number;
  /** A backup failed, or succeeded after failing: the user's view of it changed. */
  changed(): void;
}

export class DailyBackups {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<BackupInfo | null> | null = null;
  private failure: BackupFailure | null = null;

  constructor(private readonly hooks: BackupHooks) {}

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

  /** The last failed daily backup, while no backup has succeeded since. */
  lastFailure(): BackupFailure | null {
    return this.failure;
  }

  /** Makes the daily backup if none is younger than a day; resolves to it, or null when none was due or it failed. */
  runIfDue(): Promise<BackupInfo | null> {
    this.running ??= this.backUp().finally(() => (this.running = null));
    return this.running;
  }

  private async backUp(): Promise<BackupInfo | null> {
    try {
      await this.hooks.ready();
    } catch {
      return null; // the file failed its check: it is never copied (the app already says it is damaged)
    }
    const s = this.hooks.subject();
    // The demo file is regenerated from a seed; only the user's own data needs copies.
    if (!s || s.dataset !== 'live') return null;
    try {
      if (!dailyBackupDue(s.databasePath, this.hooks.now())) {
        // A lowered budget, or a backup made before a migration (rotated by count only), is brought within the
        // budget by the next hourly check.
        pruneBackups(s.databasePath, this.hooks.now(), { budgetBytes: s.budgetBytes() });
        return null;
      }
      const made = await createBackup(s.db, s.databasePath, 'daily', this.hooks.now());
      pruneBackups(s.databasePath, this.hooks.now(), { budgetBytes: s.budgetBytes() });
      this.setFailure(null);
      return made;
    } catch (e) {
      // The file closed meanwhile (another folder opened, app quitting) is not a failure: the next open backs up.
      if (this.hooks.subject()?.db !== s.db || !s.db.open) return null;
      // Disk full, a damaged copy, a folder gone read-only: the temporary file was removed, the next hourly check
      // tries again, and the user is told now.
      const folder = backupFolder(s.databasePath);
      this.setFailure({
        atMs: this.hooks.now(),
        message: `The daily backup into ${folder} failed: ${(e as Error).message}. Your data is unchanged; it is retried every hour.`,
      });
      return null;
    }
  }

  private setFailure(failure: BackupFailure | null): void {
    const changed =
      (failure === null) !== (this.failure === null) || (failure && failure.message !== this.failure?.message);
    this.failure = failure;
    if (changed) this.hooks.changed();
  }
}
