/**
 * Pool prices, reserves and the per-block TAO each subnet receives, as closed-form functions of the block.
 * Prices are a per-subnet median times multi-scale noise (hours, days, weeks), so consecutive blocks move a
 * little and months apart move a lot. The moving price follows only the slow octaves and is capped at 1 as on
 * chain. TAO per block is shared by moving price × (1 − MinerBurned), the rule live since June 2026
 * (chain-reference.md §4.2), so an engine that measures shares sees a consistent network.
 */
import { RAO } from './constants';
import { fractalNoise, stream, valueNoise } from './rng';

const TAG_PRICE = 201;
const TAG_RESERVE = 202;
const TAG_INJECT = 203;

const PRICE_OCTAVES: ReadonlyArray<readonly [number, number]> = [[201_600, 0.8], [50_400, 0.45], [7_200, 0.2], [300, 0.04]];
const MOVING_OCTAVES: ReadonlyArray<readonly [number, number]> = [[201_600, 0.8], [50_400, 0.45]];

export interface MarketPlan {
  seed: number;
  netuid: number;
  registeredAt: number;
  /** Median alpha price in TAO. */
  priceMedian: number;
  alphaInBase: bigint;
  alphaOutBase: bigint;
  volumeBase: bigint;
  volumePerBlock: bigint;
}

export interface MarketAt {
  /** Spot price, rao of TAO per alpha (SwapRuntimeApi.current_alpha_price). */
  priceRao: bigint;
  movingPrice: number;
  /** I96F32 bits of the moving price. */
  movingPriceBits: bigint;
  alphaIn: bigint;
  alphaOut: bigint;
  taoIn: bigint;
  subnetVolume: bigint;
}

export function marketAt(plan: MarketPlan, block: number): MarketAt {
  const key = stream(TAG_PRICE, plan.netuid);
  const price = plan.priceMedian * Math.exp(fractalNoise(plan.seed, key, block, PRICE_OCTAVES));
  const priceRao = BigInt(Math.max(1, Math.floor(price * RAO)));
  const moving = Math.min(0.999, plan.priceMedian * Math.exp(fractalNoise(plan.seed, key, block - 7_200, MOVING_OCTAVES)));
  const reserveFactor = 1 + 0.25 * valueNoise(plan.seed, stream(TAG_RESERVE, plan.netuid), block, 100_800);
  const alphaIn = BigInt(Math.floor(Number(plan.alphaInBase) * reserveFactor));
  const age = BigInt(Math.max(0, block - plan.registeredAt));
  return {
    priceRao,
    movingPrice: moving,
    movingPriceBits: BigInt(Math.round(moving * 2 ** 32)),
    alphaIn,
    // Balancer pool with equal weights: spot price = TAO reserve / alpha reserve.
    taoIn: (alphaIn * priceRao) / BigInt(RAO),
    // Outstanding alpha grows with the ~0.85 alpha per block that stays staked.
    alphaOut: plan.alphaOutBase + age * 850_000_000n,
    subnetVolume: plan.volumeBase + age * plan.volumePerBlock,
  };
}

/** Share of the subnet's TAO that is injected into the pool (the rest buys alpha: SubnetExcessTao). */
export function injectedShare(seed: number, netuid: number, block: number): number {
  return 0.65 + 0.3 * valueNoise(seed, stream(TAG_INJECT, netuid), block, 7_200);
}
