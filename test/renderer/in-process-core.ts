/**
 * The renderer's `scout` over a real core in this process: what the preload or the web shim gives the page, minus
 * the transport. Calls go through ScoutService.call (the schemas, the SQLite file) and refusals arrive as the
 * shells hand them over ({ code, message }), turned into a ScoutError as renderer/src/scout.ts does.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { asScoutError, type EventName, type Events, type ScoutApi } from '../../shared/api';
import { ScoutService } from '../../electron/core/service';

export interface InProcessCore {
  service: ScoutService;
  scout: ScoutApi;
  /** Every method called through `scout`, in order. */
  calls: string[];
  close(): Promise<void>;
}

export async function openInProcessCore(): Promise<InProcessCore> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'scout-renderer-'));
  const service = await ScoutService.open({ dataDir, version: 'test' });
  const calls: string[] = [];
  const scout = {
    async call(method: string, arg?: unknown) {
      calls.push(method);
      const reply = await service.call(method, arg);
      if (reply.ok) return reply.value;
      throw asScoutError(reply.error);
    },
    on(event: EventName, listener: (payload: Events[EventName]) => void) {
      return service.on((name: EventName, payload: Events[EventName]) => {
        if (name === event) listener(payload);
      });
    },
  } as ScoutApi;
  return { service, scout, calls, close: () => service.close() };
}

/** The module the renderer imports as `../scout`, pointing at whichever core the test opened last. */
export const scoutModule = {
  current: null as ScoutApi | null,
  scout: {
    call: (...args: Parameters<ScoutApi['call']>) => scoutModule.current!.call(...args),
    on: (...args: Parameters<ScoutApi['on']>) => scoutModule.current!.on(...args),
  } as ScoutApi,
};
