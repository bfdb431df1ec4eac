/**
 * What one sync point's UID rows say about a subnet, in one pass over them: who mines, validates, earns and is
 * immune, the earning miners' incentive curve, the last epoch's payout per unit of incentive, and which UID the
 * chain would prune next.
 *
 * Who counts as what:
 * - owner-held UIDs: the subnet owner's hotkey and every hotkey of the owner's coldkey; their incentive is burned
 *   (ST coinbase/run_coinbase.rs get_owner_hotkeys), so they are in none of the groups below;
 * - miner: no validator permit, or a permit and incentive > 0 (a "dual" UID earns from the miner pool, so it is
 *   part of the incentive curve a newcomer competes against);
 * - validator: a validator permit (duals are counted here too, and in dualUids);
 * - earning miner: a miner with combined incentive > 0; zero-earner: a miner with none;
 * - immune: registered fewer than ImmunityPeriod blocks before the snapshot (ST utils/misc.rs get_neuron_is_immune).
 */
import type { NeuronSnapshot, Provenance } from '../../../shared/domain';
import type { Figure, PruningWorking, SubnetInput } from '../../../shared/economics';
import { combineIncentives } from './incentive';
import { immortalOwnerUids, isOwnerHeld } from './owners';
import { figure } from './provenance';
import { perEpochToPerDay, raoToUnits, u16Share } from './units';

/** ST lib.rs MinNonImmuneUids default, for rows recorded before the sync read it. */
export const DEFAULT_MIN_NON_IMMUNE_UIDS = 10;
export const NO_UIDS = 'UID rows not stored for this sync point';

/** What the UID rows say, or null when they were not stored. */
export interface UidFacts {
  minerUids: number;
  earningMiners: number;
  validators: number;
  dualUids: number;
  immuneUids: number;
  ownerUids: number;
  earningColdkeys: number;
  /** Combined incentive of earning (non-owner) miners, ascending. */
  earningIncentivesAsc: number[];
  /** Incentive summed per coldkey over earning miners, ascending. */
  coldkeyIncentivesAsc: number[];
  ownerIncentiveShare: number | null;
  /** Σ combined incentive over all UIDs and over non-owner UIDs. */
  incentiveSum: number;
  receivedIncentiveSum: number;
  /** Σ mechanism-0 incentive and dividends (u16 shares): the epoch's miner/validator split. */
  incentiveSumU16: number;
  dividendSumU16: number;
  /** Alpha (rao) the chain paid per unit of combined incentive in the last epoch, from UIDs without dividends. */
  alphaRaoPerIncentive: number | null;
  emissionAlphaPerDayAsc: number[];
  nonImmuneEmissionAlphaPerDayAsc: number[];
  pruning: Omit<PruningWorking, 'immuneOwnerUidsLimit' | 'minNonImmuneUids' | 'nonImmuneUids'> & { nonImmune: number };
  deregLineAlphaPerDay: number | null;
  deregLineUid: number | null;
  registrationsSincePrevious: number | null;
  mechanismsExpected: number;
  mechanismsRead: number;
}

type Candidate = { emissionRao: bigint; registeredAtBlock: number; uid: number };

/** get_neuron_to_prune's order: lowest emission first, then older registration, then lower uid. */
function prunedBefore(a: Candidate, b: Candidate): boolean {
  if (a.emissionRao !== b.emissionRao) return a.emissionRao < b.emissionRao;
  if (a.registeredAtBlock !== b.registeredAtBlock) return a.registeredAtBlock < b.registeredAtBlock;
  return a.uid < b.uid;
}

export function readUids(
  input: SubnetInput,
  neurons: readonly NeuronSnapshot[],
  previousBlockNumber: number | null,
): UidFacts {
  const { subnet } = input;
  const combined = combineIncentives(subnet, neurons);
  const immortal = immortalOwnerUids(subnet, neurons);
  const minNonImmune = subnet.minNonImmuneUids ?? DEFAULT_MIN_NON_IMMUNE_UIDS;
  let incentiveSum = 0;
  let ownerIncentive = 0;
  let incentiveSumU16 = 0;
  let dividendSumU16 = 0;
  let minerUids = 0;
  let validators = 0;
  let dualUids = 0;
  let immuneUids = 0;
  let ownerUids = 0;
  let nonImmune = 0;
  let registrationsSincePrevious = 0;
  let paidRao = 0n;
  let paidIncentive = 0;
  let lowestNonImmune: NeuronSnapshot | null = null;
  let lowestImmune: NeuronSnapshot | null = null;
  const earningIncentivesAsc: number[] = [];
  const byColdkey = new Map<string, number>();
  const emissionAlphaPerDayAsc: number[] = [];
  const nonImmuneEmissionAlphaPerDayAsc: number[] = [];

  for (let i = 0; i < neurons.length; i++) {
    const n = neurons[i] as NeuronSnapshot;
    const incentive = combined.incentives[i] as number;
    incentiveSum += incentive;
    incentiveSumU16 += u16Share(n.incentivesU16[0] ?? 0);
    dividendSumU16 += u16Share(n.dividendsU16);
    if (previousBlockNumber !== null && n.registeredAtBlock > previousBlockNumber) registrationsSincePrevious++;
    // A UID without dividends was paid only for its incentive: what the chain paid per unit of incentive (its
    // Emission over the weight Emission is stored in proportion to: see combineIncentives' emissionWeights).
    if (incentive > 0 && n.dividendsU16 === 0) {
      paidRao += n.emissionRao;
      paidIncentive += combined.emissionWeights[i] as number;
    }
    const immune = input.blockNumber - n.registeredAtBlock < subnet.immunityPeriodBlocks;
    if (!immortal.has(n.uid)) {
      // get_neuron_to_prune's candidates: every UID but the owner-immortal ones (other owner UIDs included).
      const perDay = perEpochToPerDay(raoToUnits(n.emissionRao), subnet.tempo);
      if (perDay !== null) emissionAlphaPerDayAsc.push(perDay);
      if (immune) {
        if (lowestImmune === null || prunedBefore(n, lowestImmune)) lowestImmune = n;
      } else {
        nonImmune++;
        if (perDay !== null) nonImmuneEmissionAlphaPerDayAsc.push(perDay);
        if (lowestNonImmune === null || prunedBefore(n, lowestNonImmune)) lowestNonImmune = n;
      }
    }
    if (isOwnerHeld(subnet, n)) {
      ownerUids++;
      ownerIncentive += incentive;
      continue;
    }
    if (immune) immuneUids++;
    if (n.validatorPermit) validators++;
    if (n.validatorPermit && incentive > 0) dualUids++;
    if (n.validatorPermit && incentive === 0) continue;
    minerUids++;
    if (incentive > 0) {
      earningIncentivesAsc.push(incentive);
      byColdkey.set(n.coldkey, (byColdkey.get(n.coldkey) ?? 0) + incentive);
    }
  }
  earningIncentivesAsc.sort((a, b) => a - b);
  emissionAlphaPerDayAsc.sort((a, b) => a - b);
  nonImmuneEmissionAlphaPerDayAsc.sort((a, b) => a - b);
  const coldkeyIncentivesAsc = [...byColdkey.values()].sort((a, b) => a - b);

  // ST subnets/registration.rs get_neuron_to_prune: the lowest non-immune while more than MinNonImmuneUids remain,
  // else the lowest immune.
  const floorApplies = nonImmune <= minNonImmune;
  const next = !floorApplies && lowestNonImmune !== null ? lowestNonImmune : lowestImmune;
  const reason =
    next === null
      ? 'no UID can be pruned (only owner-immortal UIDs)'
      : next === lowestNonImmune
        ? 'lowest last-epoch emission among non-immune UIDs (ties: older registration, then lower UID)'
        : lowestNonImmune === null
          ? 'every prunable UID is immune: the lowest immune one goes'
          : `only ${nonImmune} non-immune UIDs, not more than MinNonImmuneUids (${minNonImmune}): the lowest immune UID goes instead`;
  const line =
    lowestNonImmune === null ? null : perEpochToPerDay(raoToUnits(lowestNonImmune.emissionRao), subnet.tempo);
  return {
    minerUids,
    earningMiners: earningIncentivesAsc.length,
    validators,
    dualUids,
    immuneUids,
    ownerUids,
    earningColdkeys: byColdkey.size,
    earningIncentivesAsc,
    coldkeyIncentivesAsc,
    ownerIncentiveShare: incentiveSum > 0 ? ownerIncentive / incentiveSum : null,
    incentiveSum,
    receivedIncentiveSum: incentiveSum - ownerIncentive,
    incentiveSumU16,
    dividendSumU16,
    alphaRaoPerIncentive: paidIncentive > 0 ? Number(paidRao) / paidIncentive : null,
    emissionAlphaPerDayAsc,
    nonImmuneEmissionAlphaPerDayAsc,
    pruning: { nextUid: next?.uid ?? null, reason, immortalOwnerUids: [...immortal].sort((a, b) => a - b), nonImmune },
    deregLineAlphaPerDay: line,
    deregLineUid: lowestNonImmune?.uid ?? null,
    registrationsSincePrevious: previousBlockNumber === null ? null : registrationsSincePrevious,
    mechanismsExpected: combined.mechanismsExpected,
    mechanismsRead: combined.mechanismsRead,
  };
}

/** A count from the UID rows as a figure, or "not stored" without them. */
export function count(uids: UidFacts | null, pick: (u: UidFacts) => number, provenance: Provenance): Figure {
  return uids === null ? figure(null, provenance, NO_UIDS) : figure(pick(uids), provenance);
}

export function earningShareOfMiners(uids: UidFacts | null, provenance: Provenance): Figure {
  if (uids === null) return figure(null, provenance, NO_UIDS);
  if (uids.minerUids === 0) return figure(null, provenance, 'no miner UIDs');
  return figure(uids.earningMiners / uids.minerUids, provenance);
}
