/**
 * get_all_dynamic_info entries decoded by the metadata-generated codecs → RawDynamicInfo. Field names are the
 * metadata's (snake_case); names and symbols are Vec<Compact<u8>> UTF-8 bytes, kept as bytes (mapper.ts decodes).
 */
import { bytesOf, fixedBits, struct, toBig, toNum, toText } from './plain';
import type { RawDynamicInfo, RawIdentity } from './raw';

const IDENTITY_FIELDS = {
  subnetName: 'subnet_name',
  githubRepo: 'github_repo',
  subnetContact: 'subnet_contact',
  subnetUrl: 'subnet_url',
  discord: 'discord',
  description: 'description',
  logoUrl: 'logo_url',
  additional: 'additional',
} as const satisfies Record<keyof RawIdentity, string>;

function identity(v: unknown): RawIdentity | null {
  if (v === undefined) return null;
  const id = struct(v, 'subnet_identity');
  const out: Partial<RawIdentity> = {};
  for (const [key, name] of Object.entries(IDENTITY_FIELDS) as [keyof RawIdentity, string][]) {
    // Older identity versions lack some fields; they read as empty, as before.
    out[key] = id[name] === undefined ? new Uint8Array() : bytesOf(id[name], `subnet_identity.${name}`);
  }
  return out as RawIdentity;
}

export function dynamicInfoFromValue(value: unknown): RawDynamicInfo {
  const d = struct(value, 'dynamic_info');
  const big = (name: string) => toBig(d[name], name);
  return {
    netuid: toNum(d.netuid, 'netuid'),
    ownerHotkey: toText(d.owner_hotkey, 'owner_hotkey'),
    ownerColdkey: toText(d.owner_coldkey, 'owner_coldkey'),
    subnetName: bytesOf(d.subnet_name, 'subnet_name'),
    tokenSymbol: bytesOf(d.token_symbol, 'token_symbol'),
    tempo: toNum(d.tempo, 'tempo'),
    lastStep: big('last_step'),
    blocksSinceLastStep: big('blocks_since_last_step'),
    alphaIn: big('alpha_in'),
    alphaOut: big('alpha_out'),
    taoIn: big('tao_in'),
    alphaOutEmission: big('alpha_out_emission'),
    alphaInEmission: big('alpha_in_emission'),
    taoInEmission: big('tao_in_emission'),
    pendingAlphaEmission: big('pending_alpha_emission'),
    subnetVolume: big('subnet_volume'),
    networkRegisteredAt: big('network_registered_at'),
    subnetIdentity: identity(d.subnet_identity),
    movingPriceBits: fixedBits(d.moving_price, 'moving_price'),
  };
}
