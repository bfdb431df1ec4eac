/**
 * The IPC boundary under fire: every operation of the contract gets thousands of random and hostile arguments
 * through `service.call`, as a compromised renderer would send them. Each must come back as a clean refusal with a
 * readable message (or succeed, only when the argument is valid), change nothing the user has, and pollute no
 * prototype. Seeded, so a failure replays.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract, isMethod, methods, type Method } from '../../shared/api';
import type { Reply } from '../../shared/api-wire';
import { ScoutService } from '../../electron/core/service';
import { anything, hostileValue, nearValid } from './hostile-args';
import { seedUserData, userDataDump, type SeededIds, validExamples } from './fuzz-fixtures';

const SOAK = process.env.SCOUT_SOAK === '1';
const RUNS = SOAK ? 600 : 60;
const SEED = 9_2026;
/** Valid calls of these would open another file, start a sync or swap the data file: checked, never made. */
const NOT_RUN_WHEN_VALID = new Set<string>(['app.openDataFolder', 'app.useDataset', 'sync.start', 'backups.restore']);
/** Every code but 'internal': a hostile argument is refused in words, never met with an unexpected error. */
const ERROR_CODES = [
  'invalid-argument',
  'unknown-method',
  'not-found',
  'conflict',
  'busy',
  'database-unavailable',
  'sync-failed',
];

/** fast-check prints counterexamples in full; a 1 MB string would bury the failure, so show a snippet. */
function options<Ts>(numRuns = RUNS): fc.Parameters<Ts> {
  return {
    seed: SEED,
    numRuns,
    reporter(details) {
      if (!details.failed) return;
      const example = fc.stringify(details.counterexample).slice(0, 600);
      const cause = (details.errorInstance as Error | undefined)?.message?.slice(0, 600);
      throw new Error(
        `failed after ${details.numRuns} runs (seed ${details.seed}, path ${details.counterexamplePath}): ${cause}\nargument: ${example}`,
      );
    },
  };
}

const prototypes = () =>
  [Object.prototype, Array.prototype, Function.prototype, String.prototype].map((p) =>
    Object.getOwnPropertyNames(p).sort().join(','),
  );

describe('the IPC boundary refuses hostile arguments cleanly and changes nothing', () => {
  let service: ScoutService;
  let ids: SeededIds;
  let examples: Partial<Record<Method, unknown>>;
  let baseline: string;
  const calls = { refused: 0, valid: 0, notRun: 0 };
  const cleanPrototypes = prototypes();

  beforeAll(async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'scout-fuzz-'));
    service = await ScoutService.open({
      dataDir,
      version: 'test',
      now: () => Date.UTC(2026, 0, 5),
      syncTimeouts: { connectMs: 300, callMs: 300 },
    });
    ids = await seedUserData(service);
    examples = validExamples(ids);
    baseline = userDataDump(service);
  });
  afterAll(async () => {
    console.log(
      `[fuzz] ${methods.length} operations; ${calls.refused} refusals, ${calls.valid} valid calls made, ${calls.notRun} valid calls not made`,
    );
    await service?.close();
  });

  /** One call: checks the reply, the data and the prototypes. */
  async function probe(method: unknown, arg: unknown): Promise<void> {
    const valid = isMethod(method) && contract[method].arg.safeParse(arg).success;
    if (valid && NOT_RUN_WHEN_VALID.has(method as string)) {
      calls.notRun++;
      return;
    }
    const reply = (await service.call(method, arg)) as Reply<unknown>;
    expect(prototypes()).toEqual(cleanPrototypes);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    if (valid) {
      calls.valid++;
      // A valid request may fail (no such note…), but in words, never as a crash.
      if (!reply.ok) expect(ERROR_CODES).toContain(reply.error.code);
      baseline = userDataDump(service);
      return;
    }
    calls.refused++;
    expect(reply.ok).toBe(false);
    if (reply.ok) return;
    expect(reply.error.code).toBe(isMethod(method) ? 'invalid-argument' : 'unknown-method');
    expect(typeof reply.error.message).toBe('string');
    // Readable: short, names the operation, no stack trace, no "[object Object]".
    expect(reply.error.message.length).toBeLessThan(1500);
    expect(reply.error.message).not.toMatch(/\n\s+at |\[object Object\]/);
    if (isMethod(method)) expect(reply.error.message.startsWith(`${method}: invalid argument`)).toBe(true);
    expect(userDataDump(service)).toBe(baseline);
  }

  it.each(methods)('%s: random and hostile arguments', async (method) => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(anything, hostileValue), (arg) => probe(method, arg)),
      options(),
    );
  });

  it.each(methods)('%s: a valid argument with one part made hostile', async (method) => {
    if (!(method in examples)) {
      console.warn(
        `[fuzz] no valid example for ${method}: only random arguments were tried (add one in fuzz-fixtures.ts)`,
      );
      return;
    }
    await fc.assert(
      fc.asyncProperty(nearValid(examples[method]), (arg) => probe(method, arg)),
      options(),
    );
  });

  it('a data folder is a full path: a relative one would land wherever the core process runs', async () => {
    for (const p of ['scout-data', './scout', '..', 'C:relative']) {
      const reply = (await service.call('app.openDataFolder', { path: p })) as Reply<unknown>;
      expect(reply).toMatchObject({
        ok: false,
        error: { code: 'invalid-argument', message: expect.stringMatching(/give the full path/) },
      });
    }
    expect(userDataDump(service)).toBe(baseline);
  });

  it('unknown and hostile operation names', async () => {
    const names = fc.oneof(
      fc.constantFrom<unknown>(
        '__proto__',
        'constructor',
        'toString',
        'hasOwnProperty',
        'app.info ',
        'APP.INFO',
        'app',
        '',
        'notes.save\u0000',
      ),
      anything,
      fc.string({ maxLength: 30 }),
    );
    await fc.assert(
      fc.asyncProperty(names, anything, (m, arg) => probe(m, arg)),
      options(RUNS * 5),
    );
  });
});
