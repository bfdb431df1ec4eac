/**
 * Chain-wide constants and closed-form network totals of the synthetic Finney. Values follow the real chain
 * (chain-reference.md §3, §4, §7) where it has one; the stand-in node serves the same numbers (hyperparameters,
 * TaoWeight) so what a client decodes and what the generator assumed never disagree.
 */

import { blockEmissionForIssuance } from './rules';

export const BLOCK_MS = 12_000;
/** Timestamp of block 0: Finney's launch day. Block N is then GENESIS_TIME_MS + N × 12 s, whatever the head. */
export const GENESIS_TIME_MS = Date.UTC(2023, 2, 20, 16, 0, 0);
/** A head in mid-2026; every generated subnet exists by then (see FRESH_SUBNET_BLOCK). */
export const DEFAULT_HEAD_BLOCK = 9_000_000;
/** The "fresh" subnet (still filling its UIDs) is registered here; all other subnets before block 4M. */
export const FRESH_SUBNET_BLOCK = 8_950_000;

export const RAO = 1_000_000_000;
/** SubnetOwnerCut default (≈18%), u16 proportion. */
export const SUBNET_OWNER_CUT = 11_796;
/** TaoWeight as served (u64 proportion of 2^64) and as a float: root TAO counts 18% in total_stake. */
export const TAO_WEIGHT = 0.18;
export const TAO_WEIGHT_U64 = 3_320_413_933_267_719_290n;
export const ACTIVITY_CUTOFF = 5_000;
export const MAX_VALIDATORS = 64;
export const ROOT_TEMPO = 100;
/** Registration price dynamics since April 2026: ×1.26 per registration, halving every 360 blocks. */
export const BURN_HALF_LIFE = 360;
export const BURN_INCREASE_MULT = 1.26;
/** The stand-in simulation starts here (32 days before the default head, enough for a month of history); blocks
 * before it come from an earlier simulation started SIM_ERA_BLOCKS earlier (see network.ts). */
export const SIM_START_BLOCK = DEFAULT_HEAD_BLOCK - 32 * 7_200;
export const SIM_ERA_BLOCKS = 32 * 7_200;
/** Swap FeeRate default (u16 proportion, ≈0.05%). */
export const SWAP_FEE_RATE = 33;

/** First TAO halving (issuance 10.5M TAO), placed where Finney had it (Dec 2025). */
const HALVING_BLOCK = 7_000_000;
const ISSUANCE_AT_GENESIS = 3_500_000n * 1_000_000_000n;

export function blockTimeMs(blockNumber: number): number {
  return GENESIS_TIME_MS + blockNumber * BLOCK_MS;
}

/** BlockEmission: the halving curve on TotalIssuance (1 TAO per block, 0.5 after the first halving). */
export function blockEmissionAt(blockNumber: number): bigint {
  return BigInt(blockEmissionForIssuance(Number(totalIssuanceAt(blockNumber))));
}

/** TotalIssuance: genesis issuance plus what every block minted (always above 2^53 rao). */
export function totalIssuanceAt(blockNumber: number): bigint {
  const before = BigInt(Math.min(blockNumber, HALVING_BLOCK));
  const after = BigInt(Math.max(0, blockNumber - HALVING_BLOCK));
  return ISSUANCE_AT_GENESIS + before * 1_000_000_000n + after * 500_000_000n;
}

/**
 * The chain-rule storage items the generator does not model, at subtensor's defaults (pallets/subtensor/src/lib.rs
 * type_values: DefaultImmuneOwnerUidsLimit 1, MinNonImmuneUids 10, BurnHalfLife 360, BurnIncreaseMult 1.26;
 * start_call sets SubtokenEnabled and FirstEmissionBlockNumber, here one block after registration).
 */
export function defaultSubnetStorage(registeredAt: number): {
  immuneOwnerUidsLimit: number;
  minNonImmuneUids: number;
  burnHalfLife: number;
  burnIncreaseMult: number;
  subtokenEnabled: boolean;
  firstEmissionBlock: bigint;
} {
  return {
    immuneOwnerUidsLimit: 1,
    minNonImmuneUids: 10,
    burnHalfLife: BURN_HALF_LIFE,
    burnIncreaseMult: BURN_INCREASE_MULT,
    subtokenEnabled: true,
    firstEmissionBlock: BigInt(registeredAt + 1),
  };
}

/** SubnetLimit (128) and NetworkImmunityPeriod (1,296,000 blocks) as subtensor's lib.rs defaults them. */
export const SUBNET_LIMIT = 128;
export const NETWORK_IMMUNITY_PERIOD = 1_296_000n;
