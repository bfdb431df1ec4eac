/**
 * Every write to notes tells every window (`data.changed`, scope 'notes', with the subnets whose notes changed), so a
 * second window's Notes screen and a subnet page's notes refresh; reads and refused writes tell nobody.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ExportedFile, Note, NoteVersion } from '../../../shared/notes-types';
import { changeRecorder, openTestService, review, type TestService } from '../../../test/fixtures/notes-service';

let t: TestService;
/** The changes announced while `work` ran. */
let announced: ReturnType<typeof changeRecorder>;
beforeEach(async () => {
  t = await openTestService();
  announced = changeRecorder(t.service);
});
afterEach(() => t.service.close());

describe('notes tell every window when they change', () => {
  it('on create, save (autosave and Save), restore and delete, naming the subnet', async () => {
    let note: Note | undefined;
    expect(await announced(async () => (note = await t.ok<Note>('notes.create', { netuid: 8 })))).toEqual([
      { scope: 'notes', netuids: [8] },
    ]);
    const id = note!.id;
    expect(await announced(() => t.ok('notes.save', { id, content: review(8), kind: 'autosave' }))).toEqual([
      { scope: 'notes', netuids: [8] },
    ]);
    // Save closes the editing session, so the next save leaves a second version to restore.
    expect(await announced(() => t.ok('notes.save', { id, content: review(8), kind: 'save' }))).toEqual([
      { scope: 'notes', netuids: [8] },
    ]);
    t.clock.ms += 60_000;
    expect(
      await announced(() => t.ok('notes.save', { id, content: review(8, { body: 'second take' }), kind: 'save' })),
    ).toEqual([{ scope: 'notes', netuids: [8] }]);
    const [, first] = await t.ok<NoteVersion[]>('notes.history', { id });
    expect(await announced(() => t.ok('notes.restoreVersion', { id, versionId: first!.id }))).toEqual([
      { scope: 'notes', netuids: [8] },
    ]);
    expect(await announced(() => t.ok('notes.delete', { id }))).toEqual([{ scope: 'notes', netuids: [8] }]);
  });

  it('names both subnets when a save moves a note to another subnet', async () => {
    const note = await t.ok<Note>('notes.create', { netuid: 19 });
    expect(await announced(() => t.ok('notes.save', { id: note.id, content: review(3), kind: 'save' }))).toEqual([
      { scope: 'notes', netuids: [3, 19] },
    ]);
  });

  it('on import, naming the imported notes’ subnets; settings restored by the import are announced too', async () => {
    const source = await openTestService();
    try {
      for (const netuid of [8, 19]) {
        const n = await source.ok<Note>('notes.create', { netuid });
        await source.ok('notes.save', { id: n.id, content: review(netuid), kind: 'save' });
      }
      const { content } = await source.ok<ExportedFile>('notes.export');
      expect(await announced(() => t.ok('notes.import', { content, conflicts: 'ask', settings: 'replace' }))).toEqual([
        { scope: 'notes', netuids: [8, 19] },
        { scope: 'settings' },
      ]);
      // Asking about conflicts writes nothing, so nothing is announced.
      expect(await announced(() => t.ok('notes.import', { content, conflicts: 'ask' }))).toEqual([]);
    } finally {
      await source.service.close();
    }
  });

  it('not on reads, and not on a write the core refused', async () => {
    const note = await t.ok<Note>('notes.create', { netuid: 8 });
    const reads = await announced(async () => {
      await t.ok('notes.list');
      await t.ok('notes.get', { id: note.id });
      await t.ok('notes.history', { id: note.id });
      await t.ok('notes.export');
    });
    expect(reads).toEqual([]);
    const missing = '00000000-0000-4000-8000-000000000000';
    const refused = await announced(async () => {
      await t.err('notes.save', { id: missing, content: review(8), kind: 'save' });
      await t.err('notes.delete', { id: missing });
    });
    expect(refused).toEqual([]);
  });
});
