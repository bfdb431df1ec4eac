import { MINER_STATUS_LABELS, type MinerStatus } from '../../../shared/miners-types';

const ICON: Record<MinerStatus, string> = { immune: '◆', safe: '✓', danger: '!', deregistered: '✕' };

/** The status as a word and an icon (colour is never the only signal); hover says why. */
export function StatusBadge({ status, reason }: { status: MinerStatus; reason?: string }) {
  return (
    <span className={`miner-status miner-status-${status}`} title={reason}>
      <span aria-hidden="true">{ICON[status]} </span>
      {MINER_STATUS_LABELS[status]}
    </span>
  );
}
