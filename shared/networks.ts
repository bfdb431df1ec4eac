import type { NetworkPreset } from './api-types';

/** Public endpoints of the Bittensor networks (opentensor defaults, as btcli and the Python SDK use). */
export const ENDPOINT_PRESETS: Record<Exclude<NetworkPreset, 'custom'>, string> = {
  finney: 'wss://entrypoint-finney.opentensor.ai:443',
  archive: 'wss://archive.chain.opentensor.ai:443',
  testnet: 'wss://test.finney.opentensor.ai:443',
  local: 'ws://127.0.0.1:9944',
};

/** Finney's genesis hash: a Finney or archive endpoint serving another chain is refused. */
export const FINNEY_GENESIS = '0x2f0555cc76fc2840a25a6ea3b9637146806f1f44b090c175ffde2a7e5ab36c03';
