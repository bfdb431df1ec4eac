import { useEffect, useState, type FocusEvent, type KeyboardEvent } from 'react';
import type { Note } from '../../../shared/notes-types';
import { scout } from '../scout';
import { useDataStore } from '../stores/data-store';
import { download } from './download';
import { MarkdownPreview } from './MarkdownPreview';
import { NoteHistory } from './NoteHistory';
import { ReviewFields } from './ReviewFields';
import { SaveStatus } from './SaveStatus';
import { useNoteDraft } from './use-note-draft';
import { ChangedElsewhereNotice, DeletedElsewhereNotice } from './ChangedElsewhere';
import { ErrorMessage } from '../components/ErrorMessage';

interface Props {
  noteId: string;
  onSaved(note: Note): void;
  onDeleted(id: string): void;
  /** Open this note in the editor's place (the text of a note deleted elsewhere, kept as a new note). */
  onOpen(note: Note): void;
}

/** One note: title, subnet, review fields, the Markdown body with a live preview, history, export, delete. */
export function NoteEditor({ noteId, onSaved, onDeleted, onOpen }: Props) {
  const { note, draft, state, change, save, replace, keepMine, takeTheirs, saveAsNew, saveAll, stop } = useNoteDraft(
    noteId,
    onSaved,
  );
  const [showHistory, setShowHistory] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const idPrefix = `note-${noteId.slice(0, 8)}`;
  if (!draft || !note) {
    return (
      <p className={state.kind === 'error' ? 'error' : 'muted'}>
        {state.kind === 'error' ? state.message : 'Loading note…'}
      </p>
    );
  }

  const onKeyDown = (e: KeyboardEvent) => {
    if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 's') {
      e.preventDefault();
      void save('save');
    }
  };
  // Focus leaving the editor (to the list, the nav, another app) saves what was typed.
  const onBlur = (e: FocusEvent) => {
    if (!e.currentTarget.contains(e.relatedTarget as Node | null)) void save('autosave');
  };
  const act = async (work: () => Promise<void>) => {
    setError(null);
    setBusy(true);
    try {
      await work();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  const exportMarkdown = () =>
    act(async () => download(await scout.call('notes.exportMarkdown', { id: noteId }), 'text/markdown'));
  const remove = () =>
    act(async () => {
      stop();
      await scout.call('notes.delete', { id: noteId });
      onDeleted(noteId);
    });

  return (
    <article className="note-editor" aria-label={`Note: ${draft.title}`} onKeyDown={onKeyDown} onBlur={onBlur}>
      <div className="editor-head">
        <label htmlFor={`${idPrefix}-title`} className="visually-hidden">
          Title
        </label>
        <input
          id={`${idPrefix}-title`}
          className="note-title"
          value={draft.title}
          onChange={(e) => change({ title: e.target.value })}
        />
        <SaveStatus state={state} />
      </div>
      <div className="row wrap editor-actions">
        <NetuidField id={`${idPrefix}-netuid`} netuid={draft.netuid} onChange={(netuid) => change({ netuid })} />
        <span className="spacer" />
        <button
          onClick={() => void save('save')}
          // Changed or deleted elsewhere: the notice below says what saving means now.
          disabled={state.kind === 'conflict' || state.kind === 'deleted'}
          title="Save now and start a new version in the history (Ctrl+S)"
        >
          Save
        </button>
        <button className="secondary" aria-expanded={showHistory} onClick={() => setShowHistory(!showHistory)}>
          History
        </button>
        <button className="secondary" onClick={() => void exportMarkdown()}>
          Export Markdown
        </button>
        {confirmDelete ? (
          <span className="row" role="group" aria-label="Confirm delete">
            <span>Delete this note and its history?</span>
            <button className="danger" onClick={() => void remove()}>
              Delete note
            </button>
            <button className="secondary" onClick={() => setConfirmDelete(false)}>
              Keep it
            </button>
          </span>
        ) : (
          <button className="secondary" onClick={() => setConfirmDelete(true)}>
            Delete…
          </button>
        )}
      </div>
      {state.kind === 'conflict' && (
        <ChangedElsewhereNotice
          theirs={state.theirs}
          busy={busy}
          onKeepMine={() => void act(keepMine)}
          onTakeTheirs={takeTheirs}
        />
      )}
      {state.kind === 'deleted' && (
        <DeletedElsewhereNotice
          busy={busy}
          onSaveAsNew={() => void act(async () => onOpen(await saveAsNew()))}
          onClose={() => {
            stop();
            onDeleted(noteId);
          }}
        />
      )}
      <ErrorMessage error={error} />
      {showHistory && (
        <NoteHistory
          noteId={noteId}
          updatedAtMs={note.updatedAtMs}
          beforeRestore={async () => {
            // Restoring replaces what is on screen: never over text that is not safely saved.
            if (!(await saveAll()))
              throw new Error('Your latest changes are not saved, so nothing was restored. Save them first.');
          }}
          onRestored={(restored) => {
            replace(restored);
            onSaved(restored);
          }}
          onClose={() => setShowHistory(false)}
        />
      )}
      <details className="note-review" open>
        <summary>Review fields</summary>
        <ReviewFields draft={draft} change={change} idPrefix={idPrefix} />
      </details>
      <div className="editor-split">
        <div className="note-field">
          <label htmlFor={`${idPrefix}-body`}>Notes (Markdown)</label>
          <textarea
            id={`${idPrefix}-body`}
            className="note-body"
            value={draft.body}
            onChange={(e) => change({ body: e.target.value })}
          />
        </div>
        <div className="note-field">
          <span className="note-field-label" aria-hidden="true">
            Preview
          </span>
          <MarkdownPreview source={draft.body} label="Preview" />
        </div>
      </div>
    </article>
  );
}

/** The subnet the note is about; the name comes from the latest sync when there is one. */
function NetuidField({ id, netuid, onChange }: { id: string; netuid: number; onChange(netuid: number): void }) {
  const name = useDataStore((s) => s.subnets?.rows.find((r) => r.netuid === netuid)?.name);
  const [text, setText] = useState(String(netuid));
  useEffect(() => setText(String(netuid)), [netuid]);
  return (
    <span className="row">
      <label htmlFor={id}>Subnet (netuid)</label>
      <input
        id={id}
        className="netuid-input"
        type="number"
        min={0}
        max={65535}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          const n = Number(e.target.value);
          if (e.target.value !== '' && Number.isInteger(n) && n >= 0 && n <= 65535) onChange(n);
        }}
      />
      {name && <span className="muted">{name}</span>}
    </span>
  );
}
