/**
 * Saving a note without the user having to think about it. Autosave runs 800 ms after typing stops, and at most
 * 1 s after the first unsaved change even while typing goes on, so a crash loses about a second. One save is in
 * flight at a time; changes made meanwhile are saved right after it.
 *
 * The same note can be open in another window. Every save names the version it was made from, so the core refuses
 * one made from a version another window has since replaced. When the note changes elsewhere, an editor with
 * nothing unsaved shows the new text; one with unsaved changes keeps them and holds its saves until the user
 * chooses (keep mine / take theirs). A note deleted elsewhere holds saves too: the user decides what their text
 * becomes.
 */
import type { Note, NoteContent } from '../../../shared/notes-types';
import { asScoutError } from '../../../shared/api-wire';
import { scout } from '../scout';

const AUTOSAVE_DELAY_MS = 800;
const AUTOSAVE_MAX_WAIT_MS = 1000;

export type SaveKind = 'autosave' | 'save';

export type SaveState =
  | { kind: 'loading' }
  | { kind: 'saved'; atMs: number }
  | { kind: 'saving' }
  | { kind: 'unsaved' }
  | { kind: 'error'; message: string }
  /** Changed in another window while this one had unsaved changes: `theirs` is the note as stored now. */
  | { kind: 'conflict'; theirs: Note }
  /** Deleted in another window while open here. */
  | { kind: 'deleted' };

type Held = Extract<SaveState, { kind: 'conflict' | 'deleted' }>;

/** Unsaved text from an editor of a note that changed elsewhere, and the version of the note it was typed on. */
export interface Unresolved {
  base: Note;
  draft: NoteContent;
}

export interface AutosaverEvents {
  state(state: SaveState): void;
  saved(note: Note): void;
  /** The note as stored replaced the draft (changed elsewhere with nothing unsaved here, or the user took theirs). */
  reloaded(note: Note): void;
}

export class Autosaver {
  private draft: NoteContent | null = null;
  private savedJson = '';
  /** The note as this editor last read or saved it: its updatedAtMs is the version saves are made from. */
  private stored: Note | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private firstUnsavedAt: number | null = null;
  private busy = false;
  private queued: SaveKind | null = null;
  private recheck = false;
  /** Changed or deleted elsewhere while this editor had its own changes: saves wait for the user's choice. */
  private held: Held | null = null;
  private stopped = false;

  constructor(
    private readonly id: string,
    private readonly events: AutosaverEvents,
  ) {}

  /** The note as stored: nothing to save until the draft changes. */
  reset(note: Note, content: NoteContent): void {
    this.clearTimer();
    this.firstUnsavedAt = null;
    this.held = null;
    this.stored = note;
    this.draft = content;
    this.savedJson = JSON.stringify(content);
  }

  change(next: NoteContent): void {
    this.draft = next;
    // While the user has a choice to make, what they type is kept, and the notice stays.
    if (this.held) return;
    this.events.state({ kind: 'unsaved' });
    this.schedule(AUTOSAVE_DELAY_MS);
  }

  /** Saves now if anything changed; 'save' (the user pressed Save) also closes the editing session's version. */
  async save(kind: SaveKind): Promise<void> {
    if (this.held) return;
    await this.write(kind, false);
  }

  /** Saves what was typed and waits out every save in flight: true when the core has all of it. */
  async saveAll(): Promise<boolean> {
    await this.save('autosave');
    while (this.busy) await new Promise((resolve) => setTimeout(resolve, 50));
    return !this.held && !this.unsaved();
  }

  /** The user chose their own text over the other window's: save it over that (the history keeps theirs). */
  async keepMine(): Promise<void> {
    const held = this.held;
    if (held?.kind !== 'conflict' || this.busy) return;
    this.held = null;
    this.stored = held.theirs;
    await this.write('save', true);
  }

  /** The user chose the other window's text: their own unsaved changes are dropped. */
  takeTheirs(): void {
    const held = this.held;
    if (held?.kind !== 'conflict') return;
    this.follow(held.theirs);
  }

  /**
   * Some note on `netuids` changed (in this window or another): if it is this one, catch up with it. Waits for a
   * save in flight, whose own change must not look like another window's.
   */
  noteChanged(netuids: number[]): void {
    if (this.stopped || !this.stored || !netuids.includes(this.stored.netuid)) return;
    if (this.busy) {
      this.recheck = true;
      return;
    }
    void this.catchUp().then((followed) => followed || this.saveWhatIsLeft());
  }

  /**
   * The editor is closing while the user still has a choice to make (changed elsewhere): what they typed, and the
   * version it was made from, so an editor opened on this note later can ask again. Null when nothing waits.
   */
  unresolved(): Unresolved | null {
    return this.held?.kind === 'conflict' && this.stored && this.draft && this.unsaved()
      ? { base: this.stored, draft: this.draft }
      : null;
  }

  /** Takes up text left unresolved by an earlier editor of this note, then asks the user again if it still needs. */
  resume({ base, draft }: Unresolved): void {
    this.reset(base, contentOf(base));
    this.draft = draft;
    void this.catchUp().then((followed) => followed || this.saveWhatIsLeft());
  }

  /** No more saves (the note is being deleted). */
  stop(): void {
    this.clearTimer();
    this.stopped = true;
  }

  unsaved(): boolean {
    return JSON.stringify(this.draft) !== this.savedJson;
  }

  /** Text the core does not have yet, a save in flight included; none once stopped (the note is being deleted). */
  holdsUnsaved(): boolean {
    return !this.stopped && this.unsaved();
  }

  private hold(held: Held): void {
    this.clearTimer();
    this.queued = null;
    this.held = held;
    this.events.state(held);
  }

  /** Shows the note as stored in place of the draft. */
  private follow(stored: Note): void {
    this.reset(stored, contentOf(stored));
    this.events.reloaded(stored);
    this.events.state({ kind: 'saved', atMs: stored.updatedAtMs });
  }

  /** After a save or a catch-up: what was typed meanwhile (or Save pressed) goes next. */
  private saveWhatIsLeft(): void {
    const next = this.queued ?? (this.unsaved() ? 'autosave' : null);
    this.queued = null;
    if (next) void this.save(next);
  }

  private async write(kind: SaveKind, overwrite: boolean): Promise<void> {
    this.clearTimer();
    this.firstUnsavedAt = null;
    const content = this.draft;
    if (!content || this.stopped) return;
    if (this.busy) {
      this.queued = this.queued === 'save' ? 'save' : kind;
      return;
    }
    const json = JSON.stringify(content);
    if (json === this.savedJson && kind === 'autosave' && !overwrite) return;
    this.busy = true;
    this.events.state({ kind: 'saving' });
    try {
      // A cleared title must not keep the rest of the note from being saved.
      const sent = content.title.trim() ? content : { ...content, title: 'Untitled note' };
      const base = this.stored?.updatedAtMs;
      const saved = await scout.call('notes.save', {
        id: this.id,
        content: sent,
        kind,
        baseUpdatedAtMs: base,
        ...(overwrite && { overwrite }),
      });
      this.savedJson = json;
      this.stored = saved;
      this.events.saved(saved);
      this.events.state(this.unsaved() ? { kind: 'unsaved' } : { kind: 'saved', atMs: Date.now() });
    } catch (e) {
      // Keep the draft: the next change (or Save) tries again, unless the note changed or went elsewhere.
      this.queued = null;
      this.busy = false;
      this.recheck = false;
      const { code, message } = asScoutError(e);
      // Changed or deleted in another window: the editor shows what happened there (and asks) instead of the words.
      if ((code === 'conflict' || code === 'not-found') && (await this.catchUp())) return;
      this.events.state({ kind: 'error', message });
      return;
    }
    this.busy = false;
    if (this.recheck) {
      this.recheck = false;
      if (await this.catchUp()) return;
    }
    this.saveWhatIsLeft();
  }

  /**
   * Reads the note as stored and follows it if another window changed or deleted it. True when it had: the
   * editor now shows the other window's text, or a notice asking the user what to do.
   */
  private async catchUp(): Promise<boolean> {
    this.busy = true;
    let stored: Note | null;
    try {
      ({ note: stored } = await scout.call('notes.find', { id: this.id }));
    } catch {
      return false;
    } finally {
      this.busy = false;
    }
    if (this.stopped) return true;
    if (!stored) {
      this.hold({ kind: 'deleted' });
      return true;
    }
    if (stored.updatedAtMs === this.stored?.updatedAtMs) return false;
    if (this.unsaved()) this.hold({ kind: 'conflict', theirs: stored });
    else this.follow(stored);
    return true;
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

/** What the user edits in a note, without its id and times. */
export function contentOf(n: NoteContent): NoteContent {
  const { netuid, title, body, repositoryUrl, commitReviewed, reviewedOn, scoringSummary, validatorsReward } = n;
  const { hardware, exploits, risks, verdict, confidence, tags } = n;
  return {
    netuid,
    title,
    body,
    repositoryUrl,
    commitReviewed,
    reviewedOn,
    scoringSummary,
    validatorsReward,
    hardware,
    exploits,
    risks,
    verdict,
    confidence,
    tags,
  };
}
