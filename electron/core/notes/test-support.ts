/** A service on a fresh data folder with a clock the test moves, and calls that fail loudly (notes tests only). */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { DataChange } from '../../../shared/api-wire';
import type { NoteContent } from '../../../shared/notes-types';
import { ScoutService } from '../service';

export interface TestService {
  service: ScoutService;
  dataDir: string;
  clock: { ms: number };
  ok<T>(method: string, arg?: unknown): Promise<T>;
  err(method: string, arg?: unknown): Promise<string>;
}

export async function openTestService(): Promise<TestService> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'scout-notes-'));
  const clock = { ms: Date.UTC(2025, 5, 1, 9, 0, 0) };
  const service = await ScoutService.open({ dataDir, version: 'test', now: () => clock.ms });
  return {
    service,
    dataDir,
    clock,
    async ok<T>(method: string, arg?: unknown) {
      const r = await service.call(method, arg);
      if (!r.ok) throw new Error(r.error.message);
      return r.value as T;
    },
    async err(method: string, arg?: unknown) {
      const r = await service.call(method, arg);
      if (r.ok) throw new Error(`${method} should have failed`);
      return r.error.message;
    },
  };
}

/** Listens to the service's `data.changed` events; the function returns those announced while `work` ran. */
export function changeRecorder(service: ScoutService): (work: () => Promise<unknown>) => Promise<DataChange[]> {
  let changes: DataChange[] = [];
  service.on((event, payload) => {
    if (event === 'data.changed') changes.push(payload as DataChange);
  });
  return async (work) => {
    changes = [];
    await work();
    return changes;
  };
}

/** A filled-in review, as an analyst would write it. */
export function review(netuid: number, overrides: Partial<NoteContent> = {}): NoteContent {
  return {
    netuid,
    title: `SN${netuid} scoring review`,
    body: 'Validators score **latency** first, then accuracy.\n\nSee `reward.py`.',
    repositoryUrl: `https://github.com/example/sn${netuid}`,
    commitReviewed: 'v2.3.1',
    reviewedOn: '2025-05-30',
    scoringSummary: 'Weighted sum: 70% accuracy, 30% response time.',
    validatorsReward: 'Fast, correct answers on the synthetic benchmark.',
    hardware: { compute: 'gpu', vramGb: 24, ramGb: 64, diskGb: 500, detail: '1× RTX 4090' },
    exploits: 'Caching identical prompts gives free latency wins.',
    risks: 'Owner changes the benchmark often.',
    verdict: 'watch',
    confidence: 'medium',
    tags: ['gpu', 'inference'],
    ...overrides,
  };
}
