/**
 * A subnet's coldkeys without downloading the whole column every sync (32 of the ~84 bytes a UID costs on the wire).
 *
 * A UID's coldkey is `Owner(hotkey)` (ST rpc_info/metagraph.rs). It changes when the UID gets another hotkey (a
 * registration replaced it, or swap_hotkey rewrote `Keys`), which the hotkeys column, still read every sync, shows;
 * or when its owner swaps coldkeys (swap_coldkey rewrites `Owner` of all its hotkeys), which no metagraph column
 * shows. So the coldkey stored for a UID is kept while the UID's hotkey is unchanged, `Owner` is read for the
 * hotkeys that changed, and each subnet's whole column is read again once a day of blocks (the day's start spread
 * by netuid, so each hourly sync re-reads a few subnets): a coldkey swap shows within a day at the latest.
 */
import type { RawMetagraph } from './raw';
import type { BlockReader } from './raw-rpc';
import type { StorageItem } from './runtime-codecs';
import { toText } from './plain';

/** The keys a subnet's UIDs had at the block they were last stored (index = UID). */
export interface KnownKeys {
  blockNumber: number;
  hotkeys: string[];
  coldkeys: string[];
}

/** Blocks between whole-column reads of one subnet's coldkeys (a day at 12 s a block). */
export const COLDKEY_REFRESH_BLOCKS = 7200;

/** Keys per state_queryStorageAt: a few re-registrations an hour fit one; a long gap takes a few more. */
const OWNERS_PER_REQUEST = 1024;

/** True when the subnet's coldkeys must be read whole at `blockNumber`: nothing stored, or a day boundary crossed. */
export function coldkeysDue(netuid: number, blockNumber: number, known: KnownKeys | undefined): boolean {
  if (!known) return true;
  const shift = (netuid * 57) % COLDKEY_REFRESH_BLOCKS;
  const day = (block: number) => Math.floor((block + shift) / COLDKEY_REFRESH_BLOCKS);
  return day(blockNumber) !== day(known.blockNumber);
}

/**
 * Fills `metagraph.coldkeys` (read without them) with the stored coldkey of each UID whose hotkey is unchanged;
 * returns the hotkeys whose owner must be read (their slots are left empty for `fillColdkeys`).
 */
export function keepKnownColdkeys(metagraph: RawMetagraph, known: KnownKeys): string[] {
  const unknown: string[] = [];
  metagraph.coldkeys = metagraph.hotkeys.map((hotkey, uid) => {
    if (known.hotkeys[uid] === hotkey && known.coldkeys[uid] !== undefined) return known.coldkeys[uid];
    unknown.push(hotkey);
    return '';
  });
  return unknown;
}

/** Puts the owners read by `readOwners` into the empty slots `keepKnownColdkeys` left. */
export function fillColdkeys(metagraph: RawMetagraph, owners: ReadonlyMap<string, string>): void {
  metagraph.coldkeys = metagraph.coldkeys.map((coldkey, uid) =>
    coldkey === '' ? owners.get(metagraph.hotkeys[uid]!)! : coldkey,
  );
}

/** `Owner(hotkey)` of each hotkey, batched into as few storage requests as the node takes comfortably. */
export async function readOwners(
  read: BlockReader,
  owner: StorageItem,
  hotkeys: Iterable<string>,
): Promise<Map<string, string>> {
  const unique = [...new Set(hotkeys)];
  const owners = new Map<string, string>();
  for (let i = 0; i < unique.length; i += OWNERS_PER_REQUEST) {
    const batch = unique.slice(i, i + OWNERS_PER_REQUEST);
    const values = await read.storage(batch.map((hotkey) => [owner, hotkey] as const));
    batch.forEach((hotkey, k) => owners.set(hotkey, toText(values[k], `Owner(${hotkey})`)));
  }
  return owners;
}
