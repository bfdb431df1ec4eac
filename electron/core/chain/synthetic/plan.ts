/**
 * The time-independent facts of one subnet (its "plan"): owner, name, symbol, tempo, capacity, which slots are
 * owner/validator/miner, when each slot was first filled, registration price bounds and market medians. Drawn
 * once per (seed, netuid); everything that changes with the block is computed from it in subnet.ts.
 */
import type { RawIdentity } from '../raw';
import { account, AccountKind } from './accounts';
import { subnetName, subnetProfile, type SubnetProfile } from './catalog';
import { FRESH_SUBNET_BLOCK, MAX_VALIDATORS, RAO } from './constants';
import type { MarketPlan } from './market';
import { ERA_BLOCKS, type SlotPlan } from './occupancy';
import { hash, Rng } from './rng';

export interface SubnetPlan {
  seed: number;
  netuid: number;
  profile: SubnetProfile;
  registeredAt: number;
  ownerHotkey: string;
  ownerColdkey: string;
  name: Uint8Array;
  symbol: Uint8Array;
  identity: RawIdentity | null;
  tempo: number;
  capacity: number;
  /** UID held by the owner hotkey (burn subnets), or -1. */
  ownerSlot: number;
  firstValidator: number;
  validatorCount: number;
  slots: SlotPlan[];
  immunityPeriod: number;
  minBurn: bigint;
  maxBurn: bigint;
  /** Share of miner incentive the owner UID takes on partial-burn subnets. */
  ownerShare: number;
  market: MarketPlan;
}

const TAG_PLAN = 401;
const IMMUNITY_PERIODS = [4096, 4096, 4096, 5000, 7200, 2048];
const utf8 = new TextEncoder();

function identityFor(name: string, rng: Rng): RawIdentity | null {
  if (rng.next() < 0.15) return null;
  const slug = name.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '') || `subnet${rng.int(1000)}`;
  return {
    subnetName: utf8.encode(name),
    githubRepo: utf8.encode(`https://github.com/${slug}/${slug}-subnet`),
    subnetContact: utf8.encode(`team@${slug}.example`),
    subnetUrl: utf8.encode(`https://${slug}.example`),
    discord: utf8.encode(`${slug}`),
    description: utf8.encode(`${name}: a synthetic subnet generated for Subnet Scout tests and demos.`),
    logoUrl: utf8.encode(`https://${slug}.example/logo.png`),
    additional: new Uint8Array(0),
  };
}

export function createSubnetPlan(seed: number, netuid: number, subnetCount: number, maxUids: number): SubnetPlan {
  const profile = subnetProfile(netuid, subnetCount);
  const rng = new Rng(hash(seed, TAG_PLAN, netuid));
  // Low netuids are the old ones, as on Finney; all but the fresh subnet exist before block 4M.
  const registeredAt = profile.fresh ? FRESH_SUBNET_BLOCK : 10_000 + (netuid - 1) * 30_000 + rng.int(20_000);
  const capacity = Math.max(4, Math.floor(maxUids * profile.capacityFactor));
  const burnSubnet = profile.distribution === 'fullBurn' || profile.distribution === 'partialBurn';
  const ownerSlot = burnSubnet ? 0 : -1;
  const firstValidator = ownerSlot + 1;
  const validatorCount = Math.min(MAX_VALIDATORS, Math.max(1, Math.floor(capacity / 4)), 6 + rng.int(20));
  const minerStart = firstValidator + validatorCount;
  const foundingCount = profile.registrationAllowed ? minerStart : Math.ceil(capacity * 0.6);
  const fillInterval = profile.fresh ? 300 : 25;
  const replaceRate = profile.registrationAllowed ? rng.range(0.02, 0.1) : 0;
  const slots: SlotPlan[] = [];
  for (let slot = 0; slot < capacity; slot++) {
    const foundedAt = slot < foundingCount
      ? registeredAt + slot
      : profile.registrationAllowed
        ? registeredAt + foundingCount + (slot - foundingCount) * fillInterval
        : Number.POSITIVE_INFINITY;
    slots.push({
      seed, netuid, slot, foundedAt, rate: slot >= minerStart ? replaceRate : 0, phase: hash(seed, TAG_PLAN, netuid, slot) % ERA_BLOCKS,
    });
  }
  const name = subnetName(netuid, profile.multiByteName, (n) => rng.int(n));
  const priceMedian = Math.min(0.35, Math.max(0.0008, rng.logNormal(0.012, 1.0)));
  const taoReserve = rng.logNormal(30_000, 0.9);
  const alphaInAlpha = Math.min(8_000_000, taoReserve / priceMedian);
  // Netuid 1 is old and large: its outstanding alpha is above 2^53 rao from block ~8.1M on, whatever the seed.
  const alphaOutAlpha = netuid === 1 ? 3_000_000 : rng.logNormal(1_500_000, 0.6);
  return {
    seed,
    netuid,
    profile,
    registeredAt,
    ownerHotkey: account(seed, AccountKind.ownerHotkey, netuid),
    ownerColdkey: account(seed, AccountKind.ownerColdkey, netuid),
    name: utf8.encode(name),
    symbol: utf8.encode(profile.symbol),
    identity: identityFor(name, rng),
    tempo: netuid % 12 === 7 ? 720 : 360,
    capacity,
    ownerSlot,
    firstValidator,
    validatorCount,
    slots,
    immunityPeriod: rng.pick(IMMUNITY_PERIODS),
    minBurn: BigInt(Math.floor(Math.min(5, Math.max(0.0005, rng.logNormal(0.05, 1.2))) * RAO)),
    maxBurn: 100n * BigInt(RAO),
    ownerShare: rng.range(0.3, 0.8),
    market: {
      seed,
      netuid,
      registeredAt,
      priceMedian,
      alphaInBase: BigInt(Math.floor(alphaInAlpha * RAO)),
      alphaOutBase: BigInt(Math.floor(alphaOutAlpha * RAO)),
      volumeBase: BigInt(Math.floor(rng.logNormal(1e19, 1.5))),
      volumePerBlock: BigInt(Math.floor(rng.logNormal(3e12, 1.5))),
    },
  };
}
