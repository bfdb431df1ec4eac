import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SCENARIO, type MinerEconomics, type TableEconomics } from '../../../shared/economics';
import type { SubnetDetail } from '../../../shared/api-types';
import { ScoutService } from '../service';

let service: ScoutService;
beforeAll(async () => {
  service = await ScoutService.open({
    dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'scout-econ-')),
    version: 'test',
    demo: { subnetCount: 10, maxUids: 32, days: 4 },
  });
  await service.call('app.useDataset', { dataset: 'demo' });
});
afterAll(() => service.close());

async function ok<T>(method: string, arg?: unknown): Promise<T> {
  const r = await service.call(method, arg);
  if (!r.ok) throw new Error(r.error.message);
  return r.value as T;
}

describe('economics through the service (demo network)', () => {
  it('evaluates every stored subnet under a scenario, each with a verdict and its reasons', async () => {
    const list = await ok<{ rows: { netuid: number }[] }>('subnets.list');
    const all = await ok<MinerEconomics[]>('scenario.evaluate', { scenario: DEFAULT_SCENARIO });
    expect(all.map((e) => e.netuid).sort((a, b) => a - b)).toEqual(list.rows.map((r) => r.netuid));
    for (const e of all) {
      expect(['Mine', 'Watch', 'Skip']).toContain(e.verdict.label);
      expect(e.verdict.reasons.length).toBeGreaterThan(0);
    }
  });

  it('a higher rent lowers every computable profit by exactly the difference', async () => {
    const base = await ok<MinerEconomics[]>('scenario.evaluate', { scenario: DEFAULT_SCENARIO });
    const dearer = await ok<MinerEconomics[]>('scenario.evaluate', {
      scenario: { ...DEFAULT_SCENARIO, rentUsdPerMonth: DEFAULT_SCENARIO.rentUsdPerMonth + 100 },
    });
    const computable = base.filter((e) => e.profitUsdPerMonth.value !== null);
    expect(computable.length).toBeGreaterThan(0);
    for (const e of computable) {
      const d = dearer.find((x) => x.netuid === e.netuid)!;
      expect(d.profitUsdPerMonth.value!).toBeCloseTo(e.profitUsdPerMonth.value! - 100, 6);
    }
  });

  it('gives the Subnets table the same profit and verdict as the full evaluation, in a fraction of the bytes', async () => {
    for (const scenario of [
      DEFAULT_SCENARIO,
      { ...DEFAULT_SCENARIO, rentUsdPerMonth: 900, competitorCount: 40 },
      { ...DEFAULT_SCENARIO, taoPriceUsd: null },
    ]) {
      const full = await ok<MinerEconomics[]>('scenario.evaluate', { scenario });
      const table = await ok<TableEconomics[]>('scenario.evaluateTable', { scenario });
      expect(table).toEqual(
        full.map((e) => ({
          netuid: e.netuid,
          profitUsdPerMonth: e.profitUsdPerMonth.value,
          expectedProfitUsdPerMonth: e.expected.profitUsdPerMonth.value,
          earnChance: e.expected.earnChance.value,
          rigFit: e.rigFit.level,
          verdict: {
            label: e.verdict.label,
            reasons: e.verdict.reasons.filter((r) => r.decisive),
            phrase: e.verdict.phrase,
          },
        })),
      );
      expect(JSON.stringify(table).length).toBeLessThan(JSON.stringify(full).length / 5);
    }
    const r = await service.call('scenario.evaluateTable', { scenario: { ...DEFAULT_SCENARIO, rentUsdPerMonth: -5 } });
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'invalid-argument', message: expect.stringMatching(/rent cannot be negative/) },
    });
  });

  it('gives the subnet page its history (one summary per stored point) and distribution', async () => {
    const detail = await ok<SubnetDetail>('subnet.economics', { netuid: 1, scenario: DEFAULT_SCENARIO });
    const points = await ok<unknown[]>('sync.points');
    expect(points.length).toBeGreaterThan(4); // four days of demo syncs, twice a day lately
    expect(detail.history).toHaveLength(points.length);
    expect(detail.distribution.length).toBe(detail.analysis.counts.uids.value);
    expect(detail.analysis.window?.points).toBeGreaterThan(0);
  });

  it('rejects nonsense scenario values with a message naming the field', async () => {
    const bad = async (scenario: unknown) => {
      const r = await service.call('scenario.evaluate', { scenario });
      expect(r.ok).toBe(false);
      return r.ok ? '' : r.error.message;
    };
    expect(await bad({ ...DEFAULT_SCENARIO, rentUsdPerMonth: -5 })).toMatch(/rentUsdPerMonth: rent cannot be negative/);
    expect(await bad({ ...DEFAULT_SCENARIO, taoPriceUsd: 'abc' })).toMatch(/taoPriceUsd/);
    expect(await bad({ ...DEFAULT_SCENARIO, competitorCount: 1e9 })).toMatch(/competitor count above 100,000/);
    expect(await bad({ ...DEFAULT_SCENARIO, horizonMonths: Number.NaN })).toMatch(/horizonMonths/);
  });

  it('saves, lists and deletes named scenarios', async () => {
    const saved = await ok<{ id: number }>('scenarios.save', {
      name: 'Bear case',
      netuid: null,
      scenario: { ...DEFAULT_SCENARIO, taoPriceUsd: 150 },
    });
    const list = await ok<{ name: string; scenario: { taoPriceUsd: number } }[]>('scenarios.list');
    expect(list.map((s) => [s.name, s.scenario.taoPriceUsd])).toEqual([['Bear case', 150]]);
    await ok('scenarios.delete', { id: saved.id });
    expect(await ok<unknown[]>('scenarios.list')).toEqual([]);
  });
});
