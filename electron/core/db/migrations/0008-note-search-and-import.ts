/**
 * Two things notes needed for data a user really has:
 * - Substring search. The word index (0004, unicode61) splits on spaces and punctuation, so text inside an unspaced
 *   run (Chinese, Japanese, Thai: "機械学習モデル") is one token and a part of it is never found, and a query made only
 *   of punctuation or an emoji has no word at all. A trigram index over the same columns finds any substring of three
 *   characters or more; shorter ones are scanned for (note-search.ts). Kept in step by triggers, as the word index is.
 * - Importing a note with thousands of versions: each version is checked against the ones already there (same time,
 *   same content: the same file imported twice). Indexed by time, that is one lookup instead of a scan of the note's
 *   whole history per version, which made a 20k-version note take ~24 s.
 * And one clean-up: endpoints are no longer accepted with `user:pass@` (they were stored and shown in clear), so the
 * credentials an older version stored with sync points, known chains and the custom endpoint are removed.
 */
import type { Database } from 'better-sqlite3';

/** `wss://user:pass@host/…` → `wss://host/…`; anything else unchanged. */
export const withoutCredentials = (endpoint: string) => endpoint.replace(/^(wss?:\/\/)[^/?#@]*@/i, '$1');

function removeStoredCredentials(db: Database): void {
  const stored = db
    .prepare("SELECT DISTINCT endpoint FROM sync_points WHERE endpoint LIKE '%@%'")
    .pluck()
    .all() as string[];
  const setPoint = db.prepare('UPDATE sync_points SET endpoint = ? WHERE endpoint = ?');
  for (const endpoint of stored) setPoint.run(withoutCredentials(endpoint), endpoint);
  // Keyed by endpoint: the same node with and without credentials is one entry.
  const chains = db.prepare("SELECT endpoint, genesis_hash FROM known_chains WHERE endpoint LIKE '%@%'").all() as {
    endpoint: string;
    genesis_hash: string;
  }[];
  for (const c of chains) {
    db.prepare('DELETE FROM known_chains WHERE endpoint = ?').run(c.endpoint);
    db.prepare('INSERT OR IGNORE INTO known_chains (endpoint, genesis_hash) VALUES (?, ?)').run(
      withoutCredentials(c.endpoint),
      c.genesis_hash,
    );
  }
  const custom = db.prepare("SELECT value FROM settings WHERE key = 'customEndpoint'").pluck().get() as
    string | undefined;
  const endpoint = custom === undefined ? null : (JSON.parse(custom) as unknown);
  if (typeof endpoint === 'string' && endpoint !== withoutCredentials(endpoint)) {
    db.prepare("UPDATE settings SET value = ? WHERE key = 'customEndpoint'").run(
      JSON.stringify(withoutCredentials(endpoint)),
    );
  }
}
const COLUMNS =
  'title, body, repository_url, commit_reviewed, scoring_summary, validators_reward, compute, hardware_detail, exploits, risks, tags';
const values = (row: 'new' | 'old') =>
  COLUMNS.split(', ')
    .map((c) => `${row}.${c}`)
    .join(', ');

export const noteSearchAndImport = {
  id: 8,
  name: 'note-search-and-import',
  sql: `
CREATE VIRTUAL TABLE notes_trigram USING fts5 (
  ${COLUMNS},
  content = 'notes', content_rowid = 'seq', tokenize = 'trigram'
);
INSERT INTO notes_trigram (notes_trigram) VALUES ('rebuild');
CREATE TRIGGER notes_trigram_insert AFTER INSERT ON notes BEGIN
  INSERT INTO notes_trigram (rowid, ${COLUMNS}) VALUES (new.seq, ${values('new')});
END;
CREATE TRIGGER notes_trigram_delete AFTER DELETE ON notes BEGIN
  INSERT INTO notes_trigram (notes_trigram, rowid, ${COLUMNS}) VALUES ('delete', old.seq, ${values('old')});
END;
CREATE TRIGGER notes_trigram_update AFTER UPDATE ON notes BEGIN
  INSERT INTO notes_trigram (notes_trigram, rowid, ${COLUMNS}) VALUES ('delete', old.seq, ${values('old')});
  INSERT INTO notes_trigram (rowid, ${COLUMNS}) VALUES (new.seq, ${values('new')});
END;
CREATE INDEX note_versions_by_time ON note_versions (note_id, saved_at_ms);
`,
  transform: removeStoredCredentials,
};
