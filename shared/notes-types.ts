/** Result types of the research-notes operations (see notes-api.ts). A note's content is declared by its schema. */
import type { NoteConfidence, NoteContent, NoteVerdict } from './notes-schemas';

export type { HardwareRequirement, NoteConfidence, NoteContent, NoteVerdict } from './notes-schemas';

export const VERDICT_LABELS: Record<NoteVerdict, string> = { mine: 'Mine', watch: 'Watch', skip: 'Skip' };

export interface Note extends NoteContent {
  /** A UUID: stable across export files, so an import can tell "the same note" from "another note". */
  id: string;
  createdAtMs: number;
  updatedAtMs: number;
}

/** Search matches arrive wrapped in these characters; the renderer turns them into <mark> elements (never HTML). */
export const MATCH_START = '\u0002';
export const MATCH_END = '\u0003';

/** One row of the notes list. */
export interface NoteSummary {
  id: string;
  netuid: number;
  title: string;
  verdict: NoteVerdict | null;
  confidence: NoteConfidence | null;
  tags: string[];
  updatedAtMs: number;
  /** The title, with search matches marked (MATCH_START/MATCH_END). */
  titleMarked: string;
  /** The passage that best matches the search (marked), or the start of the body without a search. */
  excerpt: string;
}

/**
 * How a version came to be: autosaves of one editing session are merged into one version; pressing Save,
 * restoring an older version and importing each start a version of their own.
 */
export type NoteVersionKind = 'autosave' | 'save' | 'restore' | 'import';

export interface NoteVersion {
  id: number;
  kind: NoteVersionKind;
  savedAtMs: number;
  content: NoteContent;
}

/** A subnet's current verdict: the verdict of its most recently updated note that has one. */
export interface SubnetVerdict {
  netuid: number;
  verdict: NoteVerdict;
  confidence: NoteConfidence | null;
  noteId: string;
  updatedAtMs: number;
}

export interface TagCount {
  tag: string;
  count: number;
}

/** A file for the renderer to offer as a download. */
export interface ExportedFile {
  fileName: string;
  content: string;
}

/** What to do with imported notes whose IDs already exist here. 'ask' writes nothing when there are any. */
export type ImportConflictChoice = 'ask' | 'keep' | 'replace' | 'duplicate';

/** One setting the file would change, as the import preview shows it ("Sync every (minutes): 60 → 15"). */
export interface SettingChange {
  label: string;
  mine: string;
  file: string;
}

/** Whether the file's settings replace yours; without a choice, only "replace" for notes takes them. */
export type ImportSettingsChoice = 'keep' | 'replace';

export type ImportOutcome =
  /**
   * With 'ask', nothing is written while there is something to decide: notes already here (noteIds, titles) or, when
   * the caller did not say what happens to settings, settings the file would change (settingsChanges).
   */
  | { status: 'conflicts'; noteIds: string[]; titles: string[]; settingsChanges: SettingChange[] }
  | {
      status: 'imported';
      notesAdded: number;
      notesReplaced: number;
      notesDuplicated: number;
      notesKept: number;
      watchlists: number;
      scenarios: number;
      /** Team keys added, or given the file's label and rent (replace); a key already here is never added twice. */
      teamKeys: number;
      /** Miners' own rents added, or given the file's (replace); matched by subnet and hotkey. */
      minerRents: number;
      /** The file's earnings-drop alert threshold now applies (none was set here, or replace). */
      earningsDropAlertRestored: boolean;
      settingsRestored: boolean;
    };
