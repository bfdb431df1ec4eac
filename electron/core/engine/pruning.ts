/**
 * How likely a newcomer is to be pruned once its immunity ends. When a full subnet registers someone, the
 * non-immune, non-owner UID with the lowest last-epoch emission is replaced. So the newcomer survives as many
 * registrations as there are free slots plus UIDs earning less than it, and the registration rate turns that
 * into days. Assumes incumbents keep today's emission and new registrants start below the newcomer.
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

/** Without a registration rate, judge by the margin over the deregistration line. */
const MARGIN_FOR_LOW = 2;

function level(days: number, thresholds: VerdictThresholds): PruningLevel {
  if (days < thresholds.pruneHighDays) return 'high';
  if (days < thresholds.pruneMediumDays) return 'medium';
  return 'low';
}

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
    };
  }
  const line = m.deregLineAlphaPerDay;
  let below = countBelow(m.emissionAlphaPerDayAsc, alphaPerDay);
  // The newcomer's own registration takes a free slot, or replaces today's lowest non-immune UID.
  if (m.freeSlots === 0 && line !== null && line < alphaPerDay) below = Math.max(0, below - 1);
  const registrationsUntilPruned = Math.max(0, m.freeSlots - 1) + below + 1;
  const rate = m.registrationsPerDay;

  let riskLevel: PruningLevel | null;
  let reason: string;
  let days: number | null = null;
  if (m.freeSlots === 0 && line !== null && alphaPerDay <= line) {
    riskLevel = 'high';
    reason = 'expected emission is at or below the deregistration line: first to go when immunity ends';
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
    registrationsUntilPruned: figure(registrationsUntilPruned, provenance),
    daysUntilPruned: figure(days, provenance, days === null ? reason : null),
    registrationsPerDay,
    deregLineAlphaPerDay,
  };
}
