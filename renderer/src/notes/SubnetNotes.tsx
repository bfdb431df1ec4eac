import { useCallback, useEffect, useState } from 'react';
import type { Note, NoteSummary } from '../../../shared/notes-types';
import { scout } from '../scout';
import { NoteEditor } from './NoteEditor';
import { NoteList } from './NoteList';
import { withSaved } from './summaries';
import { ErrorMessage } from '../components/ErrorMessage';

/** One subnet's research notes, to embed in its page: the list, a button to add one, and the open note's editor. */
export function SubnetNotes({ netuid }: { netuid: number }) {
  const [notes, setNotes] = useState<NoteSummary[] | null>(null);
  const [openId, setOpenId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      setNotes(await scout.call('notes.list', { netuid }));
      setError(null);
    } catch (e) {
      setError((e as Error).message);
    }
  }, [netuid]);
  useEffect(() => {
    setOpenId(null);
    void load();
  }, [load]);
  // A note on this subnet written in another window (or imported, or moved here) shows up without a reload.
  useEffect(
    () =>
      scout.on('data.changed', (change) => {
        if (change.scope === 'notes' && change.netuids.includes(netuid)) void load();
      }),
    [netuid, load],
  );

  const add = async () => {
    try {
      const note = await scout.call('notes.create', { netuid });
      setOpenId(note.id);
      await load();
    } catch (e) {
      setError((e as Error).message);
    }
  };
  const saved = (note: Note) => {
    // Moved to another subnet: it no longer belongs in this list.
    if (note.netuid !== netuid) return void load();
    setNotes((list) => list && withSaved(list, note));
  };

  return (
    <section className="subnet-notes" aria-labelledby={`subnet-notes-${netuid}`}>
      <div className="row">
        <h2 id={`subnet-notes-${netuid}`}>Research notes</h2>
        <span className="spacer" />
        <button className="secondary small" onClick={() => void add()}>
          Add a note
        </button>
      </div>
      <ErrorMessage error={error} />
      {notes && (
        <NoteList
          notes={notes}
          selectedId={openId}
          onSelect={(id) => setOpenId(id === openId ? null : id)}
          empty={`No notes on SN${netuid} yet. Add one when you review its code.`}
          showSubnet={false}
        />
      )}
      {openId && (
        <NoteEditor
          key={openId}
          noteId={openId}
          onSaved={saved}
          onDeleted={() => {
            setOpenId(null);
            void load();
          }}
          onOpen={(note) => {
            setOpenId(note.netuid === netuid ? note.id : null);
            void load();
          }}
        />
      )}
    </section>
  );
}
