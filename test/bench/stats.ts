/** Median of several runs with min/max, as the benchmark prints them, plus the CPU time the runs took. */
export interface Measured {
  median: number;
  min: number;
  max: number;
  runs: number;
  /** Median CPU time (user + system, all threads of this process) per run, ms. */
  cpuMedian: number;
}

const medianOf = (sorted: number[]) => sorted[Math.floor(sorted.length / 2)]!;

/** `prepare` runs before and `cleanup` after each timed run, neither counted (a fresh database, say). */
export async function measure<T>(
  runs: number,
  once: (prepared: T) => Promise<unknown> | unknown,
  prepare?: () => Promise<T> | T,
  cleanup?: (prepared: T) => Promise<unknown> | unknown,
): Promise<Measured> {
  const times: number[] = [];
  const cpus: number[] = [];
  for (let i = 0; i < runs; i++) {
    const prepared = (prepare ? await prepare() : undefined) as T;
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    await once(prepared);
    times.push(performance.now() - t0);
    const cpu = process.cpuUsage(cpu0);
    cpus.push((cpu.user + cpu.system) / 1000);
    await cleanup?.(prepared);
  }
  times.sort((a, b) => a - b);
  cpus.sort((a, b) => a - b);
  return { median: medianOf(times), min: times[0]!, max: times[times.length - 1]!, runs, cpuMedian: medianOf(cpus) };
}

/** Several medians (e.g. the engine's own medians of many runs) summarised the same way. */
export function summarise(values: number[]): Measured {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    median: medianOf(sorted),
    min: sorted[0]!,
    max: sorted[sorted.length - 1]!,
    runs: sorted.length,
    cpuMedian: Number.NaN,
  };
}

const num = (v: number) => v.toFixed(v < 1 ? 3 : v < 10 ? 2 : 0);

export const fmt = (m: Measured, unit = 'ms') =>
  `${num(m.median)} ${unit} (min ${num(m.min)}, max ${num(m.max)}, n=${m.runs})` +
  (Number.isNaN(m.cpuMedian) ? '' : `, cpu ${num(m.cpuMedian)} ${unit}`);

/**
 * The kernel's high-water mark of this process's resident memory, in MB. It never goes down, so read right after
 * the phase of interest, with only lighter phases before it: a sampling timer would miss peaks inside synchronous
 * work (decoding, the write transaction).
 */
export const maxRssMb = () => process.resourceUsage().maxRSS / 1024;
