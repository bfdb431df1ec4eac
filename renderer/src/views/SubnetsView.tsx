import { useDataStore } from '../stores/data-store';
import { useUiStore } from '../stores/ui-store';
import { useSyncStore } from '../stores/sync-store';
import { WhatIfAside } from '../scenario/WhatIfAside';
import { WhatIfFailed } from '../scenario/WhatIfFailed';
import { SubnetsTable } from '../subnets/SubnetsTable';

export function SubnetsView() {
  // Renamed here: a `use…` name called in a click handler reads as a React hook called out of place.
  const { subnets, loading, error, useDataset: switchDataset } = useDataStore();
  const startSync = useSyncStore((s) => s.start);
  const syncing = useSyncStore((s) => s.state?.running ?? false);
  const go = useUiStore((s) => s.go);
  if (error) return <p className="error">{error}</p>;
  if (!subnets) return <p className="muted">{loading ? 'Loading…' : ''}</p>;
  if (subnets.rows.length === 0) {
    return (
      <section className="empty-state" aria-labelledby="subnets-title">
        <h1 id="subnets-title">Subnets</h1>
        <p className="empty">No data yet: sync from Finney, or open the demo data.</p>
        <div className="row">
          <button onClick={() => void startSync()} disabled={syncing}>
            Sync now
          </button>
          <button className="secondary" onClick={() => void switchDataset('demo')} disabled={loading}>
            {loading ? 'Preparing demo data…' : 'Open demo data'}
          </button>
        </div>
        <p className="muted">
          The endpoint to sync from is chosen in{' '}
          <button className="link" onClick={() => go('settings')}>
            Settings
          </button>
          . The demo data is a synthetic network, clearly labelled, for trying the app without a connection.
        </p>
      </section>
    );
  }
  return (
    <div className="with-side-panel">
      <WhatIfAside />
      <section aria-labelledby="subnets-title" className="main-panel" tabIndex={-1}>
        <h1 id="subnets-title">Subnets</h1>
        {subnets.dataset === 'demo' && (
          <p className="banner" role="note">
            You are looking at <strong>synthetic demo data</strong>, not the real network.{' '}
            <button className="secondary small" onClick={() => void switchDataset('live')}>
              Back to my data
            </button>
          </p>
        )}
        <WhatIfFailed />
        <SubnetsTable rows={subnets.rows} />
      </section>
    </div>
  );
}
