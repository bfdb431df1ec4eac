/**
 * Subtensor's own JSON-RPC methods (ST pallets/subtensor/rpc/src/lib.rs): thin wrappers over the runtime APIs
 * that older SDKs still call. Most return the runtime API's SCALE bytes as a JSON array of numbers (`Vec<u8>`);
 * the lock cost, block emission and prune target come back as plain JSON values. A runtime failure is error
 * code 1 with the runtime's message, as the pallet's RPC reports it.
 */
import type { Chain } from './chain';
import { RpcError, type RpcMethod } from './rpc';
import { callRuntime, Encoded } from './runtime-apis';

/** RPC name → runtime API method; `plain` results are JSON values instead of SCALE bytes. */
const WRAPPERS: Array<[rpc: string, runtime: string, plain?: 'plain']> = [
  ['delegateInfo_getDelegates', 'DelegateInfoRuntimeApi_get_delegates'],
  ['neuronInfo_getNeuronsLite', 'NeuronInfoRuntimeApi_get_neurons_lite'],
  ['neuronInfo_getNeuronLite', 'NeuronInfoRuntimeApi_get_neuron_lite'],
  ['neuronInfo_getNeurons', 'NeuronInfoRuntimeApi_get_neurons'],
  ['neuronInfo_getNeuron', 'NeuronInfoRuntimeApi_get_neuron'],
  ['subnetInfo_getSubnetInfo', 'SubnetInfoRuntimeApi_get_subnet_info'],
  ['subnetInfo_getSubnetsInfo', 'SubnetInfoRuntimeApi_get_subnets_info'],
  ['subnetInfo_getSubnetInfo_v2', 'SubnetInfoRuntimeApi_get_subnet_info_v2'],
  // The missing "o" is the real method name.
  ['subnetInfo_getSubnetsInf_v2', 'SubnetInfoRuntimeApi_get_subnets_info_v2'],
  ['subnetInfo_getSubnetHyperparams', 'SubnetInfoRuntimeApi_get_subnet_hyperparams'],
  ['subnetInfo_getSubnetHyperparamsV2', 'SubnetInfoRuntimeApi_get_subnet_hyperparams_v2'],
  ['subnetInfo_getAllDynamicInfo', 'SubnetInfoRuntimeApi_get_all_dynamic_info'],
  ['subnetInfo_getDynamicInfo', 'SubnetInfoRuntimeApi_get_dynamic_info'],
  ['subnetInfo_getAllMetagraphs', 'SubnetInfoRuntimeApi_get_all_metagraphs'],
  ['subnetInfo_getMetagraph', 'SubnetInfoRuntimeApi_get_metagraph'],
  ['subnetInfo_getAllMechagraphs', 'SubnetInfoRuntimeApi_get_all_mechagraphs'],
  ['subnetInfo_getMechagraph', 'SubnetInfoRuntimeApi_get_mechagraph'],
  ['subnetInfo_getSubnetState', 'SubnetInfoRuntimeApi_get_subnet_state'],
  ['subnetInfo_getSelectiveMetagraph', 'SubnetInfoRuntimeApi_get_selective_metagraph'],
  ['subnetInfo_getSelectiveMechagraph', 'SubnetInfoRuntimeApi_get_selective_mechagraph'],
  ['subnetInfo_getLockCost', 'SubnetRegistrationRuntimeApi_get_network_registration_cost', 'plain'],
  ['subnetInfo_getSubnetToPrune', 'SubnetInfoRuntimeApi_get_subnet_to_prune', 'plain'],
];

/** A u64 as JSON: a number, as serde writes it (the amounts here stay far below 2^53). */
const jsonValue = (v: unknown): unknown => (typeof v === 'bigint' ? Number(v) : v);

export function customRpcMethods(chain: Chain, blockAt: (at: unknown) => number): Record<string, RpcMethod> {
  const methods: Record<string, RpcMethod> = {};
  for (const [rpc, runtime, plain] of WRAPPERS) {
    methods[rpc] = (params) => {
      const n0 = chain.head();
      const api = chain.specAt(n0).apis.get(runtime);
      if (!api) throw new RpcError(-32601, 'Method not found');
      // Arguments first, then the optional block hash, as the pallet's RPC declares them.
      const args = params.slice(0, api.inputs.length);
      if (args.length < api.inputs.length)
        throw new RpcError(-32602, 'Invalid params', `${rpc} takes ${api.inputs.length} arguments`);
      const n = blockAt(params[api.inputs.length]);
      const spec = chain.specAt(n);
      const method = spec.apis.get(runtime) ?? api;
      let value: unknown;
      try {
        value = callRuntime(
          {
            get state() {
              return chain.stateAt(n);
            },
            spec,
            method,
          },
          args,
        );
      } catch (e) {
        throw new RpcError(1, (e as Error).message);
      }
      if (plain) return jsonValue(value ?? null);
      const bytes = value instanceof Encoded ? value.bytes : spec.encoder.encode(method.output, value);
      return Array.from(bytes);
    };
  }
  methods.subnetInfo_getBlockEmission = ([at]) => jsonValue(chain.stateAt(blockAt(at)).network.blockEmission);
  return methods;
}
