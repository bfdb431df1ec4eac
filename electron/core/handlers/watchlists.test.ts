import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ScoutService } from '../service';

let service: ScoutService;
beforeEach(async () => {
  service = await ScoutService.open({ dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'scout-wl-')), version: 'test' });
});
afterEach(() => service.close());

async function ok<T>(method: string, arg?: unknown): Promise<T> {
  const r = await service.call(method, arg);
  if (!r.ok) throw new Error(r.error.message);
  return r.value as T;
}
async function err(method: string, arg?: unknown): Promise<string> {
  const r = await service.call(method, arg);
  if (r.ok) throw new Error(`${method} should have failed`);
  return r.error.message;
}

describe('watchlists through the service', () => {
  it('creates, fills, renames, reorders and keeps lists in order', async () => {
    const a = await ok<{ id: number }>('watchlists.create', { name: 'GPU candidates' });
    const b = await ok<{ id: number }>('watchlists.create', { name: '  Cheap entry  ' });
    await ok('watchlists.addSubnet', { id: a.id, netuid: 8 });
    await ok('watchlists.addSubnet', { id: a.id, netuid: 3 });
    await ok('watchlists.addSubnet', { id: a.id, netuid: 8 }); // twice: stored once
    await ok('watchlists.rename', { id: b.id, name: 'Cheap' });
    await ok('watchlists.reorder', { ids: [b.id, a.id] });
    const lists = await ok<{ name: string; netuids: number[] }[]>('watchlists.list');
    expect(lists.map((l) => [l.name, l.netuids])).toEqual([
      ['Cheap', []],
      ['GPU candidates', [8, 3]],
    ]);
  });

  it('deletes softly so the user can undo', async () => {
    const a = await ok<{ id: number }>('watchlists.create', { name: 'Mine soon' });
    await ok('watchlists.addSubnet', { id: a.id, netuid: 12 });
    await ok('watchlists.delete', { id: a.id });
    expect(await ok<unknown[]>('watchlists.list')).toEqual([]);
    const restored = await ok<{ netuids: number[] }>('watchlists.restore', { id: a.id });
    expect(restored.netuids).toEqual([12]);
  });

  it('refuses duplicate names, empty names and nonsense arguments with clear messages', async () => {
    await ok('watchlists.create', { name: 'Alpha' });
    expect(await err('watchlists.create', { name: 'alpha' })).toMatch(/already exists/);
    expect(await err('watchlists.create', { name: '   ' })).toMatch(/needs a name/);
    expect(await err('watchlists.addSubnet', { id: 1, netuid: -3 })).toMatch(/netuid/);
    expect(await err('watchlists.rename', { id: 999, name: 'x' })).toMatch(/no watchlist with id 999/);
    expect(await err('watchlists.reorder', { ids: [] })).toMatch(/every watchlist/);
  });
});
