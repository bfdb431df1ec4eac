/**
 * How likely a newcomer is to be pruned once its immunity ends, by the chain's own rule (ST subnets/registration.rs
 * get_neuron_to_prune): each registration into a full subnet replaces the UID with the lowest last-epoch emission
 * among non-immune ones (ties: older registration, so an incumbent earning the same goes before the newcomer; owner-
 * immortal UIDs skipped), unless no more than MinNonImmuneUids non-immune UIDs remain, when an immune one goes.
 *
 * The newcomer survives the registrations that take free slots, then one for each non-immune UID earning no more
 * than it. But registrants keep arriving: one that ends up earning less than the newcomer lands below it and is
 * pruned first once its own immunity ends. Taking today's UIDs as where a registrant lands, a share q (those the
 * newcomer out-earns) refill the queue below it, so each registration removes 1 − q of it net:
 *   registrations until pruned = (free slots − 1) + (UIDs at or below + 1) / (1 − q).
 * And with r registrations a day, about r × immunity days of UIDs are immune at any time: when that leaves no more
 * than MinNonImmuneUids non-immune, the floor sends pruning to immune UIDs and the newcomer is not reached.
 */
import type { PruningLevel, PruningRisk, SubnetAnalysis, VerdictThresholds } from '../../../shared/economics';
import { figure } from './provenance';

/** How many values in an ascending list are strictly below x (binary search). */
export function countBelow(ascending: readonly number[], x: number): number {
  let lo = 0;
  let hi = ascending.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((ascending[mid] as number) < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** How many values in an ascending list are at or below x: ties go before the newcomer (older registration). */
export function countAtOrBelow(ascending: readonly number[], x: number): number {
  let lo = 0;
  let hi = ascending.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((ascending[mid] as number) <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Without a registration rate, judge by the margin over the deregistration line. */
const MARGIN_FOR_LOW = 2;

function level(days: number, thresholds: VerdictThresholds): PruningLevel {
  if (days < thresholds.pruneHighDays) return 'high';
  if (days < thresholds.pruneMediumDays) return 'medium';
  return 'low';
}

const pct = (v: number) => `${Math.round(v * 100)}%`;

export function pruningRisk(
  analysis: SubnetAnalysis,
  alphaPerDay: number | null,
  thresholds: VerdictThresholds,
): PruningRisk {
  const m = analysis.model;
  const provenance = m.withScenario;
  const registrationsPerDay = analysis.registrationsPerDay;
  const deregLineAlphaPerDay = analysis.deregLine.alphaPerDay;
  if (alphaPerDay === null) {
    return {
      level: null,
      reason: 'expected earnings unknown',
      registrationsUntilPruned: figure(null, provenance, 'expected earnings unknown'),
      daysUntilPruned: figure(null, provenance, 'expected earnings unknown'),
      registrationsPerDay,
      deregLineAlphaPerDay,
      working: 'expected earnings unknown',
    };
  }
  const line = m.deregLineAlphaPerDay;
  const all = m.emissionAlphaPerDayAsc;
  let below = countAtOrBelow(m.nonImmuneEmissionAlphaPerDayAsc, alphaPerDay);
  // The newcomer's own registration takes a free slot, or replaces today's lowest non-immune UID.
  if (m.freeSlots === 0 && line !== null && line <= alphaPerDay) below = Math.max(0, below - 1);
  const refill = all.length > 0 ? countAtOrBelow(all, alphaPerDay) / all.length : 0;
  const registrationsUntilPruned =
    refill < 1 ? Math.max(0, m.freeSlots - 1) + Math.ceil((below + 1) / (1 - refill)) : null;
  const rate = m.registrationsPerDay;
  const immuneAtOnce = rate === null ? null : rate * m.immunityDays;
  const floorHolds = immuneAtOnce !== null && all.length - immuneAtOnce <= m.minNonImmuneUids;
  const working =
    `${below} UIDs out of immunity earn no more than you and go first; a registrant ends below you ${pct(refill)} of the ` +
    `time (today's UIDs you out-earn), so each registration takes ${(1 - refill).toFixed(2)} of that queue; ` +
    `${m.freeSlots} free slots` +
    (registrationsUntilPruned === null
      ? '; you out-earn every UID: never reached'
      : ` ⇒ ${registrationsUntilPruned} registrations`) +
    (rate === null
      ? ''
      : `; at ${rate.toFixed(1)} registrations/day, ${immuneAtOnce!.toFixed(0)} UIDs immune at once (floor ${m.minNonImmuneUids})`);

  let riskLevel: PruningLevel | null;
  let reason: string;
  let days: number | null = null;
  if (m.freeSlots === 0 && line !== null && alphaPerDay <= line) {
    riskLevel = 'high';
    reason = 'expected emission is at or below the deregistration line: first to go when immunity ends';
  } else if (registrationsUntilPruned === null) {
    riskLevel = 'low';
    reason = 'expected emission above every UID: registrants land below you and go first';
  } else if (rate === null) {
    if (line === null) {
      riskLevel = null;
      reason = 'no registration rate and no deregistration line to judge by';
    } else {
      riskLevel = alphaPerDay <= line ? 'high' : alphaPerDay < MARGIN_FOR_LOW * line ? 'medium' : 'low';
      reason = 'registration rate unknown: judged by the margin over the deregistration line';
    }
  } else if (rate === 0) {
    riskLevel = 'low';
    reason = 'no registrations seen: nobody is being pushed out';
  } else if (floorHolds) {
    riskLevel = 'low';
    reason =
      'so many UIDs are immune at this registration rate that the MinNonImmuneUids floor sends pruning to immune UIDs';
  } else {
    days = Math.max(m.immunityDays, registrationsUntilPruned / rate);
    riskLevel = level(days, thresholds);
    reason =
      riskLevel === 'high'
        ? 'at the current registration rate, pushed out soon after immunity ends'
        : riskLevel === 'medium'
          ? 'at the current registration rate, pushed out within weeks'
          : 'at the current registration rate, safe for a month or more';
  }
  return {
    level: riskLevel,
    reason,
    registrationsUntilPruned: figure(
      registrationsUntilPruned,
      provenance,
      registrationsUntilPruned === null ? reason : null,
    ),
    daysUntilPruned: figure(days, provenance, days === null ? reason : null),
    registrationsPerDay,
    deregLineAlphaPerDay,
    working,
  };
}
