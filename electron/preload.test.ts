/**
 * The preload is the page's only door to the core: it must hand the page `window.scout` with `call` and `on` and
 * nothing else (no ipcRenderer, no Node), and never pass the raw IPC event to the page's listeners.
 */
import { beforeAll, describe, expect, it, vi } from 'vitest';

const electron = vi.hoisted(() => {
  const listeners = new Map<string, ((...args: unknown[]) => void)[]>();
  return {
    exposed: [] as [string, unknown][],
    listeners,
    contextBridge: { exposeInMainWorld: (key: string, api: unknown) => electron.exposed.push([key, api]) },
    ipcRenderer: {
      invoke: vi.fn(async (_channel: string, method: string) =>
        method === 'app.info'
          ? { ok: true, value: { version: 'test' } }
          : { ok: false, error: { code: 'invalid-argument', message: 'nope' } },
      ),
      on: (channel: string, fn: (...args: unknown[]) => void) =>
        listeners.set(channel, [...(listeners.get(channel) ?? []), fn]),
      removeListener: (channel: string, fn: unknown) =>
        listeners.set(
          channel,
          (listeners.get(channel) ?? []).filter((f) => f !== fn),
        ),
      send: vi.fn(),
    },
  };
});
vi.mock('electron', () => ({ contextBridge: electron.contextBridge, ipcRenderer: electron.ipcRenderer }));

type Api = { call(m: string, a?: unknown): Promise<unknown>; on(e: string, l: (p: unknown) => void): () => void };

describe('the preload', () => {
  let api: Api;
  beforeAll(async () => {
    await import('./preload');
    api = electron.exposed[0]![1] as Api;
  });

  it('exposes exactly one object, window.scout, with only call and on', () => {
    expect(electron.exposed.map(([key]) => key)).toEqual(['scout']);
    expect(Object.keys(api).sort()).toEqual(['call', 'on']);
    for (const value of Object.values(api)) expect(typeof value).toBe('function');
    expect(Object.values(api)).not.toContain(electron.ipcRenderer);
  });

  it("passes calls through one channel and hands failures over as plain data, the core's code beside its message", async () => {
    await expect(api.call('app.info')).resolves.toEqual({ version: 'test' });
    // A plain object: the context bridge would strip an Error of everything but its message.
    await expect(api.call('settings.set', { colour: 'red' })).rejects.toStrictEqual({
      code: 'invalid-argument',
      message: 'nope',
    });
    expect(electron.ipcRenderer.invoke.mock.calls.map((c) => c[0])).toEqual(['scout:call', 'scout:call']);
  });

  it("hands listeners the payload, never the IPC event (whose sender would reach Electron's internals)", () => {
    const got: unknown[][] = [];
    const off = api.on('data.changed', (...args: unknown[]) => got.push(args));
    const rawEvent = { sender: { send: electron.ipcRenderer.send } };
    for (const fn of electron.listeners.get('scout:event')!) fn(rawEvent, 'data.changed', { scope: 'subnets' });
    for (const fn of electron.listeners.get('scout:event')!) fn(rawEvent, 'sync.done', { ok: true });
    expect(got).toEqual([[{ scope: 'subnets' }]]);
    off();
    expect(electron.listeners.get('scout:event')).toEqual([]);
  });

  it('refuses to subscribe to events the contract does not declare', () => {
    expect(() => api.on('ipc-message', () => undefined)).toThrow(/Unknown event/);
  });
});
