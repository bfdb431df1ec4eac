import { VERDICT_LABELS, type NoteSummary } from '../../../shared/notes-types';
import { useDataStore } from '../stores/data-store';
import { MatchText } from './MatchText';
import { formatDay } from '../fixed';

interface Props {
  notes: NoteSummary[];
  selectedId: string | null;
  onSelect(id: string): void;
  /** Shown when there is no note to list. */
  empty: string;
  /** Hidden when every note in the list is about the same subnet. */
  showSubnet?: boolean;
}

/** Notes as a list of buttons: title and best-matching passage (matches marked), subnet, verdict, tags, age. */
export function NoteList({ notes, selectedId, onSelect, empty, showSubnet = true }: Props) {
  const names = useDataStore((s) => s.subnets?.rows);
  if (notes.length === 0) return <p className="muted">{empty}</p>;
  return (
    <ul className="note-list">
      {notes.map((n) => {
        const name = names?.find((r) => r.netuid === n.netuid)?.name;
        return (
          <li key={n.id}>
            <button
              className="note-item"
              aria-current={n.id === selectedId ? 'true' : undefined}
              onClick={() => onSelect(n.id)}
            >
              <span className="note-item-title">
                <MatchText text={n.titleMarked} />
              </span>
              <span className="note-item-meta">
                {showSubnet && (
                  <span>
                    SN{n.netuid}
                    {name ? ` · ${name}` : ''}
                  </span>
                )}
                {n.verdict && (
                  <span className={`note-verdict note-verdict-${n.verdict}`}>
                    {VERDICT_LABELS[n.verdict]}
                    {n.confidence && ` (${n.confidence})`}
                  </span>
                )}
                <span className="muted">{formatDay(n.updatedAtMs, true)}</span>
              </span>
              {n.excerpt && (
                <span className="note-item-excerpt">
                  <MatchText text={n.excerpt} />
                </span>
              )}
              {n.tags.length > 0 && <span className="note-item-tags">{n.tags.map((t) => `#${t}`).join(' ')}</span>}
            </button>
          </li>
        );
      })}
    </ul>
  );
}
