/**
 * Who holds a simulated subnet's UIDs: a newcomer's draw (skill, lifetime, drift phase; its identity is
 * (netuid, uid, registration block)), the owner's immortal hotkeys, and the stream of registration attempts.
 */
import type { SubnetPlan } from './plan';
import { gaussian, hash, unit } from './rng';
import { immuneOwnerUids } from './rules';
import { DRIFT_STEPS } from './sim-epoch';
import { Role, type SimState } from './sim-state';

const TAG_REG = 601;
const TAG_ATTEMPT = 602;
const TAG_WILL = 603;
const TAG_SKILL = 604;
const TAG_STAKE = 605;
const TAG_LIFE = 607;

/** A miner runs for 2 days plus an exponential time of mean 30 days, fading over its last ~12 hours. */
const MIN_LIFETIME = 14_400;
const MINER_LIFETIME = 216_000;

/** A registration attempt: when, and the most the newcomer will pay (rao). */
export interface Attempt {
  block: number;
  willingness: number;
}

/** Puts a holder on `uid` registered at `reg` with a fresh quality draw (its identity is (netuid, uid, reg)). */
export function placeHolder(p: SubnetPlan, s: SimState, uid: number, reg: number, role: number, lifeFrom = reg): void {
  const key = hash(p.seed, TAG_REG, p.netuid, uid, reg);
  s.reg[uid] = reg;
  s.key[uid] = key;
  s.role[uid] = role;
  s.phase[uid] = key % DRIFT_STEPS;
  // Miners do not run forever: an exponential lifetime (mean MINER_LIFETIME), so earners fade, stop and are pruned.
  s.retiresAt[uid] = lifeFrom + MIN_LIFETIME - MINER_LIFETIME * Math.log(1 - unit(p.seed, TAG_LIFE, key));
  const M = s.mechanisms;
  const skilled = role === Role.miner && unit(p.seed, TAG_SKILL, key) < p.skillShare;
  for (let m = 0; m < M; m++) {
    s.quality[uid * M + m] = skilled ? Math.exp(p.skillSigma * gaussian(p.seed, TAG_SKILL, key, m + 1)) : 0;
    s.incentive[uid * M + m] = 0;
  }
  s.pays[uid] = role !== Role.miner || skilled ? 1 : 0;
  s.stake[uid] =
    role === Role.validator && p.validatorCount > 0
      ? 200_000e9 * Math.exp(gaussian(p.seed, TAG_STAKE, p.netuid, uid))
      : 0;
  s.emission[uid] = 0;
  s.server[uid] = 0;
  s.validatorPaid[uid] = 0;
  s.dividend[uid] = 0;
}

export function refreshImmortal(p: SubnetPlan, s: SimState): void {
  const owned: Array<{ uid: number; registeredAt: number }> = [];
  let ownerHotkeyUid = -1;
  for (let uid = 0; uid < s.n; uid++) {
    s.immortal[uid] = 0;
    if (s.role[uid] === Role.ownerHotkey) ownerHotkeyUid = uid;
    if (s.role[uid] === Role.ownerHotkey || s.role[uid] === Role.ownerExtra)
      owned.push({ uid, registeredAt: s.reg[uid]! });
  }
  for (const uid of immuneOwnerUids(owned, ownerHotkeyUid, p.immuneOwnerUidsLimit)) s.immortal[uid] = 1;
}

/** Registration attempts in the interval that starts at epoch block `epoch` (Poisson, by subnet rate). */
export function drawAttempts(p: SubnetPlan, epoch: number): Attempt[] {
  if (!p.profile.registrationAllowed || p.attemptsPerDay <= 0) return [];
  const mean = (p.attemptsPerDay * p.tempo) / 7_200;
  const u = unit(p.seed, TAG_ATTEMPT, p.netuid, epoch);
  let count = 0;
  let term = Math.exp(-mean);
  let cdf = term;
  while (u > cdf && count < 200) {
    count++;
    term *= mean / count;
    cdf += term;
  }
  const out: Attempt[] = [];
  for (let i = 0; i < count; i++) {
    const block = epoch + Math.floor(unit(p.seed, TAG_ATTEMPT, p.netuid, epoch, i + 1) * p.tempo);
    const willingness =
      p.willingnessTao * 1e9 * Math.exp(0.8 * gaussian(p.seed, TAG_WILL, p.netuid * 1_000_003 + i, epoch));
    out.push({ block, willingness });
  }
  return out.sort((a, b) => a.block - b.block || a.willingness - b.willingness);
}
