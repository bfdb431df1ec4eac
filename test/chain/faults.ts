/**
 * Fault switches for tests. Set fields on `node.faults` at any time; `reset()` clears them all.
 *
 * A rule's `method` matches either the JSON-RPC method (`state_getStorage`) or, for state_call, the runtime API
 * name (`SubnetInfoRuntimeApi_get_selective_metagraph`). `netuid` narrows a runtime-call rule to calls whose
 * `netuid` argument has that value. The rule lets `afterCalls` matching calls through, then fires on the next
 * `times` ones (default: every one after that).
 */

export interface FaultRule {
  method: string;
  netuid?: number;
  afterCalls?: number;
  times?: number;
}

/** A rule that holds the matching calls' answers back by `delayMs` (a node slow on one call, or one subnet). */
export interface SlowRule extends FaultRule {
  delayMs: number;
}

/**
 * A rule that answers the matching runtime calls with a JSON-RPC error instead of a result. Default: 4003 with the
 * stand-in's own "Execution failed: … trapped (fault switch)". `code` and `message` make it answer as a given node
 * would, e.g. 4003 "Client error: Execution failed: Other: Exported method … is not found" for a runtime API the node
 * lacks, or -32000 "Client error: Execution failed: …" for a trap.
 */
export interface RejectRule extends FaultRule {
  code?: number;
  message?: string;
}

/** The JSON-RPC error a rejected call is answered with. */
export interface Rejection {
  code: number;
  message: string;
}

export interface CallInfo {
  method: string;
  /** Runtime API name for state_call. */
  runtimeMethod?: string;
  netuid?: number;
}

export class Faults {
  /** Added to every response, ms. */
  delayMs = 0;
  /** Added to responses of one RPC method or runtime API, ms. */
  methodDelayMs: Record<string, number> = {};
  /** Added to responses of the calls these rules match (e.g. one subnet's metagraph), ms. */
  slowCalls: SlowRule[] = [];
  /** Close the socket, without answering, when this call arrives (a connection lost mid-response). */
  dropConnection: FaultRule | null = null;
  /** Answer these runtime calls with a JSON-RPC error: {code: 4003, message: "Execution failed: ..."} or the rule's. */
  failRuntimeCall: RejectRule[] = [];
  /** Answer these runtime calls with bytes that do not decode as the declared type. */
  garbageRuntimeCall: FaultRule[] = [];
  /** Report this as block 0's hash (another chain) instead of Finney's genesis. */
  genesisHash: string | null = null;

  private readonly counts = new Map<FaultRule, number>();

  reset(): void {
    this.delayMs = 0;
    this.methodDelayMs = {};
    this.slowCalls = [];
    this.dropConnection = null;
    this.failRuntimeCall = [];
    this.garbageRuntimeCall = [];
    this.genesisHash = null;
    this.counts.clear();
  }

  delayFor(call: CallInfo): number {
    const own = this.methodDelayMs[call.method] ?? 0;
    const runtime = call.runtimeMethod ? (this.methodDelayMs[call.runtimeMethod] ?? 0) : 0;
    const ruled = this.slowCalls.reduce((sum, rule) => sum + (this.fires(rule, call) ? rule.delayMs : 0), 0);
    return this.delayMs + own + runtime + ruled;
  }

  shouldDrop(call: CallInfo): boolean {
    return this.dropConnection !== null && this.fires(this.dropConnection, call);
  }

  /** The error to answer this runtime call with (the first rule that fires), or null to answer it. */
  rejectionFor(call: CallInfo): Rejection | null {
    const fired = this.failRuntimeCall.find((rule) => this.fires(rule, call));
    if (!fired) return null;
    const name = call.runtimeMethod ?? call.method;
    return {
      code: fired.code ?? 4003,
      message: fired.message ?? `Execution failed: Execution aborted due to trap: ${name} trapped (fault switch)`,
    };
  }

  shouldGarble(call: CallInfo): boolean {
    return this.garbageRuntimeCall.some((rule) => this.fires(rule, call));
  }

  /** Counts a matching call against the rule and says whether this one is inside its firing window. */
  private fires(rule: FaultRule, call: CallInfo): boolean {
    if (rule.method !== call.method && rule.method !== call.runtimeMethod) return false;
    if (rule.netuid !== undefined && rule.netuid !== call.netuid) return false;
    const seen = (this.counts.get(rule) ?? 0) + 1;
    this.counts.set(rule, seen);
    const after = rule.afterCalls ?? 0;
    return seen > after && seen <= after + (rule.times ?? Number.POSITIVE_INFINITY);
  }
}
