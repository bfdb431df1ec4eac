/**
 * "My miners" part of the contract (spread into `contract` in api.ts): the team's own public keys, every UID they
 * hold on any subnet with its status and earnings, and alerts since the previous sync.
 */
import type { MinerAlert, MyMinersReport, TeamKey, TeamKeyAdded } from './miners-types';
import {
  EarningsDropAlertSchema,
  MinerRentSchema,
  MinersReportSchema,
  TeamKeyAddSchema,
  TeamKeyIdSchema,
  TeamKeyUpdateSchema,
} from './miners-schemas';
import { none, op } from './contract-op';

export const minersContract = {
  'miners.keys': op<TeamKey[]>()(none),
  /** Refuses an invalid or wrong-network address, a duplicate, and anything that looks like a seed phrase. */
  'miners.addKey': op<TeamKeyAdded>()(TeamKeyAddSchema),
  'miners.updateKey': op<TeamKey>()(TeamKeyUpdateSchema),
  'miners.removeKey': op<{ id: number }>()(TeamKeyIdSchema),
  /** Rent of one miner (netuid + hotkey), overriding its key's; null removes it. */
  'miners.setMinerRent': op<{ netuid: number; hotkey: string; rentUsdPerMonth: number | null }>()(MinerRentSchema),
  'miners.setEarningsDropAlert': op<{ percent: number }>()(EarningsDropAlertSchema),
  'miners.report': op<MyMinersReport>()(MinersReportSchema),
  /** Only the alerts (the nav badge and the watchlists strip). */
  'miners.alerts': op<MinerAlert[]>()(none),
} as const;
