/** Median of several runs with min/max, as the benchmark prints them. */
export interface Measured {
  median: number;
  min: number;
  max: number;
  runs: number;
}

export async function measure(runs: number, once: () => Promise<unknown> | unknown): Promise<Measured> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await once();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(times.length / 2)]!, min: times[0]!, max: times[times.length - 1]!, runs };
}

export const fmt = (m: Measured, unit = 'ms') =>
  `${m.median.toFixed(m.median < 10 ? 2 : 0)} ${unit} (min ${m.min.toFixed(m.min < 10 ? 2 : 0)}, max ${m.max.toFixed(m.max < 10 ? 2 : 0)}, n=${m.runs})`;
