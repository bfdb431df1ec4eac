/**
 * The research-notes part of the contract (spread into `contract` in api.ts). Export and import carry all the
 * user's own data (notes with their history, watchlists, saved scenarios, settings) as one JSON file's content:
 * the renderer reads and saves files itself, so the same operations work in Electron and in the test host.
 */
import type {
  ExportedFile,
  ImportOutcome,
  Note,
  NoteSummary,
  NoteVersion,
  SubnetVerdict,
  TagCount,
} from './notes-types';
import {
  NoteCreateSchema,
  NoteRefSchema,
  NoteRestoreSchema,
  NoteSaveSchema,
  NotesImportSchema,
  NotesListSchema,
} from './notes-schemas';
import { none, op } from './contract-op';

export const notesContract = {
  'notes.list': op<NoteSummary[]>()(NotesListSchema),
  'notes.tags': op<TagCount[]>()(none),
  'notes.get': op<Note>()(NoteRefSchema),
  /** The note, or null when it is not there (deleted in another window): an editor tells the two apart by it. */
  'notes.find': op<{ note: Note | null }>()(NoteRefSchema),
  'notes.create': op<Note>()(NoteCreateSchema),
  'notes.save': op<Note>()(NoteSaveSchema),
  'notes.delete': op<{ id: string }>()(NoteRefSchema),
  'notes.history': op<NoteVersion[]>()(NoteRefSchema),
  'notes.restoreVersion': op<Note>()(NoteRestoreSchema),
  'notes.currentVerdicts': op<SubnetVerdict[]>()(none),
  'notes.exportMarkdown': op<ExportedFile>()(NoteRefSchema),
  'notes.export': op<ExportedFile>()(none),
  'notes.import': op<ImportOutcome>()(NotesImportSchema),
} as const;
