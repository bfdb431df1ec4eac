import { loadRuntime } from '../test/chain/registry';
const spec = loadRuntime('/work/shared/chain/bittensor.scale');
for (const n of ['SubnetInfoRuntimeApi_get_subnet_state','SubnetInfoRuntimeApi_get_subnet_info_v2','NeuronInfoRuntimeApi_get_neuron','DelegateInfoRuntimeApi_get_delegate','StakeInfoRuntimeApi_get_stake_info_for_hotkey_coldkey_netuid','StakeInfoRuntimeApi_get_coldkey_lock','ProxyFilterRuntimeApi_get_proxy_types','ProxyFilterRuntimeApi_get_proxy_filter']) {
  const m = spec.apis.get(n)!; let id = m.output;
  try { console.log(n, spec.encoder.structKeys(id).join(',')); } catch (e) { console.log(n, spec.registry.lookup.getTypeDef(id).type); }
}
