/**
 * Which subnet plays which role. Roles depend only on the netuid and the network size, never on the seed, so a
 * test can ask `describeVariety()` which netuid is dead, burns everything or runs several mechanisms and rely
 * on it for any seed. The rules are periodic in the netuid so a 4-subnet test network already holds the main
 * cases (1: concentrated + 3 mechanisms + one operator, 2: 100% owner burn, 3: flat + registration disabled +
 * a multi-byte name, 4: dead) and the 128-subnet network holds each of them several times, plus the SITUATIONS.
 */

/** How incentive is spread over a subnet's miners. */
export type Distribution = 'concentrated' | 'flat' | 'powerlaw' | 'partialBurn' | 'fullBurn';

export interface SubnetProfile {
  netuid: number;
  dead: boolean;
  distribution: Distribution;
  mechanismCount: number;
  /** MechanismEmissionSplit u16 weights, or null for the chain's even split. */
  mechanismSplit: number[] | null;
  registrationAllowed: boolean;
  emissionEnabled: boolean;
  ownerCutEnabled: boolean;
  /** One coldkey (the "operator") runs a large share of the miner UIDs here. */
  operator: boolean;
  /** Registered recently and still filling its UID slots. */
  fresh: boolean;
  /** Fraction of the network's maxUids this subnet allows. */
  capacityFactor: number;
  symbol: string;
  /** Name drawn from the multi-byte UTF-8 list rather than generated from Latin syllables. */
  multiByteName: boolean;
}

/** What a network of a given size contains, by role: the answer to "which netuid should my test look at?". */
export interface NetworkVariety {
  dead: number[];
  fullBurn: number[];
  partialBurn: number[];
  concentrated: number[];
  flat: number[];
  powerlaw: number[];
  multiMechanism: Array<{ netuid: number; count: number; split: number[] | null }>;
  registrationDisabled: number[];
  emissionDisabled: number[];
  ownerCutDisabled: number[];
  operator: number[];
  fresh: number[];
  reducedCapacity: number[];
  multiByteNames: number[];
}

/**
 * Token symbols, interleaving scripts so even netuids 1–4 cover 2-byte (Greek, Hebrew, Arabic) and 3-byte (CJK)
 * UTF-8; a few 4-byte symbols come later. Root keeps the real chain's Tau.
 */
const SYMBOLS = [
  'α',
  'ש',
  'ت',
  '中',
  'β',
  'ב',
  'ب',
  '文',
  'γ',
  'ג',
  'ث',
  '山',
  '𝔸',
  'δ',
  'ד',
  'ج',
  '水',
  'ε',
  'ה',
  'ح',
  '火',
  'ζ',
  'ו',
  'خ',
  '木',
  '𝛀',
  'η',
  'ז',
  'د',
  '金',
  'θ',
  'ח',
  'ذ',
  '土',
  'ι',
  'ט',
  'ر',
  '月',
  'κ',
  'י',
  'ز',
  '日',
  'λ',
  'כ',
  'س',
  '风',
  'μ',
  'ל',
  'ش',
  '雨',
  'ν',
  'מ',
  'ص',
  '雷',
  'ξ',
  'נ',
  'ض',
  '云',
  'ο',
  'ס',
  'ط',
  '星',
  'π',
  'ע',
  'ظ',
  '光',
  'ρ',
  'פ',
  'ع',
  '电',
  'σ',
  'צ',
  'غ',
  '龙',
  'τ',
  'ק',
  'ف',
  '虎',
  'υ',
  'ר',
  'ق',
  '鹤',
  'φ',
  'ת',
  'ك',
  '𓂀',
  'χ',
  'Ա',
  'ل',
  'ψ',
  'Բ',
  'م',
  'ω',
  'Գ',
  'ن',
  'Ж',
  'Դ',
  'ه',
  'Ф',
  'Ե',
  'و',
  'Щ',
  'Զ',
  'ي',
  'Ю',
  'Է',
  'ა',
  'Я',
  'Ը',
  'ბ',
  'Ђ',
  'Թ',
  'გ',
  'Љ',
  'Ժ',
  'დ',
  'Њ',
  'Ի',
  'ე',
  'Ћ',
  'Լ',
  'ვ',
  'Џ',
  'Խ',
  'ზ',
  'ᚠ',
  'Ծ',
  'თ',
];
export const ROOT_SYMBOL = 'Τ';

/**
 * Explicit MechanismEmissionSplit weights (u16, summing to 65535) for subnets that do not split evenly. Netuid 65's
 * split is shorter than its three mechanisms: the chain gives the third nothing (subnets/mechanism.rs split_emissions).
 */
const SPLITS: Record<number, number[]> = { 1: [39321, 16384, 9830], 65: [49151, 16384], 97: [45875, 19660] };

/**
 * The situations the "Chain-true economics" issue asks the stand-in network to hold, each at a fixed netuid (present
 * when the network has that many subnets). Tests look them up here rather than hard-coding numbers.
 */
export const SITUATIONS = {
  /** The owner's coldkey holds three hotkeys on its subnet (ImmuneOwnerUidsLimit 2): all their incentive is burned. */
  ownerHotkeys: 22,
  /** Validators earn no dividends (their bonds are empty): miners receive the whole epoch emission. */
  noValidatorDividends: 23,
  /** No miner scores anything: validators receive the whole epoch emission. */
  noIncentive: 29,
  /** A MechanismEmissionSplit shorter than the mechanism count: mechanism 2 gets nothing. */
  shortMechanismSplit: 65,
  /** Alpha issuance a few days short of 10.5M at the default head: its alpha emission halves soon after. */
  nearAlphaHalving: 45,
  /** The lowest moving price among non-immune subnets while the network is at SubnetLimit: next to be dissolved. */
  bottomMovingPrice: 119,
  /** MinNonImmuneUids set so high that registrations must prune immune UIDs. */
  minNonImmuneFloor: 57,
  /**
   * The competition resets of issue 17 item 9, each an owner call at owner-calls.ts OWNER_CALL_BLOCK: the weights
   * version key bumped (new scoring code), a second mechanism added, the owner's miner burn dropped to 0, registration
   * opened after being closed. (The fifth, a new subnet, is the fresh one: NetworkVariety.fresh.)
   */
  weightsVersionBump: 1,
  mechanismAdded: 20,
  registrationOpened: 36,
  minerBurnDropped: 38,
} as const;

export function subnetProfile(netuid: number, subnetCount: number): SubnetProfile {
  const dead = subnetCount >= 3 && (netuid === subnetCount || netuid % 64 === 0);
  // Shares as on Finney in mid-2026 (../shared/real): ~30% of subnets burn all miner emission, ~12% part of it,
  // a quarter pay a handful of winners, a few are crowded with hundreds of earners.
  const r = netuid % 16;
  const distribution: Distribution =
    netuid === SITUATIONS.ownerHotkeys
      ? 'partialBurn'
      : [2, 8, 10, 12, 0].includes(r)
        ? 'fullBurn'
        : r === 6 || r === 14
          ? 'partialBurn'
          : [1, 5, 9, 13].includes(r)
            ? 'concentrated'
            : r === 3 || r === 7
              ? 'flat'
              : 'powerlaw';
  // Netuids 1, 33, 65, 97 run mechanisms: 3, 2, 3, 2 of them; 1, 65 (short) and 97 with an explicit split.
  const multiMechanism = netuid % 32 === 1;
  const k = (netuid - 1) / 32;
  // The subnet that adds a mechanism has two at the head (one before the owner's call, owner-calls.ts).
  const mechanismCount = multiMechanism ? 3 - (k % 2) : netuid === SITUATIONS.mechanismAdded ? 2 : 1;
  const mechanismSplit = multiMechanism ? (SPLITS[netuid] ?? null) : null;
  const fresh = subnetCount >= 8 && netuid === subnetCount - 1;
  return {
    netuid,
    dead,
    distribution,
    mechanismCount,
    mechanismSplit,
    registrationAllowed: netuid % 32 !== 3,
    // New subnets start with SubnetEmissionEnabled = false (economics.md); two older ones were switched off.
    emissionEnabled: netuid % 40 !== 27 && !fresh,
    ownerCutEnabled: netuid % 40 !== 13,
    operator: netuid % 3 === 1,
    fresh,
    capacityFactor: netuid % 10 === 5 ? 0.5 : 1,
    symbol: SYMBOLS[(netuid - 1) % SYMBOLS.length] ?? 'α',
    multiByteName: netuid % 8 === 3,
  };
}

export function describeVariety(subnetCount: number): NetworkVariety {
  const variety: NetworkVariety = {
    dead: [],
    fullBurn: [],
    partialBurn: [],
    concentrated: [],
    flat: [],
    powerlaw: [],
    multiMechanism: [],
    registrationDisabled: [],
    emissionDisabled: [],
    ownerCutDisabled: [],
    operator: [],
    fresh: [],
    reducedCapacity: [],
    multiByteNames: [],
  };
  for (let netuid = 1; netuid <= subnetCount; netuid++) {
    const p = subnetProfile(netuid, subnetCount);
    if (p.dead) {
      variety.dead.push(netuid);
      continue;
    }
    variety[p.distribution].push(netuid);
    if (p.mechanismCount > 1) variety.multiMechanism.push({ netuid, count: p.mechanismCount, split: p.mechanismSplit });
    if (!p.registrationAllowed) variety.registrationDisabled.push(netuid);
    if (!p.emissionEnabled) variety.emissionDisabled.push(netuid);
    if (!p.ownerCutEnabled) variety.ownerCutDisabled.push(netuid);
    if (p.operator) variety.operator.push(netuid);
    if (p.fresh) variety.fresh.push(netuid);
    if (p.capacityFactor < 1) variety.reducedCapacity.push(netuid);
    if (p.multiByteName) variety.multiByteNames.push(netuid);
  }
  return variety;
}

const SYLLABLES = [
  'ka',
  'lo',
  'vex',
  'ri',
  'ta',
  'mon',
  'sa',
  'qu',
  'el',
  'dor',
  'ni',
  'zu',
  'ar',
  'phi',
  'gen',
  'to',
  'ly',
  'ra',
  'co',
  'de',
  'mi',
  'nu',
  'ox',
  'pi',
  'sy',
  'tr',
  'um',
  've',
  'wa',
  'xi',
];
const SUFFIXES = ['', '', '', ' AI', ' Labs', ' Net', 'X', ' Protocol', ' Compute', ' Vision'];
const MULTI_BYTE_NAMES = [
  'Ωmega',
  'Nébula',
  'Ñandú',
  'Żubr',
  'Kōan',
  'Λógos',
  '天网',
  'Ψυχή',
  'Straße',
  'Ørken',
  'Čarodej',
  'Şafak',
  'Ünlü',
  'Δelta',
  'Éclair',
  'Ξenon',
  'Götter',
];

/** A readable subnet name; `pick` draws from the caller's seeded generator so names vary with the seed. */
export function subnetName(netuid: number, multiByte: boolean, pick: (n: number) => number): string {
  if (multiByte) return MULTI_BYTE_NAMES[(netuid + pick(3)) % MULTI_BYTE_NAMES.length] ?? 'Ωmega';
  const parts = 2 + pick(2);
  let name = '';
  for (let i = 0; i < parts; i++) name += SYLLABLES[pick(SYLLABLES.length)] ?? 'ka';
  return name.charAt(0).toUpperCase() + name.slice(1) + (SUFFIXES[pick(SUFFIXES.length)] ?? '');
}
