/**
 * The events that reset a subnet's competition (issue 17 item 9) happen in the stand-in network as the owner's calls
 * would make them on chain: each at its SITUATIONS netuid, at OWNER_CALL_BLOCK, and nowhere else.
 */
import { describe, expect, it } from 'vitest';
import type { RawNetworkState, RawSubnetState } from '../raw';
import { SITUATIONS } from './catalog';
import { FRESH_SUBNET_BLOCK } from './constants';
import { SyntheticNetwork } from './network';
import { OWNER_CALL_BLOCK } from './owner-calls';

// 40 subnets hold every situation (the fresh subnet is 39, 40 is dead); 16 UIDs keep it quick.
const net = new SyntheticNetwork({ seed: 'owner-calls', subnetCount: 40, maxUids: 16 });
/** An epoch of the slowest tempo (720) after the call: every subnet has run one since. */
const before = net.stateAt(OWNER_CALL_BLOCK - 1);
const after = net.stateAt(OWNER_CALL_BLOCK + 800);
const sub = (state: RawNetworkState, netuid: number): RawSubnetState => {
  const s = state.subnets.get(netuid);
  if (!s) throw new Error(`SN${netuid} missing at block ${state.blockNumber}`);
  return s;
};
const minerBurned = (s: RawSubnetState) => Number(s.storage.minerBurnedBits) / 2 ** 32;
const others = (skip: number) => [...after.subnets.keys()].filter((n) => n !== skip && before.subnets.has(n));

describe('stand-in network: the owner calls that reset a subnet’s competition', () => {
  it('bumps the weights version key of one subnet, by one, at the call block', () => {
    const netuid = SITUATIONS.weightsVersionBump;
    const old = sub(before, netuid).storage.weightsVersionKey!;
    expect(old).toBeGreaterThan(0n);
    expect(sub(net.stateAt(OWNER_CALL_BLOCK), netuid).storage.weightsVersionKey).toBe(old + 1n);
    for (const n of others(netuid))
      expect(sub(after, n).storage.weightsVersionKey, `SN${n}`).toBe(sub(before, n).storage.weightsVersionKey);
  });

  it('adds a mechanism: its incentive vector appears at the call, empty until the next epoch scores it', () => {
    const netuid = SITUATIONS.mechanismAdded;
    expect(sub(before, netuid).storage.mechanismCount).toBe(1);
    expect(sub(before, netuid).extraMechanismIncentives).toEqual([]);
    const atCall = sub(net.stateAt(OWNER_CALL_BLOCK), netuid);
    expect(atCall.storage.mechanismCount).toBe(2);
    expect(atCall.extraMechanismIncentives).toHaveLength(1);
    const later = sub(after, netuid);
    expect(later.extraMechanismIncentives[0]!.some((x) => x > 0)).toBe(true);
    for (const n of others(netuid))
      expect(sub(after, n).storage.mechanismCount, `SN${n}`).toBe(sub(before, n).storage.mechanismCount);
  });

  it('drops the owner’s miner burn to 0 from the next epoch', () => {
    const netuid = SITUATIONS.minerBurnDropped;
    expect(minerBurned(sub(before, netuid))).toBeGreaterThan(0.1);
    expect(minerBurned(sub(after, netuid))).toBe(0);
    const m = sub(after, netuid).metagraph;
    const owner = m.hotkeys.indexOf(sub(after, netuid).dynamic.ownerHotkey);
    expect(m.incentives[owner] ?? 0).toBe(0);
  });

  it('opens registration on a subnet that was closed (and not emitted to); newcomers register from then on', () => {
    const netuid = SITUATIONS.registrationOpened;
    const closed = sub(before, netuid);
    expect(closed.metagraph.registrationAllowed).toBe(false);
    expect(closed.dynamic.taoInEmission).toBe(0n);
    // Nobody registered while it was closed.
    expect(sub(net.stateAt(OWNER_CALL_BLOCK - 7_200), netuid).metagraph.blockAtRegistration).toEqual(
      closed.metagraph.blockAtRegistration,
    );
    const open = sub(net.stateAt(OWNER_CALL_BLOCK + 3_600), netuid);
    expect(open.metagraph.registrationAllowed).toBe(true);
    expect(open.dynamic.taoInEmission + (open.storage.excessTao ?? 0n)).toBeGreaterThan(0n);
    expect(open.metagraph.blockAtRegistration.some((b) => Number(b) >= OWNER_CALL_BLOCK)).toBe(true);
    for (const n of others(netuid))
      expect(sub(after, n).metagraph.registrationAllowed, `SN${n}`).toBe(sub(before, n).metagraph.registrationAllowed);
  });

  it('registers a new subnet at FRESH_SUBNET_BLOCK', () => {
    const fresh = net.variety.fresh[0]!;
    expect(net.stateAt(FRESH_SUBNET_BLOCK - 1).subnets.has(fresh)).toBe(false);
    expect(sub(net.stateAt(FRESH_SUBNET_BLOCK), fresh).dynamic.networkRegisteredAt).toBe(BigInt(FRESH_SUBNET_BLOCK));
  });
});
