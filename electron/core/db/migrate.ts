/**
 * Ordered, immutable migrations with a ledger. Refuses a database written by a newer app (unknown migration ids)
 * or one whose applied migrations were edited (checksum mismatch), and backs the file up before changing it.
 */
import { createHash } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import type { Migration } from './migrations';
import { DataProblemError } from './problem';

const LEDGER = `CREATE TABLE IF NOT EXISTS schema_migrations (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  checksum TEXT NOT NULL,
  applied_at_ms INTEGER NOT NULL
)`;

export function checksum(sql: string): string {
  return createHash('sha256').update(sql).digest('hex').slice(0, 16);
}

interface Applied {
  id: number;
  name: string;
  checksum: string;
}

/** Migrations not applied yet; throws DataProblemError when the file is not one this app can migrate. */
export function pendingMigrations(db: Database, known: Migration[], path: string): Migration[] {
  db.exec(LEDGER);
  const applied = db.prepare('SELECT id, name, checksum FROM schema_migrations ORDER BY id').all() as Applied[];
  const byId = new Map(known.map((m) => [m.id, m]));
  for (const a of applied) {
    const mine = byId.get(a.id);
    if (!mine) {
      throw new DataProblemError(
        'newer-version',
        `This data file was written by a newer version of Subnet Scout (schema step ${a.id} "${a.name}" is unknown ` +
          `to this version). Update the app, or open another data folder; the file was left untouched.`,
        path,
      );
    }
    if (checksum(mine.sql) !== a.checksum) {
      throw new DataProblemError(
        'migration-failed',
        `Schema step ${a.id} "${a.name}" in this data file differs from the one this app ships. ` +
          `The file was left untouched.`,
        path,
      );
    }
  }
  const done = new Set(applied.map((a) => a.id));
  return known.filter((m) => !done.has(m.id));
}

export function applyMigrations(db: Database, pending: Migration[], nowMs: number): void {
  const record = db.prepare('INSERT INTO schema_migrations (id, name, checksum, applied_at_ms) VALUES (?, ?, ?, ?)');
  for (const m of pending) {
    // One transaction per step: a crash leaves the file at the previous step, never half-way.
    db.transaction(() => {
      db.exec(m.sql);
      m.transform?.(db);
      record.run(m.id, m.name, checksum(m.sql), nowMs);
    }).immediate();
  }
}

export function schemaVersion(db: Database): number {
  const row = db.prepare('SELECT MAX(id) AS v FROM schema_migrations').get() as { v: number | null };
  return row.v ?? 0;
}
