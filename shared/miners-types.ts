/**
 * Result types of "My miners" (see miners-api.ts): the team's own keys, every UID they hold, how each is doing,
 * and what changed since the previous sync. Units are in the names; null is "not known", never zero.
 */

export type TeamKeyKind = 'hotkey' | 'coldkey';

/** A public address of the team's (never a seed phrase or private key: the app has no use for either). */
export interface TeamKey {
  id: number;
  /** SS58, network prefix 42. */
  address: string;
  kind: TeamKeyKind;
  label: string;
  /** Hardware rent for each UID this key holds, USD/month; null = not assigned (the scenario's rent applies). */
  rentUsdPerMonth: number | null;
  createdAtMs: number;
}

export interface TeamKeyAdded {
  key: TeamKey;
  /** UIDs the key holds in the latest sync (null: nothing synced yet). */
  uidsHeld: number | null;
  /** Said to the user after adding, e.g. that the key holds nothing yet. */
  notice: string | null;
}

/**
 * Immune: registered less than ImmunityPeriod blocks ago, cannot be pruned. Danger: not immune and next in line
 * to be replaced (see electron/core/miners/status.ts for the margin). Deregistered: held at an earlier sync, gone now.
 */
export type MinerStatus = 'immune' | 'safe' | 'danger' | 'deregistered';

export const MINER_STATUS_LABELS: Record<MinerStatus, string> = {
  immune: 'Immune',
  safe: 'Safe',
  danger: 'Danger',
  deregistered: 'Deregistered',
};

/** Where a miner's rent comes from: its own, its key's, or the scenario's (an assumption for every miner). */
export type RentSource = 'miner' | 'key' | 'scenario';

/** One UID the team's keys hold (or held, when deregistered). Identity: netuid + uid + hotkey. */
export interface MyMiner {
  id: string;
  netuid: number;
  subnetName: string;
  uid: number;
  hotkey: string;
  coldkey: string;
  /** The hotkey's label, else the coldkey's with the hotkey shortened. */
  label: string;
  /** Team keys this UID matched (a hotkey key and its coldkey's key may both match). */
  keyIds: number[];
  status: MinerStatus;
  /** Why the status is what it is, in words. */
  statusReason: string;
  /** Block of the subnet snapshot these figures come from (for a deregistered miner: where it was last seen). */
  blockNumber: number;
  blockTimeMs: number;
  /** Deregistered: block of the first sync that found the UID gone. */
  prunedAtBlock: number | null;
  registeredAtBlock: number;
  /** 1 = highest incentive among the subnet's miner UIDs (owner UIDs excluded); null for a validator-only UID. */
  rank: number | null;
  minerUids: number | null;
  /** Combined incentive over mechanisms, 0..1. */
  incentive: number | null;
  /** From the last epoch: emission × 7200 / tempo. */
  alphaPerDay: number | null;
  taoPerDay: number | null;
  /** Realised at the scenario's TAO price after its sell discount. */
  usdPerDay: number | null;
  /** Mean TAO/day over the stored syncs of the history window that saw this UID. */
  windowTaoPerDay: number | null;
  windowSyncs: number;
  immunityRemainingBlocks: number | null;
  immunityRemainingHours: number | null;
  /** The subnet's deregistration line (lowest emission among non-immune, non-owner UIDs), alpha/day. */
  deregLineAlphaPerDay: number | null;
  /** alphaPerDay − the line (0 when this UID is the line). */
  aboveDeregLineAlphaPerDay: number | null;
  /** (alphaPerDay − line) / line; null when the line is 0 or unknown. */
  aboveDeregLineRatio: number | null;
  /** Registrations (free slots first) until the chain would replace this UID; null while immune or unknown. */
  registrationsUntilPruned: number | null;
  earningsUsdPerMonth: number | null;
  /** The engine's expectation for a miner at this rank under the scenario (evaluateNewcomer; see miners/figures.ts). */
  expectedTaoPerDay: number | null;
  expectedUsdPerMonth: number | null;
  rentUsdPerMonth: number;
  rentSource: RentSource;
  profitUsdPerMonth: number | null;
  expectedProfitUsdPerMonth: number | null;
}

/** Sums over the live miners of a subnet (or of all); a sum is null when any part of it is unknown. */
export interface MinersTotals {
  miners: number;
  taoPerDay: number | null;
  earningsUsdPerMonth: number | null;
  expectedUsdPerMonth: number | null;
  rentUsdPerMonth: number;
  profitUsdPerMonth: number | null;
  expectedProfitUsdPerMonth: number | null;
}

export interface MinersSubnetTotals extends MinersTotals {
  netuid: number;
  subnetName: string;
}

export type MinerAlertKind = 'entered-danger' | 'deregistered' | 'earnings-fell';

/** Something that happened to one of the team's UIDs between the previous sync and the latest. */
export interface MinerAlert {
  kind: MinerAlertKind;
  minerId: string;
  netuid: number;
  uid: number;
  label: string;
  /** Block of the sync that saw it happen. */
  blockNumber: number;
  message: string;
}

/** TAO/day per miner at each stored sync of the history window, and their sum. */
export interface EarningsHistory {
  series: { minerId: string; label: string; points: { blockTimeMs: number; taoPerDay: number }[] }[];
  total: { blockTimeMs: number; taoPerDay: number }[];
}

export interface MyMinersReport {
  /** The latest sync point and the one before it (alerts compare the two); null when not synced yet. */
  latestBlock: number | null;
  latestBlockTimeMs: number | null;
  previousBlock: number | null;
  keys: TeamKey[];
  /** Keys that hold no UID in the latest data. */
  idleKeyIds: number[];
  miners: MyMiner[];
  subnets: MinersSubnetTotals[];
  total: MinersTotals;
  history: EarningsHistory;
  historyDays: number;
  alerts: MinerAlert[];
  earningsDropAlertPercent: number;
  /** How Danger is decided, in words (the margin is the core's constant). */
  dangerRule: string;
  /** The TAO price the USD figures use (the scenario's); null = not set. */
  taoPriceUsd: number | null;
}
