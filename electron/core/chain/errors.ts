export type ChainErrorKind =
  'unreachable' | 'dropped' | 'wrong-chain' | 'unsupported-runtime' | 'timeout' | 'cancelled';

/** A chain problem the user reads as is ("Cannot reach …", "… serves a different chain"). */
export class ChainError extends Error {
  constructor(
    readonly kind: ChainErrorKind,
    message: string,
  ) {
    super(message);
    this.name = 'ChainError';
  }
}

/**
 * One node request that failed, named so a user can look it up: the JSON-RPC method (for state_call, the runtime API
 * method and its arguments), the block it was asked at, and what went wrong: no answer in time, an answer that
 * does not decode, or a JSON-RPC error instead of an answer (a runtime API the node lacks, a runtime trap, state the
 * node no longer holds). The message reads on its own ("state_call SubnetInfoRuntimeApi_get_selective_metagraph(netuid
 * 7) at block #123 timed out after 2 s"); whoever catches it adds what it was for and what it means for the data.
 */
export class ChainCallError extends ChainError {
  constructor(
    readonly problem: 'timeout' | 'decode' | 'rejected',
    /** `state_call SubnetInfoRuntimeApi_get_dynamic_info(netuid 7)`, `chain_getHeader`, `state_queryStorageAt for …`. */
    readonly call: string,
    /** `block #123` (or `block 0x1234abcd…` before the number is known); null when the request names no block. */
    readonly block: string | null,
    /**
     * timeout: the time waited (`2 s`); decode: what did not decode, as a predicate (`could not be decoded as …`);
     * rejected: the node's error as it sent it, code first (`4003: Client error: Execution failed: …`).
     */
    readonly detail: string,
  ) {
    const at = block ? ` at ${block}` : '';
    super(
      problem === 'timeout' ? 'timeout' : 'unsupported-runtime',
      problem === 'timeout'
        ? `${call}${at} timed out after ${detail}`
        : problem === 'rejected'
          ? `the node refused ${call}${at} with error ${detail}`
          : `the node's answer to ${call}${at} ${detail}`,
    );
    this.name = 'ChainCallError';
  }

  /** The same failure named by a caller that knows more: the call with its arguments, the block. */
  named(call: string | null, block: string | null): ChainCallError {
    return new ChainCallError(this.problem, call ?? this.call, this.block ?? block, this.detail);
  }
}

/**
 * The sync as a whole must stop, whatever request it was waiting on: its time limit passed, or the node stopped
 * answering altogether. Never contained as one subnet's stale reason.
 */
export class SyncStopped extends ChainError {
  constructor(kind: 'timeout' | 'cancelled', message: string) {
    super(kind, message);
    this.name = 'SyncStopped';
  }
}
