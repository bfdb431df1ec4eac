import { useCallback, useEffect, useState } from 'react';
import type { BackupInfo, BackupReason } from '../../../shared/backups-types';
import { asScoutError } from '../../../shared/api-wire';
import { scout } from '../scout';
import { ErrorMessage } from '../components/ErrorMessage';
import { useDataStore } from '../stores/data-store';
import { formatWhen } from '../fixed';

const REASONS: Record<BackupReason, string> = {
  daily: 'Daily',
  'before-migration': 'Before an app update changed the file',
  'before-restore': 'Before a restore',
  'set-aside': 'Unusable file, set aside',
};

const megabytes = (bytes: number) => `${(bytes / 1_048_576).toFixed(1)} MB`;

/** Settings → Backups: what the app has kept, whether the last daily backup failed, and putting one back. */
export function BackupsSection() {
  const failure = useDataStore((s) => s.info?.backupFailure ?? null);
  const [backups, setBackups] = useState<BackupInfo[] | null>(null);
  const [confirming, setConfirming] = useState<BackupInfo | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      setBackups(await scout.call('backups.list'));
    } catch (e) {
      setError((e as Error).message);
    }
  }, []);
  useEffect(() => void load(), [load]);
  // A backup made or failed meanwhile (the hourly check) shows without leaving the page.
  useEffect(() => scout.on('data.changed', ({ scope }) => void (scope === 'backups' && load())), [load]);

  const restore = async (backup: BackupInfo) => {
    setBusy(true);
    setError(null);
    setMessage(null);
    try {
      await scout.call('backups.restore', { name: backup.name });
      setMessage(
        `Restored the backup of ${formatWhen(backup.createdAtMs)}. The data it replaced was kept as a backup.`,
      );
      setConfirming(null);
    } catch (e) {
      const { code, message } = asScoutError(e);
      setError(message);
      // 'busy' (a sync, or another process using the folder): the choice stays open to confirm again once it is done.
      if (code !== 'busy') setConfirming(null);
    }
    setBusy(false);
    await load();
  };

  return (
    <section className="form backups-section" aria-labelledby="backups-title">
      <fieldset>
        <legend id="backups-title">Backups</legend>
        <p className="muted">
          A copy of your data is made every day and before each update changes the file, and checked after it is
          written; the newest seven are kept in the data folder&apos;s <code>backups</code> folder, within the size set
          above (the newest verified copy is always kept).
        </p>
        {failure && (
          <p className="error" role="alert" data-testid="backup-failure-detail">
            {failure.message} ({formatWhen(failure.atMs)})
          </p>
        )}
        {backups?.length === 0 && <p className="muted">No backups yet.</p>}
        <ul className="backup-list" aria-label="Backups">
          {backups?.map((b) => (
            <li key={b.name} className="row">
              <span>{formatWhen(b.createdAtMs)}</span>
              <span className="muted">{REASONS[b.reason]}</span>
              <span className="muted">{megabytes(b.sizeBytes)}</span>
              <span className="muted">
                {b.reason === 'set-aside' ? '' : b.verified ? 'Verified' : 'Not checked yet'}
              </span>
              {b.reason !== 'set-aside' && (
                <button type="button" className="secondary" disabled={busy} onClick={() => setConfirming(b)}>
                  Restore…
                </button>
              )}
            </li>
          ))}
        </ul>
        {confirming && (
          <div role="dialog" aria-label="Restore from backup" className="backup-confirm">
            <p>
              Replace your data with the backup of {formatWhen(confirming.createdAtMs)}? Your data as it is now is kept
              as a backup first.
            </p>
            <div className="row">
              <button type="button" className="danger" disabled={busy} onClick={() => void restore(confirming)}>
                Restore from backup
              </button>
              <button type="button" className="secondary" disabled={busy} onClick={() => setConfirming(null)}>
                Cancel
              </button>
            </div>
          </div>
        )}
        {message && <p role="status">{message}</p>}
        <ErrorMessage error={error} />
      </fieldset>
    </section>
  );
}
