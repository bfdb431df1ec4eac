import { useState } from 'react';
import { useWatchlistStore } from '../stores/watchlist-store';
import { useUiStore } from '../stores/ui-store';

/**
 * "Add to watchlist" for the rows ticked in the Subnets table (or, with none ticked, the row the keyboard is on):
 * the way subnets get onto a list without opening each one.
 */
export function AddToWatchlist({
  netuids,
  fallback,
  onAdded,
}: {
  netuids: number[];
  fallback: number | null;
  onAdded(): void;
}) {
  const { lists, addSubnets } = useWatchlistStore();
  const go = useUiStore((s) => s.go);
  const [listId, setListId] = useState<number | null>(null);
  const [message, setMessage] = useState('');
  const target = lists.find((l) => l.id === listId) ?? lists[0];
  const chosen = netuids.length > 0 ? netuids : fallback === null ? [] : [fallback];
  if (lists.length === 0) {
    return (
      <span className="add-to-watchlist muted small">
        <button className="link" onClick={() => go('watchlists')}>
          Create a watchlist
        </button>{' '}
        to collect subnets from here.
      </span>
    );
  }
  return (
    <span className="add-to-watchlist row">
      <button
        className="secondary"
        disabled={!target || chosen.length === 0}
        onClick={() => {
          if (!target) return;
          void addSubnets(target.id, chosen).then((added) => {
            setMessage(
              added === null
                ? ''
                : added === 0
                  ? `Already on “${target.name}”.`
                  : `Added ${added} to “${target.name}”.`,
            );
            if (added !== null) onAdded();
          });
        }}
      >
        {netuids.length > 0 ? `Add ${netuids.length} selected to watchlist` : 'Add to watchlist'}
      </button>
      <label className="sr-only" htmlFor="add-to-list">
        Watchlist to add to
      </label>
      <select id="add-to-list" value={target?.id ?? ''} onChange={(e) => setListId(Number(e.target.value))}>
        {lists.map((l) => (
          <option key={l.id} value={l.id}>
            {l.name}
          </option>
        ))}
      </select>
      <span role="status" className="muted small">
        {message}
      </span>
    </span>
  );
}
