/** Finding notes: full-text search (FTS5) with marked matches, filters, tags, and each subnet's current verdict. */
import type { Database } from 'better-sqlite3';
import { MATCH_END, MATCH_START, type NoteSummary, type NoteVerdict, type SubnetVerdict, type TagCount } from '../../../shared/notes-types';

export interface NoteFilters {
  query?: string;
  netuid?: number;
  tag?: string;
  verdict?: NoteVerdict | 'none';
}

/** Enough for any one person's research; the list is for reading, not for bulk export. */
const LIST_LIMIT = 1000;
const EXCERPT_CHARS = 180;

/**
 * The user's words as an FTS5 query: each word quoted (so FTS5 syntax typed by the user is just text) and matched
 * as a prefix (so results appear while typing); all words must match. Null when there is no word to look for.
 */
export function ftsQuery(input: string): string | null {
  const words = input.match(/[\p{L}\p{M}\p{N}_]+/gu);
  return words ? words.map((w) => `"${w}"*`).join(' ') : null;
}

interface SummaryRow {
  id: string;
  netuid: number;
  title: string;
  verdict: NoteSummary['verdict'];
  confidence: NoteSummary['confidence'];
  tags: string;
  updated_at_ms: number;
  title_marked: string;
  excerpt: string;
  body: string;
}

export function searchNotes(db: Database, filters: NoteFilters): NoteSummary[] {
  const where: string[] = [];
  const params: Record<string, unknown> = { start: MATCH_START, end: MATCH_END, limit: LIST_LIMIT };
  if (filters.netuid !== undefined) {
    where.push('n.netuid = @netuid');
    params.netuid = filters.netuid;
  }
  if (filters.verdict === 'none') where.push('n.verdict IS NULL');
  else if (filters.verdict) {
    where.push('n.verdict = @verdict');
    params.verdict = filters.verdict;
  }
  if (filters.tag) {
    where.push('EXISTS (SELECT 1 FROM json_each(n.tags) WHERE value = @tag)');
    params.tag = filters.tag;
  }
  const match = filters.query ? ftsQuery(filters.query) : null;
  let sql: string;
  if (match) {
    params.match = match;
    // Column weights: a word in the title or a review field says more than one somewhere in a long body.
    sql = `SELECT n.id, n.netuid, n.title, n.verdict, n.confidence, n.tags, n.updated_at_ms, n.body,
             highlight(notes_fts, 0, @start, @end) AS title_marked,
             snippet(notes_fts, -1, @start, @end, '…', 24) AS excerpt
           FROM notes_fts JOIN notes n ON n.seq = notes_fts.rowid
           WHERE notes_fts MATCH @match ${where.map((w) => `AND ${w}`).join(' ')}
           ORDER BY bm25(notes_fts, 10, 1, 2, 3, 3, 3, 2, 2, 3, 3, 5), n.updated_at_ms DESC
           LIMIT @limit`;
  } else {
    sql = `SELECT n.id, n.netuid, n.title, n.verdict, n.confidence, n.tags, n.updated_at_ms, n.body,
             n.title AS title_marked, '' AS excerpt
           FROM notes n ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
           ORDER BY n.updated_at_ms DESC, n.seq DESC
           LIMIT @limit`;
  }
  return (db.prepare(sql).all(params) as SummaryRow[]).map((r) => ({
    id: r.id,
    netuid: r.netuid,
    title: r.title,
    verdict: r.verdict,
    confidence: r.confidence,
    tags: JSON.parse(r.tags) as string[],
    updatedAtMs: r.updated_at_ms,
    titleMarked: r.title_marked,
    // When the best passage is the title itself, the body's start says more than the title twice.
    excerpt: oneLine(r.excerpt && r.excerpt !== r.title_marked ? r.excerpt : r.body.slice(0, EXCERPT_CHARS * 2), EXCERPT_CHARS),
  }));
}

function oneLine(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max).trimEnd()}…` : flat;
}

export function tagCounts(db: Database): TagCount[] {
  return db
    .prepare('SELECT t.value AS tag, COUNT(*) AS count FROM notes, json_each(notes.tags) AS t GROUP BY t.value ORDER BY count DESC, tag')
    .all() as TagCount[];
}

export function currentVerdicts(db: Database): SubnetVerdict[] {
  return db
    .prepare(
      `SELECT netuid, verdict, confidence, id AS noteId, updated_at_ms AS updatedAtMs FROM (
         SELECT *, ROW_NUMBER() OVER (PARTITION BY netuid ORDER BY updated_at_ms DESC, seq DESC) AS recency
         FROM notes WHERE verdict IS NOT NULL
       ) WHERE recency = 1 ORDER BY netuid`,
    )
    .all() as SubnetVerdict[];
}
