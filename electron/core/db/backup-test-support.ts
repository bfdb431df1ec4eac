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
