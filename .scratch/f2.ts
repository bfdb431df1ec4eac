import { loadRuntime } from '../test/chain/registry';
const spec = loadRuntime('/work/shared/chain/bittensor.scale');
for (const n of ['StakeInfoRuntimeApi_get_stake_availability_for_coldkeys','ProxyFilterRuntimeApi_get_proxy_types','ProxyFilterRuntimeApi_get_proxy_filter']) {
  const m = spec.apis.get(n)!;
  console.log(n, JSON.stringify(spec.registry.lookup.getTypeDef(m.output)).slice(0, 1500));
}
for (const id of [718, 726, 729]) console.log(id, JSON.stringify(spec.registry.lookup.getTypeDef(id)).slice(0, 900));
