import { encodeAddress } from '@polkadot/util-crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Settings, SavedScenario, Watchlist } from '../../../shared/api-types';
import { DEFAULT_SCENARIO } from '../../../shared/economics';
import type { TeamKey } from '../../../shared/miners-types';
import type { ExportedFile, ImportOutcome, Note, NoteSummary, NoteVersion } from '../../../shared/notes-types';
import { TeamRepo } from '../miners/team-repo';
import { openTestService, review, type TestService } from './test-support';

/** Public addresses on the Bittensor network (prefix 42), one per byte. */
const address = (byte: number) => encodeAddress(new Uint8Array(32).fill(byte), 42);

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

/**
 * A data folder with two notes (one edited twice), a watchlist, a scenario, two team keys, two miners' own rents, the
 * earnings-drop alert threshold and a changed setting.
 */
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
  await t.ok('miners.addKey', { address: address(1), kind: 'hotkey', label: 'rig-a', rentUsdPerMonth: 450 });
  t.clock.ms += 60_000;
  await t.ok('miners.addKey', { address: address(9), kind: 'coldkey', label: 'team cold' });
  await t.ok('miners.setMinerRent', { netuid: 8, hotkey: address(1), rentUsdPerMonth: 520 });
  // A miner found under the team's coldkey: its hotkey is no team key of its own.
  await t.ok('miners.setMinerRent', { netuid: 19, hotkey: address(2), rentUsdPerMonth: 75 });
  await t.ok('miners.setEarningsDropAlert', { percent: 40 });
  await t.ok('settings.set', { syncIntervalMinutes: 15 });
  return Promise.all([a.id, b.id].map((id) => t.ok<Note>('notes.get', { id })));
}
const exportFrom = async (t: TestService) => (await t.ok<ExportedFile>('notes.export')).content;
const notesIn = (t: TestService) => t.ok<NoteSummary[]>('notes.list');
const keysIn = (t: TestService) => t.ok<TeamKey[]>('miners.keys');
/** What a key is to the user, without the id this data folder gave it. */
const asTyped = (keys: TeamKey[]) => keys.map(({ id: _, ...k }) => k);
const team = (t: TestService) => new TeamRepo(t.service.requireWorkspace().db, () => t.clock.ms);
/** Each miner's own rent, by `SN<netuid> <hotkey>`. */
const rentsIn = (t: TestService) => Object.fromEntries(team(t).minerRentList().map((r) => [`SN${r.netuid} ${r.hotkey}`, r.rentUsdPerMonth]));
/** The threshold the user set (null: the default applies). */
const dropAlertIn = (t: TestService) => team(t).ownEarningsDropAlertPercent();

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

    const outcome = await theirs.ok<ImportOutcome>('notes.import', { content: file.content, conflicts: 'ask' });
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
    expect((await theirs.ok<Watchlist[]>('watchlists.list')).map((w) => [w.name, w.netuids])).toEqual([['GPU candidates', [8]]]);
    expect((await theirs.ok<SavedScenario[]>('scenarios.list'))[0]).toMatchObject({ name: 'Cheap box', scenario: { rentUsdPerMonth: 90 } });
    expect((await theirs.ok<Settings>('settings.get')).syncIntervalMinutes).toBe(15);
  });

  it('a threshold never set stays unset: the default keeps applying after import', async () => {
    await mine.ok('miners.addKey', { address: address(1), kind: 'hotkey', label: 'rig-a' });
    const content = await exportFrom(mine);
    expect(JSON.parse(content)).toMatchObject({ minerRents: [], teamSettings: { earningsDropAlertPercent: null } });
    expect(await theirs.ok<ImportOutcome>('notes.import', { content, conflicts: 'ask' })).toMatchObject({ minerRents: 0, earningsDropAlertRestored: false });
    expect(dropAlertIn(theirs)).toBeNull();
  });

  it('still imports a version 1 file (written before team keys were exported): everything else arrives, no keys', async () => {
    const notes = await fill(mine);
    const { teamKeys: _, minerRents: __, teamSettings: ___, ...rest } = JSON.parse(await exportFrom(mine)) as Record<string, unknown>;
    const v1 = JSON.stringify({ ...rest, version: 1 });
    const outcome = await theirs.ok<ImportOutcome>('notes.import', { content: v1, conflicts: 'ask' });
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
    expect(await mine.ok<ImportOutcome>('notes.import', { content: v1, conflicts: 'replace' })).toMatchObject({ teamKeys: 0 });
    expect(await keysIn(mine)).toHaveLength(2);
  });

  it('still imports a version 2 file (written before miner rents and the alert threshold were exported): keys arrive, nothing else changes', async () => {
    await fill(mine);
    const { minerRents: _, teamSettings: __, ...rest } = JSON.parse(await exportFrom(mine)) as Record<string, unknown>;
    const v2 = JSON.stringify({ ...rest, version: 2 });
    const outcome = await theirs.ok<ImportOutcome>('notes.import', { content: v2, conflicts: 'ask' });
    expect(outcome).toMatchObject({ status: 'imported', notesAdded: 2, teamKeys: 2, minerRents: 0, earningsDropAlertRestored: false, settingsRestored: true });
    expect(asTyped(await keysIn(theirs))).toEqual(asTyped(await keysIn(mine)));
    expect(rentsIn(theirs)).toEqual({});
    expect(dropAlertIn(theirs)).toBeNull();
    // Into a folder that has rents and a threshold, even replacing, they stay as they are.
    expect(await mine.ok<ImportOutcome>('notes.import', { content: v2, conflicts: 'replace' })).toMatchObject({ minerRents: 0, earningsDropAlertRestored: false });
    expect(Object.keys(rentsIn(mine))).toHaveLength(2);
    expect(dropAlertIn(mine)).toBe(40);
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

    expect(await mine.ok<ImportOutcome>('notes.import', { content, conflicts: 'duplicate' })).toMatchObject({ minerRents: 1, earningsDropAlertRestored: false });
    expect(rentsIn(mine)).toEqual({ [`SN8 ${address(1)}`]: 600, [`SN8 ${address(3)}`]: 99, [`SN9 ${address(1)}`]: 10, [`SN19 ${address(2)}`]: 75 });
    expect(dropAlertIn(mine)).toBe(10);

    expect(await mine.ok<ImportOutcome>('notes.import', { content, conflicts: 'replace' })).toMatchObject({ minerRents: 1, earningsDropAlertRestored: true });
    expect(rentsIn(mine)).toEqual({ [`SN8 ${address(1)}`]: 520, [`SN8 ${address(3)}`]: 99, [`SN9 ${address(1)}`]: 10, [`SN19 ${address(2)}`]: 75 });
    expect(dropAlertIn(mine)).toBe(40);
    // Once the same, replacing again writes nothing and counts nothing.
    expect(await mine.ok<ImportOutcome>('notes.import', { content, conflicts: 'replace' })).toMatchObject({ minerRents: 0, earningsDropAlertRestored: false });
  });

  it('team keys merge by address: a new one is added, mine keeps its label unless I chose the file’s', async () => {
    await fill(mine);
    const content = await exportFrom(mine);
    const [rig] = await keysIn(mine);
    await mine.ok('miners.updateKey', { id: rig!.id, label: 'rig-a (renamed here)', rentUsdPerMonth: null });
    await mine.ok('miners.removeKey', { id: (await keysIn(mine))[1]!.id });
    await mine.ok('miners.addKey', { address: address(3), kind: 'hotkey', label: 'rig-c' });

    expect(await mine.ok<ImportOutcome>('notes.import', { content, conflicts: 'duplicate' })).toMatchObject({ teamKeys: 1 });
    expect((await keysIn(mine)).map((k) => [k.address, k.label, k.rentUsdPerMonth])).toEqual([
      [address(1), 'rig-a (renamed here)', null],
      [address(3), 'rig-c', null],
      [address(9), 'team cold', null],
    ]);

    expect(await mine.ok<ImportOutcome>('notes.import', { content, conflicts: 'replace' })).toMatchObject({ teamKeys: 1 });
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
    expect(rentsIn(theirs)).toEqual({});
    expect(dropAlertIn(theirs)).toBeNull();
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
    expect(await refused(JSON.stringify({ ...file, version: 4 }))).toMatch(
      /newer version of Subnet Scout \(export format version 4; this version reads versions up to 3\)/,
    );
  });

  it('a file with a mistyped team key: names the key and what is wrong with it; no note, list or key is written', async () => {
    await fill(mine);
    const file = (await valid()) as Awaited<ReturnType<typeof valid>> & { teamKeys: { address: string }[] };
    const good = file.teamKeys[1]!.address;
    file.teamKeys[1]!.address = `${good.slice(0, 20)}${good[20] === 'a' ? 'b' : 'a'}${good.slice(21)}`;
    expect(await refused(JSON.stringify(file))).toMatch(
      /^The file is not a valid Subnet Scout export: teamKeys\.1\.address: “5.{5}….{4}” is not a valid SS58 address: its checksum does not match.*Nothing was imported\.$/,
    );
    expect(await keysIn(theirs)).toEqual([]);
  });

  it('a file with another network’s address, a seed phrase, or the same key twice', async () => {
    await fill(mine);
    const withKey = async (change: (keys: Record<string, unknown>[]) => void) => {
      const file = (await valid()) as Awaited<ReturnType<typeof valid>> & { teamKeys: Record<string, unknown>[] };
      change(file.teamKeys);
      return refused(JSON.stringify(file));
    };
    const polkadot = encodeAddress(new Uint8Array(32).fill(1), 0);
    expect(await withKey((k) => (k[0]!.address = polkadot))).toMatch(/teamKeys\.0\.address: This address belongs to another network \(SS58 prefix 0, Polkadot\)/);
    const seed = 'legal winner thank year wave sausage worth useful legal winner thank yellow';
    const message = await withKey((k) => (k[0]!.address = seed));
    expect(message).toMatch(/teamKeys\.0\.address: This looks like a seed phrase \(12 words\)/);
    expect(message).not.toContain('sausage');
    expect(await withKey((k) => k.push({ ...k[0]!, label: 'again' }))).toMatch(/teamKeys\.2\.address: key 5\w+ appears twice/);
    expect(await withKey((k) => (k[0]!.kind = 'validator'))).toMatch(/teamKeys\.0\.kind/);
    expect(await withKey((k) => delete k[0]!.rentUsdPerMonth)).toMatch(/teamKeys\.0\.rentUsdPerMonth/);
    expect(await keysIn(theirs)).toEqual([]);
  });

  it('a version 2 file without its team keys; a version 3 file without its miner rents or My miners settings', async () => {
    const { teamKeys: _, ...file } = (await valid()) as Record<string, unknown>;
    expect(await refused(JSON.stringify({ ...file, version: 2 }))).toMatch(/teamKeys: missing \(a version 2 file lists the team keys, \[\] for none\)/);
    const { minerRents: __, teamSettings: ___, ...v3 } = (await valid()) as Record<string, unknown>;
    const message = await refused(JSON.stringify(v3));
    expect(message).toMatch(/minerRents: missing \(a version 3 file lists the miners’ own rents, \[\] for none\)/);
    expect(message).toMatch(/teamSettings: missing \(a version 3 file holds the My miners settings/);
  });

  it('a file with a malformed miner rent or alert threshold: names the field and what is wrong; nothing is written', async () => {
    await fill(mine);
    type WithMiners = Awaited<ReturnType<typeof valid>> & { minerRents: Record<string, unknown>[]; teamSettings: Record<string, unknown> };
    const changed = async (change: (file: WithMiners) => void) => {
      const file = (await valid()) as WithMiners;
      change(file);
      return refused(JSON.stringify(file));
    };
    expect(await changed((f) => (f.minerRents[1]!.rentUsdPerMonth = -5))).toMatch(/minerRents\.1\.rentUsdPerMonth: rent cannot be negative/);
    expect(await changed((f) => (f.minerRents[0]!.rentUsdPerMonth = '520'))).toMatch(/minerRents\.0\.rentUsdPerMonth: rent must be a number/);
    expect(await changed((f) => (f.minerRents[0]!.rentUsdPerMonth = null))).toMatch(/minerRents\.0\.rentUsdPerMonth/);
    expect(await changed((f) => (f.minerRents[0]!.rentUsdPerMonth = 5e6))).toMatch(/minerRents\.0\.rentUsdPerMonth: rent above 1,000,000 USD\/month is not plausible/);
    expect(await changed((f) => (f.minerRents[0]!.netuid = -1))).toMatch(/minerRents\.0\.netuid/);
    expect(await changed((f) => delete f.minerRents[0]!.netuid)).toMatch(/minerRents\.0\.netuid/);
    expect(await changed((f) => (f.minerRents[0]!.note = 'rig in Oslo'))).toMatch(/minerRents\.0: Unrecognized key: "note"/);
    const seed = 'legal winner thank year wave sausage worth useful legal winner thank yellow';
    const secret = await changed((f) => (f.minerRents[0]!.hotkey = seed));
    expect(secret).toMatch(/minerRents\.0\.hotkey: This looks like a seed phrase \(12 words\)/);
    expect(secret).not.toContain('sausage');
    expect(await changed((f) => (f.minerRents[1]!.hotkey = encodeAddress(new Uint8Array(32).fill(2), 0)))).toMatch(
      /minerRents\.1\.hotkey: This address belongs to another network/,
    );
    expect(await changed((f) => f.minerRents.push({ ...f.minerRents[0]!, rentUsdPerMonth: 1 }))).toMatch(
      /minerRents\.2\.hotkey: the rent of SN8 5\w+ appears twice/,
    );
    expect(await changed((f) => (f.teamSettings.earningsDropAlertPercent = 0))).toMatch(/teamSettings\.earningsDropAlertPercent: at least 1%/);
    expect(await changed((f) => (f.teamSettings.earningsDropAlertPercent = 250))).toMatch(/teamSettings\.earningsDropAlertPercent: at most 100%/);
    expect(await changed((f) => (f.teamSettings.earningsDropAlertPercent = '40'))).toMatch(/teamSettings\.earningsDropAlertPercent/);
    expect(await changed((f) => delete f.teamSettings.earningsDropAlertPercent)).toMatch(/teamSettings\.earningsDropAlertPercent/);
    expect(await changed((f) => (f.minerRents = {} as never))).toMatch(/minerRents: /);
    expect(await keysIn(theirs)).toEqual([]);
    expect(await theirs.ok<SavedScenario[]>('scenarios.list')).toEqual([]);
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

  it('writes nothing when the team keys, written last, fail to write', async () => {
    await fill(mine);
    const content = await exportFrom(mine);
    theirs.service.requireWorkspace().db.exec("CREATE TEMP TRIGGER fail BEFORE INSERT ON team_keys BEGIN SELECT RAISE(ABORT, 'disk full'); END");
    expect(await refused(content)).toMatch(/disk full/);
    expect(await theirs.ok<SavedScenario[]>('scenarios.list')).toEqual([]);
    expect(await keysIn(theirs)).toEqual([]);
  });

  it('writes nothing when the miner rents, written after the keys, fail to write', async () => {
    await fill(mine);
    const content = await exportFrom(mine);
    theirs.service.requireWorkspace().db.exec("CREATE TEMP TRIGGER fail BEFORE INSERT ON team_miner_rents BEGIN SELECT RAISE(ABORT, 'disk full'); END");
    expect(await refused(content)).toMatch(/disk full/);
    expect(await keysIn(theirs)).toEqual([]);
    expect(await theirs.ok<SavedScenario[]>('scenarios.list')).toEqual([]);
  });
});
