/** The Notes screen: the search and filters in force, the matching notes, the tags in use, and the open note. */
import { create } from 'zustand';
import type { Note, NoteSummary, TagCount } from '../../../shared/notes-types';
import type { ArgOf } from '../../../shared/api';
import { scout } from '../scout';
import { withSaved } from './summaries';

interface NotesState {
  filters: NoteFilters;
  results: NoteSummary[] | null;
  tags: TagCount[];
  selectedId: string | null;
  error: string | null;
  setFilters(patch: Partial<NoteFilters>): Promise<void>;
  refresh(): Promise<void>;
  select(id: string | null): void;
  create(netuid: number): Promise<void>;
  /** Keeps the list in step with the editor without searching again. */
  noteSaved(note: Note): void;
  noteDeleted(id: string): void;
}

export type NoteFilters = NonNullable<ArgOf<'notes.list'>>;

let latestRequest = 0;

export const useNotesStore = create<NotesState>((set, get) => ({
  filters: {},
  results: null,
  tags: [],
  selectedId: null,
  error: null,
  async setFilters(patch) {
    set({ filters: { ...get().filters, ...patch } });
    await get().refresh();
  },
  async refresh() {
    // Searching while typing: only the answer to the latest request is shown.
    const request = ++latestRequest;
    try {
      const [results, tags] = await Promise.all([scout.call('notes.list', get().filters), scout.call('notes.tags')]);
      if (request === latestRequest) set({ results, tags, error: null });
    } catch (e) {
      if (request === latestRequest) set({ error: (e as Error).message });
    }
  },
  select(id) {
    set({ selectedId: id });
  },
  async create(netuid) {
    try {
      const note = await scout.call('notes.create', { netuid });
      // A new note must be visible: drop a search or filter that would hide it.
      set({ filters: {}, selectedId: note.id });
      await get().refresh();
    } catch (e) {
      set({ error: (e as Error).message });
    }
  },
  noteSaved(note) {
    const results = get().results;
    if (results) set({ results: withSaved(results, note) });
    void scout.call('notes.tags').then((tags) => set({ tags }));
  },
  noteDeleted(id) {
    set({
      selectedId: get().selectedId === id ? null : get().selectedId,
      results: get().results?.filter((r) => r.id !== id) ?? null,
    });
    void scout.call('notes.tags').then((tags) => set({ tags }));
  },
}));
