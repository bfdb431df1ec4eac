import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { AccountIds, addressesOf } from './accounts';
import { openDatabase } from './open';

const tmpFile = () => path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'scout-accounts-')), 'scout.db');
const opened: Database[] = [];
afterEach(() => opened.splice(0).forEach((db) => db.close()));
const open = async (file = tmpFile()) => {
  const { db } = await openDatabase(file);
  opened.push(db);
  return db;
};

/** What the file says each address's id is: the ground truth every stored UID points at. */
const storedIds = (db: Database, addresses: string[]) =>
  addresses.map((a) => db.prepare('SELECT id FROM accounts WHERE address = ?').pluck().get(a));

function internCommitted(db: Database, addresses: string[]): number[] {
  const accounts = db.transaction(() => AccountIds.intern(db, addresses))();
  accounts.committed();
  return [...accounts.ids];
}

describe('account ids', () => {
  it('give every position its address’s stored id, repeats included, new ones numbered in the order met', async () => {
    const db = await open();
    const ids = internCommitted(db, ['a', 'b', 'a', 'c', 'b']);
    expect(ids).toEqual(storedIds(db, ['a', 'b', 'a', 'c', 'b']));
    expect(ids).toEqual([1, 2, 1, 3, 2]);
    // Known and new mixed: known keep their ids, new ones follow the last id.
    expect(internCommitted(db, ['d', 'c', 'e', 'a'])).toEqual([4, 3, 5, 1]);
    expect(db.prepare('SELECT COUNT(*) FROM accounts').pluck().get()).toBe(5);
  });

  it('find accounts another connection added, and never hand out an id twice', async () => {
    const file = tmpFile();
    const mine = await open(file);
    const other = await open(file);
    internCommitted(mine, ['a', 'b']);
    internCommitted(other, ['c', 'a']);
    const ids = internCommitted(mine, ['c', 'd', 'b']);
    expect(ids).toEqual(storedIds(mine, ['c', 'd', 'b']));
    expect(new Set(storedIds(mine, ['a', 'b', 'c', 'd'])).size).toBe(4);
  });

  it('forget ids of a write that rolled back, so the next write stores ids that exist', async () => {
    const db = await open();
    internCommitted(db, ['a']);
    let rolledBack: AccountIds | undefined;
    expect(() =>
      db.transaction(() => {
        rolledBack = AccountIds.intern(db, ['a', 'ghost']);
        throw new Error('sync cancelled');
      })(),
    ).toThrow('sync cancelled');
    expect(db.prepare('SELECT COUNT(*) FROM accounts').pluck().get()).toBe(1);
    // A write nested in a larger transaction learns nothing until that one commits: here it rolls back too.
    expect(() =>
      db.transaction(() => {
        const inner = db.transaction(() => AccountIds.intern(db, ['other-ghost']))();
        inner.committed();
        throw new Error('outer failed');
      })(),
    ).toThrow('outer failed');
    expect(rolledBack).toBeDefined();
    const ids = internCommitted(db, ['other-ghost', 'ghost', 'a']);
    expect(ids).toEqual(storedIds(db, ['other-ghost', 'ghost', 'a']));
    expect(ids).toEqual([2, 3, 1]);
  });

  it('read back as addresses, never naming an id by an address a rolled-back write gave it', async () => {
    const db = await open();
    internCommitted(db, ['a', 'b']);
    expect([...addressesOf(db, [2, 1, 2, 99])]).toEqual([
      [2, 'b'],
      [1, 'a'],
    ]);
    expect(() =>
      db.transaction(() => {
        const [ghostId] = AccountIds.intern(db, ['ghost']).ids;
        expect(addressesOf(db, [ghostId!]).get(ghostId!)).toBe('ghost');
        throw new Error('sync cancelled');
      })(),
    ).toThrow('sync cancelled');
    const [id] = internCommitted(db, ['real']);
    expect(id).toBe(3);
    expect(addressesOf(db, [3, 1]).get(3)).toBe('real');
  });

  it('intern addresses a fresh connection read with the ids the file holds, and only read outside a write', async () => {
    const file = tmpFile();
    internCommitted(await open(file), ['a', 'b', 'c']);
    const fresh = await open(file); // a new process on last hour's file
    expect([...addressesOf(fresh, [3, 1]).values()]).toEqual(['c', 'a']);
    expect(() =>
      fresh.transaction(() => {
        const [ghostId] = AccountIds.intern(fresh, ['ghost']).ids;
        addressesOf(fresh, [ghostId!]); // read inside the write that then rolls back
        throw new Error('sync cancelled');
      })(),
    ).toThrow('sync cancelled');
    const ids = internCommitted(fresh, ['c', 'new', 'a', 'b', 'ghost']);
    expect(ids).toEqual(storedIds(fresh, ['c', 'new', 'a', 'b', 'ghost']));
    expect(ids).toEqual([3, 4, 1, 2, 5]);
  });
});
