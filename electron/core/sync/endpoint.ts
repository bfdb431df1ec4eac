import type { Settings } from '../../../shared/api-types';
import { ENDPOINT_PRESETS, FINNEY_GENESIS } from '../../../shared/networks';
import { endpointProblem } from '../../../shared/api-schemas';

export interface Target {
  /** The label stored with each point: 'finney', 'archive', 'testnet', 'local' or 'custom'. */
  network: string;
  /** The address as the user wrote it: what the sync connects to and names in its messages. */
  endpoint: string;
  /** The genesis hash this network must have, when we know it. */
  expectedGenesis: string | null;
}

/**
 * One spelling per node address, so the label a point is stored under does not depend on how the address was typed:
 * scheme and host in lower case, the scheme's default port (443 for wss, 80 for ws) dropped, no trailing slash, and
 * `localhost` as 127.0.0.1 (the stand-in for "this machine" the presets use). Used only to compare and label: the
 * sync still connects to what the user typed.
 */
export function sameNodeKey(endpoint: string): string {
  const url = new URL(endpoint);
  const host = url.hostname === 'localhost' ? '127.0.0.1' : url.hostname;
  const path = url.pathname.replace(/\/+$/, '');
  return `${url.protocol}//${host}${url.port ? `:${url.port}` : ''}${path}${url.search}`;
}

/** Which endpoint a sync talks to: an explicit override (CLI --endpoint) or the one chosen in Settings. */
export function resolveTarget(settings: Settings, override?: string): Target {
  if (override) return byAddress(override);
  if (settings.network === 'custom') {
    if (!settings.customEndpoint) throw new Error('No custom endpoint is set: enter one in Settings.');
    return byAddress(settings.customEndpoint);
  }
  return target(settings.network, ENDPOINT_PRESETS[settings.network]);
}

/** A typed address gets a preset's label when it is that preset's node however it is spelled. */
function byAddress(endpoint: string): Target {
  // Checked at the boundary too; a value stored by an older version may not have been.
  const problem = endpointProblem(endpoint);
  if (problem) throw new Error(`The endpoint ${problem}.`);
  const key = sameNodeKey(endpoint);
  const preset = (Object.entries(ENDPOINT_PRESETS) as [string, string][]).find(([, url]) => sameNodeKey(url) === key);
  return target(preset ? preset[0] : 'custom', endpoint);
}

function target(network: string, endpoint: string): Target {
  const finneyLike = network === 'finney' || network === 'archive';
  // The chain library accepts only a lower-case scheme.
  endpoint = endpoint.replace(/^wss?:/i, (scheme) => scheme.toLowerCase());
  return { network, endpoint, expectedGenesis: finneyLike ? FINNEY_GENESIS : null };
}
