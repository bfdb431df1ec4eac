import { useState } from 'react';
import { useWatchlistStore } from '../stores/watchlist-store';
import { WatchlistCard } from './WatchlistCard';
import { AlertsStrip } from '../miners/AlertsStrip';
import { ErrorMessage } from '../components/ErrorMessage';

export function WatchlistsView() {
  const { lists, error, deleted, create, undoRemove } = useWatchlistStore();
  const [name, setName] = useState('');
  return (
    <section aria-labelledby="watchlists-title">
      <h1 id="watchlists-title">Watchlists</h1>
      <AlertsStrip />
      <form
        className="row"
        onSubmit={(e) => {
          e.preventDefault();
          void create(name).then((created) => created && setName(''));
        }}
      >
        <label htmlFor="new-watchlist">New watchlist</label>
        <input
          id="new-watchlist"
          value={name}
          placeholder="e.g. GPU candidates"
          onChange={(e) => setName(e.target.value)}
        />
        <button type="submit">Create</button>
      </form>
      <ErrorMessage error={error} />
      {deleted && (
        <p className="banner" role="status">
          Deleted “{deleted.name}”.{' '}
          <button className="secondary small" onClick={() => void undoRemove()}>
            Undo
          </button>
        </p>
      )}
      {lists.length === 0 && (
        <p className="empty">
          No watchlists yet: create one, then tick subnets in the Subnets table and press “Add to watchlist” (or tick
          the list on a subnet's page).
        </p>
      )}
      {lists.map((l, i) => (
        <WatchlistCard key={l.id} list={l} first={i === 0} last={i === lists.length - 1} />
      ))}
    </section>
  );
}
