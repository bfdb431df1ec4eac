import type { NetworkSnapshot, SubnetSnapshot } from '../../../shared/domain';

/**
 * Share of the network's TAO emission that enters a subnet per block, measured from chain state rather than
 * re-derived from the (often changing) share rule: (SubnetTaoInEmission + SubnetExcessTao) / BlockEmission.
 * null when the network emission is unknown or zero.
 */
export function emissionShare(
  subnet: Pick<SubnetSnapshot, 'taoInEmissionRao' | 'excessTaoRao'>,
  network: Pick<NetworkSnapshot, 'blockEmissionRao'>,
): number | null {
  if (network.blockEmissionRao <= 0n) return null;
  const taoPerBlockRao = subnet.taoInEmissionRao + (subnet.excessTaoRao ?? 0n);
  // Scale before dividing so the ratio keeps 9 significant digits in integer arithmetic.
  return Number((taoPerBlockRao * 1_000_000_000n) / network.blockEmissionRao) / 1e9;
}
