import { useEffect, useState } from 'react';
import { formatAge, formatBlock } from '../../../shared/format';
import { useDataStore } from '../stores/data-store';
import { SyncControl } from './SyncControl';
import { formatWhen } from '../fixed';

/** The data's age and source, always visible: offline the user still knows how old the numbers are. */
export function StatusBar() {
  const { subnets, info } = useDataStore();
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(t);
  }, []);
  const point = subnets?.point ?? null;
  return (
    <footer className="statusbar">
      {info?.dataset === 'demo' && <span className="badge demo">Synthetic demo data</span>}
      <span data-testid="data-age" role="status">
        {point
          ? `Synced ${formatAge(point.syncedAtMs, now)} at block ${formatBlock(point.blockNumber)} (${formatWhen(point.blockTimeMs)})`
          : 'No data yet'}
      </span>
      {info?.dataset !== 'demo' && <SyncControl />}
      {info?.backupFailure && (
        <span className="error" data-testid="backup-failure" title={info.backupFailure.message}>
          The daily backup failed (see Settings → Backups)
        </span>
      )}
      <span className="spacer" />
      <span className="muted">{info ? `Data: ${info.databasePath}` : ''}</span>
    </footer>
  );
}
