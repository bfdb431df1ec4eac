/**
 * Metagraph results decoded by the metadata-generated codecs (runtime-codecs.ts) → RawMetagraph. Field names come
 * from the metadata (snake_case) and values in the codecs' plain forms: a selective metagraph's `Option` field is
 * the value or undefined, a full metagraph's field is the value, so one reader serves both.
 */
import { isBig, isBool, isNum, isText, listOf, struct, toBig, toBool, toNum, toText } from './plain';
import type { RawMetagraph } from './raw';

type Kind = 'num' | 'big' | 'bool' | 'nums' | 'bigs' | 'bools' | 'accounts';

/**
 * The metagraph fields the app reads, with their SelectiveMetagraph indexes (subtensor rpc_info/metagraph.rs,
 * SelectiveMetagraphIndex) and the plain type each is stored as. Asking for these alone cuts the per-subnet
 * payload to the columns we store; `satisfies` keeps this list and RawMetagraph in step.
 */
const FIELDS = {
  netuid: [0, 'num'],
  block: [7, 'big'],
  numUids: [30, 'num'],
  maxUids: [31, 'num'],
  burn: [32, 'big'],
  registrationAllowed: [34, 'bool'],
  immunityPeriod: [36, 'num'],
  minBurn: [39, 'big'],
  maxBurn: [40, 'big'],
  hotkeys: [52, 'accounts'],
  coldkeys: [53, 'accounts'],
  active: [56, 'bools'],
  validatorPermit: [57, 'bools'],
  lastUpdate: [59, 'bigs'],
  emission: [60, 'bigs'],
  dividends: [61, 'nums'],
  incentives: [62, 'nums'],
  consensus: [63, 'nums'],
  blockAtRegistration: [66, 'bigs'],
  alphaStake: [67, 'bigs'],
  taoStake: [68, 'bigs'],
  totalStake: [69, 'bigs'],
} as const satisfies Record<keyof RawMetagraph, readonly [number, Kind]>;

export const METAGRAPH_INDEXES: number[] = Object.values(FIELDS).map(([index]) => index);
/**
 * The same without the coldkeys: 32 of the ~84 bytes a UID costs on the wire, and a UID's coldkey changes only with
 * its hotkey or by a coldkey swap (coldkeys.ts decides when they are read).
 */
export const METAGRAPH_INDEXES_WITHOUT_COLDKEYS: number[] = METAGRAPH_INDEXES.filter(
  (index) => index !== FIELDS.coldkeys[0],
);
export const INCENTIVES_INDEX = FIELDS.incentives[0];

const snake = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
const NAMES = Object.keys(FIELDS).map((key) => [key as keyof RawMetagraph, snake(key)] as const);
const NAMES_WITHOUT_COLDKEYS = NAMES.filter(([key]) => key !== 'coldkeys');

function convert(kind: Kind, v: unknown, what: string): RawMetagraph[keyof RawMetagraph] {
  switch (kind) {
    case 'num':
      return toNum(v, what);
    case 'big':
      return toBig(v, what);
    case 'bool':
      return toBool(v, what);
    case 'nums':
      return listOf(v, what, isNum, toNum);
    case 'bigs':
      return listOf(v, what, isBig, toBig);
    case 'bools':
      return listOf(v, what, isBool, toBool);
    case 'accounts':
      return listOf(v, what, isText, toText);
  }
}

function present(value: unknown): unknown {
  if (value === undefined || value === null) throw new Error('the node returned no metagraph');
  return value;
}

/** A decoded (selective or full) metagraph → RawMetagraph; a requested field left out is an error. */
export function metagraphFromValue(value: unknown): RawMetagraph {
  return readMetagraph(value, NAMES);
}

/** A metagraph asked for by METAGRAPH_INDEXES_WITHOUT_COLDKEYS: `coldkeys` is empty, for the caller to fill. */
export function metagraphWithoutColdkeysFromValue(value: unknown): RawMetagraph {
  return { ...readMetagraph(value, NAMES_WITHOUT_COLDKEYS), coldkeys: [] };
}

function readMetagraph(value: unknown, names: typeof NAMES): RawMetagraph {
  const mg = struct(present(value), 'metagraph');
  const out: Partial<Record<keyof RawMetagraph, unknown>> = {};
  for (const [key, name] of names) {
    const v = mg[name];
    if (v === undefined) throw new Error(`the node left out requested metagraph field ${name}`);
    out[key] = convert(FIELDS[key][1], v, name);
  }
  return out as RawMetagraph;
}

/** The incentive vector of one mechanism from a (selective or full) mechagraph. */
export function incentivesFromValue(value: unknown): number[] {
  const v = struct(present(value), 'mechagraph').incentives;
  if (v === undefined) throw new Error('the node left out the incentives of a mechanism');
  return listOf(v, 'incentives', isNum, toNum);
}
