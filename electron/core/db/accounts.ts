import type { Database } from 'better-sqlite3';

/**
 * Ids each open connection has seen committed. Accounts are never deleted or renumbered (a restore reopens the
 * file, so it gets a new connection), so an id learnt once stays true for the connection's life, and the hourly
 * sync of a running app finds its ~32k known keys here instead of in the index.
 */
const committedIds = new WeakMap<Database, Map<string, number>>();

/**
 * Interns SS58 addresses to small integer ids (neuron rows repeat the same keys every sync), for one write
 * transaction. Call `committed()` once that transaction has committed: ids handed out for new addresses exist
 * only then.
 *
 * The ids come back as an array beside the addresses, so the writer reads them by position: at 64k addresses a
 * sync, every Map lookup saved is felt. Addresses the connection has not seen committed are interned in two
 * statements, with the list passed as one JSON array: a joined SELECT finds the known ids, one INSERT … SELECT
 * FROM json_each adds the rest (into an empty table, a first sync, only the INSERT). A statement per address
 * paid the JS↔SQLite crossing 32k times per sync (measured on a 128 × 256 network: ~140 ms for known keys on a
 * cold cache; the joined SELECT ~34 ms).
 *
 * New addresses get ids in the order given, so keys that sit side by side in a subnet get neighbouring ids and the
 * packed key columns (neuron-pack.ts) stay small deltas.
 */
export class AccountIds {
  private constructor(
    private readonly db: Database,
    /** `ids[i]` is the id of the i-th address given to `intern`. */
    readonly ids: Int32Array,
    /** The ids this write learnt from the file or added to it. */
    private readonly learnt: Map<string, number>,
  ) {}

  static intern(db: Database, addresses: readonly string[]): AccountIds {
    const known = committedIds.get(db);
    const ids = new Int32Array(addresses.length);
    // Addresses not known yet, each once (first as their index in `unseen`), and where each position's is.
    const unseenIndex = new Map<string, number>();
    const unseen: string[] = [];
    const slot = new Int32Array(addresses.length).fill(-1);
    for (let i = 0; i < addresses.length; i++) {
      const address = addresses[i]!;
      const id = known?.get(address);
      if (id !== undefined) {
        ids[i] = id;
        continue;
      }
      let k = unseenIndex.get(address);
      if (k === undefined) unseenIndex.set(address, (k = unseen.push(address) - 1));
      slot[i] = k;
    }
    if (unseen.length === 0) return new AccountIds(db, ids, unseenIndex);
    const unseenIds = AccountIds.lookUpOrAdd(db, unseen);
    for (let i = 0; i < slot.length; i++) if (slot[i]! >= 0) ids[i] = unseenIds[slot[i]!]!;
    // Reused as address → id: overwriting 32k values costs far less than filling a new Map.
    unseen.forEach((address, k) => unseenIndex.set(address, unseenIds[k]!));
    return new AccountIds(db, ids, unseenIndex);
  }

  /** The ids of `addresses` (distinct), in order: found in the file, or added to it. */
  private static lookUpOrAdd(db: Database, addresses: string[]): number[] {
    const lastId = db.prepare<[], number | null>('SELECT MAX(id) FROM accounts').pluck().get() ?? null;
    // An empty table (a first sync) cannot know any of them.
    const found: (number | null)[] =
      lastId === null
        ? addresses.map(() => null)
        : db
            .prepare<[string], number | null>(
              'SELECT a.id FROM json_each(?) j LEFT JOIN accounts a ON a.address = j.value ORDER BY j.key',
            )
            .pluck()
            .all(JSON.stringify(addresses));
    const missing = addresses.filter((_, i) => found[i] === null);
    if (missing.length === 0) return found as number[];
    // SQLite gives each new row the largest rowid so far plus one, in insertion order (json_each's order), so the
    // ids are known without reading them back. Checked, because every stored UID would point at them.
    const first = (lastId ?? 0) + 1;
    const added = db
      .prepare('INSERT INTO accounts (address) SELECT value FROM json_each(?)')
      .run(JSON.stringify(missing));
    if (added.changes !== missing.length || Number(added.lastInsertRowid) !== first + missing.length - 1) {
      throw new Error(`accounts were numbered out of order (${added.changes} rows, last id ${added.lastInsertRowid})`);
    }
    let next = first;
    return found.map((id) => id ?? next++);
  }

  /** The write transaction committed: later writes on this connection may trust these ids without asking. */
  committed(): void {
    if (this.db.inTransaction) return; // inside an outer transaction that may still roll back
    const known = committedIds.get(this.db);
    if (!known)
      committedIds.set(this.db, this.learnt); // a first write adopts its map instead of copying 32k entries
    else for (const [address, id] of this.learnt) known.set(address, id);
  }
}

/**
 * Addresses each open connection has read, by id. An account row never changes and is never deleted, so they stay
 * true: analysing every subnet after a sync reads ~32k keys it read an hour before (~50 ms of queries each time).
 */
const committedAddresses = new WeakMap<Database, Map<number, string>>();
/** Beyond this many the cache starts over: a year of Finney churn stays well below it (~100 bytes an entry). */
const ADDRESS_CACHE_LIMIT = 500_000;

/** SS58 addresses of the given account ids (those that exist), read from the file at most once per connection. */
export function addressesOf(db: Database, ids: Iterable<number>): Map<number, string> {
  // Inside a write transaction an id read now may still be rolled back and later name another address.
  const cache = db.inTransaction ? new Map<number, string>() : cacheOf(db);
  const out = new Map<number, string>();
  const missing: number[] = [];
  for (const id of ids) {
    if (out.has(id)) continue;
    const address = cache.get(id);
    if (address === undefined) missing.push(id);
    out.set(id, address!);
  }
  if (missing.length > 0) {
    if (cache.size + missing.length > ADDRESS_CACHE_LIMIT) cache.clear();
    const rows = db
      .prepare('SELECT id, address FROM accounts WHERE id IN (SELECT value FROM json_each(?))')
      .raw()
      .all(JSON.stringify(missing)) as [number, string][];
    // Read outside a transaction, these ids are committed: the next write interns them without asking the file
    // (a fresh process's sync reads the stored keys first, then writes ~30k of them again).
    const ids = db.inTransaction ? null : knownIdsOf(db);
    if (ids && ids.size + rows.length > ADDRESS_CACHE_LIMIT) ids.clear();
    for (const [id, address] of rows) {
      out.set(id, address);
      cache.set(id, address);
      ids?.set(address, id);
    }
    for (const id of missing) if (out.get(id) === undefined) out.delete(id); // no such account
  }
  return out;
}

function knownIdsOf(db: Database): Map<string, number> {
  let known = committedIds.get(db);
  if (!known) committedIds.set(db, (known = new Map()));
  return known;
}

function cacheOf(db: Database): Map<number, string> {
  let cache = committedAddresses.get(db);
  if (!cache) committedAddresses.set(db, (cache = new Map()));
  return cache;
}
