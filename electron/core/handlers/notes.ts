import type { z } from 'zod';
import type { NoteContent } from '../../../shared/notes-types';
import type { NotesImportSchema } from '../../../shared/notes-schemas';
import type { ScoutService } from '../service';
import { exportAll } from '../notes/export-all';
import { readExportFile } from '../notes/export-format';
import { importAll } from '../notes/import-all';
import { noteAsMarkdown } from '../notes/markdown-export';
import { NoteRepo } from '../notes/note-repo';
import { currentVerdicts, searchNotes, tagCounts, type NoteFilters } from '../notes/note-search';

export function notesHandlers(service: ScoutService) {
  const ws = () => service.requireWorkspace();
  const repo = () => new NoteRepo(ws().db, service.now);
  return {
    'notes.list': (filters?: NoteFilters) => searchNotes(ws().db, filters ?? {}),
    'notes.tags': () => tagCounts(ws().db),
    'notes.get': ({ id }: { id: string }) => repo().get(id),
    'notes.create': ({ netuid, title }: { netuid: number; title?: string }) => repo().create(netuid, title),
    'notes.save': ({ id, content, kind }: { id: string; content: NoteContent; kind: 'autosave' | 'save' }) =>
      repo().save(id, content, kind),
    'notes.delete': ({ id }: { id: string }) => {
      repo().remove(id);
      return { id };
    },
    'notes.history': ({ id }: { id: string }) => repo().history(id),
    'notes.restoreVersion': ({ id, versionId }: { id: string; versionId: number }) => repo().restore(id, versionId),
    'notes.currentVerdicts': () => currentVerdicts(ws().db),
    'notes.exportMarkdown': ({ id }: { id: string }) => noteAsMarkdown(repo().get(id)),
    'notes.export': () => exportAll(ws(), service.now()),
    'notes.import': ({ content, conflicts }: z.output<typeof NotesImportSchema>) => {
      const outcome = importAll(ws(), readExportFile(content), conflicts, service.now());
      if (outcome.status === 'imported' && outcome.settingsRestored) service.emit('data.changed', { scope: 'settings' });
      return outcome;
    },
  };
}
