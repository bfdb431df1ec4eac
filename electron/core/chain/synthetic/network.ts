/**
 * The seeded synthetic Finney: 128 subnets (plus root) of up to 256 UIDs by default, with the variety analysts meet
 * (see catalog.ts). Each subnet is simulated block by block as subtensor runs it (subnet-sim.ts, rules.ts); the
 * network adds what couples subnets: TAO emission by the total-issuance halving curve, shared by moving price ×
 * (1 − MinerBurned) among the subnets emitted to, and which subnet would be dissolved at the subnet limit.
 * `stateAt(block)` is deterministic in (seed, size, block): the stand-in node serves history from it and demo mode
 * draws charts from it. Used by the stand-in node (test/chain) and by the app's demo-data mode.
 */
import type { RawNetworkState, RawSubnetState } from '../raw';
import { describeVariety, type NetworkVariety } from './catalog';
import {
  blockEmissionAt,
  blockTimeMs,
  NETWORK_IMMUNITY_PERIOD,
  SIM_ERA_BLOCKS,
  SIM_START_BLOCK,
  SUBNET_LIMIT,
  SUBNET_OWNER_CUT,
  TAO_WEIGHT,
  totalIssuanceAt,
} from './constants';
import { createSubnetPlan, type SubnetPlan } from './plan';
import { seedFrom } from './rng';
import { rootState } from './root';
import { registrationAllowedAt } from './owner-calls';
import { networkToPrune, subnetBlockEmissions } from './rules';
import { draftSubnet, finishSubnet } from './subnet';
import { SubnetSim } from './subnet-sim';
import { placeTeam, teamSlotCandidates, type TeamHotkey, type TeamSlotCandidate } from './team';
import { validatorPool, type PoolValidator } from './validators';

export interface NetworkOptions {
  seed?: number | string;
  /** Subnets besides root (netuids 1..subnetCount). Default 128. */
  subnetCount?: number;
  /** UID capacity of a regular subnet (some allow half). Default 256. */
  maxUids?: number;
  /** A mining team's own hotkeys, each on a given miner UID from a given block until pruned (see team.ts). */
  teamHotkeys?: readonly TeamHotkey[];
  /**
   * One simulation from this block on, instead of eras (a long history generated forward: UIDs registered, scored
   * and pruned continuously, no era restarting the holders). Blocks before it still come from the eras.
   */
  simulateFrom?: number;
  /** Keep no replay checkpoints (a caller that only moves forward: a year of them would be ~1 GB). */
  forwardOnly?: boolean;
}

export class SyntheticNetwork {
  readonly seed: number;
  readonly subnetCount: number;
  readonly maxUids: number;
  /** Which netuids play which role; independent of the seed. */
  readonly variety: NetworkVariety;
  private readonly plans: SubnetPlan[];
  private readonly pool: PoolValidator[];
  private readonly rootWeightRao: number;
  /** Simulations by start block: the main one from SIM_START_BLOCK, earlier eras made on demand. */
  private readonly eras = new Map<number, SubnetSim[]>();
  private readonly simulateFrom: number | null;
  private readonly forwardOnly: boolean;

  constructor(options: NetworkOptions = {}) {
    this.seed = seedFrom(options.seed ?? 1);
    this.subnetCount = options.subnetCount ?? 128;
    this.maxUids = options.maxUids ?? 256;
    if (this.subnetCount < 1 || this.subnetCount > 1024)
      throw new Error(`subnetCount out of range: ${this.subnetCount}`);
    if (this.maxUids < 4 || this.maxUids > 4096) throw new Error(`maxUids out of range: ${this.maxUids}`);
    this.variety = describeVariety(this.subnetCount);
    this.simulateFrom = options.simulateFrom ?? null;
    this.forwardOnly = options.forwardOnly ?? false;
    this.pool = validatorPool(this.seed);
    // SubnetTAO[root] is the validators' root stake; RootProp weighs it by TaoWeight.
    this.rootWeightRao = TAO_WEIGHT * Number(this.pool.reduce((a, v) => a + v.rootStake, 0n));
    this.plans = [];
    for (let netuid = 1; netuid <= this.subnetCount; netuid++) {
      this.plans.push(createSubnetPlan(this.seed, netuid, this.subnetCount, this.maxUids, SIM_START_BLOCK));
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

  /** Miner UIDs a team hotkey could take on a subnet at a block, and when each is next replaced (see team.ts). */
  teamSlotCandidates(netuid: number, blockNumber: number): TeamSlotCandidate[] {
    const plan = this.plans[netuid - 1];
    if (!plan || blockNumber < plan.registeredAt) return [];
    return teamSlotCandidates(this.simsFor(blockNumber)[netuid - 1]!, blockNumber);
  }

  /** The simulation of one subnet that serves `blockNumber` (tests read its epochs directly). */
  simulation(netuid: number, blockNumber: number): SubnetSim | undefined {
    return this.simsFor(blockNumber)[netuid - 1];
  }

  /**
   * The simulations covering a block. From SIM_START_BLOCK on one simulation runs forward; a block before it comes
   * from a simulation started at the era boundary before it (history that old restarts every SIM_ERA_BLOCKS).
   */
  private simsFor(blockNumber: number): SubnetSim[] {
    const start =
      this.simulateFrom !== null && blockNumber >= this.simulateFrom
        ? this.simulateFrom
        : blockNumber >= SIM_START_BLOCK
          ? SIM_START_BLOCK
          : SIM_START_BLOCK - Math.ceil((SIM_START_BLOCK - blockNumber) / SIM_ERA_BLOCKS) * SIM_ERA_BLOCKS;
    let sims = this.eras.get(start);
    if (!sims) {
      const checkpoints = !this.forwardOnly;
      sims = this.plans.map((plan) => new SubnetSim(plan, { start, rootWeightRao: this.rootWeightRao, checkpoints }));
      this.eras.set(start, sims);
    }
    return sims;
  }

  stateAt(blockNumber: number): RawNetworkState {
    if (!Number.isInteger(blockNumber) || blockNumber < 0) throw new Error(`invalid block number ${blockNumber}`);
    const subnets = new Map<number, RawSubnetState>();
    subnets.set(0, rootState(this.seed, this.pool, this.maxUids, blockNumber));
    const deadNetuids: number[] = [];
    const sims = this.simsFor(blockNumber);
    const drafts = [];
    for (const sim of sims) {
      const plan = sim.plan;
      if (blockNumber < plan.registeredAt) continue;
      if (plan.profile.dead) deadNetuids.push(plan.netuid);
      else drafts.push(draftSubnet(sim, this.pool, blockNumber));
    }
    const blockEmission = blockEmissionAt(blockNumber);
    const tao = subnetBlockEmissions(
      drafts.map((d) => ({
        netuid: d.plan.netuid,
        registrationAllowed: registrationAllowedAt(d.plan, blockNumber),
        subtokenEnabled: d.plan.firstEmissionBlock !== null && blockNumber >= d.plan.firstEmissionBlock,
        firstEmissionBlock:
          d.plan.firstEmissionBlock !== null && blockNumber >= d.plan.firstEmissionBlock
            ? d.plan.firstEmissionBlock
            : null,
        emissionEnabled: d.plan.profile.emissionEnabled,
        movingPrice: d.movingPrice,
        minerBurned: d.minerBurnedFraction,
      })),
      Number(blockEmission),
    );
    for (const draft of drafts) subnets.set(draft.plan.netuid, finishSubnet(draft, tao.get(draft.plan.netuid) ?? 0));
    return {
      blockNumber,
      blockTimeMs: blockTimeMs(blockNumber),
      network: {
        blockEmission,
        totalIssuance: totalIssuanceAt(blockNumber),
        subnetOwnerCut: SUBNET_OWNER_CUT,
        subnetLimit: SUBNET_LIMIT,
        networkImmunityPeriod: NETWORK_IMMUNITY_PERIOD,
      },
      subnets,
      deadNetuids,
      // The runtime answers whether or not the network is at SubnetLimit. Dead netuids have no data (no moving
      // price to compare), so only live subnets compete here.
      subnetToPrune: networkToPrune(
        drafts.map((d) => ({ netuid: d.plan.netuid, registeredAt: d.plan.registeredAt, movingPrice: d.movingPrice })),
        blockNumber,
        Number(NETWORK_IMMUNITY_PERIOD),
      ),
    };
  }
}

/** One-shot form of `new SyntheticNetwork(options).stateAt(blockNumber)`. */
export function generateNetwork(options: NetworkOptions & { blockNumber: number }): RawNetworkState {
  return new SyntheticNetwork(options).stateAt(options.blockNumber);
}
