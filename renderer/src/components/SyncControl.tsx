import { useSyncStore } from '../stores/sync-store';

/** Sync now / Cancel, with live progress ("Read SN12 (40/128)") and failures in words. */
export function SyncControl() {
  const { state, start, cancel, error } = useSyncStore();
  const running = state?.running ?? false;
  const progress = running && state && state.total > 0 ? ` (${state.done}/${state.total})` : '';
  return (
    <span className="sync-control">
      {running ? (
        <button className="secondary small" onClick={() => void cancel()}>
          Cancel sync
        </button>
      ) : (
        <button className="small" onClick={() => void start()}>
          Sync now
        </button>
      )}
      <span
        data-testid="sync-message"
        role="status"
        className={state?.phase === 'failed' || error ? 'error' : undefined}
      >
        {error ?? (state?.message ? `${state.message}${progress}` : '')}
      </span>
      {state?.online === false && <span className="badge warn">offline</span>}
    </span>
  );
}
