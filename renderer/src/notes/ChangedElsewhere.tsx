import type { Note } from '../../../shared/notes-types';
import { MarkdownPreview } from './MarkdownPreview';
import { formatWhen } from '../fixed';

interface ConflictProps {
  /** The note as the other window saved it. */
  theirs: Note;
  busy: boolean;
  onKeepMine(): void;
  onTakeTheirs(): void;
}

/**
 * The note was saved in another window while this one had unsaved changes. Nothing is saved from here until the
 * user chooses, so neither text is lost without them deciding it: keeping theirs in the history either way.
 */
export function ChangedElsewhereNotice({ theirs, busy, onKeepMine, onTakeTheirs }: ConflictProps) {
  return (
    <div className="banner changed-elsewhere" role="alert" aria-label="Changed in another window">
      <p>
        <strong>This note was changed in another window</strong> (at {formatWhen(theirs.updatedAtMs)}) while you had
        unsaved changes here. Your text is still below; nothing is saved from this window until you choose.
      </p>
      <details>
        <summary>See the other window’s version: “{theirs.title}”</summary>
        <MarkdownPreview source={theirs.body} label="The other window’s version" />
      </details>
      <div className="row wrap">
        <button
          onClick={onKeepMine}
          disabled={busy}
          title="Save your text over it; the other version stays in the history"
        >
          Keep mine
        </button>
        <button
          className="secondary"
          onClick={onTakeTheirs}
          disabled={busy}
          title="Show the other version and drop your unsaved changes"
        >
          Take theirs
        </button>
        <span className="muted">Keeping yours leaves theirs in the History, where it can be restored.</span>
      </div>
    </div>
  );
}

interface DeletedProps {
  busy: boolean;
  onSaveAsNew(): void;
  onClose(): void;
}

/** The note was deleted in another window while open here: the text on screen is all that is left of it. */
export function DeletedElsewhereNotice({ busy, onSaveAsNew, onClose }: DeletedProps) {
  return (
    <div className="banner changed-elsewhere" role="alert" aria-label="Deleted in another window">
      <p>
        <strong>This note was deleted in another window.</strong> Its text is still below, but it cannot be saved here
        any more. Keep it as a new note, or close it to let it go.
      </p>
      <div className="row wrap">
        <button onClick={onSaveAsNew} disabled={busy}>
          Keep it as a new note
        </button>
        <button className="secondary" onClick={onClose} disabled={busy}>
          Close it
        </button>
      </div>
    </div>
  );
}
