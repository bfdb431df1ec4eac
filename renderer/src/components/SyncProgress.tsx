import type { SyncState } from '../../../shared/api-types';
import { useDataStore } from '../stores/data-store';
import { useSyncStore } from '../stores/sync-store';

/** The steps of a sync and the share of the bar each one fills: reading subnets is nearly all of the wait. */
const STEPS: Partial<Record<SyncState['phase'], { label: string; from: number; to: number }>> = {
  connecting: { label: 'Connecting to the node', from: 0, to: 0.03 },
  network: { label: 'Reading the network', from: 0.03, to: 0.08 },
  subnets: { label: 'Reading subnets', from: 0.08, to: 0.95 },
  writing: { label: 'Saving the snapshot', from: 0.95, to: 1 },
};

/** How far along a running sync is, 0..1, and what it is doing, in words. */
export function syncProgress(state: SyncState): { fraction: number; label: string } {
  const step = STEPS[state.phase];
  if (!step) return { fraction: 0, label: state.message };
  const within = state.total > 0 ? Math.min(1, state.done / state.total) : 0;
  const counted =
    state.phase === 'subnets' && state.total > 0
      ? `: ${state.done} of ${state.total}${state.netuid === null ? '' : ` (SN${state.netuid})`}`
      : '';
  return { fraction: step.from + (step.to - step.from) * within, label: `${step.label}${counted}` };
}

/**
 * A determinate bar at the top of the main area while a sync runs, so a first sync (a minute or more on Finney)
 * shows what is happening and how far along it is, not only a line in the status bar.
 */
export function SyncProgress() {
  const state = useSyncStore((s) => s.state);
  const firstSync = useDataStore((s) => !s.subnets?.point);
  if (!state?.running) return null;
  const { fraction, label } = syncProgress(state);
  const percent = Math.round(fraction * 100);
  return (
    <div className="sync-progress" data-testid="sync-progress">
      <div className="row">
        <strong>{firstSync ? 'First sync from the chain' : 'Syncing'}</strong>
        <span className="muted">{label}</span>
        <span className="spacer" />
        <span className="muted">{percent}%</span>
      </div>
      <progress max={100} value={percent} aria-label={`Sync progress: ${label}`} />
      {firstSync && (
        <p className="muted small">
          Every subnet's figures and its miners are read once, then saved here: later syncs add to this history and the
          app works offline with what was saved.
        </p>
      )}
    </div>
  );
}
