/**
 * The test host's stand-in for the preload: the same ScoutApi, carried over HTTP (calls) and server-sent events
 * (push events) instead of Electron IPC. Bundled by the host at start-up.
 */
import { fromWire, toWire } from '../../shared/wire';
import type { EventName, Reply } from '../../shared/api-wire';

type Listener = (payload: unknown) => void;
const listeners = new Map<string, Set<Listener>>();
let source: EventSource | null = null;

function ensureEvents(): void {
  if (source) return;
  source = new EventSource('/api/events');
  source.onmessage = (m) => {
    const { event, payload } = fromWire<{ event: string; payload: unknown }>(m.data as string);
    for (const l of listeners.get(event) ?? []) l(payload);
  };
}

(window as unknown as { scout: unknown }).scout = Object.freeze({
  async call(method: string, arg?: unknown) {
    const res = await fetch('/api/call', { method: 'POST', body: toWire({ method, arg }) });
    const reply = fromWire<Reply<unknown>>(await res.text());
    if (reply.ok) return reply.value;
    // The same failure the preload hands the page: the wire shape, code and message (see renderer/src/scout.ts).
    throw reply.error;
  },
  on(event: EventName, listener: Listener) {
    ensureEvents();
    if (!listeners.has(event)) listeners.set(event, new Set());
    listeners.get(event)!.add(listener);
    return () => listeners.get(event)?.delete(listener);
  },
});
