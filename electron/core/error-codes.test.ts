/**
 * Every refusal comes back with a code the windows can act on (shared/api-wire.ts ErrorCode), not only words: a note
 * saved over another window's change is a 'conflict', a deleted watchlist 'not-found', a second sync 'busy'.
 */
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ErrorCode, Reply } from '../../shared/api-wire';
import type { Note } from '../../shared/notes-types';
import type { Watchlist } from '../../shared/api-types';
import { ScoutService, type ServiceOptions } from './service';

const services: ScoutService[] = [];
afterEach(async () => {
  for (const s of services.splice(0)) await s.close();
});

async function open(
  options: Partial<ServiceOptions> = {},
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'scout-codes-')),
) {
  const service = await ScoutService.open({ dataDir, version: 'test', now: () => Date.UTC(2026, 0, 5), ...options });
  services.push(service);
  const ok = async <T>(method: string, arg?: unknown): Promise<T> => {
    const r = await service.call(method, arg);
    if (!r.ok) throw new Error(r.error.message);
    return r.value as T;
  };
  return { service, ok };
}

/** The refusal's code and message (a call that succeeds fails the test). */
function refusal(reply: Reply<unknown>): { code: ErrorCode; message: string } {
  if (reply.ok) throw new Error('the call should have been refused');
  return reply.error;
}

describe('error codes from the core', () => {
  it("'invalid-argument': an argument outside the contract's rules", async () => {
    const { service } = await open();
    expect(refusal(await service.call('settings.set', { syncIntervalMinutes: -1 }))).toMatchObject({
      code: 'invalid-argument',
    });
  });

  it("'unknown-method': an operation the contract does not have", async () => {
    const { service } = await open();
    expect(refusal(await service.call('notes.burn', {}))).toMatchObject({ code: 'unknown-method' });
  });

  it("'not-found': a note, watchlist or saved scenario that is not there", async () => {
    const { service, ok } = await open();
    expect(refusal(await service.call('notes.get', { id: '00000000-0000-4000-8000-000000000000' }))).toMatchObject({
      code: 'not-found',
      message: expect.stringMatching(/no note with id/),
    });
    const list = await ok<Watchlist>('watchlists.create', { name: 'GPU' });
    await ok('watchlists.delete', { id: list.id });
    expect(refusal(await service.call('watchlists.rename', { id: list.id, name: 'CPU' }))).toMatchObject({
      code: 'not-found',
    });
    expect(refusal(await service.call('scenarios.delete', { id: 4242 }))).toMatchObject({ code: 'not-found' });
  });

  it("'conflict': a note changed in another window since this one read it, and a name already taken", async () => {
    const { service, ok } = await open();
    const note = await ok<Note>('notes.create', { netuid: 1, title: 'Scoring' });
    const { id, createdAtMs: _c, updatedAtMs, ...content } = note;
    await ok('notes.save', {
      id,
      content: { ...content, body: 'the other window' },
      kind: 'save',
      baseUpdatedAtMs: updatedAtMs,
    });
    const stale = refusal(
      await service.call('notes.save', {
        id,
        content: { ...content, body: 'mine' },
        kind: 'autosave',
        baseUpdatedAtMs: updatedAtMs - 1,
      }),
    );
    expect(stale).toMatchObject({ code: 'conflict', message: expect.stringMatching(/changed in another window/) });
    await ok('watchlists.create', { name: 'GPU' });
    expect(refusal(await service.call('watchlists.create', { name: 'GPU' }))).toMatchObject({ code: 'conflict' });
  });

  it("'busy': a second sync while one is still connecting", async () => {
    // A node that accepts the connection and never answers keeps the first sync in its connecting phase.
    const sockets: net.Socket[] = [];
    const silent = net.createServer((s) => sockets.push(s));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    try {
      const { service } = await open({ syncTimeouts: { connectMs: 2_000, retry: false } });
      const endpoint = `ws://127.0.0.1:${(silent.address() as net.AddressInfo).port}`;
      const first = service.call('sync.start', { endpoint });
      await expect.poll(() => service.sync.status().running).toBe(true);
      expect(refusal(await service.call('sync.start', { endpoint }))).toMatchObject({
        code: 'busy',
        message: 'A sync is already running.',
      });
      await service.call('sync.cancel', undefined);
      await first;
    } finally {
      for (const s of sockets) s.destroy();
      silent.close();
    }
  });

  it("'database-unavailable': a data file that is not a database", async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'scout-codes-'));
    fs.writeFileSync(path.join(dataDir, 'scout.db'), 'not a database, a shopping list');
    const { service } = await open({}, dataDir);
    expect(refusal(await service.call('watchlists.list', undefined))).toMatchObject({ code: 'database-unavailable' });
  });

  it("'sync-failed': a sync asked of the demo data", async () => {
    const { service, ok } = await open({ demo: { days: 1, subnetCount: 2, maxUids: 8 } });
    await ok('app.useDataset', { dataset: 'demo' });
    expect(refusal(await service.call('sync.start', undefined))).toMatchObject({ code: 'sync-failed' });
  });
});
