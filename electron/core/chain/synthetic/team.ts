/**
 * A mining team's own hotkeys placed into the synthetic network (tests and demos of "My miners"): each takes a given
 * miner UID at a given block, as a registration would, and holds it until the simulation next replaces that UID
 * (get_neuron_to_prune picking it for a newcomer). The placement relabels the UID's holder: it shows the team's keys
 * and registration block and earns what the simulation pays that UID, so the rest of the network is exactly the
 * network without a team. Without placements nothing changes.
 *
 * The chain never prunes an immune UID; this module does not check that the next replacement comes after the
 * placement's immunity ends: a test picking the block chooses that.
 */
import type { SubnetPlan } from './plan';
import type { SubnetSim } from './subnet-sim';

export interface TeamHotkey {
  hotkey: string;
  coldkey: string;
  netuid: number;
  uid: number;
  /** Block of the registration; the UID is the team's from this block until the simulation next replaces it. */
  registeredAt: number;
}

/** How far ahead teamSlotCandidates looks for a UID's next replacement. */
export const REPLACEMENT_HORIZON = 14_400;

/** Placements by plan, then by UID (newest registration last). Plans without a team are not in the map. */
const teams = new WeakMap<SubnetPlan, Map<number, TeamHotkey[]>>();

function isMinerUid(plan: SubnetPlan, uid: number): boolean {
  return Number.isInteger(uid) && uid >= plan.firstValidator + plan.validatorCount && uid < plan.capacity;
}

/** Attaches the placements of one subnet to its plan; refuses those the generator could not honour. */
export function placeTeam(plan: SubnetPlan, placements: readonly TeamHotkey[]): void {
  const byUid = new Map<number, TeamHotkey[]>();
  for (const p of placements) {
    if (p.netuid !== plan.netuid) continue;
    if (!isMinerUid(plan, p.uid)) throw new Error(`team hotkey: SN${p.netuid} UID ${p.uid} is not a miner slot`);
    if (!Number.isInteger(p.registeredAt) || p.registeredAt <= plan.registeredAt) {
      throw new Error(`team hotkey: SN${p.netuid} does not exist yet at block ${p.registeredAt}`);
    }
    const list = byUid.get(p.uid) ?? [];
    list.push(p);
    list.sort((a, b) => a.registeredAt - b.registeredAt);
    byUid.set(p.uid, list);
  }
  if (byUid.size > 0) teams.set(plan, byUid);
}

/**
 * The placement holding `uid` at `block`, given the registration block of the simulation's holder then: the newest
 * placement at or before `block` made while that holder already held the UID (a later replacement ends it).
 */
export function teamOverlay(
  plan: SubnetPlan,
  uid: number,
  holderRegisteredAt: number,
  block: number,
): TeamHotkey | undefined {
  const placements = teams.get(plan)?.get(uid);
  if (!placements) return undefined;
  let found: TeamHotkey | undefined;
  for (const p of placements) if (p.registeredAt <= block && p.registeredAt >= holderRegisteredAt) found = p;
  return found;
}

export interface TeamSlotCandidate {
  uid: number;
  /** Registration block of the UID's holder at `block`. */
  holderRegisteredAt: number;
  /** The simulation's next replacement of the UID after `block` (within REPLACEMENT_HORIZON blocks), or null. */
  nextReplacementAt: number | null;
}

/** For tests choosing where to place a team hotkey: the miner UIDs of a subnet at `block` and when each is next replaced. */
export function teamSlotCandidates(sim: SubnetSim, block: number): TeamSlotCandidate[] {
  const plan = sim.plan;
  const state = sim.stateAt(block);
  const out: TeamSlotCandidate[] = [];
  const regs = Array.from(state.reg.subarray(0, state.n));
  for (let uid = 0; uid < regs.length; uid++) {
    if (!isMinerUid(plan, uid)) continue;
    out.push({
      uid,
      holderRegisteredAt: regs[uid]!,
      nextReplacementAt: sim.nextReplacementAfter(uid, block, REPLACEMENT_HORIZON),
    });
  }
  return out;
}
