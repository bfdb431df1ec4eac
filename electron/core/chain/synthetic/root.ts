/**
 * Root (netuid 0): the validator pool's root stake, no miners, no alpha emission, price fixed at 1 TAO.
 */
import type { RawSubnetState } from '../raw';
import { account, AccountKind } from './accounts';
import { ROOT_SYMBOL } from './catalog';
import { defaultSubnetStorage, RAO, ROOT_TEMPO } from './constants';
import { normalizeU16 } from './distributions';
import type { PoolValidator } from './validators';

const utf8 = new TextEncoder();
const ONE_TAO = BigInt(RAO);

export function rootState(
  seed: number,
  pool: readonly PoolValidator[],
  maxUids: number,
  block: number,
): RawSubnetState {
  const validators = pool.slice(0, Math.min(pool.length, maxUids));
  const n = validators.length;
  const lastStep = block - ((block + 1) % (ROOT_TEMPO + 1));
  const stakes = validators.map((v) => v.rootStake);
  const totalStake = stakes.reduce((a, b) => a + b, 0n);
  const registeredAt = validators.map((_, i) => BigInt(1_000 + i));
  return {
    dynamic: {
      netuid: 0,
      ownerHotkey: account(seed, AccountKind.ownerHotkey, 0),
      ownerColdkey: account(seed, AccountKind.ownerColdkey, 0),
      subnetName: utf8.encode('root'),
      tokenSymbol: utf8.encode(ROOT_SYMBOL),
      tempo: ROOT_TEMPO,
      lastStep: BigInt(lastStep),
      blocksSinceLastStep: BigInt(block - lastStep),
      alphaIn: totalStake,
      alphaOut: 0n,
      taoIn: totalStake,
      alphaOutEmission: 0n,
      alphaInEmission: 0n,
      taoInEmission: 0n,
      pendingAlphaEmission: 0n,
      subnetVolume: BigInt(block) * 7_000_000_000n,
      networkRegisteredAt: 0n,
      subnetIdentity: null,
      movingPriceBits: 1n << 32n,
    },
    metagraph: {
      netuid: 0,
      block: BigInt(block),
      numUids: n,
      maxUids: Math.min(64, maxUids),
      burn: ONE_TAO,
      minBurn: ONE_TAO,
      maxBurn: 100n * ONE_TAO,
      registrationAllowed: true,
      immunityPeriod: 4096,
      hotkeys: validators.map((v) => v.hotkey),
      coldkeys: validators.map((v) => v.coldkey),
      active: validators.map(() => true),
      validatorPermit: validators.map(() => true),
      lastUpdate: validators.map((_, i) => BigInt(Math.max(0, lastStep - i))),
      emission: validators.map(() => 0n),
      dividends: normalizeU16(stakes.map(Number)),
      incentives: validators.map(() => 0),
      consensus: validators.map(() => 0),
      blockAtRegistration: registeredAt,
      alphaStake: stakes,
      taoStake: stakes,
      totalStake: stakes,
    },
    extraMechanismIncentives: [],
    storage: {
      burn: ONE_TAO,
      excessTao: 0n,
      minerBurnedBits: 0n,
      ownerCutEnabled: true,
      emissionEnabled: true,
      immunityPeriod: 4096,
      mechanismCount: 1,
      mechanismSplit: null,
      ...defaultSubnetStorage(0),
      weightsVersionKey: 0n,
    },
    priceRao: ONE_TAO,
  };
}
