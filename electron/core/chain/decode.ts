/** Runtime-API results (polkadot codecs) → the raw shapes in raw.ts. */
import { big, bool, bytes, bytesOfCompacts, field, list, num, option, type CodecLike } from './codec';
import type { RawDynamicInfo, RawIdentity, RawMetagraph } from './raw';

function identity(c: CodecLike | null): RawIdentity | null {
  if (!c) return null;
  const b = (name: string) => (c[name] === undefined ? new Uint8Array() : bytes(field(c, name)));
  return {
    subnetName: b('subnetName'),
    githubRepo: b('githubRepo'),
    subnetContact: b('subnetContact'),
    subnetUrl: b('subnetUrl'),
    discord: b('discord'),
    description: b('description'),
    logoUrl: b('logoUrl'),
    additional: b('additional'),
  };
}

export function decodeDynamicInfo(d: CodecLike): RawDynamicInfo {
  return {
    netuid: num(field(d, 'netuid')),
    ownerHotkey: field(d, 'ownerHotkey').toString(),
    ownerColdkey: field(d, 'ownerColdkey').toString(),
    subnetName: bytesOfCompacts(field(d, 'subnetName')),
    tokenSymbol: bytesOfCompacts(field(d, 'tokenSymbol')),
    tempo: num(field(d, 'tempo')),
    lastStep: big(field(d, 'lastStep')),
    blocksSinceLastStep: big(field(d, 'blocksSinceLastStep')),
    alphaIn: big(field(d, 'alphaIn')),
    alphaOut: big(field(d, 'alphaOut')),
    taoIn: big(field(d, 'taoIn')),
    alphaOutEmission: big(field(d, 'alphaOutEmission')),
    alphaInEmission: big(field(d, 'alphaInEmission')),
    taoInEmission: big(field(d, 'taoInEmission')),
    pendingAlphaEmission: big(field(d, 'pendingAlphaEmission')),
    subnetVolume: big(field(d, 'subnetVolume')),
    networkRegisteredAt: big(field(d, 'networkRegisteredAt')),
    subnetIdentity: identity(option(field(d, 'subnetIdentity'))),
    movingPriceBits: big(field(field(d, 'movingPrice'), 'bits')),
  };
}

/**
 * SelectiveMetagraph indexes of the fields the app reads (subtensor rpc_info/metagraph.rs, SelectiveMetagraphIndex).
 * Asking for these alone cuts the per-subnet payload to the columns we store.
 */
export const METAGRAPH_FIELDS = {
  netuid: 0, block: 7, numUids: 30, maxUids: 31, burn: 32, registrationAllowed: 34, immunityPeriod: 36, minBurn: 39,
  maxBurn: 40, hotkeys: 52, coldkeys: 53, active: 56, validatorPermit: 57, lastUpdate: 59, emission: 60,
  dividends: 61, incentives: 62, consensus: 63, blockAtRegistration: 66, alphaStake: 67, taoStake: 68, totalStake: 69,
} as const;
export const METAGRAPH_INDEXES: number[] = Object.values(METAGRAPH_FIELDS);

/**
 * Metagraph or SelectiveMetagraph (every field Option) → RawMetagraph. `get` hides the difference: it unwraps the
 * Option of a selective result and passes a full metagraph's field through.
 */
export function decodeMetagraph(mg: CodecLike, selective: boolean): RawMetagraph {
  const get = (name: string): CodecLike => {
    const v = field(mg, name);
    // netuid is a plain field even in a SelectiveMetagraph; the metadata says which fields are Options.
    if (!selective || v.isSome === undefined) return v;
    const inner = option(v);
    if (!inner) throw new Error(`the node left out requested metagraph field ${name}`);
    return inner;
  };
  const nums = (name: string) => list(get(name)).map(num);
  const bigs = (name: string) => list(get(name)).map(big);
  const bools = (name: string) => list(get(name)).map(bool);
  const accounts = (name: string) => list(get(name)).map((a) => a.toString());
  return {
    netuid: num(get('netuid')),
    block: big(get('block')),
    numUids: num(get('numUids')),
    maxUids: num(get('maxUids')),
    burn: big(get('burn')),
    minBurn: big(get('minBurn')),
    maxBurn: big(get('maxBurn')),
    registrationAllowed: bool(get('registrationAllowed')),
    immunityPeriod: num(get('immunityPeriod')),
    hotkeys: accounts('hotkeys'),
    coldkeys: accounts('coldkeys'),
    active: bools('active'),
    validatorPermit: bools('validatorPermit'),
    lastUpdate: bigs('lastUpdate'),
    emission: bigs('emission'),
    dividends: nums('dividends'),
    incentives: nums('incentives'),
    consensus: nums('consensus'),
    blockAtRegistration: bigs('blockAtRegistration'),
    alphaStake: bigs('alphaStake'),
    taoStake: bigs('taoStake'),
    totalStake: bigs('totalStake'),
  };
}

/** Only the incentive vector of one mechanism (get_selective_mechagraph / get_mechagraph). */
export function decodeIncentives(mg: CodecLike, selective: boolean): number[] {
  const v = field(mg, 'incentives');
  const inner = selective ? option(v) : v;
  if (!inner) throw new Error('the node left out the incentives of a mechanism');
  return list(inner).map(num);
}
