import type { Database, Statement } from 'better-sqlite3';

/** Interns SS58 addresses to small integer ids (neuron rows repeat the same keys every sync). */
export class AccountIds {
  private readonly cache = new Map<string, number>();
  private readonly insert: Statement;
  private readonly select: Statement;

  constructor(db: Database) {
    this.insert = db.prepare('INSERT INTO accounts (address) VALUES (?) ON CONFLICT (address) DO NOTHING');
    this.select = db.prepare('SELECT id FROM accounts WHERE address = ?').pluck();
  }

  idOf(address: string): number {
    const hit = this.cache.get(address);
    if (hit !== undefined) return hit;
    this.insert.run(address);
    const id = this.select.get(address) as number;
    this.cache.set(address, id);
    return id;
  }
}
