/** A note being edited in a component: its draft, its save state, and saving when the user leaves. */
import { useEffect, useMemo, useRef, useState } from 'react';
import type { Note, NoteContent } from '../../../shared/notes-types';
import { scout } from '../scout';
import { Autosaver, type SaveKind, type SaveState } from './autosaver';

function contentOf(n: NoteContent): NoteContent {
  const { netuid, title, body, repositoryUrl, commitReviewed, reviewedOn, scoringSummary, validatorsReward } = n;
  const { hardware, exploits, risks, verdict, confidence, tags } = n;
  return { netuid, title, body, repositoryUrl, commitReviewed, reviewedOn, scoringSummary, validatorsReward, hardware, exploits, risks, verdict, confidence, tags };
}

export interface NoteDraft {
  note: Note | null;
  draft: NoteContent | null;
  state: SaveState;
  change(patch: Partial<NoteContent>): void;
  save(kind: SaveKind): Promise<void>;
  /** Shows a note the core changed (a restored version). */
  replace(note: Note): void;
  /** Stops autosaving (the note is being deleted). */
  stop(): void;
}

export function useNoteDraft(id: string, onSaved: (note: Note) => void): NoteDraft {
  const [note, setNote] = useState<Note | null>(null);
  const [draft, setDraft] = useState<NoteContent | null>(null);
  const [state, setState] = useState<SaveState>({ kind: 'loading' });
  const onSavedRef = useRef(onSaved);
  onSavedRef.current = onSaved;
  const saver = useMemo(
    () =>
      new Autosaver(id, {
        state: setState,
        saved: (n) => {
          setNote(n);
          onSavedRef.current(n);
        },
      }),
    [id],
  );

  const show = (n: Note) => {
    const content = contentOf(n);
    saver.reset(content);
    setNote(n);
    setDraft(content);
  };

  useEffect(() => {
    let live = true;
    scout.call('notes.get', { id }).then(
      (n) => {
        if (!live) return;
        show(n);
        setState({ kind: 'saved', atMs: n.updatedAtMs });
      },
      (e: Error) => live && setState({ kind: 'error', message: e.message }),
    );
    return () => {
      live = false;
    };
    // `show` only touches this note's saver and state setters, which live as long as `saver`.
  }, [id, saver]);

  // Closing the window, switching apps or leaving this note saves at once: the last second of typing is not lost.
  useEffect(() => {
    const flush = () => void saver.save('autosave');
    const onVisibility = () => document.visibilityState === 'hidden' && flush();
    window.addEventListener('beforeunload', flush);
    window.addEventListener('blur', flush);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.removeEventListener('beforeunload', flush);
      window.removeEventListener('blur', flush);
      document.removeEventListener('visibilitychange', onVisibility);
      flush();
    };
  }, [saver]);

  return {
    note,
    draft,
    state,
    change(patch) {
      if (!draft) return;
      const next = { ...draft, ...patch };
      setDraft(next);
      saver.change(next);
    },
    save: (kind) => saver.save(kind),
    replace(n) {
      show(n);
      setState({ kind: 'saved', atMs: n.updatedAtMs });
    },
    stop: () => saver.stop(),
  };
}
