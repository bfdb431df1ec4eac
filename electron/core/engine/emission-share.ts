import type { NetworkSnapshot, SubnetSnapshot } from '../../../shared/domain';
import { bigRatio } from './units';

/**
 * Share of the network's TAO emission that enters a subnet per block, measured from chain state rather than
 * re-derived from the (often changing) share rule: (SubnetTaoInEmission + SubnetExcessTao) / BlockEmission.
 * An unreadable SubnetExcessTao counts as 0 (the caller says the figure is partial); null when the network
 * emission is unknown or zero.
 */
export function emissionShare(
  subnet: Pick<SubnetSnapshot, 'taoInEmissionRao' | 'excessTaoRao'>,
  network: Pick<NetworkSnapshot, 'blockEmissionRao'>,
): number | null {
  if (network.blockEmissionRao <= 0n) return null;
  return bigRatio(subnet.taoInEmissionRao + (subnet.excessTaoRao ?? 0n), network.blockEmissionRao);
}
