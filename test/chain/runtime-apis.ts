/**
 * Runtime API handlers behind `state_call`. Each returns the plain result value; the caller encodes it with the
 * output type the served metadata declares for that method. Every method of the served runtime is either
 * answered from the generated state or listed in NOT_SIMULATED (it executes extrinsics, blocks, EVM or
 * contract code, or reads data the simulation has none of) and fails the way a real runtime's trap does
 * (4003 "Execution failed"), as does a method the runtime lacks.
 */
import { u8aToHex } from '@polkadot/util';
import type { RawNetworkState, RawSubnetState } from '../../electron/core/chain/raw';
import { BLOCK_MS, SWAP_FEE_RATE } from '../../electron/core/chain/synthetic/constants';
import { DEFAULT_TAKE, networkRegistrationCost, subnetAccountId } from './network-derived';
import { accountBytes, type RuntimeApiMethod, type RuntimeSpec } from './registry';
import {
  dynamicInfoValue,
  hyperparamsV3Value,
  hyperparamsValue,
  metagraphValue,
  neuronValue,
  selectiveValue,
  stakeInfoValue,
  subnetInfoValue,
  subnetStateValue,
} from './wire';

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

/**
 * Every registered netuid in NetworksAdded order (Identity-hashed u16 < 256: numeric). A dissolved subnet is
 * gone from NetworksAdded, so the get_all_* lists never hold None for it.
 */
function allNetuids(state: RawNetworkState): number[] {
  return [...state.subnets.keys()].sort((a, b) => a - b);
}

/** The live subnets in NetworksAdded order. */
function liveSubnets(state: RawNetworkState): RawSubnetState[] {
  return allNetuids(state).flatMap((n) => state.subnets.get(n) ?? []);
}

const accountHex = (address: unknown): string => u8aToHex(accountBytes(String(address)));

/** Every (subnet, uid) whose hotkey or coldkey is `account`. */
function neuronsOf(
  state: RawNetworkState,
  account: unknown,
  side: 'hotkeys' | 'coldkeys',
): Array<[RawSubnetState, number]> {
  const wanted = accountHex(account);
  const out: Array<[RawSubnetState, number]> = [];
  for (const sub of liveSubnets(state)) {
    sub.metagraph[side].forEach((key, uid) => {
      if (accountHex(key) === wanted) out.push([sub, uid]);
    });
  }
  return out;
}

/**
 * DelegateInfo for every hotkey that holds a validator permit somewhere. In the simulation a hotkey's stake is
 * its owner's, so the owner is its one nominator.
 */
function delegates(state: RawNetworkState): Map<string, Record<string, unknown>> {
  const out = new Map<
    string,
    Record<string, unknown> & {
      registrations: number[];
      validatorPermits: number[];
      nominators: Array<[string, Array<[number, bigint]>]>;
    }
  >();
  for (const netuid of allNetuids(state)) {
    const m = state.subnets.get(netuid)?.metagraph;
    m?.hotkeys.forEach((hotkey, uid) => {
      const key = accountHex(hotkey);
      let info = out.get(key);
      if (!info) {
        const coldkey = m.coldkeys[uid] ?? '';
        info = {
          delegateSs58: hotkey,
          take: DEFAULT_TAKE,
          nominators: [[coldkey, []]],
          ownerSs58: coldkey,
          registrations: [],
          validatorPermits: [],
          returnPer1000: 0,
          totalDailyReturn: 0,
        };
        out.set(key, info);
      }
      info.registrations.push(netuid);
      if (m.validatorPermit[uid]) info.validatorPermits.push(netuid);
      info.nominators[0]?.[1].push([netuid, m.alphaStake[uid] ?? 0n]);
    });
  }
  for (const [key, info] of out) if (info.validatorPermits.length === 0) out.delete(key);
  return out;
}

/**
 * get_proxy_types: the runtime's own ProxyType enum, read from the served metadata (name and index of each
 * variant); none is marked deprecated, as the metadata says nothing about it.
 */
function proxyTypes(spec: RuntimeSpec): Record<string, unknown>[] {
  const proxyType = spec.registry.lookup.types.find((t) =>
    t.type.path.map(String).join('::').endsWith('_common::ProxyType'),
  );
  if (!proxyType?.type.def.isVariant) throw new ExecutionError('the served metadata has no ProxyType enum');
  return proxyType.type.def.asVariant.variants.map((v) => ({
    name: new TextEncoder().encode(v.name.toString()),
    index: v.index.toNumber(),
    deprecated: false,
  }));
}

/** get_stake_availability_for_coldkeys: nothing is locked in the simulation, so all stake is available. */
function stakeAvailability(
  state: RawNetworkState,
  coldkeys: unknown[],
  netuids: unknown[] | null,
): Array<[unknown, Array<[number, Record<string, bigint>]>]> {
  const wanted = netuids === null ? null : new Set(netuids.map(num));
  // A BTreeMap encodes its entries in key order: accounts by their bytes, netuids numerically.
  const sorted = [...coldkeys].sort((a, b) =>
    accountHex(a) < accountHex(b) ? -1 : accountHex(a) > accountHex(b) ? 1 : 0,
  );
  return sorted.map((coldkey) => {
    const perNetuid = new Map<number, bigint>();
    for (const [sub, uid] of neuronsOf(state, coldkey, 'coldkeys')) {
      const netuid = sub.dynamic.netuid;
      if (wanted && !wanted.has(netuid)) continue;
      perNetuid.set(netuid, (perNetuid.get(netuid) ?? 0n) + (sub.metagraph.alphaStake[uid] ?? 0n));
    }
    const entries = [...perNetuid]
      .sort(([a], [b]) => a - b)
      .map(([netuid, total]): [number, Record<string, bigint>] => [netuid, { total, locked: 0n, available: total }]);
    return [coldkey, entries];
  });
}

function stakeInfosOf(state: RawNetworkState, coldkey: unknown): Record<string, unknown>[] {
  return neuronsOf(state, coldkey, 'coldkeys').map(([sub, uid]) => stakeInfoValue(sub, uid));
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
    return {
      ...zero,
      taoAmount: amountIn,
      alphaAmount: out,
      taoFee: fee,
      alphaSlippage: ideal > out ? ideal - out : 0n,
    };
  }
  const out = (tao * net) / (alpha + net);
  const ideal = (net * price) / 1_000_000_000n;
  return { ...zero, taoAmount: out, alphaAmount: amountIn, alphaFee: fee, taoSlippage: ideal > out ? ideal - out : 0n };
}

const handlers: Record<string, Handler> = {
  Core_version: (ctx) => new Encoded(ctx.spec.runtimeVersionBytes),
  // Like a real node: the unversioned call answers the oldest supported version (V14).
  Metadata_metadata: (ctx) => oldestMetadata(ctx.spec),
  Metadata_metadata_versions: (ctx) => [...ctx.spec.metadataByVersion.keys()],
  Metadata_metadata_at_version: (ctx, [v]) => ctx.spec.metadataByVersion.get(num(v)) ?? null,

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
  SubnetInfoRuntimeApi_get_subnet_info: (ctx, [n]) => {
    const sub = subnetOf(ctx, n);
    return sub ? subnetInfoValue(sub) : null;
  },
  SubnetInfoRuntimeApi_get_subnet_info_v2: (ctx, [n]) => {
    const sub = subnetOf(ctx, n);
    return sub ? subnetInfoValue(sub) : null;
  },
  SubnetInfoRuntimeApi_get_subnets_info: (ctx) => liveSubnets(ctx.state).map(subnetInfoValue),
  SubnetInfoRuntimeApi_get_subnets_info_v2: (ctx) => liveSubnets(ctx.state).map(subnetInfoValue),
  SubnetInfoRuntimeApi_get_subnet_state: (ctx, [n]) => {
    const sub = subnetOf(ctx, n);
    return sub ? subnetStateValue(sub) : null;
  },
  // The simulation applies get_network_to_prune (coinbase/root.rs) itself; the runtime answers what it says.
  SubnetInfoRuntimeApi_get_subnet_to_prune: (ctx) => ctx.state.subnetToPrune,
  SubnetInfoRuntimeApi_get_subnet_account_id: (ctx, [n]) => (subnetOf(ctx, n) ? subnetAccountId(num(n)) : null),
  // No coldkey in the simulation has set an auto-stake destination.
  SubnetInfoRuntimeApi_get_coldkey_auto_stake_hotkey: () => null,
  SubnetInfoRuntimeApi_get_next_epoch_start_block: (ctx, [n]) => {
    const sub = subnetOf(ctx, n);
    return sub ? sub.dynamic.lastStep + BigInt(sub.dynamic.tempo) + 1n : null;
  },

  NeuronInfoRuntimeApi_get_neurons_lite: (ctx, [n]) => {
    const sub = subnetOf(ctx, n);
    return sub ? sub.metagraph.hotkeys.map((_, uid) => neuronValue(sub, uid)) : [];
  },
  NeuronInfoRuntimeApi_get_neurons: (ctx, [n]) => {
    const sub = subnetOf(ctx, n);
    return sub ? sub.metagraph.hotkeys.map((_, uid) => neuronValue(sub, uid)) : [];
  },
  NeuronInfoRuntimeApi_get_neuron_lite: (ctx, [n, uid]) => {
    const sub = subnetOf(ctx, n);
    return sub && num(uid) < sub.metagraph.numUids ? neuronValue(sub, num(uid)) : null;
  },
  NeuronInfoRuntimeApi_get_neuron: (ctx, [n, uid]) => {
    const sub = subnetOf(ctx, n);
    return sub && num(uid) < sub.metagraph.numUids ? neuronValue(sub, num(uid)) : null;
  },

  SubnetRegistrationRuntimeApi_get_network_registration_cost: (ctx) => networkRegistrationCost(ctx.state),

  DelegateInfoRuntimeApi_get_delegates: (ctx) => [...delegates(ctx.state).values()],
  DelegateInfoRuntimeApi_get_delegate: (ctx, [hotkey]) => delegates(ctx.state).get(accountHex(hotkey)) ?? null,
  DelegateInfoRuntimeApi_get_delegated: (ctx, [coldkey]) => {
    const all = delegates(ctx.state);
    return neuronsOf(ctx.state, coldkey, 'coldkeys').flatMap(([sub, uid]) => {
      const info = all.get(accountHex(sub.metagraph.hotkeys[uid]));
      return info ? [[info, [sub.dynamic.netuid, sub.metagraph.alphaStake[uid] ?? 0n]]] : [];
    });
  },

  StakeInfoRuntimeApi_get_stake_info_for_coldkey: (ctx, [coldkey]) => stakeInfosOf(ctx.state, coldkey),
  StakeInfoRuntimeApi_get_stake_info_for_coldkeys: (ctx, [coldkeys]) =>
    (coldkeys as unknown[]).map((c) => [c, stakeInfosOf(ctx.state, c)]),
  StakeInfoRuntimeApi_get_stake_info_for_hotkey_coldkey_netuid: (ctx, [hotkey, coldkey, n]) => {
    const sub = subnetOf(ctx, n);
    const uid = sub?.metagraph.hotkeys.findIndex((h) => accountHex(h) === accountHex(hotkey)) ?? -1;
    if (!sub || uid < 0 || accountHex(sub.metagraph.coldkeys[uid]) !== accountHex(coldkey)) return null;
    return stakeInfoValue(sub, uid);
  },
  // Unstaking fee: the swap fee on the amount (FeeRate), 0 for root, which swaps 1:1 without a fee.
  StakeInfoRuntimeApi_get_stake_fee: (ctx, [origin, , destination, , amount]) => {
    const netuid = ((origin ?? destination) as [unknown, unknown] | null)?.[1];
    return netuid === undefined || num(netuid) === 0 ? 0n : (big(amount) * BigInt(SWAP_FEE_RATE)) / 65535n;
  },
  StakeInfoRuntimeApi_get_stake_availability_for_coldkeys: (ctx, [coldkeys, netuids]) =>
    stakeAvailability(ctx.state, coldkeys as unknown[], (netuids as unknown[] | null) ?? null),
  ProxyFilterRuntimeApi_get_proxy_types: (ctx) => proxyTypes(ctx.spec),
  // No coldkey in the simulation locks stake: no lock, no conviction.
  StakeInfoRuntimeApi_get_coldkey_lock: () => null,
  StakeInfoRuntimeApi_get_hotkey_conviction: () => ({ bits: 0n }),
  StakeInfoRuntimeApi_get_most_convicted_hotkey_on_subnet: () => null,

  AccountNonceApi_account_nonce: () => 0,
  AuraApi_slot_duration: () => BLOCK_MS,
  EthereumRuntimeRPCApi_chain_id: () => 964n,

  SwapRuntimeApi_current_alpha_price: (ctx, [n]) => subnetOf(ctx, n)?.priceRao ?? 0n,
  SwapRuntimeApi_current_alpha_price_all: (ctx) =>
    [...ctx.state.subnets.values()].flatMap((s) =>
      s.priceRao === null ? [] : [{ netuid: s.dynamic.netuid, price: s.priceRao }],
    ),
  SwapRuntimeApi_sim_swap_tao_for_alpha: (ctx, [n, amount]) => simSwap(subnetOf(ctx, n), big(amount), true),
  SwapRuntimeApi_sim_swap_alpha_for_tao: (ctx, [n, amount]) => simSwap(subnetOf(ctx, n), big(amount), false),
};

/** What state_getMetadata and Metadata_metadata answer: V14 on every current substrate node. */
export function oldestMetadata(spec: RuntimeSpec): Uint8Array {
  const [first] = spec.metadataByVersion.values();
  return first ?? spec.metadataBytes;
}

/**
 * Methods the simulation cannot answer truthfully, with why: they execute blocks, extrinsics, EVM or contract
 * code, or read what the simulation has no data for (authority keys, fee curves, genesis presets, keystores).
 */
export const NOT_SIMULATED: Record<string, string> = Object.fromEntries([
  ...[
    'Core_execute_block',
    'Core_initialize_block',
    'BlockBuilder_apply_extrinsic',
    'BlockBuilder_finalize_block',
    'BlockBuilder_inherent_extrinsics',
    'BlockBuilder_check_inherents',
    'TaggedTransactionQueue_validate_transaction',
    'OffchainWorkerApi_offchain_worker',
    'ConvertTransactionRuntimeApi_convert_transaction',
  ].map((m) => [m, 'block and extrinsic execution']),
  ...[
    'TransactionPaymentApi_query_info',
    'TransactionPaymentApi_query_fee_details',
    'TransactionPaymentApi_query_weight_to_fee',
    'TransactionPaymentApi_query_length_to_fee',
    'TransactionPaymentCallApi_query_call_info',
    'TransactionPaymentCallApi_query_call_fee_details',
    'TransactionPaymentCallApi_query_weight_to_fee',
    'TransactionPaymentCallApi_query_length_to_fee',
  ].map((m) => [m, 'transaction fees']),
  ...['GenesisBuilder_build_state', 'GenesisBuilder_get_preset', 'GenesisBuilder_preset_names'].map((m) => [
    m,
    'genesis presets',
  ]),
  ...['SessionKeys_generate_session_keys', 'SessionKeys_decode_session_keys'].map((m) => [
    m,
    'session keys (a keystore)',
  ]),
  ...[
    'AuraApi_authorities',
    'GrandpaApi_grandpa_authorities',
    'GrandpaApi_current_set_id',
    'GrandpaApi_submit_report_equivocation_unsigned_extrinsic',
    'GrandpaApi_generate_key_ownership_proof',
    'BabeApi_configuration',
    'BabeApi_current_epoch_start',
    'BabeApi_current_epoch',
    'BabeApi_next_epoch',
    'BabeApi_generate_key_ownership_proof',
    'BabeApi_submit_report_equivocation_unsigned_extrinsic',
  ].map((m) => [m, 'consensus authorities']),
  ...[
    'EthereumRuntimeRPCApi_account_basic',
    'EthereumRuntimeRPCApi_gas_price',
    'EthereumRuntimeRPCApi_account_code_at',
    'EthereumRuntimeRPCApi_author',
    'EthereumRuntimeRPCApi_storage_at',
    'EthereumRuntimeRPCApi_call',
    'EthereumRuntimeRPCApi_create',
    'EthereumRuntimeRPCApi_current_block',
    'EthereumRuntimeRPCApi_current_receipts',
    'EthereumRuntimeRPCApi_current_transaction_statuses',
    'EthereumRuntimeRPCApi_current_all',
    'EthereumRuntimeRPCApi_extrinsic_filter',
    'EthereumRuntimeRPCApi_elasticity',
    'EthereumRuntimeRPCApi_gas_limit_multiplier_support',
    'EthereumRuntimeRPCApi_pending_block',
    'EthereumRuntimeRPCApi_initialize_pending_block',
  ].map((m) => [m, 'the EVM']),
  ...['ContractsApi_call', 'ContractsApi_instantiate', 'ContractsApi_upload_code', 'ContractsApi_get_storage'].map(
    (m) => [m, 'contracts'],
  ),
  ...['ShieldApi_try_decode_shielded_tx', 'ShieldApi_is_shielded_using_current_key', 'ShieldApi_try_unshield_tx'].map(
    (m) => [m, 'shielded transactions'],
  ),
  ['ProxyFilterRuntimeApi_get_proxy_filter', 'the call filter of each proxy type'],
]);

/** Whether the node answers this runtime-API method with a value (else it fails with 4003). */
export function isAnswered(method: string): boolean {
  return method in handlers;
}

export class ExecutionError extends Error {}

/**
 * The result value of a runtime call, or throws ExecutionError the way the runtime would trap. A real runtime
 * that panics answers "Execution aborted due to trap: wasm trap: wasm `unreachable` instruction executed";
 * the reason after it says what the stand-in does not simulate.
 */
export function callRuntime(ctx: CallContext, args: unknown[]): unknown {
  const handler = handlers[ctx.method.name];
  if (!handler) {
    const why = NOT_SIMULATED[ctx.method.name] ?? 'a method this stand-in does not know';
    throw new ExecutionError(
      `Execution aborted due to trap: wasm trap: wasm \`unreachable\` instruction executed (stand-in node: ${ctx.method.name} needs ${why})`,
    );
  }
  return handler(ctx, args);
}
