import { useEffect, useId, useState, type FormEvent } from 'react';
import { useWatchlistStore } from '../stores/watchlist-store';
import { ErrorMessage } from '../components/ErrorMessage';

/** Add this subnet to, or take it off, each of the user's watchlists without leaving the page. */
export function WatchlistMembership({ netuid }: { netuid: number }) {
  const { lists, error, toggleSubnet, create, load } = useWatchlistStore();
  // Lists can change outside this window (another screen, the CLI): show them as they are now.
  useEffect(() => void load(), [load]);
  const [name, setName] = useState('');
  const nameId = useId();
  const createAndAdd = async (e: FormEvent) => {
    e.preventDefault();
    const list = await create(name);
    if (list) {
      await toggleSubnet(list.id, netuid);
      setName('');
    }
  };
  return (
    <fieldset className="watchlist-membership">
      <legend>Watchlists</legend>
      {lists.length === 0 && <p className="muted small">You have no watchlists yet.</p>}
      <div className="row wrap">
        {lists.map((l) => (
          <label key={l.id} className="row checkbox-label">
            <input
              type="checkbox"
              checked={l.netuids.includes(netuid)}
              onChange={() => void toggleSubnet(l.id, netuid)}
            />
            {l.name}
          </label>
        ))}
      </div>
      <form className="row wrap" onSubmit={(e) => void createAndAdd(e)}>
        <label htmlFor={nameId} className="small">
          New list
        </label>
        <input id={nameId} value={name} maxLength={80} onChange={(e) => setName(e.target.value)} />
        <button type="submit" className="secondary small" disabled={name.trim() === ''}>
          Create and add
        </button>
      </form>
      <ErrorMessage error={error} />
    </fieldset>
  );
}
