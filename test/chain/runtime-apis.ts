/**
 * Runtime API handlers behind `state_call`. Each returns the plain result value; the caller encodes it with the
 * output type the served metadata declares for that method. A method the metadata declares but no handler
 * covers fails like a real node's runtime trap (4003 "Execution failed"), as does a method the runtime lacks.
 */
import type { RawNetworkState, RawSubnetState } from '../../electron/core/chain/raw';
import { SWAP_FEE_RATE } from '../../electron/core/chain/synthetic/constants';
import type { RuntimeApiMethod, RuntimeSpec } from './registry';
import { dynamicInfoValue, hyperparamsV3Value, hyperparamsValue, metagraphValue, selectiveValue } from './wire';

/** Result bytes that bypass the encoder (already SCALE, e.g. the RuntimeVersion constant). */
export class Encoded {
  constructor(readonly bytes: Uint8Array) {}
}

export interface CallContext {
  state: RawNetworkState;
  spec: RuntimeSpec;
  method: RuntimeApiMethod;
}

type Handler = (ctx: CallContext, args: unknown[]) => unknown;

const num = (v: unknown): number => Number(v);
const big = (v: unknown): bigint => BigInt(String(v));

/** Every registered netuid in NetworksAdded order (Identity-hashed u16 < 256: numeric), dead ones included. */
function allNetuids(state: RawNetworkState): number[] {
  return [...state.subnets.keys(), ...state.deadNetuids].sort((a, b) => a - b);
}

function subnetOf(ctx: CallContext, netuid: unknown): RawSubnetState | undefined {
  return ctx.state.subnets.get(num(netuid));
}

function mechagraph(ctx: CallContext, netuid: unknown, mech: unknown): Record<string, unknown> | null {
  const sub = subnetOf(ctx, netuid);
  const m = num(mech);
  return sub && m < sub.storage.mechanismCount ? metagraphValue(sub, m) : null;
}

function selective(ctx: CallContext, netuid: unknown, mech: unknown, indexes: unknown): Record<string, unknown> | null {
  const full = mechagraph(ctx, netuid, mech);
  if (!full) return null;
  return selectiveValue(full, ctx.spec.encoder.structKeys(ctx.method.output), (indexes as unknown[]).map(num));
}

/**
 * Balancer pool with equal weights (the swap since June 2026): constant product on the reserves, fee FeeRate
 * taken from the input. Root swaps 1:1.
 */
function simSwap(sub: RawSubnetState | undefined, amountIn: bigint, taoIn: boolean): Record<string, bigint> {
  const zero = { taoAmount: 0n, alphaAmount: 0n, taoFee: 0n, alphaFee: 0n, taoSlippage: 0n, alphaSlippage: 0n };
  const price = sub?.priceRao;
  if (!sub || !price || amountIn <= 0n) return zero;
  const fee = (amountIn * BigInt(SWAP_FEE_RATE)) / 65535n;
  const net = amountIn - fee;
  if (sub.dynamic.netuid === 0) return { ...zero, taoAmount: amountIn, alphaAmount: amountIn };
  const { taoIn: tao, alphaIn: alpha } = sub.dynamic;
  if (taoIn) {
    const out = (alpha * net) / (tao + net);
    const ideal = (net * 1_000_000_000n) / price;
    return { ...zero, taoAmount: amountIn, alphaAmount: out, taoFee: fee, alphaSlippage: ideal > out ? ideal - out : 0n };
  }
  const out = (tao * net) / (alpha + net);
  const ideal = (net * price) / 1_000_000_000n;
  return { ...zero, taoAmount: out, alphaAmount: amountIn, alphaFee: fee, taoSlippage: ideal > out ? ideal - out : 0n };
}

const handlers: Record<string, Handler> = {
  Core_version: (ctx) => new Encoded(ctx.spec.runtimeVersionBytes),
  Metadata_metadata: (ctx) => ctx.spec.metadataBytes,
  Metadata_metadata_versions: (ctx) => [ctx.spec.metadataVersion],
  Metadata_metadata_at_version: (ctx, [v]) => (num(v) === ctx.spec.metadataVersion ? ctx.spec.metadataBytes : null),

  SubnetInfoRuntimeApi_get_all_dynamic_info: (ctx) =>
    allNetuids(ctx.state).map((n) => {
      const sub = ctx.state.subnets.get(n);
      return sub ? dynamicInfoValue(sub.dynamic) : null;
    }),
  SubnetInfoRuntimeApi_get_dynamic_info: (ctx, [n]) => {
    const sub = subnetOf(ctx, n);
    return sub ? dynamicInfoValue(sub.dynamic) : null;
  },
  SubnetInfoRuntimeApi_get_metagraph: (ctx, [n]) => mechagraph(ctx, n, 0),
  SubnetInfoRuntimeApi_get_all_metagraphs: (ctx) => allNetuids(ctx.state).map((n) => mechagraph(ctx, n, 0)),
  SubnetInfoRuntimeApi_get_mechagraph: (ctx, [n, m]) => mechagraph(ctx, n, m),
  SubnetInfoRuntimeApi_get_all_mechagraphs: (ctx) =>
    allNetuids(ctx.state).flatMap((n) => {
      const count = ctx.state.subnets.get(n)?.storage.mechanismCount ?? 1;
      return Array.from({ length: count }, (_, m) => mechagraph(ctx, n, m));
    }),
  SubnetInfoRuntimeApi_get_selective_metagraph: (ctx, [n, indexes]) => selective(ctx, n, 0, indexes),
  SubnetInfoRuntimeApi_get_selective_mechagraph: (ctx, [n, m, indexes]) => selective(ctx, n, m, indexes),
  SubnetInfoRuntimeApi_get_subnet_hyperparams: (ctx, [n]) => {
    const sub = subnetOf(ctx, n);
    return sub ? hyperparamsValue(sub) : null;
  },
  SubnetInfoRuntimeApi_get_subnet_hyperparams_v2: (ctx, [n]) => {
    const sub = subnetOf(ctx, n);
    return sub ? hyperparamsValue(sub) : null;
  },
  SubnetInfoRuntimeApi_get_subnet_hyperparams_v3: (ctx, [n]) => {
    const sub = subnetOf(ctx, n);
    return sub ? hyperparamsV3Value(sub) : null;
  },
  SubnetInfoRuntimeApi_get_next_epoch_start_block: (ctx, [n]) => {
    const sub = subnetOf(ctx, n);
    return sub ? sub.dynamic.lastStep + BigInt(sub.dynamic.tempo) + 1n : null;
  },

  SubnetInfoRuntimeApi_get_subnet_to_prune: (ctx) => ctx.state.subnetToPrune,
  SwapRuntimeApi_current_alpha_price: (ctx, [n]) => subnetOf(ctx, n)?.priceRao ?? 0n,
  SwapRuntimeApi_current_alpha_price_all: (ctx) =>
    [...ctx.state.subnets.values()].flatMap((s) => (s.priceRao === null ? [] : [{ netuid: s.dynamic.netuid, price: s.priceRao }])),
  SwapRuntimeApi_sim_swap_tao_for_alpha: (ctx, [n, amount]) => simSwap(subnetOf(ctx, n), big(amount), true),
  SwapRuntimeApi_sim_swap_alpha_for_tao: (ctx, [n, amount]) => simSwap(subnetOf(ctx, n), big(amount), false),
};

export class ExecutionError extends Error {}

/** The result value of a runtime call, or throws ExecutionError the way the runtime would trap. */
export function callRuntime(ctx: CallContext, args: unknown[]): unknown {
  const handler = handlers[ctx.method.name];
  if (!handler) throw new ExecutionError(`stand-in node has no handler for runtime API ${ctx.method.name}`);
  return handler(ctx, args);
}
