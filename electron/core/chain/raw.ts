/**
 * Chain state in the shape the runtime returns it, decoded to plain values (bigint for amounts,
 * SS58 strings for accounts, raw UTF-8 bytes for names). This is the seam between "what the chain says"
 * and "what the app stores": the sync decodes node responses into these shapes, the synthetic network
 * generator (stand-in node and demo data) produces them, and one mapper (mapper.ts) turns them into
 * domain rows. Only fields the app uses are listed; a node encoding these fills the rest with defaults.
 */

export interface RawIdentity {
  subnetName: Uint8Array;
  githubRepo: Uint8Array;
  subnetContact: Uint8Array;
  subnetUrl: Uint8Array;
  discord: Uint8Array;
  description: Uint8Array;
  logoUrl: Uint8Array;
  additional: Uint8Array;
}

/** SubnetInfoRuntimeApi.get_dynamic_info / get_all_dynamic_info entry. */
export interface RawDynamicInfo {
  netuid: number;
  ownerHotkey: string;
  ownerColdkey: string;
  /** Vec<Compact<u8>> on the wire: UTF-8 bytes. */
  subnetName: Uint8Array;
  tokenSymbol: Uint8Array;
  tempo: number;
  lastStep: bigint;
  blocksSinceLastStep: bigint;
  alphaIn: bigint;
  alphaOut: bigint;
  taoIn: bigint;
  alphaOutEmission: bigint;
  alphaInEmission: bigint;
  taoInEmission: bigint;
  pendingAlphaEmission: bigint;
  subnetVolume: bigint;
  networkRegisteredAt: bigint;
  subnetIdentity: RawIdentity | null;
  /** I96F32 bits: value = bits / 2^32. */
  movingPriceBits: bigint;
}

/** The Metagraph fields the app reads (get_metagraph / get_selective_metagraph / get_mechagraph). */
export interface RawMetagraph {
  netuid: number;
  block: bigint;
  numUids: number;
  maxUids: number;
  burn: bigint;
  minBurn: bigint;
  maxBurn: bigint;
  registrationAllowed: boolean;
  immunityPeriod: number;
  hotkeys: string[];
  coldkeys: string[];
  active: boolean[];
  validatorPermit: boolean[];
  lastUpdate: bigint[];
  /** Alpha rao earned by each UID in the last epoch. */
  emission: bigint[];
  dividends: number[];
  /** Mechanism 0 incentives (u16). */
  incentives: number[];
  consensus: number[];
  blockAtRegistration: bigint[];
  alphaStake: bigint[];
  taoStake: bigint[];
  totalStake: bigint[];
}

/** Per-subnet storage items read in the batched storage query. null = storage item absent in this runtime. */
export interface RawSubnetStorage {
  burn: bigint;
  excessTao: bigint | null;
  /** MinerBurned U96F32 bits (value = bits / 2^32). */
  minerBurnedBits: bigint | null;
  ownerCutEnabled: boolean | null;
  emissionEnabled: boolean | null;
  immunityPeriod: number;
  mechanismCount: number;
  /** MechanismEmissionSplit (Option<Vec<u16>>): null = even split. */
  mechanismSplit: number[] | null;
  /** ImmuneOwnerUidsLimit: how many owner-coldkey UIDs get_neuron_to_prune never picks (null = absent / unknown). */
  immuneOwnerUidsLimit: number | null;
  /** MinNonImmuneUids: the floor of non-immune UIDs below which pruning takes an immune UID. */
  minNonImmuneUids: number | null;
  /** BurnHalfLife (blocks): the registration price halves this often (0 = no decay). */
  burnHalfLife: number | null;
  /** BurnIncreaseMult (U64F64 as float): the price is multiplied by it on each registration. */
  burnIncreaseMult: number | null;
  /** SubtokenEnabled (set by start_call): a subnet without it is not emitted to. */
  subtokenEnabled: boolean | null;
  /** FirstEmissionBlockNumber (Option<u64>): null = not set or absent; the runtime emits only to subnets with one. */
  firstEmissionBlock: bigint | null;
  /**
   * WeightsVersionKey (u64): validators whose code reports an older version cannot set weights (ST subnets/weights.rs
   * check_version_key), so the owner bumps it with new scoring code. null = absent in this runtime.
   */
  weightsVersionKey: bigint | null;
}

export interface RawNetworkStorage {
  blockEmission: bigint;
  totalIssuance: bigint;
  subnetOwnerCut: number;
  /** SubnetLimit: at this many subnets a new registration dissolves one (null = absent / unknown). */
  subnetLimit: number | null;
  /** NetworkImmunityPeriod (blocks): a subnet younger than this cannot be dissolved. */
  networkImmunityPeriod: bigint | null;
}

/** Everything the chain holds about one live subnet at one block. */
export interface RawSubnetState {
  dynamic: RawDynamicInfo;
  metagraph: RawMetagraph;
  /** Incentive vectors (u16 per UID) of mechanisms 1..n-1 (get_mechagraph(netuid, m).incentives). */
  extraMechanismIncentives: number[][];
  storage: RawSubnetStorage;
  /** SwapRuntimeApi.current_alpha_price: rao of TAO per alpha; null where the runtime has no swap price API. */
  priceRao: bigint | null;
}

/** The whole network at one block. */
export interface RawNetworkState {
  blockNumber: number;
  blockTimeMs: number;
  network: RawNetworkStorage;
  /** Keyed by netuid. Root (0) is included. */
  subnets: Map<number, RawSubnetState>;
  /** Netuids that get_all_dynamic_info reports as None (dead / being replaced). */
  deadNetuids: number[];
  /** SubnetInfoRuntimeApi.get_subnet_to_prune: the subnet the runtime would dissolve next (null = none / no such call). */
  subnetToPrune: number | null;
}
