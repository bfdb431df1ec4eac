/**
 * A mining team placed into the stand-in node's network (seed 7, 10 subnets × 24 UIDs), for the My miners tests:
 * rig A on SN7 (flat rewards) holds a UID the generator replaces soon after the head, rig B on SN4 (power law)
 * registered recently and is immune for the first 600 blocks. Both belong to one team coldkey.
 */
import { encodeAddress } from '@polkadot/util-crypto';
import { DEFAULT_HEAD_BLOCK } from '../../electron/core/chain/synthetic/constants';
import { SyntheticNetwork } from '../../electron/core/chain/synthetic/network';

export const TEAM_NETWORK = { seed: 7, subnetCount: 10, maxUids: 24 };
export const HEAD = DEFAULT_HEAD_BLOCK;
export const teamAddress = (byte: number) => encodeAddress(new Uint8Array(32).fill(byte), 42);
export const TEAM_COLD = teamAddress(9);

const plain = new SyntheticNetwork(TEAM_NETWORK);
export const slotA = plain
  .teamSlotCandidates(7, HEAD)
  .find(
    (c) =>
      c.nextReplacementAt !== null &&
      c.nextReplacementAt > HEAD + 1000 &&
      c.nextReplacementAt < HEAD + 6000 &&
      c.holderRegisteredAt < HEAD - 9000,
  )!;
export const slotB = plain
  .teamSlotCandidates(4, HEAD)
  .find((c) => c.nextReplacementAt === null && c.holderRegisteredAt < HEAD - 5000)!;
const immunityB = plain.stateAt(HEAD).subnets.get(4)!.metagraph.immunityPeriod;

export const rigA = {
  hotkey: teamAddress(1),
  coldkey: TEAM_COLD,
  netuid: 7,
  uid: slotA.uid,
  registeredAt: HEAD - 8000,
};
export const rigB = {
  hotkey: teamAddress(2),
  coldkey: TEAM_COLD,
  netuid: 4,
  uid: slotB.uid,
  registeredAt: HEAD - immunityB + 600,
};
/** Blocks to produce after the head for the generator to replace rig A (and B's immunity to be long over). */
export const BLOCKS_UNTIL_A_PRUNED = slotA.nextReplacementAt! - HEAD + 10;
