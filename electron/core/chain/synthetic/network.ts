/**
 * The seeded synthetic Finney: 128 subnets (plus root) of up to 256 UIDs by default, with the variety analysts
 * meet (see catalog.ts). `stateAt(block)` is a pure function of (seed, size, block): any past block can be
 * regenerated, which is how the stand-in node serves history and how demo mode draws charts. Used by the
 * stand-in node (test/chain) and by the app's demo-data mode.
 */
import type { RawNetworkState, RawSubnetState } from '../raw';
import { describeVariety, type NetworkVariety } from './catalog';
import { blockEmissionAt, blockTimeMs, NETWORK_IMMUNITY_PERIOD, SUBNET_LIMIT, SUBNET_OWNER_CUT, totalIssuanceAt } from './constants';
import { injectedShare } from './market';
import { createSubnetPlan, type SubnetPlan } from './plan';
import { seedFrom } from './rng';
import { rootState } from './root';
import { draftSubnet, finishSubnet } from './subnet';
import { validatorPool, type PoolValidator } from './validators';
import { placeTeam, teamSlotCandidates, type TeamHotkey, type TeamSlotCandidate } from './team';

export interface NetworkOptions {
  seed?: number | string;
  /** Subnets besides root (netuids 1..subnetCount). Default 128. */
  subnetCount?: number;
  /** UID capacity of a regular subnet (some allow half). Default 256. */
  maxUids?: number;
  /** A mining team's own hotkeys, each on a given miner UID from a given block until pruned (see team.ts). */
  teamHotkeys?: readonly TeamHotkey[];
}

export class SyntheticNetwork {
  readonly seed: number;
  readonly subnetCount: number;
  readonly maxUids: number;
  /** Which netuids play which role; independent of the seed. */
  readonly variety: NetworkVariety;
  private readonly plans: SubnetPlan[];
  private readonly pool: PoolValidator[];

  constructor(options: NetworkOptions = {}) {
    this.seed = seedFrom(options.seed ?? 1);
    this.subnetCount = options.subnetCount ?? 128;
    this.maxUids = options.maxUids ?? 256;
    if (this.subnetCount < 1 || this.subnetCount > 1024) throw new Error(`subnetCount out of range: ${this.subnetCount}`);
    if (this.maxUids < 4 || this.maxUids > 4096) throw new Error(`maxUids out of range: ${this.maxUids}`);
    this.variety = describeVariety(this.subnetCount);
    this.pool = validatorPool(this.seed);
    this.plans = [];
    for (let netuid = 1; netuid <= this.subnetCount; netuid++) {
      this.plans.push(createSubnetPlan(this.seed, netuid, this.subnetCount, this.maxUids));
    }
    const team = options.teamHotkeys ?? [];
    for (const p of team) if (!this.plans[p.netuid - 1]) throw new Error(`team hotkey: no subnet ${p.netuid}`);
    for (const plan of this.plans) placeTeam(plan, team);
  }

  /** Block at which a netuid was registered (0 for root); before it the netuid does not exist. */
  registeredAt(netuid: number): number | null {
    if (netuid === 0) return 0;
    return this.plans[netuid - 1]?.registeredAt ?? null;
  }

  /** Miner slots a team hotkey could take on a subnet at a block, and when each is next replaced (see team.ts). */
  teamSlotCandidates(netuid: number, blockNumber: number): TeamSlotCandidate[] {
    const plan = this.plans[netuid - 1];
    return plan ? teamSlotCandidates(plan, blockNumber) : [];
  }

  stateAt(blockNumber: number): RawNetworkState {
    if (!Number.isInteger(blockNumber) || blockNumber < 0) throw new Error(`invalid block number ${blockNumber}`);
    const subnets = new Map<number, RawSubnetState>();
    subnets.set(0, rootState(this.seed, this.pool, this.maxUids, blockNumber));
    const deadNetuids: number[] = [];
    const drafts = [];
    for (const plan of this.plans) {
      if (blockNumber < plan.registeredAt) continue;
      if (plan.profile.dead) deadNetuids.push(plan.netuid);
      else drafts.push(draftSubnet(plan, this.pool, blockNumber));
    }
    // TAO per block is shared by moving price × (1 − MinerBurned) among emitting subnets (chain-reference §4.2).
    const blockEmission = blockEmissionAt(blockNumber);
    const weights = drafts.map((d) => (d.plan.profile.emissionEnabled ? d.market.movingPrice * (1 - d.minerBurnedFraction) : 0));
    const total = weights.reduce((a, b) => a + b, 0);
    drafts.forEach((draft, i) => {
      const share = total > 0 ? (weights[i] ?? 0) / total : 0;
      const tao = BigInt(Math.floor(Number(blockEmission) * share));
      subnets.set(draft.plan.netuid, finishSubnet(draft, tao, injectedShare(this.seed, draft.plan.netuid, blockNumber)));
    });
    return {
      blockNumber,
      blockTimeMs: blockTimeMs(blockNumber),
      network: {
        blockEmission, totalIssuance: totalIssuanceAt(blockNumber), subnetOwnerCut: SUBNET_OWNER_CUT,
        subnetLimit: SUBNET_LIMIT, networkImmunityPeriod: NETWORK_IMMUNITY_PERIOD,
      },
      subnets,
      deadNetuids,
      subnetToPrune: null,
    };
  }
}

/** One-shot form of `new SyntheticNetwork(options).stateAt(blockNumber)`. */
export function generateNetwork(options: NetworkOptions & { blockNumber: number }): RawNetworkState {
  return new SyntheticNetwork(options).stateAt(options.blockNumber);
}
