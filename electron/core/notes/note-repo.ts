/**
 * Research notes and their edit history. Every write keeps the newest version equal to the note's content, so the
 * history always ends with what the user sees; the full-text index follows by triggers (migration 0004).
 */
import { randomUUID } from 'node:crypto';
import type { Database, Statement } from 'better-sqlite3';
import type { Note, NoteContent, NoteVersion, NoteVersionKind } from '../../../shared/notes-types';
import type { z } from 'zod';
import { NoteContentSchema, type NoteSaveSchema } from '../../../shared/notes-schemas';
import { CoreError } from '../errors';
import {
  CONTENT_COLUMNS,
  contentJson,
  contentParams,
  emptyContent,
  sameContent,
  toNote,
  type NoteRow,
} from './note-rows';

/**
 * Autosaves are merged into the version their editing session started, for at most this long: a long session
 * leaves a version every five minutes instead of one per pause in typing.
 */
export const EDIT_SESSION_MS = 5 * 60_000;

interface VersionRow {
  id: number;
  kind: NoteVersionKind;
  open: number;
  started_at_ms: number;
  saved_at_ms: number;
  content_json: string;
}

/**
 * A stored version read with the schema it was saved under, or null when it no longer passes today's rules (edited
 * by hand): it is then left out of the history but stays in the file.
 */
function toVersion(r: VersionRow): NoteVersion | null {
  const parsed = NoteContentSchema.safeParse(JSON.parse(r.content_json));
  return parsed.success ? { id: r.id, kind: r.kind, savedAtMs: r.saved_at_ms, content: parsed.data } : null;
}

const SET_CONTENT = CONTENT_COLUMNS.map((c) => `${c} = @${c}`).join(', ');

/** What a save was made from: see NoteRepo.save. */
export type SaveBase = Pick<z.output<typeof NoteSaveSchema>, 'baseUpdatedAtMs' | 'overwrite'>;

export class NoteRepo {
  constructor(
    private readonly db: Database,
    private readonly now: () => number,
  ) {}

  find(id: string): Note | null {
    const row = this.db.prepare('SELECT * FROM notes WHERE id = ?').get(id) as NoteRow | undefined;
    return row ? toNote(row) : null;
  }

  get(id: string): Note {
    const found = this.find(id);
    if (!found) throw new CoreError('not-found', `There is no note with id ${id}; it may have been deleted.`);
    return found;
  }

  /** Every note, oldest first (for export). */
  all(): Note[] {
    return (this.db.prepare('SELECT * FROM notes ORDER BY created_at_ms, seq').all() as NoteRow[]).map(toNote);
  }

  create(netuid: number, title?: string): Note {
    const now = this.now();
    const note: Note = { id: randomUUID(), ...emptyContent(netuid, title), createdAtMs: now, updatedAtMs: now };
    return this.db
      .transaction(() => {
        this.insert(note);
        // Open: the first words typed into the new note belong to this same version.
        this.addVersion(note.id, 'autosave', now, note, true);
        return note;
      })
      .immediate();
  }

  /**
   * Writes what an editor holds. `from.baseUpdatedAtMs`: the note as that editor read it; a note changed since (in
   * another window) is refused and left as it is, so nobody's work is written over unseen. `from.overwrite`: the
   * user chose to keep their text over that change; it stays in the history as its own version.
   */
  save(id: string, content: NoteContent, kind: 'autosave' | 'save', from: SaveBase = {}): Note {
    return this.db
      .transaction(() => {
        const now = this.now();
        const stored = this.get(id);
        if (from.baseUpdatedAtMs !== undefined && from.baseUpdatedAtMs !== stored.updatedAtMs) {
          throw new CoreError(
            'conflict',
            `“${stored.title}” was changed in another window after this one opened it, so this save was refused and nothing was written. ` +
              'Choose to keep your text or take the other change.',
          );
        }
        if (from.overwrite) this.closeSession(id);
        if (!sameContent(stored, content)) this.writeContent(id, content, now);
        this.recordSave(id, content, kind, now);
        return this.get(id);
      })
      .immediate();
  }

  remove(id: string): void {
    this.get(id);
    this.db.prepare('DELETE FROM notes WHERE id = ?').run(id);
  }

  /** Newest first. */
  history(id: string): NoteVersion[] {
    this.get(id);
    return (
      this.db
        .prepare('SELECT * FROM note_versions WHERE note_id = ? ORDER BY saved_at_ms DESC, id DESC')
        .all(id) as VersionRow[]
    ).flatMap((r) => toVersion(r) ?? []);
  }

  /** Brings back an older version as a new one, so the restore itself can be undone from the history. */
  restore(id: string, versionId: number): Note {
    return this.db
      .transaction(() => {
        const row = this.db.prepare('SELECT * FROM note_versions WHERE id = ? AND note_id = ?').get(versionId, id) as
          VersionRow | undefined;
        const version = row && toVersion(row);
        if (!version) throw new CoreError('not-found', `Note ${id} has no version ${versionId}.`);
        const now = this.now();
        const { content } = version;
        this.writeContent(id, content, now);
        this.addVersion(id, 'restore', now, content, false);
        return this.get(id);
      })
      .immediate();
  }

  /** Adds a note as it is, with its own id and times (import). */
  insert(note: Note): void {
    this.insertStatement ??= this.db.prepare(
      `INSERT INTO notes (id, ${CONTENT_COLUMNS.join(', ')}, created_at_ms, updated_at_ms)
       VALUES (@id, ${CONTENT_COLUMNS.map((c) => `@${c}`).join(', ')}, @created_at_ms, @updated_at_ms)`,
    );
    this.insertStatement.run({
      id: note.id,
      ...contentParams(note),
      created_at_ms: note.createdAtMs,
      updated_at_ms: note.updatedAtMs,
    });
  }

  /**
   * updatedAtMs is also the note's version, which editors send back to show what they started from: every write
   * moves it forward, by a millisecond when the clock has not moved (two saves in one millisecond) or went back.
   */
  writeContent(id: string, content: NoteContent, updatedAtMs: number): void {
    this.db
      .prepare(`UPDATE notes SET ${SET_CONTENT}, updated_at_ms = MAX(@updated_at_ms, updated_at_ms + 1) WHERE id = @id`)
      .run({
        id,
        ...contentParams(content),
        updated_at_ms: updatedAtMs,
      });
  }

  /**
   * Adds a version unless one with the same time and content is already there (importing the same file twice).
   * The lookup is indexed by time (migration 0008) and both statements are prepared once per repository: an import
   * adds tens of thousands of versions through here.
   */
  addVersion(id: string, kind: NoteVersionKind, savedAtMs: number, content: NoteContent, open: boolean): void {
    const json = contentJson(content);
    this.versionStatements ??= {
      dup: this.db.prepare('SELECT 1 FROM note_versions WHERE note_id = ? AND saved_at_ms = ? AND content_json = ?'),
      insert: this.db.prepare(
        'INSERT INTO note_versions (note_id, kind, open, started_at_ms, saved_at_ms, content_json) VALUES (?, ?, ?, ?, ?, ?)',
      ),
    };
    if (this.versionStatements.dup.get(id, savedAtMs, json)) return;
    this.versionStatements.insert.run(id, kind, open ? 1 : 0, savedAtMs, savedAtMs, json);
  }

  private versionStatements: { dup: Statement; insert: Statement } | undefined;
  private insertStatement: Statement | undefined;

  /** Ends the open editing session, so the next save starts a version instead of merging into it. */
  private closeSession(id: string): void {
    this.db.prepare('UPDATE note_versions SET open = 0 WHERE note_id = ? AND open = 1').run(id);
  }

  /** Merges an autosave into the open version of the current editing session, or starts a new version. */
  private recordSave(id: string, content: NoteContent, kind: 'autosave' | 'save', now: number): void {
    const latest = this.db
      .prepare('SELECT * FROM note_versions WHERE note_id = ? ORDER BY saved_at_ms DESC, id DESC LIMIT 1')
      .get(id) as VersionRow | undefined;
    const json = contentJson(content);
    // Pressing Save closes the session: the next change starts a new version.
    const open = kind === 'autosave' ? 1 : 0;
    if (latest?.open && now - latest.started_at_ms < EDIT_SESSION_MS) {
      if (latest.content_json !== json || !open) {
        this.db
          .prepare('UPDATE note_versions SET kind = ?, open = ?, saved_at_ms = ?, content_json = ? WHERE id = ?')
          .run(kind, open, now, json, latest.id);
      }
      return;
    }
    if (latest?.content_json === json) {
      if (!open && latest.open)
        this.db.prepare("UPDATE note_versions SET open = 0, kind = 'save' WHERE id = ?").run(latest.id);
      return;
    }
    this.addVersion(id, kind, now, content, open === 1);
  }
}
