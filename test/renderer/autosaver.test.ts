/**
 * The notes autosaver (renderer/src/notes/autosaver.ts) against a real core in this process: when it saves, and what
 * the editor is told when the core refuses a save: another window's change ('conflict') or delete ('not-found') is
 * shown as such and the user's text is kept; any other refusal shows the core's words.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Note } from '../../shared/notes-types';
import { Autosaver, contentOf, type AutosaverEvents, type SaveState } from '../../renderer/src/notes/autosaver';
import { openInProcessCore, scoutModule, type InProcessCore } from './in-process-core';

vi.mock('../../renderer/src/scout', async () => ({ scout: (await import('./in-process-core')).scoutModule.scout }));

let core: InProcessCore;
beforeEach(async () => {
  core = await openInProcessCore();
  scoutModule.current = core.scout;
});
afterEach(async () => {
  vi.useRealTimers();
  await core.close();
});

/** An editor window on a note: its autosaver and everything the autosaver told it. */
function editor(note: Note) {
  const states: SaveState[] = [];
  const saved: Note[] = [];
  const events: AutosaverEvents = {
    state: (s) => states.push(s),
    saved: (n) => saved.push(n),
    reloaded: () => undefined,
  };
  const saver = new Autosaver(note.id, events);
  saver.reset(note, contentOf(note));
  return {
    saver,
    states,
    saved,
    last: () => states.at(-1),
    type: (body: string) => saver.change({ ...contentOf(note), body }),
  };
}

const createNote = () => core.scout.call('notes.create', { netuid: 3, title: 'Scoring review' });
const stored = async (id: string) => (await core.scout.call('notes.get', { id })).body;

describe('the notes autosaver', () => {
  it('saves 800 ms after typing stops, and within 1 s of the first change while typing goes on', async () => {
    const note = await createNote();
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const a = editor(note);
    a.type('F');
    await vi.advanceTimersByTimeAsync(700);
    expect(core.calls.filter((m) => m === 'notes.save')).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(100);
    await vi.waitFor(() => expect(a.saved).toHaveLength(1));
    expect(await stored(note.id)).toBe('F');

    // Typing every 300 ms (at 0, 300, 600 and 900 ms) never leaves an 800 ms pause before 1.7 s; the save still
    // comes at 1 s after the first unsaved change, with what was typed by then.
    for (const body of ['Fi', 'Fir', 'Firs', 'First']) {
      a.type(body);
      await vi.advanceTimersByTimeAsync(300);
    }
    await vi.waitFor(() => expect(a.saved).toHaveLength(2));
    expect(a.saved[1]!.body).toBe('First');
  });

  it("a save refused as 'conflict' (another window saved first) keeps the text here and asks, showing theirs", async () => {
    const note = await createNote();
    const mine = editor(note);
    const theirs = editor(note);
    theirs.type('Their take: the owner burns 50%.');
    await theirs.saver.save('save');
    mine.type('My take: the burn is 60%.');
    await mine.saver.save('autosave');

    expect(mine.last()).toMatchObject({ kind: 'conflict', theirs: { body: 'Their take: the owner burns 50%.' } });
    expect(await stored(note.id)).toBe('Their take: the owner burns 50%.');
    // The user keeps their own text: saved over theirs, which stays in the history.
    await mine.saver.keepMine();
    expect(await stored(note.id)).toBe('My take: the burn is 60%.');
    const history = await core.scout.call('notes.history', { id: note.id });
    expect(history.map((v) => v.content.body)).toContain('Their take: the owner burns 50%.');
  });

  it("a save refused as 'not-found' (deleted in another window) holds the text and says the note was deleted", async () => {
    const note = await createNote();
    const mine = editor(note);
    await core.scout.call('notes.delete', { id: note.id });
    mine.type('Last words before the delete.');
    await mine.saver.save('autosave');
    expect(mine.last()).toEqual({ kind: 'deleted' });
    expect(mine.saver.holdsUnsaved()).toBe(true);
  });

  it("any other refusal shows the core's words, keeps the draft, and does not go looking for another window's change", async () => {
    const note = await createNote();
    const mine = editor(note);
    mine.type('x'.repeat(1_000_001)); // over the note's 1,000,000-character limit
    core.calls.length = 0;
    await mine.saver.save('autosave');
    expect(mine.last()).toEqual({
      kind: 'error',
      message: expect.stringMatching(/the note is limited to 1,000,000 characters/),
    });
    expect(core.calls).toEqual(['notes.save']);
    expect(mine.saver.holdsUnsaved()).toBe(true);
    // Shortened, it saves.
    mine.type('A shorter note.');
    await mine.saver.save('autosave');
    expect(mine.last()).toMatchObject({ kind: 'saved' });
    expect(await stored(note.id)).toBe('A shorter note.');
  });
});
