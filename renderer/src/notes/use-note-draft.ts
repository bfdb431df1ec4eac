/** A note being edited in a component: its draft, its save state, and saving when the user leaves. */
import { useEffect, useMemo, useRef, useState } from 'react';
import type { Note, NoteContent } from '../../../shared/notes-types';
import { scout } from '../scout';
import { Autosaver, contentOf, type SaveKind, type SaveState, type Unresolved } from './autosaver';
import { guardLeaving, useLeaveGuard, type UnsavedText } from './leave-guard';

/**
 * Text typed here on a note that then changed in another window, kept when its editor closes (another note chosen,
 * another screen) before the user chose between the two: opening the note again in this window asks again.
 */
const unresolved = new Map<string, Unresolved>();
/** That text lives only in this window's memory, so leaving the window asks while there is any. */
const leftUnresolved: UnsavedText = { flush() {}, unsaved: () => unresolved.size > 0 };
let releaseUnresolved: (() => void) | null = null;

function keepUnresolved(id: string, left: Unresolved): void {
  unresolved.set(id, left);
  releaseUnresolved ??= guardLeaving(leftUnresolved);
}

function takeUnresolved(id: string): Unresolved | undefined {
  const left = unresolved.get(id);
  unresolved.delete(id);
  if (unresolved.size === 0) {
    releaseUnresolved?.();
    releaseUnresolved = null;
  }
  return left;
}

export interface NoteDraft {
  note: Note | null;
  draft: NoteContent | null;
  state: SaveState;
  change(patch: Partial<NoteContent>): void;
  save(kind: SaveKind): Promise<void>;
  /** Shows a note the core changed (a restored version). */
  replace(note: Note): void;
  /** Changed in another window: save this editor's text over it (the history keeps the other). */
  keepMine(): Promise<void>;
  /** Changed in another window: show that, dropping this editor's unsaved changes. */
  takeTheirs(): void;
  /** Deleted in another window: keep this editor's text as a new note. */
  saveAsNew(): Promise<Note>;
  /** Saves what was typed, waiting for saves in flight: true when nothing is left unsaved. */
  saveAll(): Promise<boolean>;
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
        reloaded: (n) => {
          setNote(n);
          setDraft(contentOf(n));
        },
      }),
    [id],
  );

  const show = (n: Note) => {
    const content = contentOf(n);
    saver.reset(n, content);
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
        const left = takeUnresolved(id);
        if (!left) return;
        setDraft(left.draft);
        // Guarded again from now: resuming says whether it is saved or asks again once it has read the note.
        setState({ kind: 'unsaved' });
        saver.resume(left);
      },
      (e: Error) => live && setState({ kind: 'error', message: e.message }),
    );
    return () => {
      live = false;
    };
    // `show` only touches this note's saver and state setters, which live as long as `saver`.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [id, saver]);

  // The same note open in another window: follow its saves, or ask when this editor has its own changes.
  useEffect(
    () =>
      scout.on('data.changed', (change) => {
        if (change.scope === 'notes') saver.noteChanged(change.netuids);
      }),
    [saver],
  );

  // Switching apps or leaving this note saves at once: the last second of typing is not lost.
  useEffect(() => {
    const flush = () => void saver.save('autosave');
    const onVisibility = () => document.visibilityState === 'hidden' && flush();
    window.addEventListener('blur', flush);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.removeEventListener('blur', flush);
      document.removeEventListener('visibilitychange', onVisibility);
      flush();
      const left = saver.unresolved();
      if (left) keepUnresolved(id, left);
    };
  }, [id, saver]);

  // Closing or reloading the window saves at once too, and asks first while any text is not stored yet.
  const unsavedText = useMemo<UnsavedText>(
    () => ({ flush: () => void saver.save('autosave'), unsaved: () => saver.holdsUnsaved() }),
    [saver],
  );
  useLeaveGuard(unsavedText, state.kind !== 'saved' && state.kind !== 'loading');

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
    keepMine: () => saver.keepMine(),
    takeTheirs: () => saver.takeTheirs(),
    async saveAsNew() {
      if (!draft) throw new Error('There is nothing to keep.');
      const created = await scout.call('notes.create', { netuid: draft.netuid });
      const content = draft.title.trim() ? draft : { ...draft, title: 'Untitled note' };
      return scout.call('notes.save', { id: created.id, content, kind: 'save', baseUpdatedAtMs: created.updatedAtMs });
    },
    saveAll: () => saver.saveAll(),
    stop: () => saver.stop(),
  };
}
