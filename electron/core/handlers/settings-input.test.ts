/**
 * Numbers and keys as a user (or a hand-edited file) may type them, at the service boundary: "-0" is 0 everywhere,
 * verdict thresholds that contradict each other are refused with the pair named, and a netuid key that would be
 * stored but never looked up ("00001") is refused instead of silently ignored.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SCENARIO, DEFAULT_THRESHOLDS } from '../../../shared/economics';
import type { Settings } from '../../../shared/api-types';
import { ScoutService } from '../service';

let service: ScoutService;
beforeAll(async () => {
  service = await ScoutService.open({
    dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'scout-settings-input-')),
    version: 'test',
    demo: { subnetCount: 4, maxUids: 8, days: 2 },
  });
  await service.call('app.useDataset', { dataset: 'demo' });
});
afterAll(() => service.close());

const ok = async <T>(method: string, arg?: unknown): Promise<T> => {
  const r = await service.call(method, arg);
  if (!r.ok) throw new Error(r.error.message);
  return r.value as T;
};
const refused = async (method: string, arg: unknown): Promise<string> => {
  const r = await service.call(method, arg);
  if (r.ok) throw new Error(`${method} should have been refused`);
  return r.error.message;
};

/** Paths of every -0 in a value. */
function negativeZeros(value: unknown, at = ''): string[] {
  if (Object.is(value, -0)) return [at || '(value)'];
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => negativeZeros(v, `${at}.${k}`));
  return [];
}

describe('-0 is 0', () => {
  it('in a what-if: no figure computed from it comes back as -0', async () => {
    const scenario = {
      ...DEFAULT_SCENARIO,
      taoPriceUsd: 300,
      rentUsdPerMonth: -0,
      sellDiscount: -0,
      competitorCount: -0,
    };
    const figures = await ok<unknown[]>('scenario.evaluate', { scenario });
    expect(figures.length).toBeGreaterThan(0);
    expect(negativeZeros(figures)).toEqual([]);
  });

  it('in settings: stored and read back as 0', async () => {
    const settings = await ok<Settings>('settings.set', {
      verdictThresholds: { ...DEFAULT_THRESHOLDS, minProfitUsdPerMonth: -0, giniGood: -0 },
    });
    expect(negativeZeros(settings)).toEqual([]);
    expect(Object.is(settings.verdictThresholds.minProfitUsdPerMonth, 0)).toBe(true);
  });
});

describe('threshold pairs must make sense one way round', () => {
  it.each([
    [
      { giniGood: 0.9, giniBad: 0.1 },
      'verdictThresholds.giniBad: Gini "bad above" (0.1) must be higher than "good below" (0.9): a lower Gini is better',
    ],
    [
      { minersGoodMin: 300, minersGoodMax: 200 },
      'verdictThresholds.minersGoodMax: competitors "good up to" (200) must be at least "good from" (300)',
    ],
    [
      { registrationLowTao: 5, registrationRiskyTao: 5 },
      'verdictThresholds.registrationRiskyTao: registration "risky above" (5 τ) must be higher than "cheap below" (5 τ)',
    ],
    [
      { pruneHighDays: 30, pruneMediumDays: 7 },
      'verdictThresholds.pruneMediumDays: pruning risk "medium within" (7 days) must be longer than "high within" (30 days)',
    ],
    [
      { minersCrowdedAbove: 100 },
      'verdictThresholds.minersCrowdedAbove: "crowded above" (100) must be at least competitors "good up to" (200)',
    ],
    [
      { minersDeadBelow: 80 },
      'verdictThresholds.minersDeadBelow: "maybe dead below" (80) must not be above competitors "good from" (50)',
    ],
  ])('%o is refused, naming the pair; the stored thresholds stay', async (patch, words) => {
    const before = await ok<Settings>('settings.get');
    expect(await refused('settings.set', { verdictThresholds: { ...before.verdictThresholds, ...patch } })).toContain(
      words,
    );
    expect(await ok<Settings>('settings.get')).toEqual(before);
  });

  it('sensible pairs are accepted', async () => {
    const next = { ...DEFAULT_THRESHOLDS, giniGood: 0.2, giniBad: 0.8, minersGoodMin: 20, minersGoodMax: 20 };
    expect((await ok<Settings>('settings.set', { verdictThresholds: next })).verdictThresholds).toEqual(next);
  });
});

describe('netuid keys are plain whole numbers', () => {
  it('"00001", "1.0" and a key above 65535 are refused, not stored and ignored; "1" works', async () => {
    for (const key of ['00001', '01', '1.0', '70000']) {
      const message = await refused('scenario.evaluate', {
        scenario: { ...DEFAULT_SCENARIO, rentUsdPerMonthByNetuid: { [key]: 50 } },
      });
      expect(message).toMatch(
        /rentUsdPerMonthByNetuid\.[0-9.]+: (keys are netuids written as plain whole numbers \("1", not "01" or "1\.0"\)|a netuid is at most 65535)/,
      );
    }
    const figures = await ok<{ netuid: number; costUsdPerMonth?: number }[]>('scenario.evaluate', {
      scenario: { ...DEFAULT_SCENARIO, taoPriceUsd: 300, rentUsdPerMonthByNetuid: { '1': 50 } },
    });
    expect(figures.length).toBeGreaterThan(0);
  });
});

describe('settings an older version stored under looser rules are read, not reset', () => {
  it('contradictory thresholds stay as stored (saving them again asks for a fix); "00008" keys are read as "8"', async () => {
    const db = service.requireWorkspace().db;
    const put = db.prepare(
      'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    );
    const old = { ...DEFAULT_THRESHOLDS, minProfitUsdPerMonth: 25, giniGood: 0.9, giniBad: 0.1 };
    put.run('verdictThresholds', JSON.stringify(old));
    put.run(
      'scenario',
      JSON.stringify({ ...DEFAULT_SCENARIO, rentUsdPerMonth: 90, rentUsdPerMonthByNetuid: { '00008': 70, '3': 20 } }),
    );
    const settings = await ok<Settings>('settings.get');
    expect(settings.verdictThresholds).toEqual(old);
    expect(settings.scenario).toMatchObject({ rentUsdPerMonth: 90, rentUsdPerMonthByNetuid: { '8': 70, '3': 20 } });
    expect(await refused('settings.set', { verdictThresholds: settings.verdictThresholds })).toMatch(
      /Gini "bad above"/,
    );
  });
});
