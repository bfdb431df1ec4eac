import { encodeAddress } from '@polkadot/util-crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Settings, SavedScenario, Watchlist } from '../../../shared/api-types';
import { dropAlertIn, exportFrom, fill, keysIn, notesIn, rentsIn } from '../../../test/fixtures/note-export-data';
import { openTestService, type TestService } from '../../../test/fixtures/notes-service';

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

describe('import refuses a bad file with the reason, and writes nothing', () => {
  async function refused(content: string): Promise<string> {
    // The file's settings taken too, so a failed write is seen to leave them as well.
    const message = await theirs.err('notes.import', { content, conflicts: 'ask', settings: 'replace' });
    expect(await notesIn(theirs)).toEqual([]);
    expect(await theirs.ok<Watchlist[]>('watchlists.list')).toEqual([]);
    expect(rentsIn(theirs)).toEqual({});
    expect(dropAlertIn(theirs)).toBeNull();
    return message;
  }
  const valid = async () =>
    JSON.parse(await exportFrom(mine)) as Record<string, unknown> & { notes: Record<string, unknown>[] };

  it('a truncated file', async () => {
    await fill(mine);
    const content = await exportFrom(mine);
    expect(await refused(content.slice(0, content.length / 2))).toMatch(
      /not valid JSON, so it may be truncated.*Nothing was imported/,
    );
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
    expect(await withKey((k) => (k[0]!.address = polkadot))).toMatch(
      /teamKeys\.0\.address: This address belongs to another network \(SS58 prefix 0, Polkadot\)/,
    );
    const seed = 'legal winner thank year wave sausage worth useful legal winner thank yellow';
    const message = await withKey((k) => (k[0]!.address = seed));
    expect(message).toMatch(/teamKeys\.0\.address: This looks like a seed phrase \(12 words\)/);
    expect(message).not.toContain('sausage');
    expect(await withKey((k) => k.push({ ...k[0]!, label: 'again' }))).toMatch(
      /teamKeys\.2\.address: key 5\w+ appears twice/,
    );
    expect(await withKey((k) => (k[0]!.kind = 'validator'))).toMatch(/teamKeys\.0\.kind/);
    expect(await withKey((k) => delete k[0]!.rentUsdPerMonth)).toMatch(/teamKeys\.0\.rentUsdPerMonth/);
    expect(await keysIn(theirs)).toEqual([]);
  });

  it('a version 2 file without its team keys; a version 3 file without its miner rents or My miners settings', async () => {
    const { teamKeys: _, ...file } = (await valid()) as Record<string, unknown>;
    expect(await refused(JSON.stringify({ ...file, version: 2 }))).toMatch(
      /teamKeys: missing \(a version 2 file lists the team keys, \[\] for none\)/,
    );
    const { minerRents: __, teamSettings: ___, ...v3 } = (await valid()) as Record<string, unknown>;
    const message = await refused(JSON.stringify(v3));
    expect(message).toMatch(/minerRents: missing \(a version 3 file lists the miners’ own rents, \[\] for none\)/);
    expect(message).toMatch(/teamSettings: missing \(a version 3 file holds the My miners settings/);
  });

  it('a file with a malformed miner rent or alert threshold: names the field and what is wrong; nothing is written', async () => {
    await fill(mine);
    type WithMiners = Awaited<ReturnType<typeof valid>> & {
      minerRents: Record<string, unknown>[];
      teamSettings: Record<string, unknown>;
    };
    const changed = async (change: (file: WithMiners) => void) => {
      const file = (await valid()) as WithMiners;
      change(file);
      return refused(JSON.stringify(file));
    };
    expect(await changed((f) => (f.minerRents[1]!.rentUsdPerMonth = -5))).toMatch(
      /minerRents\.1\.rentUsdPerMonth: rent cannot be negative/,
    );
    expect(await changed((f) => (f.minerRents[0]!.rentUsdPerMonth = '520'))).toMatch(
      /minerRents\.0\.rentUsdPerMonth: rent must be a number/,
    );
    expect(await changed((f) => (f.minerRents[0]!.rentUsdPerMonth = null))).toMatch(/minerRents\.0\.rentUsdPerMonth/);
    expect(await changed((f) => (f.minerRents[0]!.rentUsdPerMonth = 5e6))).toMatch(
      /minerRents\.0\.rentUsdPerMonth: rent above 1,000,000 USD\/month is not plausible/,
    );
    expect(await changed((f) => (f.minerRents[0]!.netuid = -1))).toMatch(/minerRents\.0\.netuid/);
    expect(await changed((f) => delete f.minerRents[0]!.netuid)).toMatch(/minerRents\.0\.netuid/);
    expect(await changed((f) => (f.minerRents[0]!.note = 'rig in Oslo'))).toMatch(
      /minerRents\.0: Unrecognized key: "note"/,
    );
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
    expect(await changed((f) => (f.teamSettings.earningsDropAlertPercent = 0))).toMatch(
      /teamSettings\.earningsDropAlertPercent: at least 1%/,
    );
    expect(await changed((f) => (f.teamSettings.earningsDropAlertPercent = 250))).toMatch(
      /teamSettings\.earningsDropAlertPercent: at most 100%/,
    );
    expect(await changed((f) => (f.teamSettings.earningsDropAlertPercent = '40'))).toMatch(
      /teamSettings\.earningsDropAlertPercent/,
    );
    expect(await changed((f) => delete f.teamSettings.earningsDropAlertPercent)).toMatch(
      /teamSettings\.earningsDropAlertPercent/,
    );
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
    theirs.service
      .requireWorkspace()
      .db.exec("CREATE TEMP TRIGGER fail BEFORE INSERT ON scenarios BEGIN SELECT RAISE(ABORT, 'disk full'); END");
    expect(await refused(content)).toMatch(/disk full/);
    expect((await theirs.ok<Settings>('settings.get')).syncIntervalMinutes).toBe(60);
  });

  it('writes nothing when the team keys, written last, fail to write', async () => {
    await fill(mine);
    const content = await exportFrom(mine);
    theirs.service
      .requireWorkspace()
      .db.exec("CREATE TEMP TRIGGER fail BEFORE INSERT ON team_keys BEGIN SELECT RAISE(ABORT, 'disk full'); END");
    expect(await refused(content)).toMatch(/disk full/);
    expect(await theirs.ok<SavedScenario[]>('scenarios.list')).toEqual([]);
    expect(await keysIn(theirs)).toEqual([]);
  });

  it('writes nothing when the miner rents, written after the keys, fail to write', async () => {
    await fill(mine);
    const content = await exportFrom(mine);
    theirs.service
      .requireWorkspace()
      .db.exec(
        "CREATE TEMP TRIGGER fail BEFORE INSERT ON team_miner_rents BEGIN SELECT RAISE(ABORT, 'disk full'); END",
      );
    expect(await refused(content)).toMatch(/disk full/);
    expect(await keysIn(theirs)).toEqual([]);
    expect(await theirs.ok<SavedScenario[]>('scenarios.list')).toEqual([]);
  });
});
