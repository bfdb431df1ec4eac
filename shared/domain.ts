/**
 * Domain types shared by the main side and the renderer.
 * Chain amounts stay integer (bigint rao: 1e-9 TAO or 1e-9 alpha) until the engine converts them.
 * `null` always means "not known" (missing data), never zero.
 */

/** Where a figure came from: read from chain at a block, derived by the engine, or assumed by the user. */
export type Provenance =
  | { kind: 'chain'; blockNumber: number; blockTimeMs: number }
  | { kind: 'derived'; from: string }
  | { kind: 'assumed'; by: 'scenario' | 'default' };

/** One network snapshot: everything in it was read at the same pinned block. */
export interface SyncPoint {
  id: number;
  blockNumber: number;
  blockHash: string;
  /** Block timestamp (Timestamp.Now at that block), ms since epoch. */
  blockTimeMs: number;
  specVersion: number;
  /** 'finney', 'testnet', 'local', 'custom' or 'demo'. */
  network: string;
  endpoint: string;
  /** Wall clock when the sync finished, ms since epoch. */
  syncedAtMs: number;
  /** 'live' = head of the chain at sync time; 'backfill' = a past block read from an archive node. */
  kind: 'live' | 'backfill';
}

/** Network-wide values read at a sync point. */
export interface NetworkSnapshot {
  /** TAO minted per block, rao (BlockEmission). */
  blockEmissionRao: bigint;
  totalIssuanceRao: bigint;
  /** SubnetOwnerCut as u16 proportion (value / 65535). */
  subnetOwnerCutU16: number;
  /** SubnetLimit: at this many subnets a new one dissolves the lowest-priced non-immune subnet. null = unknown. */
  subnetLimit: number | null;
  /** NetworkImmunityPeriod: blocks after registration during which a subnet cannot be dissolved. null = unknown. */
  networkImmunityPeriodBlocks: number | null;
  /** SubnetInfoRuntimeApi.get_subnet_to_prune's answer; null = None, or unknown (then named in missingReads). */
  subnetToPrune: number | null;
  /**
   * How the alpha prices were read: 'swap-all' (current_alpha_price_all), 'swap-each' (current_alpha_price per
   * subnet), 'reserves' (SubnetTAO / SubnetAlphaIn: the runtime has no price call), 'none'; null = not recorded.
   */
  priceSource: 'swap-all' | 'swap-each' | 'reserves' | 'none' | null;
  /** Runtime calls and storage items this block's runtime lacks (or failed on): the figures built on them are null. */
  missingReads: string[];
}

export interface SubnetIdentity {
  name: string;
  githubRepo: string;
  url: string;
  contact: string;
  discord: string;
  description: string;
  logoUrl: string;
}

/** Subnet-level figures at one sync point (one row per subnet per sync). */
export interface SubnetSnapshot {
  netuid: number;
  name: string;
  symbol: string;
  ownerHotkey: string;
  ownerColdkey: string;
  tempo: number;
  blocksSinceLastStep: number;
  registeredAtBlock: number;
  /** Pool reserves and outstanding alpha (SubnetTAO, SubnetAlphaIn, SubnetAlphaOut). */
  taoReserveRao: bigint;
  alphaReserveRao: bigint;
  alphaOutstandingRao: bigint;
  /** Spot price: rao of TAO per 1 alpha (SwapRuntimeApi price × 1e9). null if the node did not give one. */
  alphaPriceRao: bigint | null;
  /** EMA price (I96F32 moving_price), TAO per alpha. */
  movingPrice: number;
  /** Per-block flows. */
  taoInEmissionRao: bigint;
  /** TAO used for the chain's own alpha buys per block (SubnetExcessTao); null if not readable on this runtime. */
  excessTaoRao: bigint | null;
  alphaOutEmissionRao: bigint;
  alphaInEmissionRao: bigint;
  pendingAlphaEmissionRao: bigint;
  /** u128 on chain. */
  subnetVolumeRao: bigint;
  /** Current neuron registration cost (Burn). */
  burnRao: bigint;
  minBurnRao: bigint;
  maxBurnRao: bigint;
  immunityPeriodBlocks: number;
  maxUids: number;
  uidCount: number;
  registrationAllowed: boolean;
  /** OwnerCutEnabled; null if the runtime does not have it. */
  ownerCutEnabled: boolean | null;
  /** MinerBurned (U96F32): share of last epoch's miner emission withheld/burned, 0..1; null if unknown. */
  minerBurnedFraction: number | null;
  /** SubnetEmissionEnabled; null if the runtime does not have it. */
  emissionEnabled: boolean | null;
  mechanismCount: number;
  /** MechanismEmissionSplit as u16 weights per mechanism; null = not set (the chain then splits evenly). */
  mechanismSplitU16: number[] | null;
  identity: SubnetIdentity | null;
  /** ImmuneOwnerUidsLimit (owner-coldkey UIDs pruning skips); null = not in this runtime / not recorded. */
  immuneOwnerUidsLimit: number | null;
  /** MinNonImmuneUids (pruning takes an immune UID when no more than this many non-immune ones remain). */
  minNonImmuneUids: number | null;
  /** BurnHalfLife in blocks (0 = the burn does not decay). */
  burnHalfLife: number | null;
  /** BurnIncreaseMult: the burn is multiplied by it on each registration. */
  burnIncreaseMult: number | null;
  /** SubtokenEnabled (start_call done). */
  subtokenEnabled: boolean | null;
  /** FirstEmissionBlockNumber; null = not set, or not readable (then the network's missingReads names it). */
  firstEmissionBlock: number | null;
  /**
   * WeightsVersionKey: the owner raises it with new scoring code (validators on older code can no longer set weights).
   * null = not in this runtime, not recorded (rows before schema step 11), or beyond what SQLite's int64 holds.
   */
  weightsVersionKey: bigint | null;
}

/** One UID of one subnet at one sync point. */
export interface NeuronSnapshot {
  netuid: number;
  uid: number;
  hotkey: string;
  coldkey: string;
  active: boolean;
  validatorPermit: boolean;
  /** Incentive per mechanism (index = mechanism id), u16 proportions (value / 65535). Index 0 always present. */
  incentivesU16: number[];
  dividendsU16: number;
  consensusU16: number;
  /** Alpha (rao) this UID earned in the most recent epoch (Metagraph.emission). Per epoch, not per block. */
  emissionRao: bigint;
  registeredAtBlock: number;
  lastUpdateBlock: number;
  alphaStakeRao: bigint;
  taoStakeRao: bigint;
  totalStakeRao: bigint;
}

/** Everything one sync stores for one subnet. `stale` subnets keep their previous data and say why. */
export interface SubnetSync {
  subnet: SubnetSnapshot;
  neurons: NeuronSnapshot[];
}

/** A subnet that could not be read at this sync point; its previous data stays and is marked stale. */
export interface StaleSubnet {
  netuid: number;
  reason: string;
}

/** The full result of one sync, ready to be written in one transaction. */
export interface NetworkSync {
  point: Omit<SyncPoint, 'id' | 'syncedAtMs'>;
  network: NetworkSnapshot;
  subnets: SubnetSync[];
  stale: StaleSubnet[];
}

export const RAO_PER_TAO = 1_000_000_000n;
export const BLOCKS_PER_DAY = 7200;
export const U16_MAX = 65535;
