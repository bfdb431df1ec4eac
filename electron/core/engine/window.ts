/**
 * Statistics over a window of history points (one per sync) against the live point: snapshots lie (one epoch
 * can differ wildly from the month), so the live figures are compared with the window and flagged when they depart.
 */
import { BLOCKS_PER_DAY } from '../../../shared/domain';
import type { SubnetHistoryPoint, WindowMetric, WindowMetricStats, WindowStats } from '../../../shared/economics';
import { derived, figure } from './provenance';

export const WINDOW_METRICS: readonly WindowMetric[] = [
  'earningMiners',
  'gini',
  'grossMinerPoolTaoPerDay',
  'receivedMinerPoolAlphaPerDay',
  'receivedMinerPoolTaoPerDay',
  'medianMinerTaoPerDay',
  'priceTao',
  'burnTao',
  'emissionShare',
];

/**
 * Running sums of one metric over the points added so far: its first value, and the least-squares Σ of value
 * against time in days (n, Σx, Σy, Σx², Σxy; Σy / n is the mean).
 */
class Sums {
  first: number | null = null;
  n = 0;
  sx = 0;
  sy = 0;
  sxx = 0;
  sxy = 0;

  add(x: number, v: number | null): void {
    if (v === null) return;
    if (this.first === null) this.first = v;
    this.n++;
    this.sx += x;
    this.sy += v;
    this.sxx += x * x;
    this.sxy += x * v;
  }
}

/**
 * Adds every metric of one point. Field by field rather than `point[metric]`: a property read whose name varies is
 * the slow, generic kind, and the window reads ~9 × 700 of them per subnet per sync.
 */
function addPoint(sums: Record<WindowMetric, Sums>, p: SubnetHistoryPoint): void {
  const x = p.blockNumber / BLOCKS_PER_DAY; // time in days: block numbers, so no clock
  sums.earningMiners.add(x, p.earningMiners);
  sums.gini.add(x, p.gini);
  sums.grossMinerPoolTaoPerDay.add(x, p.grossMinerPoolTaoPerDay);
  sums.receivedMinerPoolAlphaPerDay.add(x, p.receivedMinerPoolAlphaPerDay);
  sums.receivedMinerPoolTaoPerDay.add(x, p.receivedMinerPoolTaoPerDay);
  sums.medianMinerTaoPerDay.add(x, p.medianMinerTaoPerDay);
  sums.priceTao.add(x, p.priceTao);
  sums.burnTao.add(x, p.burnTao);
  sums.emissionShare.add(x, p.emissionShare);
}

/**
 * One metric's statistics: `past` summed over the window's points, `all` the same with the live point added (the
 * trend includes it; the mean and first value do not).
 */
function metricStats(
  past: { first: number | null; n: number; sy: number },
  all: Sums,
  liveValue: number | null,
  divergenceRatio: number,
): WindowMetricStats {
  const first = past.first;
  const mean = past.n > 0 ? past.sy / past.n : null;
  const { n, sx, sy, sxx, sxy } = all;
  const denominator = n * sxx - sx * sx;
  const trendPerDay = n >= 2 && denominator > 0 ? (n * sxy - sx * sy) / denominator : null;

  const changeRatio = liveValue !== null && first !== null && first !== 0 ? (liveValue - first) / first : null;
  let departure: number | null = null;
  let divergent: boolean | null = null;
  if (liveValue !== null && mean !== null) {
    if (mean !== 0) {
      departure = Math.abs(liveValue - mean) / Math.abs(mean);
      divergent = departure > divergenceRatio;
    } else {
      divergent = liveValue !== 0;
    }
  }
  return { live: liveValue, mean, trendPerDay, changeRatio, departure, divergent };
}

/**
 * Registrations per day over the window: each point counts the UIDs registered since its previous point, so the
 * rate is Σ registrations / Σ spans of the intervals that were counted. Exact as long as syncs are closer than the
 * immunity period (a slot cannot be replaced twice unseen, because the newcomer in it is immune).
 */
function registrationsPerDay(points: readonly SubnetHistoryPoint[]): number | null {
  let registrations = 0;
  let blocks = 0;
  for (const p of points) {
    if (p.registrationsSincePrevious === null || p.previousBlockNumber === null) continue;
    registrations += p.registrationsSincePrevious;
    blocks += p.blockNumber - p.previousBlockNumber;
  }
  return blocks > 0 ? (registrations * BLOCKS_PER_DAY) / blocks : null;
}

/** Past points inside the window, oldest first: windowDays of blocks before the live block. */
export function pointsInWindow(
  history: readonly SubnetHistoryPoint[],
  liveBlock: number,
  windowDays: number,
): SubnetHistoryPoint[] {
  const fromBlock = liveBlock - windowDays * BLOCKS_PER_DAY;
  return history
    .filter((p) => p.blockNumber < liveBlock && p.blockNumber >= fromBlock)
    .sort((a, b) => a.blockNumber - b.blockNumber);
}

export function computeWindow(
  history: readonly SubnetHistoryPoint[],
  live: SubnetHistoryPoint,
  windowDays: number,
  divergenceRatio: number,
): WindowStats {
  const past = pointsInWindow(history, live.blockNumber, windowDays);
  const metrics = {} as Record<WindowMetric, WindowMetricStats>;
  const divergentMetrics: WindowMetric[] = [];
  const sums = Object.fromEntries(WINDOW_METRICS.map((m) => [m, new Sums()])) as Record<WindowMetric, Sums>;
  for (const p of past) addPoint(sums, p);
  const pastSums = Object.fromEntries(
    WINDOW_METRICS.map((m) => [m, { first: sums[m].first, n: sums[m].n, sy: sums[m].sy }]),
  );
  addPoint(sums, live);
  for (const metric of WINDOW_METRICS) {
    const stats = metricStats(pastSums[metric]!, sums[metric], live[metric], divergenceRatio);
    metrics[metric] = stats;
    if (stats.divergent === true) divergentMetrics.push(metric);
  }
  const fromBlock = past.length > 0 ? (past[0] as SubnetHistoryPoint).blockNumber : null;
  const provenance = derived(`${past.length} sync points over ${windowDays} days up to block ${live.blockNumber}`);
  return {
    windowDays,
    points: past.length,
    fromBlock,
    metrics,
    divergentMetrics,
    registrationsPerDay: figure(
      registrationsPerDay([...past, live]),
      provenance,
      past.length === 0 ? 'no history in the window' : null,
    ),
    provenance,
  };
}

/** Growth per day of a summary field from the oldest point of the window to the live one; null without history. */
export function growthPerDay(
  history: readonly SubnetHistoryPoint[],
  live: SubnetHistoryPoint,
  windowDays: number,
  pick: (p: SubnetHistoryPoint) => number | null,
): number | null {
  const now = pick(live);
  if (now === null) return null;
  const from = live.blockTimeMs - windowDays * 86_400_000;
  let oldest: SubnetHistoryPoint | null = null;
  for (const p of history) {
    if (p.blockNumber >= live.blockNumber || p.blockTimeMs < from || pick(p) === null) continue;
    if (oldest === null || p.blockNumber < oldest.blockNumber) oldest = p;
  }
  if (oldest === null) return null;
  const days = (live.blockNumber - oldest.blockNumber) / 7200;
  return days > 0 ? (now - (pick(oldest) as number)) / days : null;
}
