import type { Settings } from '../../../shared/api-types';
import { ENDPOINT_PRESETS, FINNEY_GENESIS } from '../../../shared/networks';

export interface Target {
  /** The label stored with each point: 'finney', 'archive', 'testnet', 'local' or 'custom'. */
  network: string;
  endpoint: string;
  /** The genesis hash this network must have, when we know it. */
  expectedGenesis: string | null;
}

/** Which endpoint a sync talks to: an explicit override (CLI --endpoint) or the one chosen in Settings. */
export function resolveTarget(settings: Settings, override?: string): Target {
  if (override) {
    const preset = (Object.entries(ENDPOINT_PRESETS) as [string, string][]).find(([, url]) => url === override);
    return target(preset ? preset[0] : 'custom', override);
  }
  if (settings.network === 'custom') {
    if (!settings.customEndpoint) throw new Error('No custom endpoint is set: enter one in Settings.');
    return target('custom', settings.customEndpoint);
  }
  return target(settings.network, ENDPOINT_PRESETS[settings.network]);
}

function target(network: string, endpoint: string): Target {
  const finneyLike = network === 'finney' || network === 'archive';
  return { network, endpoint, expectedGenesis: finneyLike ? FINNEY_GENESIS : null };
}
