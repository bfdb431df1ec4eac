/**
 * Where newcomers really land: from a subnet's per-UID history (one entry per kept sync point, oldest first), the
 * registrations made inside the window and what became of them.
 *
 * A registration is a (uid, BlockAtRegistration) pair: when a UID's registration block changes, the previous holder
 * was pruned (replaced) and a newcomer took the slot. Only registrations after the first point are counted, since
 * only those were watched from the start. Outcomes:
 * - earned: incentive > 0 at a point before its immunity ended. History older than a few days is thinned (see
 *   db/retention.ts), so a newcomer may have no point inside its immunity: its first point is then the evidence
 *   (surviving immunity with incentive is how earning looks from outside);
 * - pruned before earning: replaced with no point showing incentive;
 * - otherwise it is resolved once a point after its immunity shows it (it did not earn), or still open.
 * Percentiles are taken among the UIDs earning at that point (share of earners with less incentive).
 *
 * Pure and allocation-light: arrays indexed by uid, one sort per point (128 subnets × 256 UIDs × 30 days of
 * hourly-then-daily points well under 100 ms, see test/bench).
 */
import type { NewcomerOutcomes } from '../../../shared/economics';
import { BLOCKS_PER_DAY } from '../../../shared/domain';
import { countBelow } from './pruning';

/** One sync point of one subnet, as the per-UID history holds it. */
export interface UidPoint {
  blockNumber: number;
  uids: ArrayLike<number>;
  registeredAtBlock: ArrayLike<number>;
  /** Incentive per UID on any non-negative scale (only > 0 and the order matter). */
  incentive: ArrayLike<number>;
}

const MILESTONE_DAYS = [1, 3, 7] as const;

interface Registration {
  uid: number;
  block: number;
  firstIncentiveBlock: number | null;
  /** Earned per the rule above (decided at the first point showing incentive). */
  earned: boolean;
  prunedAtBlock: number | null;
  /** Some point showed it (before the current one). */
  seen: boolean;
  /** A point after the immunity showed it. */
  seenAfterImmunity: boolean;
  /** Its percentile among earners at the latest milestone reached, null if not earning then. */
  landed: number | null;
  /** Percentile at 1, 3, 7 days (-1 = not reached while registered). */
  milestones: [number, number, number];
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  values.sort((a, b) => a - b);
  const mid = values.length >> 1;
  return values.length % 2 ? (values[mid] as number) : ((values[mid - 1] as number) + (values[mid] as number)) / 2;
}

export function newcomerOutcomes(points: readonly UidPoint[], immunityPeriodBlocks: number): NewcomerOutcomes {
  const all: Registration[] = [];
  // The registration currently holding each uid (index into `all`, -1 = one from before the window).
  const holderOf = new Map<number, number>();
  const blockOf = new Map<number, number>();
  const firstBlock = points.length ? points[0]!.blockNumber : null;
  const earners: number[] = [];

  for (const point of points) {
    const at = point.blockNumber;
    earners.length = 0;
    for (let i = 0; i < point.uids.length; i++) {
      const inc = point.incentive[i] as number;
      if (inc > 0) earners.push(inc);
    }
    earners.sort((a, b) => a - b);
    const present = new Set<number>();
    for (let i = 0; i < point.uids.length; i++) {
      const uid = point.uids[i] as number;
      const registeredAt = point.registeredAtBlock[i] as number;
      present.add(uid);
      let holder = holderOf.get(uid);
      if (blockOf.get(uid) !== registeredAt) {
        if (holder !== undefined && holder >= 0) all[holder]!.prunedAtBlock ??= at;
        blockOf.set(uid, registeredAt);
        holder = firstBlock !== null && registeredAt > firstBlock && registeredAt <= at ? all.length : -1;
        if (holder >= 0) {
          all.push({
            uid, block: registeredAt, firstIncentiveBlock: null, earned: false, prunedAtBlock: null,
            seen: false, seenAfterImmunity: false, landed: null, milestones: [-1, -1, -1],
          });
        }
        holderOf.set(uid, holder);
      }
      if (holder === undefined || holder < 0) continue;
      const r = all[holder]!;
      const inc = point.incentive[i] as number;
      const immunityOver = at - r.block >= immunityPeriodBlocks;
      if (inc > 0 && r.firstIncentiveBlock === null) {
        r.firstIncentiveBlock = at;
        // Within immunity, or the first look at it at all (thinned history): see the module comment.
        r.earned = !immunityOver || !r.seen;
      }
      r.seen = true;
      if (immunityOver) r.seenAfterImmunity = true;
      const ageDays = (at - r.block) / BLOCKS_PER_DAY;
      for (let k = 0; k < MILESTONE_DAYS.length; k++) {
        if (r.milestones[k] === -1 && ageDays >= MILESTONE_DAYS[k]!) {
          const percentile = inc > 0 ? (100 * countBelow(earners, inc)) / earners.length : null;
          r.milestones[k] = percentile ?? 0;
          r.landed = percentile;
        }
      }
    }
    // A UID gone from the subnet (slots shrank) counts as pruned too.
    for (const [uid, holder] of holderOf) {
      if (!present.has(uid)) {
        if (holder >= 0) all[holder]!.prunedAtBlock ??= at;
        holderOf.delete(uid);
        blockOf.delete(uid);
      }
    }
  }

  let resolved = 0;
  let earned = 0;
  let prunedBeforeEarning = 0;
  const daysToIncentive: number[] = [];
  const byMilestone: number[][] = [[], [], []];
  const landed: number[] = [];
  for (const r of all) {
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
  landed.sort((a, b) => a - b);
  return {
    registered: all.length,
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
    landedPercentiles: landed,
    points: points.length,
    fromBlock: firstBlock,
    toBlock: points.length ? points[points.length - 1]!.blockNumber : null,
  };
}
