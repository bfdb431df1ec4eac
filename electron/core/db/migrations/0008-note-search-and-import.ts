/**
 * Two things notes needed for data a user really has:
 * - Substring search. The word index (0004, unicode61) splits on spaces and punctuation, so text inside an unspaced
 *   run (Chinese, Japanese, Thai: "機械学習モデル") is one token and a part of it is never found, and a query made only
 *   of punctuation or an emoji has no word at all. A trigram index over the same columns finds any substring of three
 *   characters or more; shorter ones are scanned for (note-search.ts). Kept in step by triggers, as the word index is.
 * - Importing a note with thousands of versions: each version is checked against the ones already there (same time,
 *   same content: the same file imported twice). Indexed by time, that is one lookup instead of a scan of the note's
 *   whole history per version, which made a 20k-version note take ~24 s.
 */
const COLUMNS = 'title, body, repository_url, commit_reviewed, scoring_summary, validators_reward, compute, hardware_detail, exploits, risks, tags';
const values = (row: 'new' | 'old') => COLUMNS.split(', ').map((c) => `${row}.${c}`).join(', ');

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
};
