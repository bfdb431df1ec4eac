/**
 * A mining team's own hotkeys placed into the synthetic network (tests and demos of "My miners"): each takes a
 * given miner UID at a given block, as a registration would, and holds it until the slot's next natural
 * replacement, so the generator's ordinary pruning removes it later. Its performance then follows the same rules
 * as any occupant's (ramp-up from its registration, fade before it is replaced). Without placements nothing changes.
 *
 * The chain never prunes an immune UID; this module does not check that the next natural replacement comes after
 * the placement's immunity ends: a test picking the block chooses that.
 */
import { nextReplacementAfter, registrationAt, type SlotPlan } from './occupancy';
import type { SubnetPlan } from './plan';

export interface TeamHotkey {
  hotkey: string;
  coldkey: string;
  netuid: number;
  uid: number;
  /** Block of the registration; the UID is the team's from this block until the slot's next natural replacement. */
  registeredAt: number;
}

/** Placements by plan, then by UID (newest registration last). Plans without a team are not in the map. */
const teams = new WeakMap<SubnetPlan, Map<number, TeamHotkey[]>>();

function roleIsMiner(plan: SubnetPlan, uid: number): boolean {
  return uid !== plan.ownerSlot && uid >= plan.firstValidator + plan.validatorCount && uid < plan.capacity;
}

/** Attaches the placements of one subnet to its plan; refuses those the generator could not honour. */
export function placeTeam(plan: SubnetPlan, placements: readonly TeamHotkey[]): void {
  const byUid = new Map<number, TeamHotkey[]>();
  for (const p of placements) {
    if (p.netuid !== plan.netuid) continue;
    const slot = plan.slots[p.uid];
    if (!slot || !roleIsMiner(plan, p.uid)) throw new Error(`team hotkey: SN${p.netuid} UID ${p.uid} is not a miner slot`);
    if (!Number.isInteger(p.registeredAt) || p.registeredAt < slot.foundedAt) {
      throw new Error(`team hotkey: SN${p.netuid} UID ${p.uid} is not filled yet at block ${p.registeredAt}`);
    }
    const list = byUid.get(p.uid) ?? [];
    list.push(p);
    list.sort((a, b) => a.registeredAt - b.registeredAt);
    byUid.set(p.uid, list);
  }
  if (byUid.size > 0) teams.set(plan, byUid);
}

/**
 * The registration block of a slot's holder at `block` when a team placement holds it: the newest registration
 * wins, so a placement holds from its block until a natural replacement comes after it. null: the natural holder.
 */
export function teamRegistrationAt(plan: SubnetPlan, slot: SlotPlan, naturalReg: number, block: number): number | null {
  const placements = teams.get(plan)?.get(slot.slot);
  if (!placements) return null;
  let reg: number | null = null;
  for (const p of placements) if (p.registeredAt <= block && p.registeredAt >= naturalReg) reg = p.registeredAt;
  return reg;
}

/** The team placement that registered `uid` at `reg`, if that holder is one. */
export function teamHolder(plan: SubnetPlan, uid: number, reg: number): TeamHotkey | undefined {
  return teams.get(plan)?.get(uid)?.find((p) => p.registeredAt === reg);
}

export interface TeamSlotCandidate {
  uid: number;
  /** Registration block of the slot's natural holder at `block`. */
  holderRegisteredAt: number;
  /** The slot's next natural replacement after `block` (within two eras), or null. */
  nextReplacementAt: number | null;
}

/**
 * For tests choosing where to place a team hotkey: the miner slots of a subnet that are filled at `block`, with
 * when their holder registered and when the generator next replaces it. `plan` is the subnet's plan as the
 * network built it (createSubnetPlan is pure, so a test may rebuild it).
 */
export function teamSlotCandidates(plan: SubnetPlan, block: number): TeamSlotCandidate[] {
  const out: TeamSlotCandidate[] = [];
  for (const slot of plan.slots) {
    if (!roleIsMiner(plan, slot.slot) || slot.rate <= 0) continue;
    const holderRegisteredAt = registrationAt(slot, block);
    if (holderRegisteredAt < 0) continue;
    out.push({ uid: slot.slot, holderRegisteredAt, nextReplacementAt: nextReplacementAfter(slot, block) });
  }
  return out;
}
