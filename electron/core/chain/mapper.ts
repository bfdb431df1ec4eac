/**
 * Raw chain state → domain rows. The one mapper both paths share: the sync (decoded node responses) and the demo
 * data (the synthetic network generator), so demo data is stored exactly as real data would be.
 */
import type {
  NetworkSnapshot,
  NeuronSnapshot,
  SubnetIdentity,
  SubnetSnapshot,
  SubnetSync,
} from '../../../shared/domain';
import type { RawIdentity, RawNetworkStorage, RawSubnetState } from './raw';

const INT64_MAX = 2n ** 63n - 1n;
const utf8 = new TextDecoder('utf-8');

/** A subnet whose data cannot be stored as the chain gave it; the sync marks it stale with this message. */
export class MappingError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MappingError';
  }
}

export function decodeText(bytes: Uint8Array): string {
  return utf8.decode(bytes);
}

/** I96F32 / U96F32 fixed point → number, without losing the integer part (bits / 2^32). */
export function fixed32ToNumber(bits: bigint): number {
  const negative = bits < 0n;
  const abs = negative ? -bits : bits;
  const value = Number(abs >> 32n) + Number(abs & 0xffff_ffffn) / 2 ** 32;
  return negative ? -value : value;
}

/** SQLite stores int64; no real TAO or alpha amount comes close, so a larger one is a chain or decode anomaly. */
function amount(value: bigint, what: string, netuid: number): bigint {
  if (value < 0n || value > INT64_MAX) {
    throw new MappingError(`SN${netuid}: ${what} = ${value} rao is outside the range this app can store`);
  }
  return value;
}

function identity(raw: RawIdentity | null): SubnetIdentity | null {
  if (!raw) return null;
  return {
    name: decodeText(raw.subnetName),
    githubRepo: decodeText(raw.githubRepo),
    url: decodeText(raw.subnetUrl),
    contact: decodeText(raw.subnetContact),
    discord: decodeText(raw.discord),
    description: decodeText(raw.description),
    logoUrl: decodeText(raw.logoUrl),
  };
}

/** How the block was read beyond its storage: the runtime's prune answer, the price source, what it lacked. */
export interface NetworkReads {
  subnetToPrune: number | null;
  priceSource: NetworkSnapshot['priceSource'];
  missing: string[];
}

export function mapNetwork(raw: RawNetworkStorage, reads: NetworkReads): NetworkSnapshot {
  return {
    blockEmissionRao: raw.blockEmission,
    totalIssuanceRao: raw.totalIssuance,
    subnetOwnerCutU16: raw.subnetOwnerCut,
    subnetLimit: raw.subnetLimit,
    networkImmunityPeriodBlocks: raw.networkImmunityPeriod === null ? null : Number(raw.networkImmunityPeriod),
    subnetToPrune: reads.subnetToPrune,
    priceSource: reads.priceSource,
    missingReads: reads.missing,
  };
}

export function mapSubnet(raw: RawSubnetState): SubnetSync {
  const { dynamic: d, metagraph: mg, storage: st } = raw;
  const netuid = d.netuid;
  if (mg.netuid !== netuid) throw new MappingError(`SN${netuid}: metagraph answered for SN${mg.netuid}`);
  const uidCount = mg.numUids;
  const vectors: [string, { length: number }][] = [
    ['hotkeys', mg.hotkeys],
    ['coldkeys', mg.coldkeys],
    ['incentives', mg.incentives],
    ['emission', mg.emission],
    ['dividends', mg.dividends],
    ['blockAtRegistration', mg.blockAtRegistration],
  ];
  for (const [name, v] of vectors) {
    if (v.length !== uidCount)
      throw new MappingError(`SN${netuid}: metagraph lists ${v.length} ${name} for ${uidCount} UIDs`);
  }
  const id = identity(d.subnetIdentity);
  const name = decodeText(d.subnetName) || id?.name || '';
  const subnet: SubnetSnapshot = {
    netuid,
    name,
    symbol: decodeText(d.tokenSymbol),
    ownerHotkey: d.ownerHotkey,
    ownerColdkey: d.ownerColdkey,
    tempo: d.tempo,
    blocksSinceLastStep: Number(d.blocksSinceLastStep),
    registeredAtBlock: Number(d.networkRegisteredAt),
    taoReserveRao: amount(d.taoIn, 'tao_in', netuid),
    alphaReserveRao: amount(d.alphaIn, 'alpha_in', netuid),
    alphaOutstandingRao: amount(d.alphaOut, 'alpha_out', netuid),
    alphaPriceRao: raw.priceRao === null ? null : amount(raw.priceRao, 'price', netuid),
    movingPrice: fixed32ToNumber(d.movingPriceBits),
    taoInEmissionRao: amount(d.taoInEmission, 'tao_in_emission', netuid),
    excessTaoRao: st.excessTao === null ? null : amount(st.excessTao, 'SubnetExcessTao', netuid),
    alphaOutEmissionRao: amount(d.alphaOutEmission, 'alpha_out_emission', netuid),
    alphaInEmissionRao: amount(d.alphaInEmission, 'alpha_in_emission', netuid),
    pendingAlphaEmissionRao: amount(d.pendingAlphaEmission, 'pending_alpha_emission', netuid),
    subnetVolumeRao: d.subnetVolume,
    burnRao: amount(st.burn, 'Burn', netuid),
    minBurnRao: amount(mg.minBurn, 'min_burn', netuid),
    maxBurnRao: amount(mg.maxBurn, 'max_burn', netuid),
    immunityPeriodBlocks: st.immunityPeriod,
    maxUids: mg.maxUids,
    uidCount,
    registrationAllowed: mg.registrationAllowed,
    ownerCutEnabled: st.ownerCutEnabled,
    minerBurnedFraction: st.minerBurnedBits === null ? null : fixed32ToNumber(st.minerBurnedBits),
    emissionEnabled: st.emissionEnabled,
    mechanismCount: Math.max(1, st.mechanismCount),
    mechanismSplitU16: st.mechanismSplit,
    identity: id,
    immuneOwnerUidsLimit: st.immuneOwnerUidsLimit,
    minNonImmuneUids: st.minNonImmuneUids,
    burnHalfLife: st.burnHalfLife,
    burnIncreaseMult: st.burnIncreaseMult,
    subtokenEnabled: st.subtokenEnabled,
    firstEmissionBlock: st.firstEmissionBlock === null ? null : Number(st.firstEmissionBlock),
    // A u64 no real subnet comes near; beyond int64 it is not stored (unknown) rather than failing the subnet's data.
    weightsVersionKey: st.weightsVersionKey === null || st.weightsVersionKey > INT64_MAX ? null : st.weightsVersionKey,
  };
  const neurons: NeuronSnapshot[] = [];
  for (let uid = 0; uid < uidCount; uid++) {
    neurons.push({
      netuid,
      uid,
      hotkey: mg.hotkeys[uid]!,
      coldkey: mg.coldkeys[uid]!,
      active: mg.active[uid] ?? false,
      validatorPermit: mg.validatorPermit[uid] ?? false,
      incentivesU16: [mg.incentives[uid]!, ...raw.extraMechanismIncentives.map((v) => v[uid] ?? 0)],
      dividendsU16: mg.dividends[uid]!,
      consensusU16: mg.consensus[uid] ?? 0,
      emissionRao: amount(mg.emission[uid]!, `emission[${uid}]`, netuid),
      registeredAtBlock: Number(mg.blockAtRegistration[uid]!),
      lastUpdateBlock: Number(mg.lastUpdate[uid] ?? 0n),
      alphaStakeRao: amount(mg.alphaStake[uid] ?? 0n, `alpha_stake[${uid}]`, netuid),
      taoStakeRao: amount(mg.taoStake[uid] ?? 0n, `tao_stake[${uid}]`, netuid),
      totalStakeRao: amount(mg.totalStake[uid] ?? 0n, `total_stake[${uid}]`, netuid),
    });
  }
  return { subnet, neurons };
}
