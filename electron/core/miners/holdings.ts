/**
 * What a newly added key holds in the latest data, said in words: how many UIDs, or why none (nothing synced yet,
 * or the address is there but in the other role: a hotkey entered as a coldkey or the reverse).
 */
import type { TeamKey, TeamKeyAdded } from '../../../shared/miners-types';
import { latestSubnets } from '../db/snapshot-read';
import type { Workspace } from '../workspace';
import { readSightings, scanForKeys } from './sightings';
import { unpackKeys } from '../db/neuron-pack';

export function keyHoldings(ws: Workspace, key: TeamKey): TeamKeyAdded {
  const latest = latestSubnets(ws.db);
  if (latest.length === 0) {
    return { key, uidsHeld: null, notice: 'No data synced yet: the UIDs this key holds appear after the first sync.' };
  }
  const latestPointOf = new Map(latest.map((s) => [s.snapshot.netuid, s.pointId]));
  const pointIds = [...new Set(latestPointOf.values())];
  scanForKeys(ws.db, [key], pointIds);
  const held = readSightings(ws.db, pointIds).filter(
    (s) => s.keyId === key.id && latestPointOf.get(s.netuid) === s.pointId,
  );
  if (held.length > 0) {
    const subnets = new Set(held.map((s) => s.netuid)).size;
    return {
      key,
      uidsHeld: held.length,
      notice: `Found ${held.length} UID${held.length === 1 ? '' : 's'} on ${subnets} subnet${subnets === 1 ? '' : 's'}.`,
    };
  }
  const block = Math.max(...latest.map((s) => s.blockNumber));
  const other = key.kind === 'hotkey' ? 'coldkey' : 'hotkey';
  const inOtherRole = uidsHeldAs(ws, key.address, other, pointIds);
  const notice =
    inOtherRole > 0
      ? `This address holds no UID as a ${key.kind}, but it is the ${other} of ${inOtherRole} UID${inOtherRole === 1 ? '' : 's'} ` +
        `in the latest sync: remove it and add it again as a ${other}.`
      : `This ${key.kind} holds no UID in the latest sync (block ${block}). It is kept and watched: its UIDs appear ` +
        'after a sync that finds them.';
  return { key, uidsHeld: 0, notice };
}

/** How many UIDs of the given syncs have `address` as their hotkey or coldkey. */
function uidsHeldAs(ws: Workspace, address: string, role: 'hotkey' | 'coldkey', pointIds: readonly number[]): number {
  const id = ws.db.prepare('SELECT id FROM accounts WHERE address = ?').pluck().get(address) as number | undefined;
  if (id === undefined) return 0;
  const packs = ws.db
    .prepare(`SELECT keys FROM neuron_packs WHERE point_id IN (${pointIds.map(Number).join(',')})`)
    .pluck()
    .all() as Buffer[];
  let held = 0;
  for (const blob of packs) {
    const keys = unpackKeys(blob);
    for (const k of role === 'hotkey' ? keys.hotkeyIds : keys.coldkeyIds) if (k === id) held++;
  }
  return held;
}
