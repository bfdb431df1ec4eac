/**
 * Subnet deregistration: when a new subnet registers while the non-root subnet count is at SubnetLimit, the chain
 * dissolves the non-immune subnet with the lowest moving price, ties to the earliest registration (ST
 * coinbase/root.rs get_network_to_prune, called from subnets/subnet.rs do_register_network), and every miner's
 * registration on it is lost. Immune: fewer than NetworkImmunityPeriod blocks since NetworkRegisteredAt. This is a
 * network-wide ranking, computed once per sync over every subnet's latest snapshot.
 */
import type { NetworkSnapshot, Provenance } from '../../../shared/domain';
import { BLOCKS_PER_DAY } from '../../../shared/domain';
import type { RiskLevel, SubnetDeregistration, VerdictThresholds } from '../../../shared/economics';
import { DEFAULT_THRESHOLDS } from '../../../shared/economics';
import { derived, figure } from './provenance';

export interface SubnetStanding {
  netuid: number;
  movingPrice: number;
  registeredAtBlock: number;
}

export function subnetDeregistrations(
  subnets: readonly SubnetStanding[],
  network: NetworkSnapshot,
  blockNumber: number,
  thresholds: Pick<VerdictThresholds, 'subnetDeregHighRank' | 'subnetDeregMediumRank'> = DEFAULT_THRESHOLDS,
): Map<number, SubnetDeregistration> {
  const provenance = derived(`moving prices of every subnet at block ${blockNumber} (get_network_to_prune's order)`);
  const limit = network.subnetLimit;
  const immunity = network.networkImmunityPeriodBlocks;
  const candidates = subnets.filter((s) => s.netuid !== 0);
  const count = candidates.length;
  const immuneLeft = (s: SubnetStanding) =>
    immunity === null ? null : Math.max(0, s.registeredAtBlock + immunity - blockNumber);
  const ranked = candidates
    .filter((s) => immuneLeft(s) === 0)
    .sort((a, b) => a.movingPrice - b.movingPrice || a.registeredAtBlock - b.registeredAtBlock);
  const rankOf = new Map(ranked.map((s, i) => [s.netuid, i + 1]));
  const knowsPrune = !network.missingReads.some((m) => m.startsWith('SubnetInfoRuntimeApi.get_subnet_to_prune'));
  const recorded = network.priceSource !== null;
  const atLimit = limit === null ? null : count >= limit;
  const out = new Map<number, SubnetDeregistration>();
  for (const s of candidates) {
    const left = immuneLeft(s);
    const rank = rankOf.get(s.netuid) ?? null;
    const below = rank !== null && rank > 1 ? ranked[rank - 2] : undefined;
    const above = rank === 1 ? ranked[1] : undefined;
    const gap = below ? s.movingPrice - below.movingPrice : above ? s.movingPrice - above.movingPrice : null;
    const runtimeSaysNext = recorded && knowsPrune ? network.subnetToPrune === s.netuid : null;
    let level: RiskLevel | null;
    let reason: string;
    if (limit === null) {
      level = null;
      reason = 'SubtensorModule.SubnetLimit not read: cannot tell whether subnets are being dissolved';
    } else if (left === null) {
      level = null;
      reason = 'SubtensorModule.NetworkImmunityPeriod not read: cannot tell which subnets are immune';
    } else if (left > 0) {
      level = 'low';
      reason = `network immunity: ${(left / BLOCKS_PER_DAY).toFixed(1)} days before it can be dissolved`;
    } else if (!atLimit) {
      level = 'low';
      reason = `${count} of ${limit} subnets: none is dissolved until the limit is reached`;
    } else if (runtimeSaysNext === true || (rank !== null && rank <= thresholds.subnetDeregHighRank)) {
      level = 'high';
      reason =
        'lowest moving price among non-immune subnets at the subnet limit: dissolved by the next subnet registration';
    } else if (rank !== null && rank <= thresholds.subnetDeregMediumRank) {
      level = 'medium';
      reason = `rank ${rank} from the bottom by moving price at the subnet limit: ${rank - 1} subnet registrations before it`;
    } else {
      level = 'low';
      reason = `rank ${rank} from the bottom by moving price at the subnet limit`;
    }
    const p: Provenance = provenance;
    out.set(s.netuid, {
      level,
      reason,
      rankFromBottom: figure(rank, p, rank === null ? (left === null ? reason : 'immune: not ranked') : null),
      nonImmuneSubnets: figure(left === null ? null : ranked.length, p),
      subnetCount: figure(count, p),
      subnetLimit: figure(limit, p, limit === null ? 'SubtensorModule.SubnetLimit not read' : null),
      immunityLeftDays: figure(
        left === null ? null : left / BLOCKS_PER_DAY,
        p,
        left === null ? 'SubtensorModule.NetworkImmunityPeriod not read' : null,
      ),
      movingPriceGap: figure(gap, p, gap === null ? 'no other non-immune subnet to compare with' : null),
      runtimeSaysNext,
    });
  }
  return out;
}

/** For an analysis made without the rest of the network (a single-subnet report). */
export function unknownDeregistration(provenance: Provenance): SubnetDeregistration {
  const why = 'the other subnets were not part of this analysis';
  const none = figure(null, provenance, why);
  return {
    level: null,
    reason: why,
    rankFromBottom: none,
    nonImmuneSubnets: none,
    subnetCount: none,
    subnetLimit: none,
    immunityLeftDays: none,
    movingPriceGap: none,
    runtimeSaysNext: null,
  };
}
