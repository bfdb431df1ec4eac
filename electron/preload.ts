/**
 * Exposes exactly one object, `window.scout`, implementing the contract's ScoutApi. No ipcRenderer, no Node, and
 * the IPC event object is never handed to the page.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { eventNames, type Reply, type EventName } from '../shared/api-wire';
import type { ScoutApi } from '../shared/api';

const scout = {
  async call(method: string, arg?: unknown) {
    const reply = (await ipcRenderer.invoke('scout:call', method, arg)) as Reply<unknown>;
    if (reply.ok) return reply.value;
    // An Error crossing the context bridge keeps only its message; a plain object keeps every field, so the page
    // gets the code too (renderer/src/scout.ts makes a ScoutError of it).
    throw reply.error;
  },
  on(event: EventName, listener: (payload: unknown) => void) {
    if (!eventNames.includes(event)) throw new Error(`Unknown event ${String(event)}`);
    const handler = (_e: unknown, name: string, payload: unknown) => {
      if (name === event) listener(payload);
    };
    ipcRenderer.on('scout:event', handler);
    return () => {
      ipcRenderer.removeListener('scout:event', handler);
    };
  },
} as ScoutApi;

contextBridge.exposeInMainWorld('scout', scout);
