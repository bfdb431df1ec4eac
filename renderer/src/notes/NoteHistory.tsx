import { useEffect, useState } from 'react';
import { VERDICT_LABELS, type Note, type NoteVersion, type NoteVersionKind } from '../../../shared/notes-types';
import { scout } from '../scout';
import { MarkdownPreview } from './MarkdownPreview';
import { ErrorMessage } from '../components/ErrorMessage';
import { formatWhen } from '../fixed';

const KIND_LABELS: Record<NoteVersionKind, string> = {
  autosave: 'Autosaved',
  save: 'Saved',
  restore: 'Restored an earlier version',
  import: 'Imported',
};

interface Props {
  noteId: string;
  /** Changes whenever the note is saved, so the list stays current while it is open. */
  updatedAtMs: number;
  /** Saves any pending change first, so nothing typed is lost by restoring. */
  beforeRestore(): Promise<void>;
  onRestored(note: Note): void;
  onClose(): void;
}

/** A note's versions, newest first: any of them can be read and restored (restoring adds a version). */
export function NoteHistory({ noteId, updatedAtMs, beforeRestore, onRestored, onClose }: Props) {
  const [versions, setVersions] = useState<NoteVersion[] | null>(null);
  const [viewing, setViewing] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    scout.call('notes.history', { id: noteId }).then(setVersions, (e: Error) => setError(e.message));
  }, [noteId, updatedAtMs]);

  const restore = async (version: NoteVersion) => {
    setError(null);
    try {
      await beforeRestore();
      const note = await scout.call('notes.restoreVersion', { id: noteId, versionId: version.id });
      setViewing(null);
      onRestored(note);
    } catch (e) {
      setError((e as Error).message);
    }
  };

  const shown = versions?.find((v) => v.id === viewing) ?? null;
  return (
    <section className="note-history" aria-labelledby={`history-${noteId}`}>
      <div className="row">
        <h2 id={`history-${noteId}`}>History</h2>
        <span className="spacer" />
        <button className="secondary small" onClick={onClose}>
          Close history
        </button>
      </div>
      <ErrorMessage error={error} />
      {!versions && !error && <p className="muted">Loading…</p>}
      <ol className="version-list">
        {versions?.map((v, i) => (
          <li key={v.id} aria-current={v.id === viewing ? 'true' : undefined}>
            <span>
              <strong>{formatWhen(v.savedAtMs)}</strong> · {KIND_LABELS[v.kind]}
              {i === 0 && <span className="badge">current</span>}
            </span>
            <button
              className="secondary small"
              onClick={() => setViewing(v.id === viewing ? null : v.id)}
              aria-expanded={v.id === viewing}
            >
              {v.id === viewing ? 'Hide' : 'View'}
              <span className="visually-hidden"> version of {formatWhen(v.savedAtMs)}</span>
            </button>
          </li>
        ))}
      </ol>
      {shown && (
        <div className="version-view">
          <div className="row">
            <h3>{shown.content.title}</h3>
            <span className="spacer" />
            {shown.id !== versions?.[0]?.id && (
              <button className="small" onClick={() => void restore(shown)}>
                Restore this version
              </button>
            )}
          </div>
          <p className="muted">
            SN{shown.content.netuid}
            {shown.content.verdict && ` · Verdict: ${VERDICT_LABELS[shown.content.verdict]}`}
            {shown.content.tags.length > 0 && ` · Tags: ${shown.content.tags.join(', ')}`}
          </p>
          <MarkdownPreview source={shown.content.body} label="Version preview" />
        </div>
      )}
    </section>
  );
}
