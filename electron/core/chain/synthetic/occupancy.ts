/**
 * Who holds each UID slot at any block, in closed form. Time is cut into eras of two days; in each era a slot is
 * replaced (a newcomer registers into it) at most once, with a per-subnet probability, at an offset drawn from
 * the seed. Offsets stay in the first part of the era so two replacements of one slot are always more than
 * MIN_TENURE blocks apart: since every generated ImmunityPeriod is ≤ MIN_TENURE, a replaced UID is never immune.
 * The occupant of a slot at block B is the newest replacement ≤ B, found by walking back era by era; nothing
 * is replayed, so block 9,000,000 costs the same as block 9.
 */
import { unit } from './rng';

export const ERA_BLOCKS = 14_400;
export const MIN_TENURE = 7_200;
const EVENT_WINDOW = ERA_BLOCKS - MIN_TENURE;

const TAG_EVENT = 101;
const TAG_OFFSET = 102;

/** The part of a slot's life that does not depend on time. */
export interface SlotPlan {
  seed: number;
  netuid: number;
  slot: number;
  /** First block the slot held a neuron (Infinity: never filled). */
  foundedAt: number;
  /** Probability of a replacement per era; 0 for owner and validator slots and closed subnets. */
  rate: number;
  /** Where this slot's eras start, in [0, ERA_BLOCKS). */
  phase: number;
}

function eraOf(plan: SlotPlan, block: number): number {
  return Math.floor((block - plan.phase) / ERA_BLOCKS);
}

function eventInEra(plan: SlotPlan, era: number): number | null {
  if (unit(plan.seed, TAG_EVENT, plan.netuid, plan.slot, era) >= plan.rate) return null;
  const block = plan.phase + era * ERA_BLOCKS + Math.floor(unit(plan.seed, TAG_OFFSET, plan.netuid, plan.slot, era) * EVENT_WINDOW);
  // The first occupant also gets a full tenure before it can be replaced.
  return block >= plan.foundedAt + MIN_TENURE ? block : null;
}

/** Registration block of the slot's occupant at `block`, or -1 if the slot is still empty then. */
export function registrationAt(plan: SlotPlan, block: number): number {
  if (block < plan.foundedAt) return -1;
  if (plan.rate <= 0) return plan.foundedAt;
  const firstEra = eraOf(plan, plan.foundedAt + MIN_TENURE);
  for (let era = eraOf(plan, block); era >= firstEra; era--) {
    const event = eventInEra(plan, era);
    if (event !== null && event <= block) return event;
  }
  return plan.foundedAt;
}

/**
 * The next replacement strictly after `block` within the current and next era, or null if there is none that
 * soon. Used to let an occupant's performance fade before it is pruned, so the UID a newcomer replaces is one
 * that earned nothing in the last epoch (the chain prunes the lowest-emission non-immune UID).
 */
export function nextReplacementAfter(plan: SlotPlan, block: number): number | null {
  if (plan.rate <= 0) return null;
  const era = eraOf(plan, block);
  for (let e = era; e <= era + 1; e++) {
    const event = eventInEra(plan, e);
    if (event !== null && event > block) return event;
  }
  return null;
}
