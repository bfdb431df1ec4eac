/**
 * The network's validators. As on Finney a few dozen validator hotkeys validate on most subnets and hold root
 * stake, so one pool serves every subnet (and fills root's 64 UIDs); each subnet takes a distinct subset.
 */
import { account, AccountKind } from './accounts';
import { MAX_VALIDATORS, RAO } from './constants';
import { gaussian, hash } from './rng';

export interface PoolValidator {
  hotkey: string;
  coldkey: string;
  /** TAO staked on root, rao. */
  rootStake: bigint;
}

const TAG_ROOT_STAKE = 301;

export function validatorPool(seed: number): PoolValidator[] {
  const pool: PoolValidator[] = [];
  for (let i = 0; i < MAX_VALIDATORS; i++) {
    // Heavy-tailed like real root stake: a few validators hold hundreds of thousands of TAO.
    const tao = 40_000 * Math.exp(1.3 * gaussian(seed, TAG_ROOT_STAKE, i));
    pool.push({
      hotkey: account(seed, AccountKind.validatorHotkey, i),
      coldkey: account(seed, AccountKind.validatorColdkey, i),
      rootStake: BigInt(Math.floor(Math.min(tao, 2_000_000) * RAO)),
    });
  }
  return pool;
}

/**
 * Pool index of a subnet's j-th validator: an odd stride over a power-of-two pool visits every index once, so the
 * validators of one subnet are always distinct.
 */
export function poolIndex(seed: number, netuid: number, j: number): number {
  const offset = hash(seed, 302, netuid) % MAX_VALIDATORS;
  const stride = (hash(seed, 303, netuid) % (MAX_VALIDATORS / 2)) * 2 + 1;
  return (offset + j * stride) % MAX_VALIDATORS;
}
