/** Damaging a database file the way a failing disk does, for tests of what the app does with it. */
import fs from 'node:fs';
import BetterSqlite3 from 'better-sqlite3';

/** Grows the file past a few pages so that overwriting its middle hits table data, not free space. */
export function pad(file: string): void {
  const db = new BetterSqlite3(file);
  db.exec('CREATE TABLE padding (x); CREATE INDEX padding_x ON padding (x);');
  const put = db.prepare('INSERT INTO padding VALUES (randomblob(500))');
  db.transaction(() => {
    for (let i = 0; i < 400; i++) put.run();
  })();
  db.pragma('journal_mode = DELETE');
  db.close();
}

/** Overwrites pages in the middle of the file; the header stays valid, so only a full check finds the damage. */
export function corruptMiddle(file: string): void {
  const fd = fs.openSync(file, 'r+');
  const size = fs.fstatSync(fd).size;
  fs.writeSync(fd, Buffer.alloc(8192, 0xa5), 0, 8192, Math.floor(size / 2 / 4096) * 4096);
  fs.closeSync(fd);
}

/**
 * Flips `bytes` bytes (a bad sector's worth) at the start of a page of `table` in the middle of the file: the page's
 * header and cell pointers, which is what a disk losing a sector there does to SQLite's structure. The file header
 * stays intact, so the file still opens and reads its schema; only a check of its pages finds the damage. Returns
 * the page number.
 */
export function flipPageOf(file: string, table: string, bytes = 300): number {
  const db = new BetterSqlite3(file, { readonly: true });
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  const pages = db.prepare("SELECT pageno FROM dbstat WHERE name = ? AND pagetype IN ('leaf', 'internal') ORDER BY pageno").pluck().all(table) as number[];
  db.close();
  if (pages.length === 0) throw new Error(`table ${table} has no pages of its own in ${file}`);
  const page = pages[Math.floor(pages.length / 2)]!;
  const fd = fs.openSync(file, 'r+');
  const buf = Buffer.alloc(bytes);
  fs.readSync(fd, buf, 0, bytes, (page - 1) * pageSize);
  for (let i = 0; i < bytes; i++) buf[i] = buf[i]! ^ 0xff;
  fs.writeSync(fd, buf, 0, bytes, (page - 1) * pageSize);
  fs.closeSync(fd);
  return page;
}
