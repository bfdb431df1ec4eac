/**
 * What rarely changes about a subnet (name, symbol, identity, owner keys, hyperparameters) is stored once per
 * distinct value and referenced from each hourly row: repeated in every row it was a third of a year's subnet data.
 */
import type { Database, Statement } from 'better-sqlite3';
import type { SubnetSnapshot } from '../../../shared/domain';

export const PROFILE_COLUMNS = [
  'name',
  'symbol',
  'identity_json',
  'owner_hotkey_id',
  'owner_coldkey_id',
  'tempo',
  'registered_at_block',
  'min_burn_rao',
  'max_burn_rao',
  'immunity_period_blocks',
  'max_uids',
  'registration_allowed',
  'owner_cut_enabled',
  'miner_burned_fraction',
  'emission_enabled',
  'mechanism_count',
  'mechanism_split_u16',
] as const;

/**
 * Columns added by migrations 9 (the chain rules) and 11 (the weights version key). Kept apart from PROFILE_COLUMNS
 * because migration 6 builds its profiles from that list, on a schema that has none of these yet.
 */
export const CHAIN_RULE_PROFILE_COLUMNS = [
  'immune_owner_uids_limit',
  'min_non_immune_uids',
  'burn_half_life',
  'burn_increase_mult',
  'subtoken_enabled',
  'first_emission_block',
  'weights_version_key',
] as const;

const ALL_PROFILE_COLUMNS = [...PROFILE_COLUMNS, ...CHAIN_RULE_PROFILE_COLUMNS];

/** The profile's values, in PROFILE_COLUMNS order, as stored. */
export type ProfileValues = unknown[];

const SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/**
 * The lookup key of a profile: exact for every value (JSON keeps doubles round-trip exact). Integers read back from
 * SQLite as bigint and written from the chain as number give the same key.
 */
export function profileFingerprint(values: ProfileValues): string {
  return JSON.stringify(
    values.map((v) => (typeof v === 'bigint' ? (v <= SAFE && v >= -SAFE ? Number(v) : v.toString()) : v)),
  );
}

const b = (v: boolean | null): number | null => (v === null ? null : v ? 1 : 0);

/** `ownerHotkeyId`/`ownerColdkeyId`: the account ids of the subnet's owner keys. */
export function profileValues(s: SubnetSnapshot, ownerHotkeyId: number, ownerColdkeyId: number): ProfileValues {
  return [
    s.name,
    s.symbol,
    s.identity ? JSON.stringify(s.identity) : null,
    ownerHotkeyId,
    ownerColdkeyId,
    s.tempo,
    s.registeredAtBlock,
    s.minBurnRao,
    s.maxBurnRao,
    s.immunityPeriodBlocks,
    s.maxUids,
    b(s.registrationAllowed),
    b(s.ownerCutEnabled),
    s.minerBurnedFraction,
    b(s.emissionEnabled),
    s.mechanismCount,
    s.mechanismSplitU16 ? s.mechanismSplitU16.join(',') : null,
    s.immuneOwnerUidsLimit,
    s.minNonImmuneUids,
    s.burnHalfLife,
    s.burnIncreaseMult,
    b(s.subtokenEnabled),
    s.firstEmissionBlock,
    s.weightsVersionKey,
  ];
}

/** Interns profiles to ids. One instance per write transaction (its cache holds ids a rollback would take back). */
export class SubnetProfiles {
  private readonly cache = new Map<string, number>();
  private readonly insert: Statement;
  private readonly select: Statement<[string], number>;

  constructor(db: Database) {
    this.insert = db.prepare(
      `INSERT INTO subnet_profiles (fingerprint, ${ALL_PROFILE_COLUMNS.join(', ')})
       VALUES (?, ${ALL_PROFILE_COLUMNS.map(() => '?').join(', ')}) ON CONFLICT (fingerprint) DO NOTHING`,
    );
    this.select = db.prepare<[string], number>('SELECT id FROM subnet_profiles WHERE fingerprint = ?').pluck();
  }

  idOf(values: ProfileValues): number {
    const fingerprint = profileFingerprint(values);
    let id = this.cache.get(fingerprint);
    if (id === undefined) {
      this.insert.run(fingerprint, ...values);
      id = this.select.get(fingerprint)!;
      this.cache.set(fingerprint, id);
    }
    return id;
  }
}
