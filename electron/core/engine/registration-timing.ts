/**
 * The registration price over the next hours (ST subnets/registration.rs): every block
 * update_registration_prices_for_networks multiplies Burn by f with f^BurnHalfLife = ½ (no decay when the half-life
 * is 0), and every registration bump_registration_price_after_registration multiplies it by max(BurnIncreaseMult, 1);
 * both clamp to [MinBurn, MaxBurn]. With registrations spread evenly at the rate seen in history the expected price
 * after t blocks is Burn × 2^(−t/h) × mult^(rate × t / 7200): one exponential, so clamping the end point is exact.
 */
import type { Figure, RegistrationTiming } from '../../../shared/economics';
import { BLOCKS_PER_DAY, type NetworkSnapshot, type Provenance, type SubnetSnapshot } from '../../../shared/domain';
import { wasRead } from './pool';
import { figure } from './provenance';
import { raoToUnits } from './units';

/** ST lib.rs defaults, for rows recorded before the sync read these items (the note says so). */
const DEFAULT_HALF_LIFE = 360;
const DEFAULT_MULT = 1.26;

export function expectedBurnTao(
  burnTao: number,
  minTao: number,
  maxTao: number,
  halfLifeBlocks: number,
  mult: number,
  registrationsPerDay: number,
  blocks: number,
): number {
  const decay = halfLifeBlocks > 0 ? -blocks / halfLifeBlocks : 0;
  const bumps = (registrationsPerDay * blocks) / BLOCKS_PER_DAY;
  const value = burnTao * 2 ** decay * Math.max(1, mult) ** bumps;
  return Math.min(maxTao, Math.max(minTao, value));
}

export function registrationTiming(
  subnet: SubnetSnapshot,
  network: NetworkSnapshot,
  registrationsPerDay: number | null,
  chain: Provenance,
  provenance: Provenance,
): RegistrationTiming {
  const burn = raoToUnits(subnet.burnRao);
  const min = raoToUnits(subnet.minBurnRao);
  const max = raoToUnits(subnet.maxBurnRao);
  // A runtime recorded without these items predates the decay-and-bump burn (April 2026): its burn moved by the
  // interval adjustment instead, which this projection does not model. Nothing is projected then, and it says why.
  const lacking = ['BurnHalfLife', 'BurnIncreaseMult'].filter(
    (item) => network.priceSource !== null && !wasRead(network, item),
  );
  if (lacking.length > 0) {
    const why = `${lacking.map((i) => `SubtensorModule.${i}`).join(' and ')} not in this runtime: its burn is not the decay-and-bump one`;
    const none = figure(null, provenance, why);
    return {
      burnNowTao: figure(burn, chain),
      in1hTao: none,
      in6hTao: none,
      in24hTao: none,
      registerLimitTao: none,
      halfLifeBlocks: none,
      increaseMult: none,
    };
  }
  const halfLife = subnet.burnHalfLife ?? DEFAULT_HALF_LIFE;
  const mult = subnet.burnIncreaseMult ?? DEFAULT_MULT;
  const defaults =
    subnet.burnHalfLife === null || subnet.burnIncreaseMult === null
      ? 'BurnHalfLife / BurnIncreaseMult not read at this point: subtensor defaults (360 blocks, ×1.26) assumed'
      : null;
  const rateNote = registrationsPerDay === null ? 'registration rate unknown: decay only' : null;
  const note = [defaults, rateNote].filter((n) => n !== null).join('; ') || null;
  const at = (hours: number): Figure =>
    figure(expectedBurnTao(burn, min, max, halfLife, mult, registrationsPerDay ?? 0, hours * 300), provenance, note);
  return {
    burnNowTao: figure(burn, chain),
    in1hTao: at(1),
    in6hTao: at(6),
    in24hTao: at(24),
    registerLimitTao: figure(Math.min(max, Math.max(min, burn * Math.max(1, mult))), provenance, defaults),
    halfLifeBlocks: figure(
      halfLife,
      subnet.burnHalfLife === null ? provenance : chain,
      subnet.burnHalfLife === null ? 'default assumed' : null,
    ),
    increaseMult: figure(
      mult,
      subnet.burnIncreaseMult === null ? provenance : chain,
      subnet.burnIncreaseMult === null ? 'default assumed' : null,
    ),
  };
}
