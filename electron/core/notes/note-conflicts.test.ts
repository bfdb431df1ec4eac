/**
 * One note open in two windows: a save says which version of the note its editor started from, and the core refuses
 * one made from a version that is no longer current ('conflict', nothing written). "Keep mine" saves over the other
 * window's text, which stays in the history so it can be restored.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Note, NoteVersion } from '../../../shared/notes-types';
import { openTestService, review, type TestService } from '../../../test/fixtures/notes-service';

let t: TestService;
beforeEach(async () => {
  t = await openTestService();
});
afterEach(() => t.service.close());

const history = (id: string) => t.ok<NoteVersion[]>('notes.history', { id });
const save = (note: Note, body: string, base: number, extra: object = {}) =>
  t.service.call('notes.save', {
    id: note.id,
    content: review(5, { body }),
    kind: 'autosave',
    baseUpdatedAtMs: base,
    ...extra,
  });

describe('notes: saves from an editor that started from an older version', () => {
  it('are refused as a conflict, writing nothing and telling no window', async () => {
    const note = await t.ok<Note>('notes.create', { netuid: 5 });
    t.clock.ms += 2000;
    // Window B saves first, from the version both windows opened.
    const theirs = await t.ok<Note>('notes.save', {
      id: note.id,
      content: review(5, { body: 'theirs' }),
      kind: 'autosave',
      baseUpdatedAtMs: note.updatedAtMs,
    });
    const historyBefore = await history(note.id);
    const changes: unknown[] = [];
    t.service.on((event, payload) => event === 'data.changed' && changes.push(payload));

    t.clock.ms += 2000;
    const refused = await save(note, 'mine', note.updatedAtMs);
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: expect.stringMatching(/changed in another window.*nothing was written/) },
    });
    expect(await t.ok<Note>('notes.get', { id: note.id })).toEqual(theirs);
    expect(await history(note.id)).toEqual(historyBefore);
    expect(changes).toEqual([]);
  });

  it('are accepted from the current version, and each save moves the version on', async () => {
    const note = await t.ok<Note>('notes.create', { netuid: 5 });
    const first = await save(note, 'one', note.updatedAtMs);
    if (!first.ok) throw new Error(first.error.message);
    const saved = first.value as Note;
    // The clock has not moved: the version still does, or the next editor could not tell the two apart.
    expect(saved.updatedAtMs).toBeGreaterThan(note.updatedAtMs);
    expect(await save(saved, 'two', saved.updatedAtMs)).toMatchObject({ ok: true, value: { body: 'two' } });
    expect(await save(saved, 'three', saved.updatedAtMs)).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });

  it('still moves the version on when the clock went back', async () => {
    const note = await t.ok<Note>('notes.create', { netuid: 5 });
    t.clock.ms -= 60_000;
    const saved = await t.ok<Note>('notes.save', {
      id: note.id,
      content: review(5, { body: 'after a clock change' }),
      kind: 'save',
    });
    expect(saved.updatedAtMs).toBeGreaterThan(note.updatedAtMs);
  });

  it('keep mine: saving over the other window keeps its text in the history, and it can be restored', async () => {
    const note = await t.ok<Note>('notes.create', { netuid: 5 });
    t.clock.ms += 2000;
    // Window B is still in its editing session (its autosave version is open) when window A keeps its own text.
    const theirs = await t.ok<Note>('notes.save', {
      id: note.id,
      content: review(5, { body: 'theirs' }),
      kind: 'autosave',
      baseUpdatedAtMs: note.updatedAtMs,
    });
    t.clock.ms += 2000;
    expect(await save(note, 'mine', note.updatedAtMs)).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const kept = await save(note, 'mine', theirs.updatedAtMs, { kind: 'save', overwrite: true });
    expect(kept).toMatchObject({ ok: true, value: { body: 'mine' } });

    const versions = await history(note.id);
    expect(versions.map((v) => [v.kind, v.content.body])).toEqual([
      ['save', 'mine'],
      ['autosave', 'theirs'],
    ]);
    t.clock.ms += 1000;
    const restored = await t.ok<Note>('notes.restoreVersion', { id: note.id, versionId: versions[1]!.id });
    expect(restored.body).toBe('theirs');
    expect((await history(note.id)).map((v) => v.content.body)).toEqual(['theirs', 'mine', 'theirs']);
  });

  it('a save without a base (scripts, older callers) is written as before', async () => {
    const note = await t.ok<Note>('notes.create', { netuid: 5 });
    await save(note, 'from a window', note.updatedAtMs);
    expect(
      await t.ok<Note>('notes.save', { id: note.id, content: review(5, { body: 'from a script' }), kind: 'save' }),
    ).toMatchObject({
      body: 'from a script',
    });
  });

  it('refuses a base that is not a time in milliseconds, with the reason', async () => {
    const note = await t.ok<Note>('notes.create', { netuid: 5 });
    for (const base of [-1, 1.5, '1700000000000', null]) {
      expect(
        await t.err('notes.save', { id: note.id, content: review(5), kind: 'save', baseUpdatedAtMs: base }),
      ).toMatch(/baseUpdatedAtMs/);
    }
    expect(await t.err('notes.save', { id: note.id, content: review(5), kind: 'save', overwrite: 'yes' })).toMatch(
      /overwrite/,
    );
  });

  it('notes.find answers null for a deleted note, where notes.get fails', async () => {
    const note = await t.ok<Note>('notes.create', { netuid: 5 });
    expect(await t.ok('notes.find', { id: note.id })).toEqual({ note });
    await t.ok('notes.delete', { id: note.id });
    expect(await t.ok('notes.find', { id: note.id })).toEqual({ note: null });
    expect(await save(note, 'mine', note.updatedAtMs)).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/no note with id/) },
    });
  });
});
