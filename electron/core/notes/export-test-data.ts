/** The user data the export/import tests write, export and look for (notes tests only). */
import { encodeAddress } from '@polkadot/util-crypto';
import type { Watchlist } from '../../../shared/api-types';
import { DEFAULT_SCENARIO } from '../../../shared/economics';
import type { TeamKey } from '../../../shared/miners-types';
import type { ExportedFile, Note, NoteSummary } from '../../../shared/notes-types';
import { TeamRepo } from '../miners/team-repo';
import { review, type TestService } from './test-support';

/** Public addresses on the Bittensor network (prefix 42), one per byte. */
export const address = (byte: number) => encodeAddress(new Uint8Array(32).fill(byte), 42);

/**
 * A data folder with two notes (one edited twice), a watchlist, a scenario, two team keys, two miners' own rents, the
 * earnings-drop alert threshold and a changed setting.
 */
export async function fill(t: TestService): Promise<Note[]> {
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
export const exportFrom = async (t: TestService) => (await t.ok<ExportedFile>('notes.export')).content;
export const notesIn = (t: TestService) => t.ok<NoteSummary[]>('notes.list');
export const keysIn = (t: TestService) => t.ok<TeamKey[]>('miners.keys');
/** What a key is to the user, without the id this data folder gave it. */
export const asTyped = (keys: TeamKey[]) => keys.map(({ id: _, ...k }) => k);
export const team = (t: TestService) => new TeamRepo(t.service.requireWorkspace().db, () => t.clock.ms);
/** Each miner's own rent, by `SN<netuid> <hotkey>`. */
export const rentsIn = (t: TestService) => Object.fromEntries(team(t).minerRentList().map((r) => [`SN${r.netuid} ${r.hotkey}`, r.rentUsdPerMonth]));
/** The threshold the user set (null: the default applies). */
export const dropAlertIn = (t: TestService) => team(t).ownEarningsDropAlertPercent();
