import { useEffect, useState } from 'react';
import type { SaveState } from './autosaver';
import { formatWhen } from '../fixed';

/** "Saved 2 s ago" / "Saving…" / "Unsaved changes" / the reason a save failed. */
export function SaveStatus({ state }: { state: SaveState }) {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    if (state.kind !== 'saved') return;
    const tick = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(tick);
  }, [state.kind]);
  return (
    <span className={`save-status save-${state.kind}`} data-testid="save-status">
      {/* Only the state is announced; the ticking age would be read out every second. */}
      <span role="status">{label(state)}</span>
      {state.kind === 'saved' && <span aria-hidden="true"> {age(Math.max(0, now - state.atMs))}</span>}
    </span>
  );
}

function label(state: SaveState): string {
  switch (state.kind) {
    case 'loading':
      return 'Loading…';
    case 'saved':
      return 'Saved';
    case 'saving':
      return 'Saving…';
    case 'unsaved':
      return 'Unsaved changes';
    case 'error':
      return `Not saved: ${state.message}`;
    case 'conflict':
      return 'Not saved: changed in another window';
    case 'deleted':
      return 'Not saved: deleted in another window';
  }
}

function age(ms: number): string {
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s} s ago`;
  if (s < 3600) return `${Math.round(s / 60)} min ago`;
  return `at ${formatWhen(Date.now() - ms)}`;
}
