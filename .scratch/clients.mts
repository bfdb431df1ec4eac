import { createClient } from 'polkadot-api';
import { getWsProvider } from 'polkadot-api/ws';
import { WebSocket } from 'ws';
import { LegacyClient, WsProvider } from 'dedot';
import { startStandInNode } from '../test/chain/node';
const node = await startStandInNode({ seed: 5, subnetCount: 4, maxUids: 8 });
const fin = node.finalizedHead();
try {
  const client = createClient(getWsProvider(node.url, { websocketClass: WebSocket as never }));
  const api = client.getUnsafeApi();
  const t0 = Date.now();
  const all = await api.apis.SubnetInfoRuntimeApi.get_all_dynamic_info({ at: fin.hash });
  console.log('papi dyn', all.length, all[1]?.netuid, all[1]?.tao_in, Date.now() - t0);
  const neurons = await api.apis.NeuronInfoRuntimeApi.get_neurons_lite(1, { at: fin.hash });
  console.log('papi neurons', neurons.length, neurons[0]?.hotkey);
  console.log('papi cost', await api.apis.SubnetRegistrationRuntimeApi.get_network_registration_cost({ at: fin.hash }));
  console.log('papi tempo', await api.query.SubtensorModule.Tempo.getValue(1, { at: fin.hash }));
  const m14 = await api.apis.Metadata.metadata_at_version(14, { at: fin.hash });
  console.log('papi md14', m14?.length ?? m14);
  client.destroy();
} catch (e) { console.log('papi failed', e); }
try {
  const { DedotClient } = await import('dedot');
  const dc = await DedotClient.new(new WsProvider(node.url));
  console.log('fin', fin.hash, 'head', node.head().hash, 'dc fin', (await dc.block.finalized()).hash, 'best', (await dc.block.best()).hash);
  const at2 = await dc.at(fin.hash);
  console.log('DedotClient dyn', (await at2.call.subnetInfoRuntimeApi.getAllDynamicInfo()).length, await at2.query.subtensorModule.tempo(1), dc.metadata.version);
  await dc.disconnect();
} catch (e) { console.log('DedotClient failed', e); }
try {
  const client = await LegacyClient.new(new WsProvider(node.url));
  const at = await client.at(fin.hash);
  const all = await at.call.subnetInfoRuntimeApi.getAllDynamicInfo();
  console.log('dedot dyn', all.length, all[1]?.netuid, all[1]?.taoIn);
  const neurons = await at.call.neuronInfoRuntimeApi.getNeuronsLite(1);
  console.log('dedot neurons', neurons.length, neurons[0]?.hotkey?.address?.());
  console.log('dedot cost', await at.call.subnetRegistrationRuntimeApi.getNetworkRegistrationCost());
  console.log('dedot tempo', await at.query.subtensorModule.tempo(1));
  const m = await at.call.metadata.metadataAtVersion(14);
  console.log('dedot md14', m && m.length, client.metadata.version);
  await client.disconnect();
} catch (e) { console.log('dedot failed', e); }
await node.close();
process.exit(0);
