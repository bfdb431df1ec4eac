/**
 * The time-independent facts of one subnet (its "plan"): owner, name, symbol, tempo, capacity, hyperparameters, who
 * holds the UIDs when the simulation starts, and the processes the simulation draws from (how often newcomers try to
 * register and what they will pay, how good the miners are). Drawn once per (seed, netuid); everything that changes
 * with the block is simulated from it in subnet-sim.ts.
 */
import type { RawIdentity } from '../raw';
import { account, AccountKind } from './accounts';
import { SITUATIONS, subnetName, subnetProfile, type SubnetProfile } from './catalog';
import { BURN_HALF_LIFE, BURN_INCREASE_MULT, FRESH_SUBNET_BLOCK, MAX_VALIDATORS, RAO } from './constants';
import type { MarketPlan } from './market';
import { hash, Rng } from './rng';

export interface SubnetPlan {
  seed: number;
  netuid: number;
  profile: SubnetProfile;
  registeredAt: number;
  /** FirstEmissionBlockNumber (start_call); null = never started. SubtokenEnabled from the same block. */
  firstEmissionBlock: number | null;
  ownerHotkey: string;
  ownerColdkey: string;
  name: Uint8Array;
  symbol: Uint8Array;
  identity: RawIdentity | null;
  tempo: number;
  capacity: number;
  /** UIDs the owner's coldkey holds when the simulation starts (the first one is SubnetOwnerHotkey); may be empty. */
  ownerUids: number[];
  firstValidator: number;
  validatorCount: number;
  /** UIDs filled when the simulation starts. */
  initialUids: number;
  immunityPeriod: number;
  minNonImmuneUids: number;
  immuneOwnerUidsLimit: number;
  minBurn: bigint;
  maxBurn: bigint;
  burnHalfLife: number;
  burnIncreaseMult: number;
  /** Registration attempts per day (a Poisson process) and the median price (TAO) a newcomer will pay. */
  attemptsPerDay: number;
  willingnessTao: number;
  /** Share of newcomers whose miner scores at all, and the spread of their quality. */
  skillShare: number;
  skillSigma: number;
  /** Concentrated subnets: validators reward only the best `topK` miners. 0 = no cut. */
  topK: number;
  /** Share of miner incentive the owner's hotkeys take (fullBurn: 1). */
  ownerShare: number;
  /** Validators earn dividends (false: their bonds are empty). */
  dividends: boolean;
  /** SubnetAlphaIn + SubnetAlphaOut (rao) when the simulation starts. */
  alphaIssuanceAtStart: number;
  market: MarketPlan;
}

const TAG_PLAN = 401;
const IMMUNITY_PERIODS = [5000, 5000, 5000, 4096, 7200, 7200, 14400];
/** dTAO reached Finney here (Feb 2025): subnets have minted alpha since, about 1.15 alpha per block with injection. */
const DTAO_BLOCK = 4_900_000;
const utf8 = new TextEncoder();

function identityFor(name: string, rng: Rng): RawIdentity | null {
  if (rng.next() < 0.15) return null;
  const slug =
    name
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^a-z0-9]+/g, '') || `subnet${rng.int(1000)}`;
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

/** Miner quality parameters by distribution, matched to the real panel's earners and Gini (calibration.test.ts). */
/** Validators reward only the best few dozen miners on most subnets (the rest score zero and are pruned in turn). */
function topKOf(rng: Rng, median: number): number {
  return Math.max(2, Math.min(120, Math.round(rng.logNormal(median, 0.8))));
}

function skillOf(
  profile: SubnetProfile,
  rng: Rng,
): { skillShare: number; skillSigma: number; topK: number; ownerShare: number } {
  switch (profile.distribution) {
    case 'fullBurn':
      return { skillShare: 0.05, skillSigma: 1, topK: 0, ownerShare: 1 };
    case 'concentrated':
      return { skillShare: 0.06, skillSigma: 1.5, topK: 1 + rng.int(5), ownerShare: 0 };
    case 'partialBurn':
      return {
        skillShare: Math.min(0.3, rng.logNormal(0.05, 0.6)),
        skillSigma: 2.2,
        topK: topKOf(rng, 6),
        ownerShare: rng.range(0.15, 0.9),
      };
    case 'powerlaw':
      // Some owners keep a small share of incentive on their own hotkey.
      return {
        skillShare: Math.min(0.4, rng.logNormal(0.08, 0.7)),
        skillSigma: 2.2,
        topK: topKOf(rng, 30),
        ownerShare: profile.netuid % 16 === 15 || profile.netuid % 16 === 11 ? rng.range(0.02, 0.15) : 0,
      };
    case 'flat':
      // Netuids ≡ 7 (mod 16) are crowded (nearly every miner earns), the other flat ones pay a share of theirs.
      return {
        skillShare: profile.netuid % 16 === 7 ? rng.range(0.985, 1) : rng.range(0.3, 0.7),
        skillSigma: 0.05,
        topK: 0,
        ownerShare: 0,
      };
  }
}

export function createSubnetPlan(
  seed: number,
  netuid: number,
  subnetCount: number,
  maxUids: number,
  simStart: number,
): SubnetPlan {
  const profile = subnetProfile(netuid, subnetCount);
  const rng = new Rng(hash(seed, TAG_PLAN, netuid));
  // Low netuids are the old ones, as on Finney; all but the fresh subnet exist before block 4M.
  const registeredAt = profile.fresh ? FRESH_SUBNET_BLOCK : 10_000 + (netuid - 1) * 30_000 + rng.int(20_000);
  const capacity = Math.max(4, Math.floor(maxUids * profile.capacityFactor));
  const skill = skillOf(profile, rng);
  const burnSubnet = skill.ownerShare > 0;
  const ownerUids = netuid === SITUATIONS.ownerHotkeys && capacity >= 8 ? [0, 1, 2] : burnSubnet ? [0] : [];
  const firstValidator = ownerUids.length;
  const validatorCount = Math.min(MAX_VALIDATORS, Math.max(1, Math.floor(capacity / 4)), 5 + rng.int(11));
  const minerStart = firstValidator + validatorCount;
  const initialUids = profile.fresh
    ? minerStart
    : !profile.registrationAllowed
      ? Math.ceil(capacity * 0.6)
      : netuid === SITUATIONS.noValidatorDividends
        ? Math.ceil(capacity * 0.7)
        : capacity;
  const name = subnetName(netuid, profile.multiByteName, (n) => rng.int(n));
  const lowest = netuid === SITUATIONS.bottomMovingPrice;
  const priceMedian = lowest ? 0.00025 : Math.min(0.12, Math.max(0.0015, rng.logNormal(0.0052, 1.1)));
  const taoReserve = rng.logNormal(25_000, 0.9);
  // Alpha minted since dTAO (or since registration), ~1.15 alpha per block with the pool injection; netuid 1 is the
  // oldest and has already halved (its outstanding alpha is above 2^53 rao whatever the seed).
  const mintedBlocks = Math.max(0, simStart - Math.max(registeredAt, DTAO_BLOCK));
  let issuanceAlpha = netuid === 1 ? 13_000_000 : 200_000 + mintedBlocks * rng.range(0.95, 1.2);
  // About a week after the default head (9.0M), this subnet's issuance crosses 10.5M.
  if (netuid === SITUATIONS.nearAlphaHalving) issuanceAlpha = 10_500_000 - (9_050_000 - simStart) * 1.17;
  const alphaInAlpha = Math.min(netuid === 1 ? 2_000_000 : issuanceAlpha * 0.4, taoReserve / priceMedian);
  const immunityPeriod = netuid === SITUATIONS.minNonImmuneFloor ? 7200 : rng.pick(IMMUNITY_PERIODS);
  const minBurnTao = rng.next() < 0.6 ? 0.0005 : Math.min(1, rng.logNormal(0.004, 1.2));
  return {
    seed,
    netuid,
    profile,
    registeredAt,
    firstEmissionBlock: profile.fresh ? registeredAt + 7_200 : registeredAt + 100,
    ownerHotkey: account(seed, AccountKind.ownerHotkey, netuid),
    ownerColdkey: account(seed, AccountKind.ownerColdkey, netuid),
    name: utf8.encode(name),
    symbol: utf8.encode(profile.symbol),
    identity: identityFor(name, rng),
    tempo: netuid % 12 === 7 ? 720 : 360,
    capacity,
    ownerUids,
    firstValidator,
    validatorCount,
    initialUids,
    immunityPeriod,
    minNonImmuneUids: netuid === SITUATIONS.minNonImmuneFloor ? Math.max(10, capacity - 12) : 10,
    immuneOwnerUidsLimit: ownerUids.length > 1 ? 2 : 1,
    minBurn: BigInt(Math.floor(minBurnTao * RAO)),
    maxBurn: 100n * BigInt(RAO),
    burnHalfLife: BURN_HALF_LIFE,
    burnIncreaseMult: BURN_INCREASE_MULT,
    attemptsPerDay: !profile.registrationAllowed
      ? 0
      : netuid === SITUATIONS.noValidatorDividends
        ? 1
        : profile.fresh
          ? 25
          : netuid === SITUATIONS.minNonImmuneFloor
            ? 150
            : rng.logNormal(25, 1.2) * Math.sqrt(capacity / 256), // fewer slots on offer, fewer takers
    willingnessTao: rng.logNormal(1.0, 1.0),
    skillShare: netuid === SITUATIONS.noIncentive ? 0 : skill.skillShare,
    skillSigma: skill.skillSigma,
    topK: skill.topK,
    ownerShare: skill.ownerShare,
    dividends: netuid !== SITUATIONS.noValidatorDividends,
    alphaIssuanceAtStart: Math.floor(issuanceAlpha * RAO),
    market: {
      seed,
      netuid,
      registeredAt,
      priceMedian,
      lowest,
      alphaInBase: Math.floor(alphaInAlpha * RAO),
      volumeBase: BigInt(Math.floor(rng.logNormal(1e19, 1.5))),
      volumePerBlock: BigInt(Math.floor(rng.logNormal(3e12, 1.5))),
    },
  };
}
