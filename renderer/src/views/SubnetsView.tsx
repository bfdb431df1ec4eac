import { formatInteger, formatPercent, formatTao } from '../../../shared/format';
import { useDataStore } from '../stores/data-store';
import { useUiStore } from '../stores/ui-store';
import { useSyncStore } from '../stores/sync-store';

export function SubnetsView() {
  const { subnets, loading, error, useDataset } = useDataStore();
  const startSync = useSyncStore((s) => s.start);
  const syncing = useSyncStore((s) => s.state?.running ?? false);
  const go = useUiStore((s) => s.go);
  if (error) return <p className="error">{error}</p>;
  if (!subnets) return <p className="muted">{loading ? 'Loading…' : ''}</p>;
  if (subnets.rows.length === 0) {
    return (
      <section className="empty-state" aria-labelledby="subnets-title">
        <h1 id="subnets-title">Subnets</h1>
        <p className="empty">
          No data yet: sync from Finney, or open the demo data.
        </p>
        <div className="row">
          <button onClick={() => void startSync()} disabled={syncing}>
            Sync now
          </button>
          <button className="secondary" onClick={() => void useDataset('demo')} disabled={loading}>
            {loading ? 'Preparing demo data…' : 'Open demo data'}
          </button>
        </div>
        <p className="muted">
          The endpoint to sync from is chosen in <button className="link" onClick={() => go('settings')}>Settings</button>.
          The demo data is a synthetic network, clearly labelled, for trying the app without a connection.
        </p>
      </section>
    );
  }
  return (
    <section aria-labelledby="subnets-title">
      <h1 id="subnets-title">Subnets</h1>
      {subnets.dataset === 'demo' && (
        <p className="banner" role="note">
          You are looking at <strong>synthetic demo data</strong>, not the real network.{' '}
          <button className="secondary small" onClick={() => void useDataset('live')}>
            Back to my data
          </button>
        </p>
      )}
      <table className="table">
        <thead>
          <tr>
            <th scope="col">Netuid</th>
            <th scope="col">Name</th>
            <th scope="col">Symbol</th>
            <th scope="col" className="num">Price</th>
            <th scope="col" className="num">Emission share</th>
            <th scope="col" className="num">Miner UIDs</th>
            <th scope="col" className="num">Registration cost</th>
          </tr>
        </thead>
        <tbody>
          {subnets.rows.map((r) => (
            <tr key={r.netuid} className={r.staleReason ? 'stale' : undefined}>
              <td>{r.netuid}</td>
              <td>
                {r.name || '—'}
                {r.staleReason && (
                  <span className="badge warn" title={r.staleReason}>
                    stale
                  </span>
                )}
              </td>
              <td>{r.symbol}</td>
              <td className="num">{formatTao(r.alphaPriceRao, 6)}</td>
              <td className="num">{formatPercent(r.emissionShare)}</td>
              <td className="num">
                {formatInteger(r.uidCount)} / {formatInteger(r.maxUids)}
              </td>
              <td className="num">{formatTao(r.burnRao)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
