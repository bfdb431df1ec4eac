/**
 * Subtensor's own rules, as small pure functions the simulation (subnet-sim.ts, network.ts) applies block by block
 * and epoch by epoch. Each cites the subtensor file and function it follows (opentensor/subtensor main @ 14bc6f9f9,
 * spec 425; "ST" = pallets/subtensor/src). Amounts are floats of rao where the chain uses fixed point: the
 * simulation needs the chain's decisions (who is pruned, who is paid what share), not its last-rao rounding.
 */

export const U16_MAX = 65535;
/** TotalSupply (ST lib.rs): 21M TAO (or alpha) in rao. */
const TOTAL_SUPPLY = 21_000_000e9;
/** DefaultBlockEmission (ST lib.rs): 1 TAO (or alpha) per block in rao. */
const DEFAULT_BLOCK_EMISSION = 1e9;

/**
 * ST coinbase/block_emission.rs `get_block_emission_for_issuance`: 1e9 / 2^floor(log2(1 / (1 − issuance / 21M))).
 * The same curve drives TAO (on TotalIssuance) and each subnet's alpha (on SubnetAlphaIn + SubnetAlphaOut, ST
 * run_coinbase.rs `get_subnet_terms`): 1/block until 10.5M, 0.5 until 15.75M, 0.25 until 18.375M…
 */
export function blockEmissionForIssuance(issuanceRao: number): number {
  if (issuanceRao >= TOTAL_SUPPLY) return 0;
  const residual = Math.log2(1 / (1 - issuanceRao / TOTAL_SUPPLY));
  return DEFAULT_BLOCK_EMISSION / 2 ** Math.floor(residual);
}

/** The issuance (rao) at which the curve above next halves, given the current issuance. */
export function nextHalvingIssuance(issuanceRao: number): number {
  const step = Math.floor(Math.log2(1 / (1 - issuanceRao / TOTAL_SUPPLY))) + 1;
  return TOTAL_SUPPLY * (1 - 2 ** -step);
}

/**
 * ST subnets/registration.rs `update_registration_prices_for_networks`: every block Burn ← Burn · f with
 * f^BurnHalfLife = ½, then clamped to [MinBurn, MaxBurn]. Applied `blocks` times in closed form (the chain's Q32
 * per-block factor rounds each block; the difference is a few rao).
 */
export function decayedBurn(burn: number, blocks: number, halfLife: number, minBurn: number, maxBurn: number): number {
  const decayed = halfLife > 0 && blocks > 0 ? burn * 0.5 ** (blocks / halfLife) : burn;
  return Math.min(maxBurn, Math.max(minBurn, decayed));
}

/** ST subnets/registration.rs `bump_registration_price_after_registration`: Burn ← Burn · max(mult, 1), clamped. */
export function bumpedBurn(burn: number, increaseMult: number, minBurn: number, maxBurn: number): number {
  return Math.min(maxBurn, Math.max(minBurn, Math.floor(burn * Math.max(increaseMult, 1))));
}

/** What get_neuron_to_prune reads, per UID (index = UID). */
export interface PruneView {
  /** SubnetworkN. */
  n: number;
  /** Emission storage (alpha rao of the last epoch). */
  emission: ArrayLike<number>;
  /** BlockAtRegistration. */
  registeredAt: ArrayLike<number>;
  /** 1 for the owner's immortal hotkeys (ST registration.rs `get_immune_owner_hotkeys`). */
  ownerImmortal: ArrayLike<number>;
}

/**
 * ST subnets/registration.rs `get_neuron_to_prune`: owner-immortal hotkeys are skipped; among the rest the lowest
 * emission, ties to the older registration, then the lower UID, separately for non-immune and immune UIDs (immune:
 * block − BlockAtRegistration < ImmunityPeriod, ST utils/misc.rs `get_neuron_is_immune`). A non-immune UID is
 * pruned only while more than MinNonImmuneUids non-immune UIDs remain; otherwise the best immune one, or none
 * (registration then fails with NoNeuronIdAvailable).
 */
export function neuronToPrune(
  v: PruneView,
  block: number,
  immunityPeriod: number,
  minNonImmuneUids: number,
): number | null {
  const { emission, registeredAt, ownerImmortal } = v;
  let freeCount = 0;
  let bestFree = -1;
  let freeE = 0;
  let freeR = 0;
  let bestImmune = -1;
  let immE = 0;
  let immR = 0;
  // UIDs are visited in increasing order, so on a full tie the earlier (lower) UID is kept.
  for (let uid = 0; uid < v.n; uid++) {
    if (ownerImmortal[uid]) continue;
    const e = emission[uid]!;
    const r = registeredAt[uid]!;
    if (block - r < immunityPeriod) {
      if (bestImmune < 0 || e < immE || (e === immE && r < immR)) {
        bestImmune = uid;
        immE = e;
        immR = r;
      }
    } else {
      freeCount++;
      if (bestFree < 0 || e < freeE || (e === freeE && r < freeR)) {
        bestFree = uid;
        freeE = e;
        freeR = r;
      }
    }
  }
  if (freeCount > minNonImmuneUids && bestFree >= 0) return bestFree;
  return bestImmune >= 0 ? bestImmune : null;
}

/**
 * ST subnets/registration.rs `get_immune_owner_tuples`: the owner coldkey's hotkeys on the subnet ordered by
 * registration (then UID), the first ImmuneOwnerUidsLimit kept, and the owner hotkey put first (the list cut to the
 * limit again). Returns the UIDs. `owned` lists the UIDs whose hotkey the owner coldkey owns; `ownerHotkeyUid` is
 * the UID of SubnetOwnerHotkey, or -1.
 */
export function immuneOwnerUids(
  owned: ReadonlyArray<{ uid: number; registeredAt: number }>,
  ownerHotkeyUid: number,
  limit: number,
): number[] {
  const sorted = [...owned]
    .sort((a, b) => a.registeredAt - b.registeredAt || a.uid - b.uid)
    .slice(0, limit)
    .map((o) => o.uid);
  if (ownerHotkeyUid >= 0 && !sorted.includes(ownerHotkeyUid)) {
    sorted.unshift(ownerHotkeyUid);
    if (sorted.length > limit) sorted.length = limit;
  }
  return sorted;
}

/**
 * ST subnets/mechanism.rs `split_emissions`: MechanismEmissionSplit weights (u16 of 65535) per mechanism; unset =
 * even split; a split shorter than the mechanism count is padded with zeros (those mechanisms get nothing); the
 * rounding loss goes to mechanism 0.
 */
export function splitEmissions(total: number, mechanismCount: number, split: readonly number[] | null): number[] {
  const out = split
    ? split.map((s) => Math.floor((total * s) / U16_MAX))
    : new Array<number>(mechanismCount).fill(Math.floor(total / mechanismCount));
  out.length = mechanismCount;
  for (let m = 0; m < mechanismCount; m++) out[m] = out[m] ?? 0;
  const lost = total - out.reduce((a, b) => a + b, 0);
  out[0] = (out[0] ?? 0) + Math.max(0, lost);
  return out;
}

/** One mechanism's epoch payout. */
export interface EpochPayout {
  /** Alpha rao credited to each UID's miner side. */
  server: Float64Array;
  /** Alpha rao credited to each UID's validator side. */
  validator: Float64Array;
  /** What the chain stores as this mechanism's per-UID emission term. */
  combined: Float64Array;
}

/**
 * ST epoch/run_epoch.rs `epoch_mechanism` (the "Emission and Pruning scores" block): with incentive and dividends
 * each normalised, server_i = incentive_i / (Σinc + Σdiv) · emission and validator_i = dividend_i / (Σinc + Σdiv) ·
 * emission; the stored emission term is (incentive_i + dividend_i) normalised · emission. So with no dividends
 * miners get everything, with no incentive validators do; with neither, validators are paid by stake.
 */
export function epochPayout(
  incentive: ArrayLike<number>,
  dividends: ArrayLike<number>,
  stake: ArrayLike<number>,
  emission: number,
  out?: EpochPayout,
  length?: number,
): EpochPayout {
  const n = length ?? incentive.length;
  const res = out ?? { server: new Float64Array(n), validator: new Float64Array(n), combined: new Float64Array(n) };
  let sum = 0;
  for (let i = 0; i < n; i++) sum += incentive[i]! + dividends[i]!;
  if (sum > 0) {
    for (let i = 0; i < n; i++) {
      res.server[i] = Math.floor((incentive[i]! / sum) * emission);
      res.validator[i] = Math.floor((dividends[i]! / sum) * emission);
      res.combined[i] = Math.floor(((incentive[i]! + dividends[i]!) / sum) * emission);
    }
    return res;
  }
  let stakeSum = 0;
  for (let i = 0; i < n; i++) stakeSum += stake[i]!;
  for (let i = 0; i < n; i++) {
    const share = stakeSum > 0 ? stake[i]! / stakeSum : 0;
    res.server[i] = 0;
    res.validator[i] = Math.floor(share * emission);
    res.combined[i] = res.validator[i]!;
  }
  return res;
}

/**
 * ST subnets/mechanism.rs `epoch_with_mechanisms`: server and validator emission add up over mechanisms, but the
 * stored Emission term is Σ_m sub_weight_m · emission_m with sub_weight_m = mechanism emission / total (for zero
 * emission mechanism 0 weighs 1). With one mechanism that is the plain term; with several the stored Emission is
 * smaller than what was paid (the chain's own aggregation, kept as is).
 */
export function mechanismWeights(mechanismEmissions: readonly number[], total: number): number[] {
  return mechanismEmissions.map((e, m) => (total > 0 ? e / total : m === 0 ? 1 : 0));
}

/** Per-block split of a subnet's alpha_out (ST coinbase/run_coinbase.rs `emit_to_subnets`). */
export interface BlockSplit {
  ownerCut: number;
  server: number;
  validator: number;
  /** Root's alpha: pending if the root sell flag is set, recycled otherwise. */
  root: number;
}

/**
 * ST run_coinbase.rs `emit_to_subnets`: owner cut = alpha_out · SubnetOwnerCut (if OwnerCutEnabled); of the rest
 * half is PendingServerEmission, and of the other half root takes RootProp · ½ · rest, validators the remainder.
 */
export function splitBlockAlpha(
  alphaOut: number,
  ownerCutFraction: number,
  ownerCutEnabled: boolean,
  rootProportion: number,
): BlockSplit {
  const ownerCut = ownerCutEnabled ? alphaOut * ownerCutFraction : 0;
  const rest = alphaOut - ownerCut;
  const server = rest * 0.5;
  const root = rootProportion * rest * 0.5;
  return { ownerCut, server, validator: rest - server - root, root };
}

/**
 * ST run_coinbase.rs `root_proportion`: TaoWeight · SubnetTAO[root] / (TaoWeight · SubnetTAO[root] + alpha issuance).
 */
export function rootProportion(taoWeight: number, rootStakeRao: number, alphaIssuanceRao: number): number {
  const w = taoWeight * rootStakeRao;
  return w + alphaIssuanceRao > 0 ? w / (w + alphaIssuanceRao) : 0;
}

/** What get_subnets_to_emit_to and get_subnet_block_emissions look at for one subnet. */
export interface EmissionCandidate {
  netuid: number;
  registrationAllowed: boolean;
  subtokenEnabled: boolean;
  firstEmissionBlock: number | null;
  emissionEnabled: boolean;
  movingPrice: number;
  minerBurned: number;
}

/**
 * ST coinbase/subnet_emissions.rs `get_subnets_to_emit_to` (non-root, FirstEmissionBlockNumber set, SubtokenEnabled,
 * NetworkRegistrationAllowed), then `get_shares` (moving price × (1 − min(MinerBurned, 1)), normalised; plain price
 * shares if that sums to 0) and `get_subnet_block_emissions` (subnets with SubnetEmissionEnabled = false get 0, the
 * rest renormalised). Returns TAO rao per block by netuid for the subnets emitted to (0 for disabled ones).
 */
export function subnetBlockEmissions(
  candidates: readonly EmissionCandidate[],
  blockEmission: number,
): Map<number, number> {
  const emitting = candidates.filter(
    (c) => c.netuid !== 0 && c.firstEmissionBlock !== null && c.subtokenEnabled && c.registrationAllowed,
  );
  const priceSum = emitting.reduce((a, c) => a + c.movingPrice, 0);
  let weights = emitting.map((c) => (priceSum > 0 ? c.movingPrice / priceSum : 0) * (1 - Math.min(c.minerBurned, 1)));
  let total = weights.reduce((a, b) => a + b, 0);
  if (total <= 0) {
    weights = emitting.map((c) => (priceSum > 0 ? c.movingPrice / priceSum : 0));
    total = weights.reduce((a, b) => a + b, 0);
  }
  const shares = weights.map((w) => (total > 0 ? w / total : 0));
  const enabledSum = emitting.reduce((a, c, i) => a + (c.emissionEnabled ? shares[i]! : 0), 0);
  const anyDisabled = emitting.some((c) => !c.emissionEnabled);
  const out = new Map<number, number>();
  emitting.forEach((c, i) => {
    const share = anyDisabled ? (c.emissionEnabled && enabledSum > 0 ? shares[i]! / enabledSum : 0) : shares[i]!;
    out.set(c.netuid, Math.floor(blockEmission * share));
  });
  return out;
}

/**
 * ST run_coinbase.rs `get_subnet_terms`: alpha injected into the pool = TAO / price, capped at RootProp · alpha
 * emission (then the TAO injected is cap · price); the TAO that could not be injected buys alpha (SubnetExcessTao).
 */
export function injection(
  taoRao: number,
  price: number,
  rootProp: number,
  alphaEmissionRao: number,
): { taoIn: number; alphaIn: number; excessTao: number } {
  let alphaIn = price > 0 ? taoRao / price : 0;
  let taoIn = taoRao;
  const cap = rootProp * alphaEmissionRao;
  if (alphaIn > cap) {
    alphaIn = cap;
    taoIn = Math.floor(alphaIn * price);
  }
  return { taoIn, alphaIn: Math.floor(alphaIn), excessTao: taoRao - taoIn };
}

/**
 * ST staking/stake_utils.rs `update_moving_price`, run every block for subnets emitted to: a = SubnetMovingAlpha ·
 * b / (b + EMAPriceHalvingBlocks) with b the blocks since start_call; new = a · min(spot, 1) + (1 − a) · old.
 * Applied over `blocks` blocks at a constant spot in closed form.
 */
export function movingPriceAfter(
  old: number,
  spot: number,
  blocks: number,
  movingAlpha: number,
  blocksSinceStart: number,
  halvingBlocks: number,
): number {
  const a = movingAlpha * (blocksSinceStart / (blocksSinceStart + halvingBlocks));
  const target = Math.min(spot, 1);
  return target + (old - target) * (1 - a) ** blocks;
}

/**
 * ST coinbase/root.rs `get_network_to_prune` (runtime API get_subnet_to_prune): among added non-root subnets past
 * their NetworkImmunityPeriod, the lowest SubnetMovingPrice, ties to the earliest registration. Which subnet would
 * be dissolved when a new one registers at the SubnetLimit.
 */
export function networkToPrune(
  subnets: ReadonlyArray<{ netuid: number; registeredAt: number; movingPrice: number }>,
  block: number,
  immunityPeriod: number,
): number | null {
  let best: { netuid: number; registeredAt: number; movingPrice: number } | null = null;
  for (const s of subnets) {
    if (s.netuid === 0 || block < s.registeredAt + immunityPeriod) continue;
    if (
      !best ||
      s.movingPrice < best.movingPrice ||
      (s.movingPrice === best.movingPrice && s.registeredAt < best.registeredAt)
    )
      best = s;
  }
  return best?.netuid ?? null;
}
