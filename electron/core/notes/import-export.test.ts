import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Settings, SavedScenario, Watchlist } from '../../../shared/api-types';
import { DEFAULT_SCENARIO } from '../../../shared/economics';
import type { ExportedFile, ImportOutcome, Note, NoteSummary, NoteVersion } from '../../../shared/notes-types';
import { openTestService, review, type TestService } from './test-support';

let mine: TestService;
let theirs: TestService;
beforeEach(async () => {
  mine = await openTestService();
  theirs = await openTestService();
});
afterEach(async () => {
  await mine.service.close();
  await theirs.service.close();
});

/** A data folder with two notes (one edited twice), a watchlist, a scenario and a changed setting. */
async function fill(t: TestService): Promise<Note[]> {
  const a = await t.ok<Note>('notes.create', { netuid: 8 });
  await t.ok('notes.save', { id: a.id, content: review(8, { body: 'first take' }), kind: 'save' });
  t.clock.ms += 60_000;
  await t.ok('notes.save', { id: a.id, content: review(8, { body: 'second take' }), kind: 'save' });
  const b = await t.ok<Note>('notes.create', { netuid: 19 });
  await t.ok('notes.save', { id: b.id, content: review(19, { verdict: 'skip' }), kind: 'save' });
  const list = await t.ok<Watchlist>('watchlists.create', { name: 'GPU candidates' });
  await t.ok('watchlists.addSubnet', { id: list.id, netuid: 8 });
  await t.ok('scenarios.save', { name: 'Cheap box', netuid: 8, scenario: { ...DEFAULT_SCENARIO, rentUsdPerMonth: 90 } });
  await t.ok('settings.set', { syncIntervalMinutes: 15 });
  return Promise.all([a.id, b.id].map((id) => t.ok<Note>('notes.get', { id })));
}
const exportFrom = async (t: TestService) => (await t.ok<ExportedFile>('notes.export')).content;
const notesIn = (t: TestService) => t.ok<NoteSummary[]>('notes.list');

describe('export and import of user data', () => {
  it('round-trips notes with their history, watchlists, scenarios and settings into a fresh data folder', async () => {
    const notes = await fill(mine);
    const file = await mine.ok<ExportedFile>('notes.export');
    expect(file.fileName).toBe('subnet-scout-export-2025-06-01.json');
    expect(JSON.parse(file.content)).toMatchObject({ format: 'subnet-scout-export', version: 1 });

    const outcome = await theirs.ok<ImportOutcome>('notes.import', { content: file.content, conflicts: 'ask' });
    expect(outcome).toEqual({
      status: 'imported',
      notesAdded: 2,
      notesReplaced: 0,
      notesDuplicated: 0,
      notesKept: 0,
      watchlists: 1,
      scenarios: 1,
      settingsRestored: true,
    });
    for (const note of notes) expect(await theirs.ok<Note>('notes.get', { id: note.id })).toEqual(note);
    const history = await theirs.ok<NoteVersion[]>('notes.history', { id: notes[0]!.id });
    expect(history.map((v) => v.content.body)).toEqual(['second take', 'first take']);
    expect((await theirs.ok<Watchlist[]>('watchlists.list')).map((w) => [w.name, w.netuids])).toEqual([['GPU candidates', [8]]]);
    expect((await theirs.ok<SavedScenario[]>('scenarios.list'))[0]).toMatchObject({ name: 'Cheap box', scenario: { rentUsdPerMonth: 90 } });
    expect((await theirs.ok<Settings>('settings.get')).syncIntervalMinutes).toBe(15);
  });

  it('exports one note as Markdown with its review fields as a header', async () => {
    const [note] = await fill(mine);
    const md = await mine.ok<ExportedFile>('notes.exportMarkdown', { id: note!.id });
    expect(md.fileName).toBe('sn8-sn8-scoring-review.md');
    expect(md.content).toContain('# SN8 scoring review\n\n- **Subnet:** SN8\n- **Verdict:** Watch (medium confidence)\n');
    expect(md.content).toContain('- **Hardware:** GPU, 24 GB VRAM, 64 GB RAM, 500 GB disk, 1× RTX 4090');
    expect(md.content).toContain('## Exploits and edges\n\nCaching identical prompts gives free latency wins.');
    expect(md.content.endsWith('---\n\nsecond take\n')).toBe(true);
  });
});

describe('import conflicts: notes whose ids already exist', () => {
  async function importAgain(conflicts: string) {
    return mine.ok<ImportOutcome>('notes.import', { content: await exportFrom(mine), conflicts });
  }

  it('asks first, writing nothing, and names the conflicting notes', async () => {
    const notes = await fill(mine);
    const content = await exportFrom(mine);
    await mine.ok('notes.save', { id: notes[0]!.id, content: review(8, { body: 'edited after export' }), kind: 'save' });
    await mine.ok('settings.set', { syncIntervalMinutes: 30 });
    const outcome = await mine.ok<ImportOutcome>('notes.import', { content, conflicts: 'ask' });
    expect(outcome).toEqual({ status: 'conflicts', noteIds: notes.map((n) => n.id), titles: notes.map((n) => n.title) });
    expect((await mine.ok<Note>('notes.get', { id: notes[0]!.id })).body).toBe('edited after export');
    expect((await mine.ok<Settings>('settings.get')).syncIntervalMinutes).toBe(30);
  });

  it('keeps mine: nothing changes, and the same lists and scenarios are not doubled', async () => {
    await fill(mine);
    const outcome = await importAgain('keep');
    expect(outcome).toMatchObject({ status: 'imported', notesKept: 2, notesAdded: 0, scenarios: 0, settingsRestored: false });
    expect(await notesIn(mine)).toHaveLength(2);
    expect(await mine.ok<SavedScenario[]>('scenarios.list')).toHaveLength(1);
    expect((await mine.ok<Watchlist[]>('watchlists.list')).map((w) => w.netuids)).toEqual([[8]]);
  });

  it('replaces with the file’s content, and my replaced text stays restorable in the history', async () => {
    const [note] = await fill(mine);
    const content = await exportFrom(mine);
    mine.clock.ms += 60_000;
    await mine.ok('notes.save', { id: note!.id, content: review(8, { body: 'my newer text' }), kind: 'save' });
    mine.clock.ms += 60_000;
    const outcome = await mine.ok<ImportOutcome>('notes.import', { content, conflicts: 'replace' });
    expect(outcome).toMatchObject({ notesReplaced: 2, settingsRestored: true });
    expect((await mine.ok<Note>('notes.get', { id: note!.id })).body).toBe('second take');
    const history = await mine.ok<NoteVersion[]>('notes.history', { id: note!.id });
    expect(history.map((v) => [v.kind, v.content.body])).toEqual([
      ['import', 'second take'],
      ['save', 'my newer text'],
      ['save', 'second take'],
      ['save', 'first take'],
    ]);
  });

  it('duplicates: both copies exist, the imported one with a new id and a title that says so', async () => {
    const notes = await fill(mine);
    const outcome = await importAgain('duplicate');
    expect(outcome).toMatchObject({ notesDuplicated: 2, settingsRestored: false });
    const all = await notesIn(mine);
    expect(all).toHaveLength(4);
    const copies = all.filter((n) => !notes.some((o) => o.id === n.id));
    expect(copies.map((n) => n.title).sort()).toEqual(['SN19 scoring review (imported copy)', 'SN8 scoring review (imported copy)']);
    const copyOf8 = copies.find((n) => n.netuid === 8)!;
    expect((await mine.ok<NoteVersion[]>('notes.history', { id: copyOf8.id })).map((v) => v.content.body)).toContain('first take');
  });
});

describe('import refuses a bad file with the reason, and writes nothing', () => {
  async function refused(content: string): Promise<string> {
    const message = await theirs.err('notes.import', { content, conflicts: 'ask' });
    expect(await notesIn(theirs)).toEqual([]);
    expect(await theirs.ok<Watchlist[]>('watchlists.list')).toEqual([]);
    return message;
  }
  const valid = async () => JSON.parse(await exportFrom(mine)) as Record<string, unknown> & { notes: Record<string, unknown>[] };

  it('a truncated file', async () => {
    await fill(mine);
    const content = await exportFrom(mine);
    expect(await refused(content.slice(0, content.length / 2))).toMatch(/not valid JSON, so it may be truncated.*Nothing was imported/);
  });

  it('a file that is not an export', async () => {
    expect(await refused('{"notes": []}')).toMatch(/not a Subnet Scout export file/);
    expect(await refused('null')).toMatch(/not a Subnet Scout export file/);
  });

  it('a file from a newer version', async () => {
    const file = await valid();
    expect(await refused(JSON.stringify({ ...file, version: 2 }))).toMatch(/newer version of Subnet Scout \(export format version 2/);
  });

  it('a file with one bad field among good notes, naming where', async () => {
    await fill(mine);
    const file = await valid();
    file.notes[1]!.verdict = 'maybe';
    expect(await refused(JSON.stringify(file))).toMatch(/notes\.1\.verdict/);
  });

  it('a file listing the same note twice', async () => {
    await fill(mine);
    const file = await valid();
    file.notes.push(file.notes[0]!);
    expect(await refused(JSON.stringify(file))).toMatch(/appears twice/);
  });

  it('a file over 50 MB', async () => {
    const file = await valid();
    const huge = JSON.stringify({ ...file, padding: 'é'.repeat(26 * 1024 * 1024) }); // 52 MB of UTF-8 in fewer characters
    expect(await refused(huge)).toMatch(/is 52\.0 MB; Subnet Scout reads export files up to 50 MB/);
  });

  it('writes nothing when the write itself fails half-way', async () => {
    await fill(mine);
    const content = await exportFrom(mine);
    // Notes are written before scenarios: make the scenario write fail, as a full disk would.
    theirs.service.requireWorkspace().db.exec("CREATE TEMP TRIGGER fail BEFORE INSERT ON scenarios BEGIN SELECT RAISE(ABORT, 'disk full'); END");
    expect(await refused(content)).toMatch(/disk full/);
    expect((await theirs.ok<Settings>('settings.get')).syncIntervalMinutes).toBe(60);
  });
});
