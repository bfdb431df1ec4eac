/**
 * Statistics over a window of history points (one per sync) against the live point: snapshots lie (one epoch
 * can differ wildly from the month), so the live figures are compared with the window and flagged when they depart.
 */
import { BLOCKS_PER_DAY } from '../../../shared/domain';
import type {
  SubnetHistoryPoint,
  WindowMetric,
  WindowMetricStats,
  WindowStats,
} from '../../../shared/economics';
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
 * How each metric is read from a point. One small function per field rather than `point[metric]`: a property read
 * whose name varies is the slow, generic kind, and the window reads ~9 × 900 of them per subnet per sync.
 */
const READ: Record<WindowMetric, (p: SubnetHistoryPoint) => number | null> = {
  earningMiners: (p) => p.earningMiners,
  gini: (p) => p.gini,
  grossMinerPoolTaoPerDay: (p) => p.grossMinerPoolTaoPerDay,
  receivedMinerPoolAlphaPerDay: (p) => p.receivedMinerPoolAlphaPerDay,
  receivedMinerPoolTaoPerDay: (p) => p.receivedMinerPoolTaoPerDay,
  medianMinerTaoPerDay: (p) => p.medianMinerTaoPerDay,
  priceTao: (p) => p.priceTao,
  burnTao: (p) => p.burnTao,
  emissionShare: (p) => p.emissionShare,
};

/**
 * One metric over the past points (oldest first; `days[i]` is point i's time in days) against its live value at
 * `liveDay`: the mean, first value and least-squares trend in one pass (the mean's sum is the trend's Σy before
 * the live point is added).
 */
function metricStats(
  past: readonly SubnetHistoryPoint[],
  days: ArrayLike<number>,
  read: (p: SubnetHistoryPoint) => number | null,
  liveDay: number,
  liveValue: number | null,
  divergenceRatio: number,
): WindowMetricStats {
  let first: number | null = null;
  let n = 0;
  let sx = 0;
  let sy = 0;
  let sxx = 0;
  let sxy = 0;
  for (let i = 0; i < past.length; i++) {
    const v = read(past[i]!);
    if (v === null) continue;
    if (first === null) first = v;
    const x = days[i] as number;
    n++;
    sx += x;
    sy += v;
    sxx += x * x;
    sxy += x * v;
  }
  const mean = n > 0 ? sy / n : null;
  // Least-squares slope of value against time in days, live point included.
  if (liveValue !== null) {
    n++;
    sx += liveDay;
    sy += liveValue;
    sxx += liveDay * liveDay;
    sxy += liveDay * liveValue;
  }
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
  // Time in days (block numbers, so no clock), the x of every metric's trend.
  const days = past.map((p) => p.blockNumber / BLOCKS_PER_DAY);
  const liveDay = live.blockNumber / BLOCKS_PER_DAY;
  for (const metric of WINDOW_METRICS) {
    const read = READ[metric];
    const stats = metricStats(past, days, read, liveDay, read(live), divergenceRatio);
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
