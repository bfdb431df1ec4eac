/** Finding notes: full-text search (FTS5) with marked matches, filters, tags, and each subnet's current verdict. */
import type { Database } from 'better-sqlite3';
import type { z } from 'zod';
import type { NotesListSchema } from '../../../shared/notes-schemas';
import {
  MATCH_END,
  MATCH_START,
  type NoteSummary,
  type SubnetVerdict,
  type TagCount,
} from '../../../shared/notes-types';

/** What notes.list filters by, as its schema reads it. */
export type NoteFilters = NonNullable<z.output<typeof NotesListSchema>>;

/** Enough for any one person's research; the list is for reading, not for bulk export. */
const LIST_LIMIT = 1000;
const EXCERPT_CHARS = 180;

/** Scripts written without spaces between words: a word index holds a whole run as one token. */
const UNSPACED =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]+/gu;

/**
 * The user's words as an FTS5 query: each word quoted (so FTS5 syntax typed by the user is just text) and matched
 * as a prefix (so results appear while typing); all words must match. Null when there is no word to look for.
 * Runs of an unspaced script are not words here: see searchTerms.
 */
export function ftsQuery(input: string): string | null {
  const words = input.replace(UNSPACED, ' ').match(/[\p{L}\p{M}\p{N}_]+/gu);
  return words ? words.map((w) => `"${w}"*`).join(' ') : null;
}

/**
 * What a query looks for: words (the word index, by prefix) and literal pieces that must appear as they are typed
 * (case aside). A run of Chinese, Japanese, Thai… is literal, so part of a longer run is found; a query with no word
 * and no such run (punctuation, quotes, `*`, `(`, an emoji) is one literal piece: it finds the notes containing that
 * text, never "every note".
 */
export function searchTerms(input: string): { words: string | null; literals: string[] } {
  const words = ftsQuery(input);
  const literals: string[] = input.match(UNSPACED) ?? [];
  const trimmed = input.trim();
  if (!words && literals.length === 0 && trimmed) literals.push(trimmed);
  return { words, literals };
}

/** Three characters or more are looked up in the trigram index (migration 0008); shorter pieces are scanned for. */
const TRIGRAM_MIN = 3;
const SCANNED_TEXT = `lower(n.title || char(10) || n.body || char(10) || n.repository_url || char(10) || n.commit_reviewed || char(10) ||
  n.scoring_summary || char(10) || n.validators_reward || char(10) || COALESCE(n.compute, '') || char(10) || n.hardware_detail ||
  char(10) || n.exploits || char(10) || n.risks || char(10) || n.tags)`;

function literalCondition(literal: string, name: string, params: Record<string, unknown>): string {
  if ([...literal].length >= TRIGRAM_MIN) {
    // A quoted FTS5 string is matched as a whole substring; a quote inside it is doubled.
    params[name] = `"${literal.replaceAll('"', '""')}"`;
    return `n.seq IN (SELECT rowid FROM notes_trigram WHERE notes_trigram MATCH @${name})`;
  }
  params[name] = literal.toLowerCase();
  return `instr(${SCANNED_TEXT}, @${name}) > 0`;
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
  const terms = filters.query ? searchTerms(filters.query) : { words: null, literals: [] as string[] };
  terms.literals.forEach((literal, i) => where.push(literalCondition(literal, `literal${i}`, params)));
  const match = terms.words;
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
  // Literal pieces are not in the word index, so its highlight cannot mark them: marked here when they are all the
  // query has (a word query keeps the index's marks and passages).
  const literals = match ? [] : terms.literals;
  return (db.prepare(sql).all(params) as SummaryRow[]).map((r) => ({
    id: r.id,
    netuid: r.netuid,
    title: r.title,
    verdict: r.verdict,
    confidence: r.confidence,
    tags: JSON.parse(r.tags) as string[],
    updatedAtMs: r.updated_at_ms,
    titleMarked: literals.length ? markLiterals(r.title, literals) : r.title_marked,
    // When the best passage is the title itself, the body's start says more than the title twice.
    excerpt: literals.length
      ? literalPassage(r.body, literals)
      : oneLine(
          r.excerpt && r.excerpt !== r.title_marked ? r.excerpt : r.body.slice(0, EXCERPT_CHARS * 2),
          EXCERPT_CHARS,
        ),
  }));
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const literalPattern = (literals: string[]) => new RegExp(literals.map(escapeRegExp).join('|'), 'giu');

function markLiterals(text: string, literals: string[]): string {
  return text.replace(literalPattern(literals), (found) => `${MATCH_START}${found}${MATCH_END}`);
}

/** The body around the first literal match, marked; the body's start when the match is in another field. */
function literalPassage(body: string, literals: string[]): string {
  const flat = body.replace(/\s+/g, ' ').trim();
  const at = flat.search(literalPattern(literals));
  if (at < 0) return oneLine(flat, EXCERPT_CHARS);
  const start = Math.max(0, at - Math.floor(EXCERPT_CHARS / 3));
  const window = flat.slice(start, start + EXCERPT_CHARS);
  const cut = start + EXCERPT_CHARS < flat.length;
  return `${start > 0 ? '…' : ''}${markLiterals(window, literals)}${cut ? '…' : ''}`;
}

function oneLine(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max).trimEnd()}…` : flat;
}

export function tagCounts(db: Database): TagCount[] {
  return db
    .prepare(
      'SELECT t.value AS tag, COUNT(*) AS count FROM notes, json_each(notes.tags) AS t GROUP BY t.value ORDER BY count DESC, tag',
    )
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
