import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ScoutService, type ServiceOptions } from '../../electron/core/service';
import type { ArgOf, Method, ResultOf } from '../../shared/api';

export async function serviceFor(endpoint: string, options: Partial<ServiceOptions> = {}): Promise<ScoutService> {
  const service = await ScoutService.open({
    dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'scout-sync-')),
    version: 'test',
    syncTimeouts: { connectMs: 5000, callMs: 10_000 },
    ...options,
  });
  await call(service, 'settings.set', { network: 'custom', customEndpoint: endpoint, syncIntervalMinutes: 0 });
  return service;
}

export async function call<M extends Method>(service: ScoutService, method: M, arg?: ArgOf<M>): Promise<ResultOf<M>> {
  const reply = await service.call(method, arg);
  if (!reply.ok) throw new Error(reply.error.message);
  return reply.value as ResultOf<M>;
}
