import { readFileSync } from 'node:fs';
import { Metadata, TypeRegistry } from '@polkadot/types';
import { metadataVersions } from '../test/chain/metadata-versions';
for (const f of ['bittensor.scale','bittensor-393.scale']) {
const vs = metadataVersions(readFileSync('/work/shared/chain/'+f));
for (const [v, b] of vs) {
  const reg = new TypeRegistry(); const md = new Metadata(reg, b); reg.setMetadata(md, undefined, undefined, true);
  console.log(f, v, b.length, md.version, md.asLatest.pallets.length, md.asLatest.apis.length, md.asLatest.lookup.types.length, reg.createLookupType ? 'ok':'');
}}
