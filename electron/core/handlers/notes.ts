import type { HandlersFor, Method } from '../../../shared/api';
import type { Note } from '../../../shared/notes-types';
import type { HandlerContext } from './context';
import { exportAll } from '../notes/export-all';
import { readExportFile } from '../notes/export-format';
import { importAll } from '../notes/import-all';
import { noteAsMarkdown } from '../notes/markdown-export';
import type { NoteRepo } from '../notes/note-repo';
import { currentVerdicts, searchNotes, tagCounts } from '../notes/note-search';
import { watchUserData } from './user-data-changes';

export function notesHandlers(service: HandlerContext) {
  const ws = () => service.requireWorkspace();
  const repo = () => ws().notes;
  // Every window showing notes (another window's Notes screen, a subnet page's notes) refreshes on this.
  const notesChanged = (netuids: number[]) =>
    service.emit('data.changed', { scope: 'notes', netuids: [...new Set(netuids)].sort((a, b) => a - b) });
  /** Writes one note and tells every window, naming the subnet it was on and the one it is on now. */
  const changing = (id: string, write: (notes: NoteRepo) => Note): Note => {
    const notes = repo();
    const before = notes.get(id).netuid;
    const after = write(notes);
    notesChanged([before, after.netuid]);
    return after;
  };
  return {
    'notes.list': (filters) => searchNotes(ws().db, filters ?? {}),
    'notes.tags': () => tagCounts(ws().db),
    'notes.get': ({ id }) => repo().get(id),
    'notes.create': ({ netuid, title }) => {
      const note = repo().create(netuid, title);
      notesChanged([note.netuid]);
      return note;
    },
    'notes.find': ({ id }) => ({ note: repo().find(id) }),
    'notes.save': ({ id, content, kind, ...from }) => changing(id, (notes) => notes.save(id, content, kind, from)),
    'notes.delete': ({ id }) => {
      const notes = repo();
      const { netuid } = notes.get(id);
      notes.remove(id);
      notesChanged([netuid]);
      return { id };
    },
    'notes.history': ({ id }) => repo().history(id),
    'notes.restoreVersion': ({ id, versionId }) => changing(id, (notes) => notes.restore(id, versionId)),
    'notes.currentVerdicts': () => currentVerdicts(ws().db),
    'notes.exportMarkdown': ({ id }) => noteAsMarkdown(repo().get(id)),
    'notes.export': () => exportAll(ws(), service.now()),
    'notes.import': ({ content, conflicts, settings }) => {
      const file = readExportFile(content);
      // A replaced note may move from the subnet it is on here to the file's: both lists change.
      // One read of every note's subnet, not a lookup (and a prepared statement) per note in the file.
      const subnetOf = new Map(
        (ws().db.prepare('SELECT id, netuid FROM notes').all() as { id: string; netuid: number }[]).map((r) => [
          r.id.toLowerCase(),
          r.netuid,
        ]),
      );
      const netuidsHere = file.notes.flatMap((n) => subnetOf.get(n.id) ?? []);
      // Compared rather than taken from the outcome's counts: a list merged by name counts as imported even when it
      // gained nothing, and My miners shows keys, rents and the alert threshold alike.
      const announceUserData = watchUserData(service, ['watchlists', 'scenarios', 'team']);
      const outcome = importAll(ws(), file, conflicts, service.now(), settings);
      if (outcome.status !== 'imported') return outcome;
      if (outcome.notesAdded + outcome.notesReplaced + outcome.notesDuplicated > 0) {
        notesChanged([...netuidsHere, ...file.notes.map((n) => n.netuid)]);
      }
      announceUserData();
      if (outcome.settingsRestored) service.emit('data.changed', { scope: 'settings' });
      return outcome;
    },
  } satisfies HandlersFor<Extract<Method, `notes.${string}`>>;
}
