/**
 * Imports an export file in one transaction: either everything in it is written, or nothing. Notes whose ids exist
 * here are conflicts: with 'ask' nothing is written and their ids come back, so the UI can ask the user which of
 * keep / replace / duplicate to do; so do the settings the file would change, unless the caller said whether the
 * file's settings replace yours. The same choice settles a saved scenario of the same name and subnet, a watchlist of
 * the same name, a team key of the same address, a rent of the same miner and the alert threshold.
 * What is here is read once per import, not once per item, so the time grows with the file's size (a 6,000-subnet
 * list, a note with 100k versions, 60k notes), not with its square.
 */
import { randomUUID } from 'node:crypto';
import type { SavedScenario } from '../../../shared/api-types';
import type { ImportConflictChoice, ImportOutcome, ImportSettingsChoice, Note } from '../../../shared/notes-types';
import { settingsChanges } from './settings-changes';
import { TeamRepo } from '../miners/team-repo';
import type { Workspace } from '../workspace';
import type { ExportFile, ExportedNote } from './export-format';
import { contentOf, sameContent } from './note-rows';
import { NoteRepo } from './note-repo';

export function importAll(
  ws: Workspace,
  file: ExportFile,
  choice: ImportConflictChoice,
  now: number,
  settingsChoice?: ImportSettingsChoice,
): ImportOutcome {
  // Its own repositories on a clock stopped at `now` (not the workspace's): everything one import writes carries one time.
  const notes = new NoteRepo(ws.db, () => now);
  // Ids are compared ignoring case (a UUID typed or converted in upper case is the same note): one read of every id
  // here instead of one lookup per note in the file.
  const idsHere = new Map<string, string>();
  for (const id of ws.db.prepare('SELECT id FROM notes').pluck().iterate() as IterableIterator<string>)
    idsHere.set(id.toLowerCase(), id);
  const conflicting = file.notes.filter((n) => idsHere.has(n.id));
  // Your settings stay unless you chose the file's: asked for, or "replace" chosen for notes without a word on them.
  const replaceSettings = settingsChoice === 'replace' || (settingsChoice === undefined && choice === 'replace');
  if (choice === 'ask') {
    const changes = settingsChoice === undefined ? settingsChanges(ws.settings.get(), file.settings) : [];
    if (conflicting.length > 0 || changes.length > 0) {
      return {
        status: 'conflicts',
        noteIds: conflicting.map((n) => idsHere.get(n.id)!),
        titles: conflicting.map((n) => n.title),
        settingsChanges: changes,
      };
    }
  }
  return ws.db
    .transaction((): ImportOutcome => {
      const outcome = { notesAdded: 0, notesReplaced: 0, notesDuplicated: 0, notesKept: 0 };
      for (const note of file.notes) {
        const existingId = idsHere.get(note.id);
        if (existingId === undefined) {
          addNote(notes, note, note.id, now);
          idsHere.set(note.id, note.id);
          outcome.notesAdded++;
        } else if (choice === 'keep' || choice === 'ask') {
          outcome.notesKept++;
        } else if (choice === 'duplicate') {
          addNote(notes, { ...note, title: `${note.title.slice(0, 180)} (imported copy)` }, randomUUID(), now);
          outcome.notesDuplicated++;
        } else {
          replaceNote(notes, notes.get(existingId), note, now);
          outcome.notesReplaced++;
        }
      }
      const watchlists = importWatchlists(ws, file, choice);
      const scenarios = importScenarios(ws, file, choice);
      const team = new TeamRepo(ws.db, () => now);
      const teamKeys = importTeamKeys(team, file, choice);
      const minerRents = importMinerRents(team, file, choice);
      const earningsDropAlertRestored = importEarningsDropAlert(team, file, choice);
      if (replaceSettings) ws.settings.set(file.settings);
      return {
        status: 'imported',
        ...outcome,
        watchlists,
        scenarios,
        teamKeys,
        minerRents,
        earningsDropAlertRestored,
        settingsRestored: replaceSettings,
      };
    })
    .immediate();
}

function addNote(notes: NoteRepo, note: ExportedNote, id: string, now: number): void {
  const { history, ...rest } = note;
  const added: Note = { ...rest, id };
  notes.insert(added);
  for (const v of history) notes.addVersion(id, v.kind, v.savedAtMs, v.content, false);
  // The history ends with what the note holds, whatever the file's history says.
  const last = history.at(-1);
  if (!last || !sameContent(last.content, added)) notes.addVersion(id, 'import', now, contentOf(added), false);
}

/** The file's content wins; both histories are kept, so the replaced content can still be restored. */
function replaceNote(notes: NoteRepo, existing: Note, note: ExportedNote, now: number): void {
  for (const v of note.history) notes.addVersion(existing.id, v.kind, v.savedAtMs, v.content, false);
  if (!sameContent(existing, note)) {
    notes.writeContent(existing.id, note, now);
    notes.addVersion(existing.id, 'import', now, contentOf(note), false);
  }
}

/** Lists are merged by name: a list you already have gains the file's subnets; nothing is removed. */
function importWatchlists(ws: Workspace, file: ExportFile, choice: ImportConflictChoice): number {
  const byName = new Map(ws.watchlists.list().map((w) => [w.name.toLowerCase(), w]));
  for (const list of file.watchlists) {
    const mine = byName.get(list.name.toLowerCase());
    const target = mine ?? ws.watchlists.create(list.name);
    if (!mine) byName.set(list.name.toLowerCase(), target);
    ws.watchlists.addSubnets(target.id, list.netuids);
    if (!mine || choice === 'replace') ws.watchlists.setThresholds(target.id, list.thresholds);
  }
  return file.watchlists.length;
}

function importScenarios(ws: Workspace, file: ExportFile, choice: ImportConflictChoice): number {
  let written = 0;
  // Read once and kept up to date, rather than re-listed for every scenario in the file.
  const bySubnet = new Map<number | null, SavedScenario[]>();
  for (const m of ws.scenarios.list()) bySubnet.set(m.netuid, [...(bySubnet.get(m.netuid) ?? []), m]);
  for (const s of file.scenarios) {
    const copyName = `${s.name.slice(0, 69)} (imported)`;
    const sameSubnet = bySubnet.get(s.netuid) ?? [];
    const alreadyHere = sameSubnet.some(
      (m) => (m.name === s.name || m.name === copyName) && JSON.stringify(m.scenario) === JSON.stringify(s.scenario),
    );
    const mine = sameSubnet.find((m) => m.name === s.name);
    if (alreadyHere || (mine && choice === 'keep')) continue;
    const replace = mine !== undefined && choice === 'replace';
    const saved = ws.scenarios.save({
      id: replace ? mine.id : undefined,
      name: mine && !replace ? copyName : s.name,
      netuid: s.netuid,
      scenario: s.scenario,
    });
    bySubnet.set(s.netuid, [...sameSubnet.filter((m) => m.id !== saved.id), saved]);
    written++;
  }
  return written;
}

/**
 * Keys are merged by address, as lists are by name: a key you already have is never added twice, and takes the
 * file's label and rent only when you chose the file's. Its kind stays yours: the UIDs already found for the key
 * were matched as that kind.
 */
function importTeamKeys(team: TeamRepo, file: ExportFile, choice: ImportConflictChoice): number {
  const mine = new Map(team.keys().map((k) => [k.address, k]));
  let written = 0;
  for (const key of file.teamKeys) {
    const here = mine.get(key.address);
    if (!here) {
      team.add(key);
      written++;
    } else if (choice === 'replace' && (here.label !== key.label || here.rentUsdPerMonth !== key.rentUsdPerMonth)) {
      team.update(here.id, { label: key.label, rentUsdPerMonth: key.rentUsdPerMonth });
      written++;
    }
  }
  return written;
}

/**
 * A miner's own rent is matched by subnet and hotkey, as keys are by address: a rent you have not set is added, and
 * one you set takes the file's only when you chose the file's. A rent only here stays.
 */
function importMinerRents(team: TeamRepo, file: ExportFile, choice: ImportConflictChoice): number {
  const mine = team.minerRents();
  let written = 0;
  for (const rent of file.minerRents) {
    const here = mine.get(`${rent.netuid}:${rent.hotkey}`);
    if (here === undefined || (choice === 'replace' && here !== rent.rentUsdPerMonth)) {
      team.setMinerRent(rent.netuid, rent.hotkey, rent.rentUsdPerMonth);
      written++;
    }
  }
  return written;
}

/**
 * The earnings-drop alert threshold, the same way: the file's applies where you never set one, or replaces yours
 * when you chose the file's. A file that never set one leaves yours (or the default) as it is.
 */
function importEarningsDropAlert(team: TeamRepo, file: ExportFile, choice: ImportConflictChoice): boolean {
  const percent = file.teamSettings.earningsDropAlertPercent;
  const here = team.ownEarningsDropAlertPercent();
  if (percent === null || percent === here || (here !== null && choice !== 'replace')) return false;
  team.setEarningsDropAlertPercent(percent);
  return true;
}
