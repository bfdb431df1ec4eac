/**
 * Failures while reading a block, in the user's words. A request that timed out, was refused with a JSON-RPC error or
 * answered bytes that do not decode arrives as a ChainCallError naming the request (JSON-RPC method, runtime API
 * method and arguments, block); this adds which endpoint and what the request was for. Anything else is recognised
 * from the chain library's own wording ("No response received from RPC endpoint in 60s", "createType(Vec<…>):: …"),
 * which names neither.
 * The network-wide calls come first and everything else depends on them, so a failure that escapes the block read is
 * about them (a single subnet's failure is contained as that subnet's stale reason).
 */
import { ChainCallError, ChainError, type ChainErrorKind } from '../chain/errors';

export type ReadStage = 'head' | 'network' | 'subnets';

const STAGE_WORDS: Record<ReadStage, string> = {
  head: 'the finalized head',
  network: "the network-wide state (every subnet's dynamic info, alpha prices and per-subnet storage)",
  subnets: "the subnets' metagraphs",
};

/** What a named request reads, in words, by its JSON-RPC or runtime API method. */
const CALL_SUBJECTS: [RegExp, string][] = [
  [/get_all_dynamic_info/, "every subnet's dynamic info"],
  [/current_alpha_price/, 'the alpha prices'],
  [/get_selective_metagraph|get_metagraph/, "a subnet's metagraph"],
  [/mechagraph/, "a subnet mechanism's incentives"],
  [/state_queryStorageAt|storage /, 'storage values (emission, issuance, per-subnet settings)'],
  [/Metadata_metadata|state_getMetadata|state_getRuntimeVersion/, "the block's runtime version and metadata"],
  [/chain_getHeader/, 'the block header'],
  [/chain_getBlockHash/, 'the hash of a past block'],
  [/chain_getFinalizedHead/, 'the finalized head'],
];

/** Type or call names in a decoder's message → what the answer is, with the call that returns it. */
const SUBJECTS: [RegExp, string][] = [
  [/DynamicInfo|get_all_dynamic_info/, "every subnet's dynamic info (SubnetInfoRuntimeApi.get_all_dynamic_info)"],
  [/AlphaPrice|current_alpha_price/i, 'the alpha prices (SwapRuntimeApi.current_alpha_price_all)'],
  [/Metadata/, "the runtime's metadata (state_getMetadata)"],
  [/Header/, 'the block header (chain_getHeader)'],
];

/** Decoders fail as @polkadot/types' createType(…), or as bytes running out (RangeError from a DataView). */
const isDecodeFailure = (e: unknown, message: string) =>
  e instanceof RangeError || /createType\(|decod|Compact input|DataView|out of (range|bounds)/i.test(message);

export interface ReadFailure {
  kind: ChainErrorKind;
  /** What happened, as a sentence without its consequence: the caller knows what was stored. */
  what: string;
}

export function describeReadFailure(
  e: unknown,
  where: { endpoint: string; block: string; stage: ReadStage },
): ReadFailure {
  const message = (e as Error)?.message ?? String(e);
  if (e instanceof ChainCallError) {
    const subject = CALL_SUBJECTS.find(([re]) => re.test(e.call))?.[1] ?? STAGE_WORDS[where.stage];
    return {
      kind: e.kind,
      what:
        e.problem === 'timeout'
          ? `${where.endpoint} answered too slowly while the sync read ${subject}: ${message}`
          : e.problem === 'rejected'
            ? `${where.endpoint} could not send ${subject}: ${message}`
            : `${where.endpoint} sent ${subject} in a form this app cannot read: ${message}`,
    };
  }
  if (e instanceof ChainError) return { kind: e.kind, what: message.split(/; | Nothing was/)[0]!.replace(/\.$/, '') };
  const timeout = /No response received from RPC endpoint in ([\d.]+)s/.exec(message);
  if (timeout) {
    return {
      kind: 'timeout',
      what: `${where.endpoint} did not answer within ${timeout[1]} s while sending ${STAGE_WORDS[where.stage]} of ${where.block}`,
    };
  }
  const type = /createType\(([^)]*\)?)\)/.exec(message)?.[1];
  if (isDecodeFailure(e, message)) {
    const subject =
      SUBJECTS.find(([re]) => re.test(type ?? message))?.[1] ?? (type ? `a ${type}` : STAGE_WORDS[where.stage]);
    return {
      kind: 'unsupported-runtime',
      what: `${where.endpoint} sent ${subject} for ${where.block} in a form that could not be decoded (${tail(message)})`,
    };
  }
  return { kind: 'unsupported-runtime', what: `Could not read ${where.block} from ${where.endpoint}: ${message}` };
}

/** The library's detail after its "createType(…)::" prefix, kept short. */
function tail(message: string): string {
  const detail = message.split('::').pop()!.trim();
  return detail.length > 160 ? `${detail.slice(0, 160)}…` : detail;
}
