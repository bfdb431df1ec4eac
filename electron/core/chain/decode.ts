/**
 * Dynamic info (polkadot codecs) → RawDynamicInfo. Metagraphs, the large answers, are decoded by metadata-generated
 * codecs instead (metagraph-decode.ts).
 */
import { big, bytes, bytesOfCompacts, field, num, option, type CodecLike } from './codec';
import type { RawDynamicInfo, RawIdentity } from './raw';

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
