import { formatTime } from '../fixed';

interface Props {
  /** What could not be updated, as a sentence: "Profit and verdicts could not be updated." */
  title: string;
  /** The core's message; nothing is shown without one. */
  error: string | null;
  /** When the figures still on screen were worked out; null when there are none. */
  shownFromMs: number | null;
  retrying: boolean;
  onRetry(): void;
}

/**
 * A what-if that could not be worked out, said beside the figures it leaves on screen: they are from the last
 * what-if that worked (or there are none), and must not be read as the answer to the one in force now. It does not
 * block anything; the owner stops showing it on the next success.
 */
export function StaleFiguresNotice({ title, error, shownFromMs, retrying, onRetry }: Props) {
  if (!error) return null;
  return (
    <div className="banner stale-figures" role="alert">
      <p>
        <strong>{title}</strong> {error}
      </p>
      <p>
        {shownFromMs === null
          ? 'Nothing can be shown until it works.'
          : `What is shown is from the last what-if that worked (at ${formatTime(shownFromMs)}), not from the one in force now.`}
      </p>
      <button className="secondary small" onClick={onRetry} disabled={retrying}>
        {retrying ? 'Trying again…' : 'Try again'}
      </button>
    </div>
  );
}
