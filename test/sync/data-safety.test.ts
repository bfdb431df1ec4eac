/**
 * Two processes on one data folder, for real: the `scout` CLI (its own process, as cron runs it) beside the service
 * (the app's core), and a second writer beside note saves. Plus a sync whose housekeeping fails after its point is
 * stored.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { startStandInNode, type StandInNode } from '../chain/node';
import { metadataOrWarn } from '../chain/test-helpers';
import { ScoutService } from '../../electron/core/service';
import { holdersOf } from '../../electron/core/db/folder-lock';
import type { Note } from '../../shared/notes-types';
import { call, serviceFor } from './sync-helpers';
import { builtCli } from './built-cli';

const metadata = metadataOrWarn('data safety');
const ROOT = path.resolve(__dirname, '../..');
const T0 = Date.UTC(2026, 10, 21, 8, 0, 0);
const DAY_MS = 86_400_000;

interface Child {
  pid: number;
  stdout: string[];
  stderr: string[];
  exit: Promise<number>;
}

/** Runs `scout …` as its own process on `dataDir`, the way a user's cron job does. */
function cli(dataDir: string, ...args: string[]): Child {
  const child = spawn(process.execPath, [builtCli(), ...args], {
    cwd: ROOT,
    env: { ...process.env, SCOUT_DATA_DIR: dataDir },
  });
  return watch(child);
}

function watch(child: ReturnType<typeof spawn>): Child {
  const out: Child = {
    pid: child.pid!,
    stdout: [],
    stderr: [],
    exit: new Promise((r) => child.on('exit', (code) => r(code ?? -1))),
  };
  child.stdout!.on('data', (d: Buffer) => out.stdout.push(...d.toString('utf8').split('\n').filter(Boolean)));
  child.stderr!.on('data', (d: Buffer) => out.stderr.push(...d.toString('utf8').split('\n').filter(Boolean)));
  return out;
}

const services: ScoutService[] = [];
afterEach(async () => {
  for (const s of services.splice(0)) await s.close();
});

async function appOn(dataDir: string, clock: { ms: number }) {
  const service = await ScoutService.open({ dataDir, version: 'test', now: () => clock.ms });
  services.push(service);
  await service.backups.runIfDue();
  return service;
}

describe.skipIf(!metadata)('the CLI and the app on one data folder', () => {
  let node: StandInNode;
  beforeAll(async () => {
    node = await startStandInNode({ metadataPath: metadata!, subnetCount: 4, maxUids: 8, seed: 11 });
  });
  afterAll(async () => {
    await node?.close();
  });
  afterEach(() => node.faults.reset());

  it('a restore (or an import) while a CLI sync runs is refused in words naming it; the sync lands in the live file, not an orphan', async () => {
    const clock = { ms: T0 };
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'scout-two-'));
    const app = await appOn(dataDir, clock);
    await call(app, 'watchlists.create', { name: 'Before' });
    clock.ms += DAY_MS;
    const backup = (await app.backups.runIfDue())!;

    // The node answers the head slowly: the CLI is mid-sync for longer than a restore waits.
    node.faults.methodDelayMs = { chain_getFinalizedHead: 8_000 };
    const sync = cli(dataDir, 'sync', '--endpoint', node.url);
    await vi.waitFor(() => expect(holdersOf(dataDir).map((h) => h.purpose)).toContain('scout sync'), {
      timeout: 30_000,
      interval: 20,
    });

    // Both at once (each waits up to 5 s); either may also name the other, which wanted the folder at the same time.
    const [refused, importRefused] = await Promise.all([
      app.call('backups.restore', { name: backup.name }),
      app.call('notes.import', { content: '{}', conflicts: 'keep' }),
    ]);
    const restoreMessage = refused.ok ? '' : refused.error.message;
    expect(restoreMessage).toMatch(/scout sync \(process \d+\)/);
    expect(restoreMessage).toMatch(
      / using this data folder, so restoring a backup has to wait: try again when it has finished\. Nothing was changed\.$/,
    );
    const importMessage = importRefused.ok ? '' : importRefused.error.message;
    expect(importMessage).toMatch(/scout sync \(process \d+\)/);
    expect(importMessage).toMatch(/ using this data folder, so importing a file has to wait/);

    expect(await sync.exit).toBe(0);
    const stored = sync.stdout.find((l) => l.startsWith('stored live point'));
    const block = Number(/block (\d+)/.exec(stored ?? '')?.[1]);
    expect(block).toBeGreaterThan(0);
    // What the CLI wrote is in the file the app has open (no rename happened under it).
    expect((await call(app, 'subnets.list')).point?.blockNumber).toBe(block);
    expect((await call(app, 'watchlists.list')).map((w) => w.name)).toEqual(['Before']);
    expect(holdersOf(dataDir).map((h) => h.purpose)).toEqual(['the Subnet Scout app']);
  });

  it('a CLI started during a restore waits, saying for whom, and runs once the restore is done', async () => {
    const clock = { ms: T0 };
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'scout-two-'));
    const app = await appOn(dataDir, clock);
    let list: Child | null = null;
    await app.exclusively('restoring a backup', async () => {
      list = cli(dataDir, 'list');
      await vi.waitFor(
        () =>
          expect(list!.stderr.join('\n')).toMatch(
            /scout: Waiting: the Subnet Scout app, restoring a backup \(process \d+\) is using this data folder/,
          ),
        {
          timeout: 30_000,
          interval: 50,
        },
      );
      // It has not opened the file: nothing it could write would land in the file being replaced.
      expect(list!.stdout).toEqual([]);
    });
    expect(await list!.exit).toBe(0);
    expect(list!.stdout).toEqual(['No data yet: run `scout sync`.']);
  });
});

describe('note saves while another process writes', () => {
  it('wait for the other writer instead of failing with "database is locked"', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'scout-two-'));
    const app = await appOn(dataDir, { ms: T0 });
    const note = await call(app, 'notes.create', { netuid: 1, title: 'Under load' });
    // Another process holding the write lock most of the time: 150 ms transactions, 20 ms apart, for 4 s.
    const writer = watch(
      spawn(process.execPath, [
        '-e',
        `
        const Sqlite = require(${JSON.stringify(require.resolve('better-sqlite3'))});
        const db = new Sqlite(process.argv[1], { timeout: 15000 });
        const put = db.prepare("INSERT OR REPLACE INTO settings (key, value) VALUES ('other-process', ?)");
        const end = Date.now() + 4000;
        console.log('writing');
        (function next() {
          if (Date.now() > end) return db.close();
          db.transaction(() => { put.run(String(Date.now())); const until = Date.now() + 150; while (Date.now() < until); }).immediate();
          setTimeout(next, 20);
        })();
      `,
        path.join(dataDir, 'scout.db'),
      ]),
    );
    await vi.waitFor(() => expect(writer.stdout).toEqual(['writing']), { timeout: 10_000 });
    const { id, createdAtMs: _c, updatedAtMs: _u, ...content } = note as Note;
    const failures: string[] = [];
    for (let i = 0; i < 25; i++) {
      const r = await app.call('notes.save', { id, content: { ...content, body: `version ${i}` }, kind: 'autosave' });
      if (!r.ok) failures.push(r.error.message);
      await new Promise((r) => setTimeout(r, 40));
    }
    expect(await writer.exit).toBe(0);
    expect(failures).toEqual([]);
    expect((await call(app, 'notes.get', { id })).body).toBe('version 24');
  });
});

describe.skipIf(!metadata)('a sync whose housekeeping fails', () => {
  let node: StandInNode;
  let service: ScoutService;
  beforeAll(async () => {
    node = await startStandInNode({ metadataPath: metadata!, subnetCount: 4, maxUids: 8, seed: 5 });
    service = await serviceFor(node.url);
    await call(service, 'settings.set', { neuronFullResolutionDays: 1 });
  });
  afterAll(async () => {
    await service?.close();
    await node?.close();
  });

  it('still reports the stored point as a success, and the thinning is done by the next sync', async () => {
    expect((await call(service, 'sync.start', { backfillDays: 2 })).ok).toBe(true);
    const db = service.requireWorkspace().db;
    // A second point on the oldest day (an hourly sync's worth): the thinning keeps one point of a day beyond the window.
    const oldest = db.prepare('SELECT id FROM sync_points ORDER BY block_number LIMIT 1').pluck().get() as number;
    const twin = Number(
      db
        .prepare(
          `INSERT INTO sync_points (network, endpoint, block_number, block_hash, block_time_ms, spec_version, kind, synced_at_ms,
           block_emission_rao, total_issuance_rao, subnet_owner_cut_u16)
         SELECT network, endpoint, block_number - 300, block_hash || '-earlier', block_time_ms - 3600000, spec_version, kind,
           synced_at_ms, block_emission_rao, total_issuance_rao, subnet_owner_cut_u16 FROM sync_points WHERE id = ?`,
        )
        .run(oldest).lastInsertRowid,
    );
    db.prepare(
      'INSERT INTO neuron_packs SELECT ?, netuid, uid_count, keys, figures FROM neuron_packs WHERE point_id = ?',
    ).run(twin, oldest);
    const packsOf = (id: number) =>
      db.prepare('SELECT COUNT(*) FROM neuron_packs WHERE point_id = ?').pluck().get(id) as number;
    expect(packsOf(twin)).toBeGreaterThan(0);
    // Deleting per-UID rows fails (as a locked or full disk would make it) after the point is stored.
    db.exec(
      "CREATE TRIGGER thinning_fails BEFORE DELETE ON neuron_packs BEGIN SELECT RAISE(ABORT, 'disk I/O error'); END",
    );

    node.produceBlocks(10);
    const outcome = await call(service, 'sync.start', {});
    expect(outcome).toMatchObject({ ok: true, error: null });
    const status = await call(service, 'sync.status');
    expect(status.phase).toBe('done');
    expect(status.message).toMatch(
      /^Synced block [\d,]+\. Thinning old per-UID history failed \(disk I\/O error\); it is retried after the next sync\.$/,
    );
    expect((await call(service, 'subnets.list')).point?.blockNumber).toBe(outcome.points[0]!.blockNumber);
    expect(packsOf(twin)).toBeGreaterThan(0);

    db.exec('DROP TRIGGER thinning_fails');
    node.produceBlocks(10);
    expect((await call(service, 'sync.start', {})).ok).toBe(true);
    expect(packsOf(twin)).toBe(0);
  });
});
