/**
 * Where newcomers really land: from a subnet's per-UID history (one entry per kept sync point, oldest first), the
 * registrations made inside the window and what became of them.
 *
 * A registration is a (uid, BlockAtRegistration) pair: when a UID's registration block changes, the previous holder
 * was pruned (replaced) and a newcomer took the slot. Only registrations after the first point are counted, since
 * only those were watched from the start. Outcomes:
 * - earned: incentive > 0 at a point before its immunity ended;
 * - pruned before earning: replaced with no point showing incentive;
 * - otherwise it is resolved once a point after its immunity shows it (it did not earn), or still open.
 * Only registrations made between two points closer than the immunity period are counted: a UID cannot be pruned
 * while immune, so every registration in such a gap is seen at the next point, whatever became of it. One in a
 * longer gap (thinned history) might have come and gone unseen — counting the ones seen there would favour the
 * survivors and overstate P(earn).
 * Percentiles are taken among the UIDs earning at that point (share of earners with less incentive).
 *
 * Pure and allocation-light: typed arrays indexed by uid and each point's earners sorted once when it is built
 * (128 subnets × 256 UIDs × 30 days of hourly-then-daily points in well under 100 ms, see test/bench).
 */
import type { NewcomerOutcomes } from '../../../shared/economics';
import { BLOCKS_PER_DAY } from '../../../shared/domain';
import { median } from './percentiles';

/** How many values in an ascending list are strictly below x (binary search). */
function countBelow(ascending: ArrayLike<number>, x: number): number {
  let lo = 0;
  let hi = ascending.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((ascending[mid] as number) < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * One sync point of one subnet, as the statistics need it: the UIDs to follow (every UID registered within the
 * window at least; older ones may be left out, which keeps a month of points small in memory) and the field
 * their percentile is taken in.
 */
export interface UidPoint {
  blockNumber: number;
  uids: ArrayLike<number>;
  registeredAtBlock: ArrayLike<number>;
  /** Incentive per UID on any non-negative scale (only > 0 and the order matter). */
  incentive: ArrayLike<number>;
  /** Incentive of every UID earning at this point, ascending. */
  earnersAsc: ArrayLike<number>;
  /** One more than the largest of `uids` (0 if none): what the follow sizes its per-uid state by. */
  uidSlots: number;
  /** The miner pool then (alpha/day), for what a registration actually earned (the backtest); absent = unknown. */
  poolAlphaPerDay?: number | null;
  /** What of it reached UIDs outside the owner's (alpha/day): 0 = the owner took it all; absent = unknown. */
  receivedPoolAlphaPerDay?: number | null;
  /** UIDs of the subnet then (all of them, followed or not). */
  uidCount?: number;
  /** Earning miners then, neither owner-held nor validators without incentive (the analysis' count); absent = unknown. */
  earningMiners?: number | null;
}

/** What the summary of a point's sync adds to it (withPool). */
export interface PointSummary {
  poolAlphaPerDay: number | null;
  receivedPoolAlphaPerDay: number | null;
  earningMiners: number | null;
}

/**
 * The point with what its sync's summary says: the miner pool, what of it the owner did not take, the earning
 * miners. Spelled out field by field: a copy made with object spread measured 2.5 times
 * slower to read in followRegistrations' loop over every UID of a month of points.
 */
export function withPool(point: UidPoint, summary: PointSummary): UidPoint {
  return {
    blockNumber: point.blockNumber,
    uids: point.uids,
    registeredAtBlock: point.registeredAtBlock,
    incentive: point.incentive,
    earnersAsc: point.earnersAsc,
    uidSlots: point.uidSlots,
    uidCount: point.uidCount,
    poolAlphaPerDay: summary.poolAlphaPerDay,
    receivedPoolAlphaPerDay: summary.receivedPoolAlphaPerDay,
    earningMiners: summary.earningMiners,
  };
}

/** Horizons over which what a newcomer actually earned is accumulated (the backtest's 7 and 30 days). */
export const EARNED_OVER_DAYS = [7, 30] as const;

/**
 * A point from a whole pack: keeps the UIDs registered after `followFromBlock` (pass the earliest window start
 * this point may be read for) and every earner's incentive.
 */
export function uidPoint(
  blockNumber: number,
  uids: ArrayLike<number>,
  registeredAtBlock: ArrayLike<number>,
  incentive: ArrayLike<number>,
  followFromBlock = -Infinity,
): UidPoint {
  let followed = 0;
  let earning = 0;
  for (let i = 0; i < uids.length; i++) {
    if ((registeredAtBlock[i] as number) > followFromBlock) followed++;
    if ((incentive[i] as number) > 0) earning++;
  }
  const out = {
    blockNumber,
    uidCount: uids.length,
    uids: new Uint16Array(followed),
    registeredAtBlock: new Float64Array(followed),
    incentive: new Float64Array(followed),
    earnersAsc: new Float64Array(earning),
    uidSlots: 0,
  };
  for (let i = 0, f = 0, e = 0; i < uids.length; i++) {
    const inc = incentive[i] as number;
    if (inc > 0) out.earnersAsc[e++] = inc;
    if ((registeredAtBlock[i] as number) > followFromBlock) {
      if ((uids[i] as number) >= out.uidSlots) out.uidSlots = (uids[i] as number) + 1;
      out.uids[f] = uids[i] as number;
      out.registeredAtBlock[f] = registeredAtBlock[i] as number;
      out.incentive[f++] = inc;
    }
  }
  out.earnersAsc.sort();
  return out;
}

const MILESTONE_DAYS = [1, 3, 7] as const;
// Read once into this module: the follow's inner loop runs for every UID of a month of points, and an imported
// binding read there costs an accessor call wherever modules are loaded as CommonJS (tsx, the bench).
const DAY_BLOCKS = BLOCKS_PER_DAY;
const EARNED_OVER_BLOCKS = EARNED_OVER_DAYS.map((d) => d * DAY_BLOCKS);
const MILESTONE_BLOCKS = MILESTONE_DAYS.map((d) => d * DAY_BLOCKS);

export interface Registration {
  uid: number;
  block: number;
  /** Registered in a gap between points longer than the immunity (see above): not counted. */
  coarse: boolean;
  firstIncentiveBlock: number | null;
  /** Earned per the rule above (decided at the first point showing incentive). */
  earned: boolean;
  prunedAtBlock: number | null;
  /** A point after the immunity showed it. */
  seenAfterImmunity: boolean;
  /** Its percentile among earners at the latest milestone reached, null if not earning then. */
  landed: number | null;
  /** Percentile at 1, 3, 7 days (-1 = not reached while registered). */
  milestones: [number, number, number];
  /** When its outcome became known (earned, pruned, or seen after immunity); null = still open. */
  resolvedAtBlock: number | null;
  /** When `landed` was last set. */
  landedAtBlock: number | null;
  /** Alpha earned over its first EARNED_OVER_DAYS[k] days (0 once gone), as alpha/day × blocks. */
  earnedAlphaBlocks: [number, number];
  /** Index of the first milestone not reached yet (3: all were): spares checking the reached ones at every point. */
  nextMilestone: number;
}

export function newcomerOutcomes(points: readonly UidPoint[], immunityPeriodBlocks: number): NewcomerOutcomes {
  return summarise(followRegistrations(points, immunityPeriodBlocks), points);
}

/**
 * `newcomerOutcomes(points.slice(from))` from registrations already followed over all of `points` (the backtest
 * follows a longer history than the statistics' window): one pass over the points instead of two. The same figures,
 * because what becomes of a registration depends only on the points from its own block on, and the window counts
 * exactly those registered after its first point.
 */
export function newcomerOutcomesWithin(
  registrations: readonly Registration[],
  points: readonly UidPoint[],
  from: number,
): NewcomerOutcomes {
  const window = points.slice(from);
  const firstBlock = window.length ? window[0]!.blockNumber : Infinity;
  return summarise(
    registrations.filter((r) => r.block > firstBlock),
    window,
  );
}

/** Every registration after the first point, followed through the points (see the module comment). */
export function followRegistrations(points: readonly UidPoint[], immunityPeriodBlocks: number): Registration[] {
  const all: Registration[] = [];
  // Per uid: the registration holding it (index into `all`; -1 = one from before the window, -2 = none seen),
  // its registration block, and the last point that showed it.
  // Sized by the largest uid present, not the largest a u16 allows: a megabyte of fresh zeroed memory per subnet
  // per sync costs more than following a month of its registrations.
  const slots = slotsNeeded(points);
  const holderOf = new Int32Array(slots).fill(-2);
  const blockOf = new Float64Array(slots);
  const seenAt = new Int32Array(slots).fill(-1);
  // The block before which a point where the slot's registration does not earn changes nothing in its record: its
  // immunity's end (until a point after it showed it) or its next milestone, whichever comes first; Infinity once it
  // has seen both. Most rows of a month are such rows (a registration waits a week for its last milestone), and
  // skipping them needs no look at the record. -Infinity: the slot's row must be read (no followed holder).
  const quietUntil = new Float64Array(slots).fill(-Infinity);
  const tracked: number[] = [];
  const firstBlock = points.length ? points[0]!.blockNumber : Infinity;

  for (let p = 0; p < points.length; p++) {
    const point = points[p]!;
    const at = point.blockNumber;
    const earners = point.earnersAsc;
    // The columns in locals: the loop below runs for every UID of a month of points, and V8 reloads a property
    // after any call or allocation inside it.
    const uids = point.uids;
    const registeredAtBlock = point.registeredAtBlock;
    const incentive = point.incentive;
    const rows = uids.length;
    const nextAt = p + 1 < points.length ? points[p + 1]!.blockNumber : at;
    let totalIncentive = 0;
    for (let e = 0; e < earners.length; e++) totalIncentive += earners[e] as number;
    const pool = point.poolAlphaPerDay ?? null;
    // Counted rather than marked per row: with no uid repeated (ascending), as many rows as tracked uids means none
    // is gone; otherwise a second pass marks the ones seen (rare: a followed registration replaced by an older one).
    let followedRows = 0;
    let lastUid = -1;
    let ascending = true;
    for (let i = 0; i < rows; i++) {
      const registeredAt = registeredAtBlock[i] as number;
      // A registration from before the first point is never counted, and skipping its row changes nothing else:
      // a followed registration whose slot now shows an older one ends here as one gone from the point would, and
      // the next registration in that slot starts a record either way. Most rows of a month are such rows.
      if (registeredAt <= firstBlock) continue;
      const uid = uids[i] as number;
      followedRows++;
      if (uid <= lastUid) ascending = false;
      lastUid = uid;
      const inc = incentive[i] as number;
      // Most rows: the same followed registration, not earning, before its next event (quiet implies a holder).
      if (!(inc > 0) && at < quietUntil[uid]! && blockOf[uid] === registeredAt) continue;
      let holder = holderOf[uid]!;
      if (holder === -2 || blockOf[uid] !== registeredAt) {
        if (holder === -2) tracked.push(uid);
        else if (holder >= 0) pruned(all[holder]!, at);
        blockOf[uid] = registeredAt;
        quietUntil[uid] = -Infinity;
        holder = registeredAt <= at ? all.length : -1;
        if (holder >= 0) all.push(registration(uid, registeredAt, points, p, immunityPeriodBlocks));
        holderOf[uid] = holder;
      }
      if (holder < 0) continue;
      const r = all[holder]!;
      const immunityOver = at - r.block >= immunityPeriodBlocks;
      if (inc > 0 && r.firstIncentiveBlock === null) {
        r.firstIncentiveBlock = at;
        r.earned = !immunityOver;
        r.resolvedAtBlock ??= at;
      }
      if (immunityOver && !r.seenAfterImmunity) {
        r.seenAfterImmunity = true;
        r.resolvedAtBlock ??= at;
      }
      // Its share of the pool until the next point, inside each horizon.
      if (pool !== null && inc > 0 && totalIncentive > 0) {
        const alphaPerDay = (inc / totalIncentive) * pool;
        for (let k = 0; k < EARNED_OVER_BLOCKS.length; k++) {
          const span = Math.min(nextAt, r.block + EARNED_OVER_BLOCKS[k]!) - Math.max(at, r.block);
          if (span > 0) r.earnedAlphaBlocks[k]! += alphaPerDay * span;
        }
      }
      // Block arithmetic first: registration and point blocks are whole numbers, so age ≥ d days exactly when
      // (at − block) / day ≥ d, the division below.
      if (r.nextMilestone < MILESTONE_DAYS.length && at - r.block >= MILESTONE_BLOCKS[r.nextMilestone]!) {
        const ageDays = (at - r.block) / DAY_BLOCKS;
        for (let k = r.nextMilestone; k < MILESTONE_DAYS.length && ageDays >= MILESTONE_DAYS[k]!; k++) {
          const percentile = inc > 0 && earners.length ? (100 * countBelow(earners, inc)) / earners.length : null;
          r.milestones[k] = percentile ?? 0;
          r.landed = percentile;
          r.landedAtBlock = at;
          r.nextMilestone = k + 1;
        }
      }
      quietUntil[uid] = Math.min(
        r.seenAfterImmunity ? Infinity : r.block + immunityPeriodBlocks,
        r.nextMilestone < MILESTONE_DAYS.length ? r.block + MILESTONE_BLOCKS[r.nextMilestone]! : Infinity,
      );
    }
    // A followed registration gone from the point (replaced by an older-looking row, or the slots shrank) ends.
    // Every UID of the point is tracked by now: when as many distinct ones were seen as are tracked, none is gone.
    if (ascending && followedRows === tracked.length) continue;
    for (let i = 0; i < rows; i++) if ((registeredAtBlock[i] as number) > firstBlock) seenAt[uids[i] as number] = p;
    for (let t = tracked.length - 1; t >= 0; t--) {
      const uid = tracked[t]!;
      if (seenAt[uid] === p) continue;
      const holder = holderOf[uid]!;
      if (holder >= 0) pruned(all[holder]!, at);
      holderOf[uid] = -2;
      quietUntil[uid] = -Infinity;
      tracked[t] = tracked[tracked.length - 1]!;
      tracked.pop();
    }
  }

  return all;
}

/** A new record for the registration first seen at point `p` (its gap decides whether it counts, see above). */
function registration(
  uid: number,
  block: number,
  points: readonly UidPoint[],
  p: number,
  immunityPeriodBlocks: number,
): Registration {
  let j = p;
  while (j > 0 && points[j - 1]!.blockNumber >= block) j--;
  const coarse = j === 0 || points[j]!.blockNumber - points[j - 1]!.blockNumber > immunityPeriodBlocks;
  return {
    uid,
    block,
    coarse,
    firstIncentiveBlock: null,
    earned: false,
    prunedAtBlock: null,
    seenAfterImmunity: false,
    landed: null,
    milestones: [-1, -1, -1],
    resolvedAtBlock: null,
    landedAtBlock: null,
    earnedAlphaBlocks: [0, 0],
    nextMilestone: 0,
  };
}

/** One more than the largest uid of any point (each point knows its own: a pass over every row cost ~15 ms). */
function slotsNeeded(points: readonly UidPoint[]): number {
  let slots = 0;
  for (const point of points) if (point.uidSlots > slots) slots = point.uidSlots;
  return slots;
}

function pruned(r: Registration, at: number): void {
  r.prunedAtBlock ??= at;
  r.resolvedAtBlock ??= at;
}

function summarise(all: readonly Registration[], points: readonly UidPoint[]): NewcomerOutcomes {
  const firstBlock = points.length ? points[0]!.blockNumber : null;
  let resolved = 0;
  let earned = 0;
  let prunedBeforeEarning = 0;
  const daysToIncentive: number[] = [];
  const byMilestone: number[][] = [[], [], []];
  const landed: number[] = [];
  let coarse = 0;
  for (const r of all) {
    if (r.coarse) {
      coarse++;
      continue;
    }
    const pruned = r.prunedAtBlock !== null && r.firstIncentiveBlock === null;
    if (r.earned) {
      earned++;
      daysToIncentive.push((r.firstIncentiveBlock! - r.block) / BLOCKS_PER_DAY);
    }
    if (pruned) prunedBeforeEarning++;
    if (r.earned || pruned || r.seenAfterImmunity || r.firstIncentiveBlock !== null) resolved++;
    for (let k = 0; k < 3; k++) if (r.milestones[k]! >= 0) byMilestone[k]!.push(r.milestones[k]!);
    if (r.earned && r.landed !== null) landed.push(r.landed);
  }
  return {
    registered: all.length,
    inCoarseGaps: coarse,
    resolved,
    earned,
    prunedBeforeEarning,
    earnShare: resolved ? earned / resolved : null,
    medianDaysToFirstIncentive: median(daysToIncentive),
    medianPercentileAfterDays: {
      d1: median(byMilestone[0]!),
      d3: median(byMilestone[1]!),
      d7: median(byMilestone[2]!),
    },
    // A typed sort, several times faster than one with a comparator; percentiles are never NaN or -0.
    landedPercentiles: Array.from(new Float64Array(landed).sort()),
    points: points.length,
    fromBlock: firstBlock,
    toBlock: points.length ? points[points.length - 1]!.blockNumber : null,
  };
}
