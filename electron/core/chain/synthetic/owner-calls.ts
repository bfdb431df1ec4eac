/**
 * Hyperparameters a subnet owner changes by extrinsic, replayed by the simulation at one fixed block: the events
 * that reset a subnet's competition and that the watchlist names (issue 17 item 9). Each sits at a netuid named in
 * catalog.ts SITUATIONS; every other subnet keeps its values for ever. The calls, in subtensor's terms:
 * - weightsVersionBump: `AdminUtils::sudo_set_weights_version_key` (pallets/admin-utils/src/lib.rs, owner or root)
 *   raises WeightsVersionKey; validators reporting an older version can no longer set weights
 *   (pallets/subtensor/src/subnets/weights.rs check_version_key): new scoring code.
 * - mechanismAdded: the owner raises MechanismCountCurrent from 1 to the profile's count; the new mechanism gets its
 *   share of the epoch from the next epoch on (subnets/mechanism.rs epoch_with_mechanisms).
 * - minerBurnDropped: validators stop weighting the owner's hotkeys, so from the next epoch MinerBurned drops to 0.
 * - registrationOpened: NetworkRegistrationAllowed is false until the call (no registrations, and the subnet is not
 *   emitted to: subnet_emissions.rs get_subnets_to_emit_to), true from it on.
 * The fifth event, a new subnet, is the fresh subnet (plan.ts, FRESH_SUBNET_BLOCK).
 */
import { SITUATIONS } from './catalog';
import { DEFAULT_HEAD_BLOCK } from './constants';
import type { SubnetPlan } from './plan';
import { hash } from './rng';

/**
 * A quarter of a day before the default head: the demo's last two points (twelve hours apart, demo-data.ts) and a
 * sync either side straddle it. (A call at a sync's own block would count as before that sync.)
 */
export const OWNER_CALL_BLOCK = DEFAULT_HEAD_BLOCK - 1_800;

const TAG_VERSION = 701;

/** WeightsVersionKey at `block`: a version number most subnets set once (a quarter never did: 0 accepts any). */
export function weightsVersionKeyAt(plan: SubnetPlan, block: number): bigint {
  if (plan.netuid % 4 === 0) return 0n;
  const base = 1_000 + (hash(plan.seed, TAG_VERSION, plan.netuid) % 9_000);
  const bumped = plan.netuid === SITUATIONS.weightsVersionBump && block >= OWNER_CALL_BLOCK;
  return BigInt(bumped ? base + 1 : base);
}

/** MechanismCountCurrent at `block` (never above the profile's count, which sizes the simulation's state). */
export function mechanismCountAt(plan: SubnetPlan, block: number): number {
  const count = plan.profile.mechanismCount;
  return plan.netuid === SITUATIONS.mechanismAdded && block < OWNER_CALL_BLOCK ? count - 1 : count;
}

/** NetworkRegistrationAllowed at `block`. */
export function registrationAllowedAt(plan: SubnetPlan, block: number): boolean {
  return (
    plan.profile.registrationAllowed && !(plan.netuid === SITUATIONS.registrationOpened && block < OWNER_CALL_BLOCK)
  );
}

/** The first block registration is open from (0: always was), where emission accrual may start at the earliest. */
export function registrationOpensAt(plan: SubnetPlan): number {
  return plan.netuid === SITUATIONS.registrationOpened ? OWNER_CALL_BLOCK : 0;
}

/** Share of the miner incentive validators give the owner's hotkeys at the epoch at `block` (burned: MinerBurned). */
export function ownerShareAt(plan: SubnetPlan, block: number): number {
  return plan.netuid === SITUATIONS.minerBurnDropped && block >= OWNER_CALL_BLOCK ? 0 : plan.ownerShare;
}
