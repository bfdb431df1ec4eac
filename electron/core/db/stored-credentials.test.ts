import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from './open';
import { migrations } from './migrations';

describe('credentials an older version stored with endpoints', () => {
  it('are removed when the file is migrated: sync points, known chains and the custom endpoint keep only the address', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'scout-credentials-')), 'scout.db');
    const before = await openDatabase(file, { migrations: migrations.filter((m) => m.id < 8) });
    const secret = 'wss://alice:s3cret@node.example.org:443';
    before.db
      .prepare(
        `INSERT INTO sync_points (network, endpoint, block_number, block_hash, block_time_ms, spec_version, kind, synced_at_ms,
           block_emission_rao, total_issuance_rao, subnet_owner_cut_u16) VALUES ('custom', ?, 1, '0x01', 0, 424, 'live', 0, 0, 0, 0)`,
      )
      .run(secret);
    before.db.prepare('INSERT INTO known_chains (endpoint, genesis_hash) VALUES (?, ?)').run(secret, '0xabc');
    before.db.prepare("INSERT INTO settings (key, value) VALUES ('customEndpoint', ?)").run(JSON.stringify(secret));
    before.db.close();

    const after = await openDatabase(file);
    const db = after.db;
    expect(db.prepare('SELECT endpoint FROM sync_points').pluck().all()).toEqual(['wss://node.example.org:443']);
    expect(db.prepare('SELECT endpoint, genesis_hash FROM known_chains').all()).toEqual([
      { endpoint: 'wss://node.example.org:443', genesis_hash: '0xabc' },
    ]);
    expect(db.prepare("SELECT value FROM settings WHERE key = 'customEndpoint'").pluck().get()).toBe(
      '"wss://node.example.org:443"',
    );
    db.close();
  });
});
