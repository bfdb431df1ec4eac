import { loadRuntime } from '../test/chain/registry';
const spec = loadRuntime('/work/shared/chain/bittensor.scale');
for (const m of spec.apis.values()) console.log(m.name, '(', m.inputs.map(i => i.name + ':' + (spec.registry.lookup.getName(i.type) || spec.registry.lookup.getTypeDef(i.type).type)).join(', '), ') ->', spec.registry.lookup.getName(m.output) || spec.registry.lookup.getTypeDef(m.output).type);
