import { metadata } from '@polkadot-api/substrate-bindings';
import { readFileSync } from 'node:fs';
const m = metadata.dec(readFileSync('/work/shared/chain/bittensor.scale'));
const v = m.metadata.value as any;
console.log(m.metadata.tag, Object.keys(v));
console.log(JSON.stringify(v.extrinsic, null, 0));
console.log(JSON.stringify(v.outerEnums), v.custom.length, v.lookup.length);
for (const t of v.lookup) { const p = t.path.join('::'); if (/UncheckedExtrinsic|::Runtime$|Extra|TxExtension|SignedExtra/i.test(p)) console.log(t.id, p, JSON.stringify(t.params), t.def.tag); }
const tuples = v.lookup.filter((t: any) => t.def.tag === 'tuple' && t.def.value.length >= 8); for (const t of tuples) console.log('tuple', t.id, t.def.value);
console.log(v.pallets.map((p: any) => p.name + ':' + p.viewFns.length + ':' + p.associatedTypes.length).join(' '));
console.log(v.apis.map((a: any)=>a.name+'/'+a.version).join(' '));
