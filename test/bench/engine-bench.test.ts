import { describe, expect, it } from 'vitest';
import { benchEngine } from './engine-bench';

describe('benchEngine', () => {
  it('runs on a small deterministic network and reports positive, finite medians (timings are printed, not asserted)', () => {
    const result = benchEngine(4, 32, 5);
    expect(result.subnets).toBe(4);
    expect(result.uidsPerSubnet).toBe(32);
    for (const ms of [result.analyzeAllMs, result.evaluateAllMs, result.gridMs]) {
      expect(Number.isFinite(ms) && ms >= 0).toBe(true);
    }
  });
});
