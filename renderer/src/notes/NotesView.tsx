import { useEffect, useRef, useState } from 'react';
import { scout } from '../scout';
import { useNotesStore, type NoteFilters } from './notes-store';
import { ImportExport } from './ImportExport';
import { NoteEditor } from './NoteEditor';
import { NoteList } from './NoteList';
import { ErrorMessage } from '../components/ErrorMessage';

const SEARCH_DELAY_MS = 200;

/** Every research note: search across all of them, narrow by subnet, tag or verdict, and edit one. */
export function NotesView() {
  const { filters, results, tags, selectedId, error, setFilters, refresh, select, create, noteSaved, noteDeleted } =
    useNotesStore();
  const [query, setQuery] = useState(filters.query ?? '');
  const searchTimer = useRef<number | null>(null);

  useEffect(() => {
    void refresh();
    return scout.on('data.changed', ({ scope }) => {
      // A note written in another window (or imported) shows up here, matched against this search.
      if (scope === 'notes') return void refresh();
      if (scope !== 'dataset') return;
      // Another data folder (or the demo data) has other notes: what was open here is not in it.
      select(null);
      void refresh();
    });
  }, [refresh, select]);
  useEffect(() => setQuery(filters.query ?? ''), [filters.query]);

  const onQuery = (text: string) => {
    setQuery(text);
    if (searchTimer.current !== null) window.clearTimeout(searchTimer.current);
    searchTimer.current = window.setTimeout(() => void setFilters({ query: text || undefined }), SEARCH_DELAY_MS);
  };
  const filtered = Boolean(filters.query || filters.netuid !== undefined || filters.tag || filters.verdict);

  return (
    <section className="notes-view" aria-labelledby="notes-title">
      <div className="row wrap">
        <h1 id="notes-title">Notes</h1>
        <span className="spacer" />
        <ImportExport onImported={() => void refresh()} />
      </div>
      <div className="notes-toolbar row wrap" role="search">
        <label htmlFor="notes-search" className="visually-hidden">
          Search notes
        </label>
        <input
          id="notes-search"
          type="search"
          className="notes-search"
          placeholder="Search all notes and fields…"
          value={query}
          onChange={(e) => onQuery(e.target.value)}
        />
        <Filters filters={filters} tags={tags.map((t) => t.tag)} onChange={(patch) => void setFilters(patch)} />
      </div>
      <ErrorMessage error={error} />
      <div className="notes-layout">
        <div className="notes-sidebar">
          <NewNote defaultNetuid={filters.netuid} onCreate={(netuid) => void create(netuid)} />
          {results && (
            <NoteList
              notes={results}
              selectedId={selectedId}
              onSelect={select}
              empty={
                filtered
                  ? 'No note matches.'
                  : 'No notes yet. Pick a subnet and press New note to write your first review.'
              }
            />
          )}
        </div>
        <div className="notes-main">
          {selectedId ? (
            <NoteEditor
              key={selectedId}
              noteId={selectedId}
              onSaved={noteSaved}
              onDeleted={noteDeleted}
              onOpen={(note) => {
                select(note.id);
                void refresh();
              }}
            />
          ) : (
            <p className="muted">Choose a note on the left, or start a new one.</p>
          )}
        </div>
      </div>
    </section>
  );
}

function Filters({
  filters,
  tags,
  onChange,
}: {
  filters: NoteFilters;
  tags: string[];
  onChange(patch: Partial<NoteFilters>): void;
}) {
  return (
    <>
      <label htmlFor="notes-filter-subnet">Subnet</label>
      <input
        id="notes-filter-subnet"
        className="netuid-input"
        type="number"
        min={0}
        max={65535}
        placeholder="all"
        value={filters.netuid ?? ''}
        onChange={(e) => onChange({ netuid: e.target.value === '' ? undefined : clampNetuid(e.target.valueAsNumber) })}
      />
      <label htmlFor="notes-filter-tag">Tag</label>
      <select
        id="notes-filter-tag"
        value={filters.tag ?? ''}
        onChange={(e) => onChange({ tag: e.target.value || undefined })}
      >
        <option value="">All tags</option>
        {tags.map((t) => (
          <option key={t} value={t}>
            {t}
          </option>
        ))}
      </select>
      <label htmlFor="notes-filter-verdict">Verdict</label>
      <select
        id="notes-filter-verdict"
        value={filters.verdict ?? ''}
        onChange={(e) => onChange({ verdict: (e.target.value || undefined) as NoteFilters['verdict'] })}
      >
        <option value="">Any verdict</option>
        <option value="mine">Mine</option>
        <option value="watch">Watch</option>
        <option value="skip">Skip</option>
        <option value="none">Not decided</option>
      </select>
    </>
  );
}

const clampNetuid = (n: number) => (Number.isFinite(n) ? Math.min(65535, Math.max(0, Math.trunc(n))) : 0);

function NewNote({ defaultNetuid, onCreate }: { defaultNetuid?: number; onCreate(netuid: number): void }) {
  const [netuid, setNetuid] = useState(String(defaultNetuid ?? ''));
  useEffect(() => {
    if (defaultNetuid !== undefined) setNetuid(String(defaultNetuid));
  }, [defaultNetuid]);
  const value = Number(netuid);
  const valid = netuid !== '' && Number.isInteger(value) && value >= 0 && value <= 65535;
  return (
    <form
      className="new-note row"
      onSubmit={(e) => {
        e.preventDefault();
        if (valid) onCreate(value);
      }}
    >
      <label htmlFor="new-note-netuid">New note for subnet</label>
      <input
        id="new-note-netuid"
        className="netuid-input"
        type="number"
        min={0}
        max={65535}
        required
        value={netuid}
        onChange={(e) => setNetuid(e.target.value)}
      />
      <button type="submit" disabled={!valid}>
        New note
      </button>
    </form>
  );
}
