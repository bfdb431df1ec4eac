import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Settings, SavedScenario, Watchlist } from '../../../shared/api-types';
import type { ExportedFile, ImportOutcome, Note, NoteVersion } from '../../../shared/notes-types';
import { DEFAULT_THRESHOLDS } from '../../../shared/economics';
import {
  asTyped,
  address,
  dropAlertIn,
  exportFrom,
  fill,
  keysIn,
  notesIn,
  rentsIn,
} from '../../../test/fixtures/note-export-data';
import { openTestService, review, type TestService } from '../../../test/fixtures/notes-service';

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

describe('export and import of user data', () => {
  it('round-trips notes with their history, watchlists, scenarios, team keys, miner rents, the alert threshold and settings into a fresh data folder', async () => {
    const notes = await fill(mine);
    const file = await mine.ok<ExportedFile>('notes.export');
    expect(file.fileName).toBe('subnet-scout-export-2025-06-01.json');
    expect(JSON.parse(file.content)).toMatchObject({
      format: 'subnet-scout-export',
      version: 3,
      minerRents: [
        { netuid: 8, hotkey: address(1), rentUsdPerMonth: 520 },
        { netuid: 19, hotkey: address(2), rentUsdPerMonth: 75 },
      ],
      teamSettings: { earningsDropAlertPercent: 40 },
    });

    // A fresh folder's settings differ from the file's: asked first, with what would change, and nothing written.
    expect(await theirs.ok<ImportOutcome>('notes.import', { content: file.content, conflicts: 'ask' })).toEqual({
      status: 'conflicts',
      noteIds: [],
      titles: [],
      settingsChanges: [{ label: 'Sync every (minutes, 0 = only when asked)', mine: '60', file: '15' }],
    });
    expect(await notesIn(theirs)).toEqual([]);
    const outcome = await theirs.ok<ImportOutcome>('notes.import', {
      content: file.content,
      conflicts: 'ask',
      settings: 'replace',
    });
    expect(outcome).toEqual({
      status: 'imported',
      notesAdded: 2,
      notesReplaced: 0,
      notesDuplicated: 0,
      notesKept: 0,
      watchlists: 1,
      scenarios: 1,
      teamKeys: 2,
      minerRents: 2,
      earningsDropAlertRestored: true,
      settingsRestored: true,
    });
    const keys = await keysIn(mine);
    expect(keys.map((k) => k.label)).toEqual(['rig-a', 'team cold']);
    expect(asTyped(await keysIn(theirs))).toEqual(asTyped(keys));
    expect(rentsIn(theirs)).toEqual({ [`SN8 ${address(1)}`]: 520, [`SN19 ${address(2)}`]: 75 });
    expect(rentsIn(theirs)).toEqual(rentsIn(mine));
    expect(dropAlertIn(theirs)).toBe(40);
    for (const note of notes) expect(await theirs.ok<Note>('notes.get', { id: note.id })).toEqual(note);
    const history = await theirs.ok<NoteVersion[]>('notes.history', { id: notes[0]!.id });
    expect(history.map((v) => v.content.body)).toEqual(['second take', 'first take']);
    expect((await theirs.ok<Watchlist[]>('watchlists.list')).map((w) => [w.name, w.netuids])).toEqual([
      ['GPU candidates', [8]],
    ]);
    expect((await theirs.ok<SavedScenario[]>('scenarios.list'))[0]).toMatchObject({
      name: 'Cheap box',
      scenario: { rentUsdPerMonth: 90 },
    });
    expect((await theirs.ok<Settings>('settings.get')).syncIntervalMinutes).toBe(15);
  });

  it('a threshold never set stays unset: the default keeps applying after import', async () => {
    await mine.ok('miners.addKey', { address: address(1), kind: 'hotkey', label: 'rig-a' });
    const content = await exportFrom(mine);
    expect(JSON.parse(content)).toMatchObject({ minerRents: [], teamSettings: { earningsDropAlertPercent: null } });
    expect(await theirs.ok<ImportOutcome>('notes.import', { content, conflicts: 'ask' })).toMatchObject({
      minerRents: 0,
      earningsDropAlertRestored: false,
    });
    expect(dropAlertIn(theirs)).toBeNull();
  });

  it('still imports a version 1 file (written before team keys were exported): everything else arrives, no keys', async () => {
    const notes = await fill(mine);
    const {
      teamKeys: _,
      minerRents: __,
      teamSettings: ___,
      ...rest
    } = JSON.parse(await exportFrom(mine)) as Record<string, unknown>;
    const v1 = JSON.stringify({ ...rest, version: 1 });
    const outcome = await theirs.ok<ImportOutcome>('notes.import', {
      content: v1,
      conflicts: 'ask',
      settings: 'replace',
    });
    expect(outcome).toMatchObject({
      status: 'imported',
      notesAdded: 2,
      watchlists: 1,
      scenarios: 1,
      teamKeys: 0,
      minerRents: 0,
      earningsDropAlertRestored: false,
      settingsRestored: true,
    });
    expect(await theirs.ok<Note>('notes.get', { id: notes[1]!.id })).toEqual(notes[1]);
    expect(await keysIn(theirs)).toEqual([]);
    // Into a folder that has keys, they stay as they are.
    expect(await mine.ok<ImportOutcome>('notes.import', { content: v1, conflicts: 'replace' })).toMatchObject({
      teamKeys: 0,
    });
    expect(await keysIn(mine)).toHaveLength(2);
  });

  it('still imports a version 2 file (written before miner rents and the alert threshold were exported): keys arrive, nothing else changes', async () => {
    await fill(mine);
    const { minerRents: _, teamSettings: __, ...rest } = JSON.parse(await exportFrom(mine)) as Record<string, unknown>;
    const v2 = JSON.stringify({ ...rest, version: 2 });
    const outcome = await theirs.ok<ImportOutcome>('notes.import', {
      content: v2,
      conflicts: 'ask',
      settings: 'replace',
    });
    expect(outcome).toMatchObject({
      status: 'imported',
      notesAdded: 2,
      teamKeys: 2,
      minerRents: 0,
      earningsDropAlertRestored: false,
      settingsRestored: true,
    });
    expect(asTyped(await keysIn(theirs))).toEqual(asTyped(await keysIn(mine)));
    expect(rentsIn(theirs)).toEqual({});
    expect(dropAlertIn(theirs)).toBeNull();
    // Into a folder that has rents and a threshold, even replacing, they stay as they are.
    expect(await mine.ok<ImportOutcome>('notes.import', { content: v2, conflicts: 'replace' })).toMatchObject({
      minerRents: 0,
      earningsDropAlertRestored: false,
    });
    expect(Object.keys(rentsIn(mine))).toHaveLength(2);
    expect(dropAlertIn(mine)).toBe(40);
  });

  it('exports one note as Markdown with its review fields as a header', async () => {
    const [note] = await fill(mine);
    const md = await mine.ok<ExportedFile>('notes.exportMarkdown', { id: note!.id });
    expect(md.fileName).toBe('sn8-sn8-scoring-review.md');
    expect(md.content).toContain(
      '# SN8 scoring review\n\n- **Subnet:** SN8\n- **Verdict:** Watch (medium confidence)\n',
    );
    expect(md.content).toContain('- **Hardware:** GPU, 24 GB VRAM, 64 GB RAM, 500 GB disk, 1× RTX 4090');
    expect(md.content).toContain('## Exploits and edges\n\nCaching identical prompts gives free latency wins.');
    expect(md.content.endsWith('---\n\nsecond take\n')).toBe(true);
  });
});

describe('import: settings are replaced only when the user chose so, after seeing what changes', () => {
  it('"ask" with no clashing note never replaces a custom endpoint, the sync interval or thresholds unseen', async () => {
    await theirs.ok('settings.set', {
      network: 'custom',
      customEndpoint: 'ws://10.0.0.5:9944',
      syncIntervalMinutes: 0,
      verdictThresholds: { ...DEFAULT_THRESHOLDS, giniGood: 0.2 },
    });
    const before = await theirs.ok<Settings>('settings.get');
    await fill(mine);
    const content = await exportFrom(mine);
    const preview = await theirs.ok<ImportOutcome>('notes.import', { content, conflicts: 'ask' });
    expect(preview).toEqual({
      status: 'conflicts',
      noteIds: [],
      titles: [],
      settingsChanges: [
        {
          label: 'Chain endpoint',
          mine: 'Custom endpoint ws://10.0.0.5:9944',
          file: 'Finney (main network) (wss://entrypoint-finney.opentensor.ai:443)',
        },
        { label: 'Sync every (minutes, 0 = only when asked)', mine: '0', file: '15' },
        { label: 'Gini good below', mine: '0.2', file: '0.3' },
      ],
    });
    expect(await theirs.ok<Settings>('settings.get')).toEqual(before);
    expect(await notesIn(theirs)).toEqual([]);

    // Keeping mine: everything else arrives, my settings stay exactly as they were.
    const kept = await theirs.ok<ImportOutcome>('notes.import', { content, conflicts: 'ask', settings: 'keep' });
    expect(kept).toMatchObject({ status: 'imported', notesAdded: 2, watchlists: 1, settingsRestored: false });
    expect(await theirs.ok<Settings>('settings.get')).toEqual(before);

    // Choosing the file's, later: they replace mine.
    const taken = await theirs.ok<ImportOutcome>('notes.import', { content, conflicts: 'keep', settings: 'replace' });
    expect(taken).toMatchObject({ status: 'imported', notesKept: 2, settingsRestored: true });
    expect(await theirs.ok<Settings>('settings.get')).toMatchObject({
      network: 'finney',
      syncIntervalMinutes: 15,
      verdictThresholds: DEFAULT_THRESHOLDS,
    });
  });

  it('the same settings: nothing to ask, the import goes through', async () => {
    await fill(mine);
    await theirs.ok('settings.set', { syncIntervalMinutes: 15 });
    const outcome = await theirs.ok<ImportOutcome>('notes.import', {
      content: await exportFrom(mine),
      conflicts: 'ask',
    });
    expect(outcome).toMatchObject({ status: 'imported', notesAdded: 2, settingsRestored: false });
  });
});

describe('import of large files: everything arrives once', () => {
  // The timings of the full-size cases (6,000 subnets, 20k and 100k versions, 60k notes) are in the bench.
  it('a 6,000-subnet watchlist and a note with 5,000 versions: all imported in order; importing again doubles nothing', async () => {
    const [note] = await fill(mine);
    const file = JSON.parse(await exportFrom(mine)) as {
      watchlists: { netuids: number[] }[];
      notes: { id: string; history: { kind: string; savedAtMs: number; content: { body: string } }[] }[];
    };
    const netuids = Array.from({ length: 6000 }, (_, i) => (i * 7919) % 65536); // distinct, not sorted
    file.watchlists[0]!.netuids = netuids;
    const first = file.notes.find((n) => n.id === note!.id)!;
    const template = first.history[0]!;
    first.history = Array.from({ length: 5000 }, (_, v) => ({
      ...template,
      savedAtMs: template.savedAtMs + v,
      content: { ...template.content, body: `v${v}` },
    }));
    const content = JSON.stringify(file);

    for (let round = 0; round < 2; round++) {
      const outcome = await theirs.ok<ImportOutcome>('notes.import', {
        content,
        conflicts: round === 0 ? 'ask' : 'replace',
        settings: 'keep',
      });
      expect(outcome.status).toBe('imported');
      const lists = await theirs.ok<Watchlist[]>('watchlists.list');
      expect(lists).toHaveLength(1);
      expect(lists[0]!.netuids).toEqual(netuids);
      const history = await theirs.ok<NoteVersion[]>('notes.history', { id: note!.id });
      // The file's 5,000 versions, and the note's own content (which no version of the file holds) on top.
      expect(history).toHaveLength(5001);
      expect(new Set(history.map((v) => v.content.body)).size).toBe(5001);
    }
    expect((await theirs.ok<Settings>('settings.get')).syncIntervalMinutes).toBe(60);
  });
});

describe('import: note ids are compared ignoring case', () => {
  it('a note whose id differs only in case is the same note: a conflict, replaced in place, never a second note', async () => {
    const [note] = await fill(mine);
    const file = JSON.parse(await exportFrom(mine)) as { notes: { id: string; body: string }[] };
    file.notes[0]!.id = note!.id.toUpperCase();
    file.notes[0]!.body = 'from the upper-case file';
    const content = JSON.stringify(file);
    const asked = await mine.ok<ImportOutcome>('notes.import', { content, conflicts: 'ask' });
    expect(asked).toMatchObject({ status: 'conflicts', noteIds: expect.arrayContaining([note!.id]) });
    expect(await mine.ok<ImportOutcome>('notes.import', { content, conflicts: 'replace' })).toMatchObject({
      notesReplaced: 2,
      notesAdded: 0,
    });
    expect(await notesIn(mine)).toHaveLength(2);
    expect((await mine.ok<Note>('notes.get', { id: note!.id })).body).toBe('from the upper-case file');
  });

  it('a file holding one note twice under ids differing in case is refused, nothing written', async () => {
    const [note] = await fill(mine);
    const file = JSON.parse(await exportFrom(mine)) as { notes: { id: string }[] };
    file.notes.push({ ...file.notes[0]!, id: note!.id.toUpperCase() });
    const message = await theirs.err('notes.import', {
      content: JSON.stringify(file),
      conflicts: 'ask',
      settings: 'keep',
    });
    expect(message).toMatch(/notes\.2\.id: note id [0-9a-f-]+ appears twice.*Nothing was imported\./);
    expect(await notesIn(theirs)).toEqual([]);
  });
});

describe('import conflicts: notes whose ids already exist', () => {
  async function importAgain(conflicts: string) {
    return mine.ok<ImportOutcome>('notes.import', { content: await exportFrom(mine), conflicts });
  }

  it('asks first, writing nothing, and names the conflicting notes', async () => {
    const notes = await fill(mine);
    const content = await exportFrom(mine);
    await mine.ok('notes.save', {
      id: notes[0]!.id,
      content: review(8, { body: 'edited after export' }),
      kind: 'save',
    });
    await mine.ok('settings.set', { syncIntervalMinutes: 30 });
    const outcome = await mine.ok<ImportOutcome>('notes.import', { content, conflicts: 'ask' });
    expect(outcome).toEqual({
      status: 'conflicts',
      noteIds: notes.map((n) => n.id),
      titles: notes.map((n) => n.title),
      settingsChanges: [{ label: 'Sync every (minutes, 0 = only when asked)', mine: '30', file: '15' }],
    });
    expect((await mine.ok<Note>('notes.get', { id: notes[0]!.id })).body).toBe('edited after export');
    expect((await mine.ok<Settings>('settings.get')).syncIntervalMinutes).toBe(30);
  });

  it('keeps mine: nothing changes, and the same lists, scenarios and team keys are not doubled', async () => {
    await fill(mine);
    const keys = await keysIn(mine);
    const rents = rentsIn(mine);
    const outcome = await importAgain('keep');
    expect(outcome).toMatchObject({
      status: 'imported',
      notesKept: 2,
      notesAdded: 0,
      scenarios: 0,
      teamKeys: 0,
      minerRents: 0,
      earningsDropAlertRestored: false,
      settingsRestored: false,
    });
    expect(await notesIn(mine)).toHaveLength(2);
    expect(await mine.ok<SavedScenario[]>('scenarios.list')).toHaveLength(1);
    expect((await mine.ok<Watchlist[]>('watchlists.list')).map((w) => w.netuids)).toEqual([[8]]);
    expect(await keysIn(mine)).toEqual(keys);
    expect(rentsIn(mine)).toEqual(rents);
    expect(dropAlertIn(mine)).toBe(40);
  });

  it('miner rents merge by subnet and hotkey, and the alert threshold likewise: mine stay unless I chose the file’s', async () => {
    await fill(mine);
    const content = await exportFrom(mine);
    await mine.ok('miners.setMinerRent', { netuid: 8, hotkey: address(1), rentUsdPerMonth: 600 });
    await mine.ok('miners.setMinerRent', { netuid: 19, hotkey: address(2), rentUsdPerMonth: null });
    await mine.ok('miners.setMinerRent', { netuid: 8, hotkey: address(3), rentUsdPerMonth: 99 });
    // The same hotkey on another subnet is another miner.
    await mine.ok('miners.setMinerRent', { netuid: 9, hotkey: address(1), rentUsdPerMonth: 10 });
    await mine.ok('miners.setEarningsDropAlert', { percent: 10 });

    expect(await mine.ok<ImportOutcome>('notes.import', { content, conflicts: 'duplicate' })).toMatchObject({
      minerRents: 1,
      earningsDropAlertRestored: false,
    });
    expect(rentsIn(mine)).toEqual({
      [`SN8 ${address(1)}`]: 600,
      [`SN8 ${address(3)}`]: 99,
      [`SN9 ${address(1)}`]: 10,
      [`SN19 ${address(2)}`]: 75,
    });
    expect(dropAlertIn(mine)).toBe(10);

    expect(await mine.ok<ImportOutcome>('notes.import', { content, conflicts: 'replace' })).toMatchObject({
      minerRents: 1,
      earningsDropAlertRestored: true,
    });
    expect(rentsIn(mine)).toEqual({
      [`SN8 ${address(1)}`]: 520,
      [`SN8 ${address(3)}`]: 99,
      [`SN9 ${address(1)}`]: 10,
      [`SN19 ${address(2)}`]: 75,
    });
    expect(dropAlertIn(mine)).toBe(40);
    // Once the same, replacing again writes nothing and counts nothing.
    expect(await mine.ok<ImportOutcome>('notes.import', { content, conflicts: 'replace' })).toMatchObject({
      minerRents: 0,
      earningsDropAlertRestored: false,
    });
  });

  it('team keys merge by address: a new one is added, mine keeps its label unless I chose the file’s', async () => {
    await fill(mine);
    const content = await exportFrom(mine);
    const [rig] = await keysIn(mine);
    await mine.ok('miners.updateKey', { id: rig!.id, label: 'rig-a (renamed here)', rentUsdPerMonth: null });
    await mine.ok('miners.removeKey', { id: (await keysIn(mine))[1]!.id });
    await mine.ok('miners.addKey', { address: address(3), kind: 'hotkey', label: 'rig-c' });

    expect(await mine.ok<ImportOutcome>('notes.import', { content, conflicts: 'duplicate' })).toMatchObject({
      teamKeys: 1,
    });
    expect((await keysIn(mine)).map((k) => [k.address, k.label, k.rentUsdPerMonth])).toEqual([
      [address(1), 'rig-a (renamed here)', null],
      [address(3), 'rig-c', null],
      [address(9), 'team cold', null],
    ]);

    expect(await mine.ok<ImportOutcome>('notes.import', { content, conflicts: 'replace' })).toMatchObject({
      teamKeys: 1,
    });
    const keys = await keysIn(mine);
    expect(keys.map((k) => [k.address, k.label, k.rentUsdPerMonth])).toEqual([
      [address(1), 'rig-a', 450],
      [address(3), 'rig-c', null],
      [address(9), 'team cold', null],
    ]);
    expect(keys[0]!.id).toBe(rig!.id); // the same key, so the UIDs found for it stay its own
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
    expect(copies.map((n) => n.title).sort()).toEqual([
      'SN19 scoring review (imported copy)',
      'SN8 scoring review (imported copy)',
    ]);
    const copyOf8 = copies.find((n) => n.netuid === 8)!;
    expect((await mine.ok<NoteVersion[]>('notes.history', { id: copyOf8.id })).map((v) => v.content.body)).toContain(
      'first take',
    );
  });
});
