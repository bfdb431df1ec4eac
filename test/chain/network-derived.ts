/**
 * Chain values the generator does not model but a real node has, derived from its state so that the storage
 * items and the runtime APIs reading them agree: the subnet lock cost, subnet accounts, delegates. Constants are the
 * runtime defaults (chain-reference.md §3); the subnet limit and network immunity come with the simulated state.
 */
import type { RawNetworkState } from '../../electron/core/chain/raw';
import { RAO } from '../../electron/core/chain/synthetic/constants';

/** Validator take every synthetic hotkey charges (the chain default, 11_796/65_535 ≈ 18%). */
export const DEFAULT_TAKE = 11_796;
const PALLET_ID = new TextEncoder().encode('modlsubtensr');

export interface NetworkLock {
  minLock: bigint;
  /** What the newest subnet paid. Not generated: taken as twice the minimum (the cost right after a registration). */
  lastLock: bigint;
  lastLockBlock: bigint;
  reductionInterval: bigint;
}

export function networkLock(state: RawNetworkState): NetworkLock {
  let lastLockBlock = 0n;
  for (const [netuid, s] of state.subnets) {
    if (netuid !== 0 && s.dynamic.networkRegisteredAt > lastLockBlock) lastLockBlock = s.dynamic.networkRegisteredAt;
  }
  const minLock = 1_000n * BigInt(RAO);
  return { minLock, lastLock: 2n * minLock, lastLockBlock, reductionInterval: 14n * 7_200n };
}

/**
 * get_network_registration_cost (ST coinbase/root.rs::get_network_lock_cost): the last lock doubled, decaying
 * linearly back to the minimum over the reduction interval.
 */
export function networkRegistrationCost(state: RawNetworkState): bigint {
  const { minLock, lastLock, lastLockBlock, reductionInterval } = networkLock(state);
  const mult = lastLockBlock === 0n ? 1n : 2n;
  const elapsed = BigInt(state.blockNumber) - lastLockBlock;
  const decayed = lastLock * mult - (lastLock / reductionInterval) * elapsed;
  return decayed > minLock ? decayed : minLock;
}

/** The subnet's pallet sub-account: "modl" ++ PalletId ++ netuid (u16 LE), zero-padded to 32 bytes. */
export function subnetAccountId(netuid: number): Uint8Array {
  const account = new Uint8Array(32);
  account.set(PALLET_ID);
  account[PALLET_ID.length] = netuid & 0xff;
  account[PALLET_ID.length + 1] = netuid >> 8;
  return account;
}
