/** Result types of the contract's operations (see api.ts). */
import type { z } from 'zod';
import type { ChangeThresholdsSchema, SettingsSchema } from './api-schemas';
import type { StaleSubnet, SubnetIdentity, SyncPoint } from './domain';
import type { BackupFailure, BackupInfo } from './backups-types';
import type { HistoryDays } from './history-range';
import type {
  MinerEconomics,
  Percentiles,
  PoolBasis,
  RiskLevel,
  Scenario,
  SubnetAnalysis,
  SubnetHistoryPoint,
  VerdictLabel,
} from './economics';

export type Settings = z.output<typeof SettingsSchema>;
export type NetworkPreset = Settings['network'];
export type ThemePreference = Settings['theme'];

/**
 * 'damaged': an SQLite file that is not whole (failed quick_check, cut short, blanked), told apart from 'not-sqlite'
 * (some other file). 'in-use': another process holds the folder for something that excludes this use (a restore).
 */
export type DataProblemCode =
  'not-sqlite' | 'damaged' | 'newer-version' | 'read-only' | 'cannot-open' | 'migration-failed' | 'in-use';

/** Why the data file could not be used. The file is never overwritten; the user may open another folder. */
export interface DataProblem {
  code: DataProblemCode;
  message: string;
  path: string;
}

export type Dataset = 'live' | 'demo';

export interface AppInfo {
  version: string;
  dataDir: string;
  databasePath: string;
  dataset: Dataset;
  schemaVersion: number | null;
  problem: DataProblem | null;
  /** The newest verified backup of the user's data (offered when the data file cannot be used). */
  latestBackup?: BackupInfo | null;
  /** The last daily backup failed (and none succeeded since): why, so the status bar can say so. */
  backupFailure?: BackupFailure | null;
}

/** One row of the Subnets table as the latest data holds it. */
export interface SubnetRow {
  netuid: number;
  name: string;
  symbol: string;
  /** Rao of TAO per 1 alpha. */
  alphaPriceRao: bigint | null;
  /** Total TAO entering this subnet per block (TAO-in emission + chain buys) as a share of block emission, 0..1. */
  emissionShare: number | null;
  /** TAO-in emission ÷ block emission: what btcli shows as "Emission" (SubnetTaoInEmission). */
  taoInEmissionShare: number | null;
  /** Chain buys ÷ block emission (SubnetExcessTao); null when unreadable on this runtime. */
  chainBuyShare: number | null;
  uidCount: number;
  maxUids: number;
  burnRao: bigint;
  immunityPeriodBlocks: number;
  registrationAllowed: boolean;
  /** Engine figures of this snapshot (scenario-free); null when unknown. */
  /** What non-owner miners receive, TAO/day: as the chain paid it where measurable (see poolBasis). */
  receivedMinerPoolTaoPerDay: number | null;
  /** The miners' share before burns, TAO/day. */
  grossMinerPoolTaoPerDay: number | null;
  /** How the received pool was obtained: 'measured' (per-UID emission), 'rule', 'not-emitted'. */
  poolBasis: PoolBasis | null;
  /** What the chain paid ÷ what the rule gives (≈1 normally). */
  paidVsRule: number | null;
  /** Why the chain emits nothing to this subnet, or null. */
  notEmittedReason: string | null;
  /** Rank from the bottom by moving price among non-immune subnets (1 = dissolved next at the subnet limit). */
  subnetDeregRank: number | null;
  subnetDeregRisk: RiskLevel | null;
  subnetDeregReason: string;
  /** Network immunity left, days (0 = none). */
  networkImmunityLeftDays: number | null;
  /** When the subnet's alpha emission next halves, at its issuance rate. */
  nextAlphaHalvingBlock: number | null;
  nextAlphaHalvingTimeMs: number | null;
  /** Expected registration cost in 24 h under the burn decay and the registration rate. */
  registrationCostIn24hTao: number | null;
  earningMiners: number | null;
  minerUids: number | null;
  gini: number | null;
  /** Block of the snapshot this row comes from (older than the latest sync when the subnet is stale). */
  blockNumber: number;
  blockTimeMs: number;
  /** Why the latest sync could not refresh this subnet, or null when it is current. */
  staleReason: string | null;
  /** Pool reserves (SubnetTAO, SubnetAlphaIn). */
  taoReserveRao: bigint;
  alphaReserveRao: bigint;
  /** Price change against the stored sync a day / a week before the latest (fraction); null without such a sync. */
  priceChange24h: number | null;
  priceChange7d: number | null;
}

export interface SubnetList {
  dataset: Dataset;
  /** The latest sync point, or null when nothing was synced yet. */
  point: SyncPoint | null;
  rows: SubnetRow[];
}

export type SyncPhase = 'idle' | 'connecting' | 'network' | 'subnets' | 'writing' | 'done' | 'failed' | 'cancelled';

export interface SyncState {
  running: boolean;
  phase: SyncPhase;
  done: number;
  total: number;
  /** The subnet being read, during the 'subnets' phase. */
  netuid: number | null;
  message: string;
  endpoint: string;
  lastSuccessAtMs: number | null;
  lastError: string | null;
  /** Whether the endpoint answered the last time we tried (null = not tried yet). */
  online: boolean | null;
}

export interface SyncOutcome {
  ok: boolean;
  cancelled: boolean;
  /** Points written by this sync (the live point, plus backfilled ones). */
  points: SyncPoint[];
  stale: StaleSubnet[];
  error: string | null;
}

export type ChangeThresholds = z.output<typeof ChangeThresholdsSchema>;

export interface Watchlist {
  id: number;
  name: string;
  netuids: number[];
  thresholds: ChangeThresholds;
}

/** One UID on the incentive-distribution chart. */
export interface IncentivePoint {
  uid: number;
  /** Combined incentive over mechanisms, 0..1. */
  incentive: number;
  emissionAlphaPerDay: number;
  immune: boolean;
  owner: boolean;
  validator: boolean;
  /** For the subnet page's per-UID table (the metagraph). */
  hotkey: string;
  coldkey: string;
  /** Total stake (alpha plus TAO weight, as the chain reports it), in TAO. */
  totalStakeTao: number;
  registeredAtBlock: number;
}

/** A subnet's pool at one sync: reserves and the spot price. */
export interface PoolPoint {
  blockTimeMs: number;
  taoReserveTao: number;
  alphaReserveAlpha: number;
  priceTao: number | null;
}

/** Everything the Subnet page shows for one subnet under the active scenario. */
export interface SubnetDetail {
  analysis: Omit<SubnetAnalysis, 'model'>;
  economics: MinerEconomics;
  perMinerUsdPerMonth: Percentiles;
  /** The charted history: the last `historyDays` days up to the subnet's newest point, oldest first. */
  history: SubnetHistoryPoint[];
  /** The range `history` covers (what was asked, or the default). */
  historyDays: HistoryDays;
  distribution: IncentivePoint[];
  /** The pool at each stored sync of the same range as `history`, oldest first. */
  pool: PoolPoint[];
  identity: SubnetIdentity | null;
  staleReason: string | null;
}

export interface SavedScenario {
  id: number;
  name: string;
  netuid: number | null;
  scenario: Scenario;
  updatedAtMs: number;
}

export interface MetricChange {
  previous: number | null;
  current: number | null;
  /** (current − previous) / |previous| (absolute difference for Gini); null when either side is unknown. */
  change: number | null;
  /** The change is beyond the list's threshold. */
  highlighted: boolean;
}

/** One watched subnet: key figures now, and what changed since the sync before. */
export interface WatchedSubnet {
  netuid: number;
  name: string;
  symbol: string;
  currentBlock: number | null;
  previousBlock: number | null;
  emissionShare: MetricChange;
  priceTao: MetricChange;
  registrationCostTao: MetricChange;
  earningMiners: MetricChange;
  gini: MetricChange;
  verdict: { previous: VerdictLabel | null; current: VerdictLabel | null; changed: boolean };
  profitUsdPerMonth: number | null;
  /** Events between the two syncs that reset the subnet's competition (a newcomer's best moment), as sentences. */
  competitionResets: string[];
}
