/**
 * The part of a subnet's market the simulation takes as given: the spot price (what traders do), as a closed-form
 * function of the block. Prices are a per-subnet median times multi-scale noise (hours, days, weeks), so
 * consecutive blocks move a little and months apart move a lot. The moving price is not here: the simulation
 * follows it as the chain does (an EMA of the spot, rules.ts movingPriceAfter), and the pool reserves split the
 * simulated alpha issuance.
 */
import { RAO } from './constants';
import { fractalNoise, stream, valueNoise } from './rng';

const TAG_PRICE = 201;
const TAG_RESERVE = 202;

const PRICE_OCTAVES: ReadonlyArray<readonly [number, number]> = [
  [201_600, 0.5],
  [50_400, 0.3],
  [7_200, 0.15],
  [300, 0.04],
];
/** The subnet at the bottom of moving prices moves less, so it stays at the bottom. */
const QUIET_OCTAVES: ReadonlyArray<readonly [number, number]> = [
  [201_600, 0.1],
  [7_200, 0.05],
];

export interface MarketPlan {
  seed: number;
  netuid: number;
  registeredAt: number;
  /** Median alpha price in TAO. */
  priceMedian: number;
  lowest: boolean;
  /** Median alpha reserve of the pool, rao. */
  alphaInBase: number;
  volumeBase: bigint;
  volumePerBlock: bigint;
}

export interface MarketAt {
  /** Spot price, rao of TAO per alpha (SwapRuntimeApi.current_alpha_price). */
  priceRao: bigint;
  alphaIn: bigint;
  alphaOut: bigint;
  taoIn: bigint;
  subnetVolume: bigint;
}

/** Spot price in TAO per alpha at a block. */
export function spotPrice(plan: MarketPlan, block: number): number {
  const octaves = plan.lowest ? QUIET_OCTAVES : PRICE_OCTAVES;
  return plan.priceMedian * Math.exp(fractalNoise(plan.seed, stream(TAG_PRICE, plan.netuid), block, octaves));
}

/** The moving price when the simulation starts: the spot's slow octaves a little in the past, capped below 1. */
export function startingMovingPrice(plan: MarketPlan, block: number): number {
  const octaves = plan.lowest ? QUIET_OCTAVES.slice(0, 1) : PRICE_OCTAVES.slice(0, 2);
  return Math.min(
    0.999,
    plan.priceMedian * Math.exp(fractalNoise(plan.seed, stream(TAG_PRICE, plan.netuid), block - 7_200, octaves)),
  );
}

/** Pool state at a block, given the subnet's simulated alpha issuance (SubnetAlphaIn + SubnetAlphaOut, rao). */
export function marketAt(plan: MarketPlan, block: number, alphaIssuance: number): MarketAt {
  const price = spotPrice(plan, block);
  const priceRao = BigInt(Math.max(1, Math.floor(price * RAO)));
  const reserveFactor = 1 + 0.25 * valueNoise(plan.seed, stream(TAG_RESERVE, plan.netuid), block, 100_800);
  const alphaIn = Math.min(alphaIssuance * 0.5, plan.alphaInBase * reserveFactor);
  const alphaInRao = BigInt(Math.floor(alphaIn));
  const age = BigInt(Math.max(0, block - plan.registeredAt));
  return {
    priceRao,
    alphaIn: alphaInRao,
    // Swaps only move alpha between the pool and holders: what is not in the pool is outstanding.
    alphaOut: BigInt(Math.floor(alphaIssuance)) - alphaInRao,
    // Balancer pool with equal weights: spot price = TAO reserve / alpha reserve.
    taoIn: (alphaInRao * priceRao) / BigInt(RAO),
    subnetVolume: plan.volumeBase + age * plan.volumePerBlock,
  };
}
