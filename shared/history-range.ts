/**
 * How much of a subnet's history the History charts draw, and so how much `subnet.economics` sends: a year of hourly
 * syncs is ~3 MB of JSON, while the charts draw a month by default. Ranges count back from the subnet's newest
 * point, not from now, so offline data keeps its shape.
 */

/** A number of days back from the newest point, or every stored point. */
export type HistoryDays = number | 'all';

/** The ranges the History charts offer, in the order shown. */
export const HISTORY_RANGES: readonly { days: HistoryDays; label: string }[] = [
  { days: 7, label: '7 days' },
  { days: 30, label: '30 days' },
  { days: 90, label: '90 days' },
  { days: 'all', label: 'All' },
];

/** What the charts show first (and the report prints), and what a caller that does not say gets. */
export const DEFAULT_HISTORY_DAYS = 30;

/** Ten years of syncs: any longer window is a mistake, and 'all' says "everything" plainly. */
export const MAX_HISTORY_DAYS = 3650;

const DAY_MS = 86_400_000;

/** The earliest block time a range keeps when the newest point is at `newestMs`: a point on that edge is kept. */
export function rangeStartMs(days: HistoryDays, newestMs: number): number {
  return days === 'all' ? -Infinity : newestMs - days * DAY_MS;
}
