/**
 * Where one of the team's UIDs stands on its subnet at a snapshot: rank among miners, immunity, its place in the
 * chain's pruning order, and the status that follows (chain-reference §6). Pure: no I/O, no clock.
 *
 * The chain replaces, at each registration into a full subnet, the non-immune, non-owner UID with the lowest
 * last-epoch emission (ties: older registration, then lower uid). A UID is in Danger when it is not immune and
 *  - it is among the next DANGER_NEXT_TO_GO UIDs to be replaced (free slots fill first), or
 *  - the subnet is full and it earns within DANGER_MARGIN_ABOVE_LINE above the deregistration line,
 * and nobody is in Danger on a subnet whose registration is closed (nobody can push anyone out).
 * The chain's MinNonImmuneUids fallback (pruning an immune UID when too few are non-immune) is not modelled.
 */
import { BLOCKS_PER_DAY } from '../../../shared/domain';
import type { MinerStatus } from '../../../shared/miners-types';

/**
 * A busy subnet registers a few newcomers an hour; the lowest three are out within hours, sooner than a team can
 * react (tune, move hardware) after seeing it. Tests and the docs quote this number.
 */
export const DANGER_NEXT_TO_GO = 3;
/** Within 10% of the line one weak epoch drops a UID to the bottom (epoch-to-epoch emission moves more than that). */
export const DANGER_MARGIN_ABOVE_LINE = 0.1;

const HOURS_PER_BLOCK = 24 / BLOCKS_PER_DAY;

/** The rule above in the user's words, for the screen and the report. */
export const DANGER_RULE =
  `Danger: not immune, and among the next ${DANGER_NEXT_TO_GO} UIDs the chain would replace (free slots fill first) ` +
  `or earning within ${DANGER_MARGIN_ABOVE_LINE * 100}% of the deregistration line. Nobody is in danger where registration is closed.`;

/** One UID of the subnet at the snapshot, as the status rules need it. */
export interface SubnetUid {
  uid: number;
  hotkey: string;
  /** Combined incentive over mechanisms, 0..1. */
  incentive: number;
  emissionRao: bigint;
  registeredAtBlock: number;
  validatorPermit: boolean;
}

export interface SubnetFacts {
  blockNumber: number;
  tempo: number;
  immunityPeriodBlocks: number;
  ownerHotkey: string;
  /** maxUids − uidCount: registrations that take an empty slot instead of replacing someone. */
  freeSlots: number;
  registrationAllowed: boolean;
  /** The engine's deregistration line (analysis.deregLine), alpha/day. */
  deregLineAlphaPerDay: number | null;
}

export interface Standing {
  status: Exclude<MinerStatus, 'deregistered'>;
  statusReason: string;
  rank: number | null;
  minerUids: number;
  alphaPerDay: number | null;
  immunityRemainingBlocks: number | null;
  immunityRemainingHours: number | null;
  registrationsUntilPruned: number | null;
  aboveDeregLineAlphaPerDay: number | null;
  aboveDeregLineRatio: number | null;
}

function alphaPerDay(emissionRao: bigint, tempo: number): number | null {
  return tempo > 0 ? ((Number(emissionRao) / 1e9) * BLOCKS_PER_DAY) / tempo : null;
}

/** The chain's pruning order: lowest emission first, then older registration, then lower uid. */
function prunedBefore(a: SubnetUid, b: SubnetUid): boolean {
  if (a.emissionRao !== b.emissionRao) return a.emissionRao < b.emissionRao;
  if (a.registeredAtBlock !== b.registeredAtBlock) return a.registeredAtBlock < b.registeredAtBlock;
  return a.uid < b.uid;
}

const isMiner = (u: SubnetUid) => !u.validatorPermit || u.incentive > 0;

export function standingOf(uids: readonly SubnetUid[], facts: SubnetFacts, me: SubnetUid): Standing {
  const owner = (u: SubnetUid) => u.hotkey === facts.ownerHotkey;
  const immune = (u: SubnetUid) => facts.blockNumber - u.registeredAtBlock < facts.immunityPeriodBlocks;
  const miners = uids.filter((u) => !owner(u) && isMiner(u));
  const rank = isMiner(me) && !owner(me) ? 1 + miners.filter((u) => u.incentive > me.incentive).length : null;
  const mine = alphaPerDay(me.emissionRao, facts.tempo);
  const line = facts.deregLineAlphaPerDay;
  const above = mine === null || line === null ? null : mine - line;
  const base = {
    rank,
    minerUids: miners.length,
    alphaPerDay: mine,
    aboveDeregLineAlphaPerDay: above,
    aboveDeregLineRatio: above === null || line === null || line <= 0 ? null : above / line,
  };
  if (owner(me)) {
    return {
      ...base,
      status: 'safe',
      statusReason: "the subnet owner's UID: never pruned",
      immunityRemainingBlocks: null,
      immunityRemainingHours: null,
      registrationsUntilPruned: null,
    };
  }
  if (immune(me)) {
    const left = me.registeredAtBlock + facts.immunityPeriodBlocks - facts.blockNumber;
    return {
      ...base,
      status: 'immune',
      statusReason: `registered at block ${me.registeredAtBlock.toLocaleString('en-US')}: cannot be pruned for ${left} more blocks`,
      immunityRemainingBlocks: left,
      immunityRemainingHours: left * HOURS_PER_BLOCK,
      registrationsUntilPruned: null,
    };
  }
  const position = 1 + uids.filter((u) => u !== me && !owner(u) && !immune(u) && prunedBefore(u, me)).length;
  const untilPruned = facts.freeSlots + position;
  const common = {
    ...base,
    immunityRemainingBlocks: 0,
    immunityRemainingHours: 0,
    registrationsUntilPruned: untilPruned,
  };
  if (!facts.registrationAllowed) {
    return {
      ...common,
      status: 'safe',
      statusReason: 'registration is closed on this subnet: nobody is being replaced',
    };
  }
  if (untilPruned <= DANGER_NEXT_TO_GO) {
    return {
      ...common,
      status: 'danger',
      statusReason:
        untilPruned === 1
          ? 'next to be replaced at the next registration'
          : `replaced after ${untilPruned} more registrations`,
    };
  }
  const nearLine =
    facts.freeSlots === 0 && mine !== null && line !== null && mine <= line * (1 + DANGER_MARGIN_ABOVE_LINE);
  if (nearLine) {
    return {
      ...common,
      status: 'danger',
      statusReason: `earning within ${DANGER_MARGIN_ABOVE_LINE * 100}% of the deregistration line`,
    };
  }
  return { ...common, status: 'safe', statusReason: `${untilPruned} registrations before it would be replaced` };
}
