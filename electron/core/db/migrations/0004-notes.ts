/**
 * Research notes: one row per note (structured review fields as columns so they can be filtered and searched), its
 * edit history, and a full-text index kept in step by triggers, so every write path (editing, restoring, importing)
 * updates it in the same transaction. User data: sync never touches these tables.
 */
export const notes = {
  id: 4,
  name: 'notes',
  sql: `
CREATE TABLE notes (
  -- The full-text index refers to notes by this integer (a plain rowid may change on VACUUM).
  seq INTEGER PRIMARY KEY,
  -- A UUID, stable across export files.
  id TEXT NOT NULL UNIQUE,
  netuid INTEGER NOT NULL,
  title TEXT NOT NULL,
  body TEXT NOT NULL,
  repository_url TEXT NOT NULL,
  commit_reviewed TEXT NOT NULL,
  reviewed_on TEXT NOT NULL,
  scoring_summary TEXT NOT NULL,
  validators_reward TEXT NOT NULL,
  compute TEXT CHECK (compute IN ('cpu', 'gpu')),
  vram_gb REAL,
  ram_gb REAL,
  disk_gb REAL,
  hardware_detail TEXT NOT NULL,
  exploits TEXT NOT NULL,
  risks TEXT NOT NULL,
  verdict TEXT CHECK (verdict IN ('mine', 'watch', 'skip')),
  confidence TEXT CHECK (confidence IN ('low', 'medium', 'high')),
  -- JSON array of lower-case tags
  tags TEXT NOT NULL,
  created_at_ms INTEGER NOT NULL,
  updated_at_ms INTEGER NOT NULL
);
CREATE INDEX notes_by_netuid ON notes (netuid, updated_at_ms);

CREATE TABLE note_versions (
  id INTEGER PRIMARY KEY,
  note_id TEXT NOT NULL REFERENCES notes (id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('autosave', 'save', 'restore', 'import')),
  -- 1 while later autosaves of the same editing session may still be merged into this version
  open INTEGER NOT NULL,
  started_at_ms INTEGER NOT NULL,
  saved_at_ms INTEGER NOT NULL,
  content_json TEXT NOT NULL
);
CREATE INDEX note_versions_by_note ON note_versions (note_id, id);

CREATE VIRTUAL TABLE notes_fts USING fts5 (
  title, body, repository_url, commit_reviewed, scoring_summary, validators_reward, compute, hardware_detail,
  exploits, risks, tags,
  content = 'notes', content_rowid = 'seq', tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER notes_fts_insert AFTER INSERT ON notes BEGIN
  INSERT INTO notes_fts (rowid, title, body, repository_url, commit_reviewed, scoring_summary, validators_reward, compute,
    hardware_detail, exploits, risks, tags)
  VALUES (new.seq, new.title, new.body, new.repository_url, new.commit_reviewed, new.scoring_summary,
    new.validators_reward, new.compute, new.hardware_detail, new.exploits, new.risks, new.tags);
END;
CREATE TRIGGER notes_fts_delete AFTER DELETE ON notes BEGIN
  INSERT INTO notes_fts (notes_fts, rowid, title, body, repository_url, commit_reviewed, scoring_summary,
    validators_reward, compute, hardware_detail, exploits, risks, tags)
  VALUES ('delete', old.seq, old.title, old.body, old.repository_url, old.commit_reviewed, old.scoring_summary,
    old.validators_reward, old.compute, old.hardware_detail, old.exploits, old.risks, old.tags);
END;
CREATE TRIGGER notes_fts_update AFTER UPDATE ON notes BEGIN
  INSERT INTO notes_fts (notes_fts, rowid, title, body, repository_url, commit_reviewed, scoring_summary,
    validators_reward, compute, hardware_detail, exploits, risks, tags)
  VALUES ('delete', old.seq, old.title, old.body, old.repository_url, old.commit_reviewed, old.scoring_summary,
    old.validators_reward, old.compute, old.hardware_detail, old.exploits, old.risks, old.tags);
  INSERT INTO notes_fts (rowid, title, body, repository_url, commit_reviewed, scoring_summary, validators_reward, compute,
    hardware_detail, exploits, risks, tags)
  VALUES (new.seq, new.title, new.body, new.repository_url, new.commit_reviewed, new.scoring_summary,
    new.validators_reward, new.compute, new.hardware_detail, new.exploits, new.risks, new.tags);
END;
`,
};
