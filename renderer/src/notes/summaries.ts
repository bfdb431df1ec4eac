import type { Note, NoteSummary } from '../../../shared/notes-types';

/** The list after a note was saved, without searching again (its excerpt stays until the next search). */
export function withSaved(list: NoteSummary[], note: Note): NoteSummary[] {
  return list.map((n) =>
    n.id === note.id
      ? {
          ...n,
          netuid: note.netuid,
          title: note.title,
          titleMarked: note.title,
          verdict: note.verdict,
          confidence: note.confidence,
          tags: note.tags,
          updatedAtMs: note.updatedAtMs,
        }
      : n,
  );
}
