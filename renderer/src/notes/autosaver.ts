/**
 * Saving a note without the user having to think about it. Autosave runs 800 ms after typing stops, and at most
 * 1 s after the first unsaved change even while typing goes on, so a crash loses about a second. One save is in
 * flight at a time; changes made meanwhile are saved right after it.
 */
import type { Note, NoteContent } from '../../../shared/notes-types';
import { scout } from '../scout';

const AUTOSAVE_DELAY_MS = 800;
const AUTOSAVE_MAX_WAIT_MS = 1000;

export type SaveKind = 'autosave' | 'save';

export type SaveState =
  | { kind: 'loading' }
  | { kind: 'saved'; atMs: number }
  | { kind: 'saving' }
  | { kind: 'unsaved' }
  | { kind: 'error'; message: string };

export interface AutosaverEvents {
  state(state: SaveState): void;
  saved(note: Note): void;
}

export class Autosaver {
  private draft: NoteContent | null = null;
  private savedJson = '';
  private timer: ReturnType<typeof setTimeout> | null = null;
  private firstUnsavedAt: number | null = null;
  private busy = false;
  private queued: SaveKind | null = null;
  private stopped = false;

  constructor(
    private readonly id: string,
    private readonly events: AutosaverEvents,
  ) {}

  /** The content as stored: nothing to save until it changes. */
  reset(content: NoteContent): void {
    this.clearTimer();
    this.firstUnsavedAt = null;
    this.draft = content;
    this.savedJson = JSON.stringify(content);
  }

  change(next: NoteContent): void {
    this.draft = next;
    this.events.state({ kind: 'unsaved' });
    this.schedule(AUTOSAVE_DELAY_MS);
  }

  /** Saves now if anything changed; 'save' (the user pressed Save) also closes the editing session's version. */
  async save(kind: SaveKind): Promise<void> {
    this.clearTimer();
    this.firstUnsavedAt = null;
    const content = this.draft;
    if (!content || this.stopped) return;
    if (this.busy) {
      this.queued = this.queued === 'save' ? 'save' : kind;
      return;
    }
    const json = JSON.stringify(content);
    if (json === this.savedJson && kind === 'autosave') return;
    this.busy = true;
    this.events.state({ kind: 'saving' });
    try {
      // A cleared title must not keep the rest of the note from being saved.
      const sent = content.title.trim() ? content : { ...content, title: 'Untitled note' };
      const saved = await scout.call('notes.save', { id: this.id, content: sent, kind });
      this.savedJson = json;
      this.events.saved(saved);
      this.events.state(this.unsaved() ? { kind: 'unsaved' } : { kind: 'saved', atMs: Date.now() });
    } catch (e) {
      // Keep the draft: the next change (or Save) tries again.
      this.events.state({ kind: 'error', message: (e as Error).message });
      this.queued = null;
      this.busy = false;
      return;
    }
    this.busy = false;
    const next = this.queued ?? (this.unsaved() ? 'autosave' : null);
    this.queued = null;
    if (next) void this.save(next);
  }

  /** No more saves (the note is being deleted). */
  stop(): void {
    this.clearTimer();
    this.stopped = true;
  }

  private unsaved(): boolean {
    return JSON.stringify(this.draft) !== this.savedJson;
  }

  private schedule(delayMs: number): void {
    this.clearTimer();
    const now = Date.now();
    this.firstUnsavedAt ??= now;
    const due = Math.min(now + delayMs, this.firstUnsavedAt + AUTOSAVE_MAX_WAIT_MS);
    this.timer = setTimeout(() => void this.save('autosave'), due - now);
  }

  private clearTimer(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }
}
