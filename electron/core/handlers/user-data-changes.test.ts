/**
 * Every write to watchlists, My miners (team) data or saved scenarios tells every window (`data.changed` with its own
 * scope, nothing else), so a second window follows without being reopened; an import tells each scope it changed.
 * Reads, refused writes and writes that changed nothing tell nobody.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SavedScenario, Watchlist } from '../../../shared/api-types';
import { DEFAULT_SCENARIO } from '../../../shared/economics';
import type { TeamKey } from '../../../shared/miners-types';
import type { ExportedFile, Note } from '../../../shared/notes-types';
import { address } from '../../../test/fixtures/note-export-data';
import { changeRecorder, openTestService, review, type TestService } from '../../../test/fixtures/notes-service';

let t: TestService;
/** The changes announced while `work` ran. */
let announced: ReturnType<typeof changeRecorder>;
beforeEach(async () => {
  t = await openTestService();
  announced = changeRecorder(t.service);
});
afterEach(() => t.service.close());
const watchlists = [{ scope: 'watchlists' }];
const team = [{ scope: 'team' }];
const scenarios = [{ scope: 'scenarios' }];

describe('watchlists tell every window when they change', () => {
  it('on create, rename, add and remove a subnet, reorder, thresholds, delete and restore', async () => {
    let a: Watchlist | undefined;
    expect(
      await announced(async () => (a = await t.ok<Watchlist>('watchlists.create', { name: 'GPU candidates' }))),
    ).toEqual(watchlists);
    const b = await t.ok<Watchlist>('watchlists.create', { name: 'Cheap entry' });
    const id = a!.id;
    expect(await announced(() => t.ok('watchlists.rename', { id, name: 'GPU picks' }))).toEqual(watchlists);
    expect(await announced(() => t.ok('watchlists.addSubnet', { id, netuid: 8 }))).toEqual(watchlists);
    expect(await announced(() => t.ok('watchlists.removeSubnet', { id, netuid: 8 }))).toEqual(watchlists);
    expect(await announced(() => t.ok('watchlists.reorder', { ids: [b.id, id] }))).toEqual(watchlists);
    expect(await announced(() => t.ok('watchlists.setThresholds', { id, thresholds: { price: 0.5 } }))).toEqual(
      watchlists,
    );
    expect(await announced(() => t.ok('watchlists.delete', { id }))).toEqual(watchlists);
    expect(await announced(() => t.ok('watchlists.restore', { id }))).toEqual(watchlists);
  });

  it('not on reads, refused input, or a write that changed nothing', async () => {
    const list = await t.ok<Watchlist>('watchlists.create', { name: 'GPU candidates' });
    await t.ok('watchlists.addSubnet', { id: list.id, netuid: 8 });
    const quiet = await announced(async () => {
      await t.ok('watchlists.list');
      await t.ok('watchlists.changes', { id: list.id, scenario: DEFAULT_SCENARIO });
      await t.err('watchlists.create', { name: 'gpu CANDIDATES' });
      await t.err('watchlists.rename', { id: 999, name: 'Nowhere' });
      await t.err('watchlists.restore', { id: list.id });
      await t.err('watchlists.reorder', { ids: [list.id, 999] });
      await t.err('watchlists.delete', { id: 999 });
      await t.err('watchlists.addSubnet', { id: 999, netuid: 8 });
      // Already on the list, already in this order, already this name: the lists are as they were.
      await t.ok('watchlists.addSubnet', { id: list.id, netuid: 8 });
      await t.ok('watchlists.reorder', { ids: [list.id] });
      await t.ok('watchlists.rename', { id: list.id, name: 'GPU candidates' });
    });
    expect(quiet).toEqual([]);
  });
});

describe('My miners tells every window when the team’s data changes', () => {
  it('on add, update and remove a key, a miner’s own rent and the earnings-drop alert', async () => {
    let key: TeamKey | undefined;
    expect(
      await announced(
        async () =>
          (key = (
            await t.ok<{ key: TeamKey }>('miners.addKey', { address: address(1), kind: 'hotkey', label: 'rig-a' })
          ).key),
      ),
    ).toEqual(team);
    const id = key!.id;
    expect(await announced(() => t.ok('miners.updateKey', { id, label: 'rig-b', rentUsdPerMonth: 450 }))).toEqual(team);
    expect(
      await announced(() => t.ok('miners.setMinerRent', { netuid: 8, hotkey: address(1), rentUsdPerMonth: 520 })),
    ).toEqual(team);
    expect(
      await announced(() => t.ok('miners.setMinerRent', { netuid: 8, hotkey: address(1), rentUsdPerMonth: null })),
    ).toEqual(team);
    expect(await announced(() => t.ok('miners.setEarningsDropAlert', { percent: 40 }))).toEqual(team);
    expect(await announced(() => t.ok('miners.removeKey', { id }))).toEqual(team);
  });

  it('not on reads, refused input, or a write that changed nothing', async () => {
    const { key } = await t.ok<{ key: TeamKey }>('miners.addKey', {
      address: address(1),
      kind: 'hotkey',
      label: 'rig-a',
    });
    await t.ok('miners.setEarningsDropAlert', { percent: 40 });
    const quiet = await announced(async () => {
      await t.ok('miners.keys');
      await t.ok('miners.alerts');
      await t.err('miners.addKey', { address: 'not-an-address', kind: 'hotkey', label: 'typo' });
      await t.err('miners.addKey', { address: address(1), kind: 'coldkey', label: 'again' });
      await t.err('miners.updateKey', { id: 999, label: 'nobody' });
      await t.err('miners.removeKey', { id: 999 });
      await t.err('miners.setMinerRent', { netuid: 8, hotkey: 'not-an-address', rentUsdPerMonth: 10 });
      await t.ok('miners.updateKey', { id: key.id, label: 'rig-a' });
      await t.ok('miners.setMinerRent', { netuid: 8, hotkey: address(2), rentUsdPerMonth: null });
      await t.ok('miners.setEarningsDropAlert', { percent: 40 });
    });
    expect(quiet).toEqual([]);
  });
});

describe('saved scenarios tell every window when they change', () => {
  it('on save, save over and delete; not on a list or refused input', async () => {
    let saved: SavedScenario | undefined;
    const save = { name: 'Cheap box', netuid: 8, scenario: { ...DEFAULT_SCENARIO, rentUsdPerMonth: 90 } };
    expect(await announced(async () => (saved = await t.ok<SavedScenario>('scenarios.save', save)))).toEqual(scenarios);
    t.clock.ms += 1000;
    expect(await announced(() => t.ok('scenarios.save', { ...save, id: saved!.id, name: 'Cheaper box' }))).toEqual(
      scenarios,
    );
    const quiet = await announced(async () => {
      await t.ok('scenarios.list');
      await t.err('scenarios.save', { ...save, id: 999 });
      await t.err('scenarios.delete', { id: 999 });
    });
    expect(quiet).toEqual([]);
    expect(await announced(() => t.ok('scenarios.delete', { id: saved!.id }))).toEqual(scenarios);
  });
});

describe('an import tells every window about each kind of user data it changed', () => {
  let source: TestService;
  beforeEach(async () => (source = await openTestService()));
  afterEach(() => source.service.close());
  const exported = async () => (await source.ok<ExportedFile>('notes.export')).content;

  it('notes, watchlists, scenarios and My miners, then the settings it restored; nothing when it changed nothing', async () => {
    const note = await source.ok<Note>('notes.create', { netuid: 8 });
    await source.ok('notes.save', { id: note.id, content: review(8), kind: 'save' });
    const list = await source.ok<Watchlist>('watchlists.create', { name: 'GPU candidates' });
    await source.ok('watchlists.addSubnet', { id: list.id, netuid: 8 });
    await source.ok('scenarios.save', { name: 'Cheap box', netuid: 8, scenario: DEFAULT_SCENARIO });
    await source.ok('miners.addKey', { address: address(1), kind: 'hotkey', label: 'rig-a' });
    const content = await exported();
    expect(await announced(() => t.ok('notes.import', { content, conflicts: 'ask', settings: 'replace' }))).toEqual([
      { scope: 'notes', netuids: [8] },
      ...watchlists,
      ...scenarios,
      ...team,
      { scope: 'settings' },
    ]);
    // Everything in the file is here already: keeping ours changes nothing.
    expect(await announced(() => t.ok('notes.import', { content, conflicts: 'keep' }))).toEqual([]);
  });

  it('only what the file brought: My miners’ rents and alert threshold, a list merged into one of the same name', async () => {
    await t.ok('notes.import', { content: await exported(), conflicts: 'ask' });
    await source.ok('miners.setMinerRent', { netuid: 8, hotkey: address(2), rentUsdPerMonth: 75 });
    await source.ok('miners.setEarningsDropAlert', { percent: 40 });
    expect(await announced(async () => t.ok('notes.import', { content: await exported(), conflicts: 'keep' }))).toEqual(
      team,
    );

    const here = await t.ok<Watchlist>('watchlists.create', { name: 'GPU candidates' });
    await t.ok('watchlists.addSubnet', { id: here.id, netuid: 8 });
    const there = await source.ok<Watchlist>('watchlists.create', { name: 'GPU candidates' });
    await source.ok('watchlists.addSubnet', { id: there.id, netuid: 8 });
    // The same list with the same subnet: counted as imported, but nothing on screen changes.
    expect(await announced(async () => t.ok('notes.import', { content: await exported(), conflicts: 'keep' }))).toEqual(
      [],
    );
    await source.ok('watchlists.addSubnet', { id: there.id, netuid: 19 });
    expect(await announced(async () => t.ok('notes.import', { content: await exported(), conflicts: 'keep' }))).toEqual(
      watchlists,
    );
  });
});
