import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Note, NoteVersion } from '../../../shared/notes-types';
import { ensureDemoData } from '../demo-data';
import { openTestService, review, type TestService } from '../../../test/fixtures/notes-service';

let t: TestService;
beforeEach(async () => {
  t = await openTestService();
});
afterEach(() => t.service.close());

const minutes = (n: number) => n * 60_000;

describe('notes: writing and editing', () => {
  it('creates a note with a stable UUID and keeps every review field as saved', async () => {
    const created = await t.ok<Note>('notes.create', { netuid: 8 });
    expect(created.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(created.title).toBe('SN8 code review');
    const content = review(8, { tags: ['GPU', ' inference ', 'gpu'] });
    t.clock.ms += 1000;
    const saved = await t.ok<Note>('notes.save', { id: created.id, content, kind: 'save' });
    expect(saved.tags).toEqual(['gpu', 'inference']);
    expect(await t.ok<Note>('notes.get', { id: created.id })).toEqual({
      ...review(8),
      id: created.id,
      createdAtMs: created.createdAtMs,
      updatedAtMs: created.createdAtMs + 1000,
    });
  });

  it('refuses a note without a title, a bad date or an id that is not a UUID, with the reason', async () => {
    const { id } = await t.ok<Note>('notes.create', { netuid: 1 });
    expect(await t.err('notes.save', { id, content: review(1, { title: '  ' }), kind: 'autosave' })).toMatch(
      /needs a title/,
    );
    expect(
      await t.err('notes.save', { id, content: review(1, { reviewedOn: '30/05/2025' }), kind: 'autosave' }),
    ).toMatch(/YYYY-MM-DD/);
    expect(await t.err('notes.get', { id: '42' })).toMatch(/UUID/);
    expect(await t.err('notes.get', { id: crypto.randomUUID() })).toMatch(/no note with id/);
  });

  it('deletes a note with its history', async () => {
    const { id } = await t.ok<Note>('notes.create', { netuid: 3 });
    await t.ok('notes.delete', { id });
    expect(await t.ok<unknown[]>('notes.list')).toEqual([]);
    expect(await t.err('notes.history', { id })).toMatch(/no note with id/);
    expect(t.service.requireWorkspace().db.prepare('SELECT COUNT(*) FROM note_versions').pluck().get()).toBe(0);
  });

  it('is left alone by syncs: writing chain snapshots does not touch notes', async () => {
    const { id } = await t.ok<Note>('notes.create', { netuid: 2 });
    const before = await t.ok<Note>('notes.save', { id, content: review(2), kind: 'save' });
    ensureDemoData(t.service.requireWorkspace().db, { subnetCount: 4, maxUids: 16, days: 2, now: () => t.clock.ms });
    expect(await t.ok<Note>('notes.get', { id })).toEqual(before);
    expect(await t.ok<NoteVersion[]>('notes.history', { id })).toHaveLength(1);
  });
});

describe('notes: edit history', () => {
  async function typeInto(id: string, body: string, kind: 'autosave' | 'save' = 'autosave', after = 2000) {
    t.clock.ms += after;
    return t.ok<Note>('notes.save', { id, content: review(5, { body }), kind });
  }
  const history = (id: string) => t.ok<NoteVersion[]>('notes.history', { id });

  it('merges the autosaves of one editing session into one version that ends with the latest text', async () => {
    const { id } = await t.ok<Note>('notes.create', { netuid: 5 });
    for (const body of ['L', 'La', 'Lat', 'Latency', 'Latency first']) await typeInto(id, body);
    const versions = await history(id);
    expect(versions).toHaveLength(1);
    expect(versions[0]!.content.body).toBe('Latency first');
    expect(versions[0]!.kind).toBe('autosave');
  });

  it('starts a new version after five minutes of editing, and after the user presses Save', async () => {
    const { id } = await t.ok<Note>('notes.create', { netuid: 5 });
    await typeInto(id, 'draft one');
    await typeInto(id, 'draft one, later', 'autosave', minutes(5));
    expect((await history(id)).map((v) => v.content.body)).toEqual(['draft one, later', 'draft one']);

    await typeInto(id, 'final wording', 'save');
    await typeInto(id, 'final wording, then more');
    const versions = await history(id);
    expect(versions.map((v) => [v.kind, v.content.body])).toEqual([
      ['autosave', 'final wording, then more'],
      ['save', 'final wording'],
      ['autosave', 'draft one'],
    ]);
  });

  it('adds no version when Save is pressed twice without a change', async () => {
    const { id } = await t.ok<Note>('notes.create', { netuid: 5 });
    await typeInto(id, 'checked', 'save');
    await typeInto(id, 'checked', 'save', minutes(10));
    expect(await history(id)).toHaveLength(1);
  });

  it('restores an older version as a new version, leaving the history intact', async () => {
    const { id } = await t.ok<Note>('notes.create', { netuid: 5 });
    await typeInto(id, 'Mine it: scoring is fair.', 'save');
    await typeInto(id, 'Skip: scoring is gamed.', 'save');
    const older = (await history(id))[1]!;
    t.clock.ms += 1000;
    const restored = await t.ok<Note>('notes.restoreVersion', { id, versionId: older.id });
    expect(restored.body).toBe('Mine it: scoring is fair.');
    expect(restored.updatedAtMs).toBe(t.clock.ms);
    expect((await history(id)).map((v) => [v.kind, v.content.body])).toEqual([
      ['restore', 'Mine it: scoring is fair.'],
      ['save', 'Skip: scoring is gamed.'],
      ['save', 'Mine it: scoring is fair.'],
    ]);
    // The next autosave starts its own version: the restore stays in the history.
    await typeInto(id, 'Mine it: scoring is fair. Re-checked.');
    expect(await history(id)).toHaveLength(4);
  });

  it('refuses to restore a version of another note', async () => {
    const a = await t.ok<Note>('notes.create', { netuid: 5 });
    const b = await t.ok<Note>('notes.create', { netuid: 6 });
    const [bVersion] = await history(b.id);
    expect(await t.err('notes.restoreVersion', { id: a.id, versionId: bVersion!.id })).toMatch(/has no version/);
  });

  it('reads every version back through the note schema: one edited by hand to break its rules is left out, and kept in the file', async () => {
    const { id } = await t.ok<Note>('notes.create', { netuid: 2 });
    t.clock.ms += minutes(10);
    await t.ok('notes.save', { id, content: review(2, { body: 'first' }), kind: 'save' });
    t.clock.ms += minutes(10);
    await t.ok('notes.save', { id, content: review(2, { body: 'second' }), kind: 'save' });
    const db = t.service.requireWorkspace().db;
    const broken = { ...review(2, { body: 'first' }), reviewedOn: 'last Tuesday' };
    db.prepare(
      'UPDATE note_versions SET content_json = ? WHERE note_id = ? AND content_json LIKE \'%"body":"first"%\'',
    ).run(JSON.stringify(broken), id);
    const bodies = (await t.ok<NoteVersion[]>('notes.history', { id })).map((v) => v.content.body);
    expect(bodies).toContain('second');
    expect(bodies).not.toContain('first');
    expect(
      db
        .prepare('SELECT COUNT(*) FROM note_versions WHERE note_id = ? AND content_json LIKE ?')
        .pluck()
        .get(id, '%last Tuesday%'),
    ).toBe(1);
  });
});
