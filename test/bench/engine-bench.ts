/**
 * Timing of the engine's hot paths on deterministic synthetic data, for `npm run bench` to print (not a test:
 * the only place in the engine that reads a clock). Medians, after a warm-up so the JIT has compiled the code.
 */
import type { SubnetAnalysis } from '../../shared/economics';
import { analyzeSubnet } from '../../electron/core/engine/analyze';
import { makeScenario, seededRandom, syntheticSubnet } from '../fixtures/engine';
import { evaluateAll } from '../../electron/core/engine/newcomer';
import { defaultSensitivityAxes, sensitivityGrid } from '../../electron/core/engine/sensitivity';
import { subnetDeregistrations } from '../../electron/core/engine/subnet-dereg';

export interface EngineBench {
  subnets: number;
  uidsPerSubnet: number;
  /** Median ms to analyze every subnet (once per sync), the network-wide deregistration ranking included. */
  analyzeAllMs: number;
  /** Median ms to evaluate every subnet under one scenario (every slider move), the 12-month earnings path included. */
  evaluateAllMs: number;
  /** Median ms for one subnet's 21 × 21 price × competitors grid. */
  gridMs: number;
}

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  if (sorted.length % 2 === 1) return sorted[mid] as number;
  return ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

function time(runs: number, body: (run: number) => void): number {
  for (let i = 0; i < Math.min(20, runs); i++) body(i); // warm-up
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    body(i);
    samples.push(performance.now() - start);
  }
  return median(samples);
}

export function benchEngine(subnets = 128, uidsPerSubnet = 256, runs = 200): EngineBench {
  const random = seededRandom(42);
  const inputs = Array.from({ length: subnets }, (_, i) => syntheticSubnet(i + 1, uidsPerSubnet, random));
  let analyses: SubnetAnalysis[] = [];
  const first = inputs[0] as (typeof inputs)[number];
  const analyzeAllMs = time(Math.max(5, Math.floor(runs / 20)), () => {
    const standings = inputs.map((i) => ({
      netuid: i.subnet.netuid,
      movingPrice: i.subnet.movingPrice,
      registeredAtBlock: i.subnet.registeredAtBlock,
    }));
    const deregistrations = subnetDeregistrations(standings, first.network, first.blockNumber);
    analyses = inputs.map((input) =>
      analyzeSubnet(input, [], { subnetDeregistration: deregistrations.get(input.subnet.netuid) }),
    );
  });
  // A slider drag: the TAO price changes on every move; a year's path with a falling alpha price.
  let sink = 0;
  const evaluateAllMs = time(runs, (run) => {
    const results = evaluateAll(
      analyses,
      makeScenario({ taoPriceUsd: 300 + run, horizonMonths: 12, alphaPriceChangePerMonth: -0.02 }),
    );
    sink += results.length;
  });
  const one = analyses[0] as SubnetAnalysis;
  const scenario = makeScenario();
  const axes = defaultSensitivityAxes(one, scenario, 21);
  const gridMs = time(runs, () => {
    sink += sensitivityGrid(one, scenario, axes).profitUsdPerMonth.length;
  });
  if (sink < 0) throw new Error('unreachable: keeps the results alive');
  return { subnets, uidsPerSubnet, analyzeAllMs, evaluateAllMs, gridMs };
}
