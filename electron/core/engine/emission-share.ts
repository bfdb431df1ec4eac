import type { NetworkSnapshot, SubnetSnapshot } from '../../../shared/domain';
import { bigRatio } from './units';

/**
 * How much of the network's TAO emission enters a subnet per block, measured from chain state rather than
 * re-derived from the (often changing) share rule, in the two parts users meet under different names:
 * - TAO-in emission (SubnetTaoInEmission): TAO injected into the subnet's pool. btcli's "Emission" column, and
 *   its shares sum to well under 1 (about 0.64 of block emission on Finney in 2026).
 * - chain buys (SubnetExcessTao): TAO the chain spends buying the subnet's alpha.
 * Their sum is the total TAO entering the subnet; over all subnets it is the whole block emission.
 */
export interface EmissionShares {
  /** SubnetTaoInEmission ÷ BlockEmission. */
  taoIn: number;
  /** SubnetExcessTao ÷ BlockEmission; null when the runtime does not let us read it. */
  chainBuys: number | null;
  /** taoIn + chainBuys (chain buys counted as 0 when unreadable: the caller says the figure is partial). */
  total: number;
}

/** Null when the network emission is unknown or zero. */
export function emissionShares(
  subnet: Pick<SubnetSnapshot, 'taoInEmissionRao' | 'excessTaoRao'>,
  network: Pick<NetworkSnapshot, 'blockEmissionRao'>,
): EmissionShares | null {
  if (network.blockEmissionRao <= 0n) return null;
  const share = (rao: bigint) => bigRatio(rao, network.blockEmissionRao);
  const taoIn = share(subnet.taoInEmissionRao);
  const total = share(subnet.taoInEmissionRao + (subnet.excessTaoRao ?? 0n));
  if (taoIn === null || total === null) return null;
  return { taoIn, chainBuys: subnet.excessTaoRao === null ? null : share(subnet.excessTaoRao), total };
}

/** Total TAO entering the subnet as a share of block emission (the figure history and watchlists track). */
export function emissionShare(
  subnet: Pick<SubnetSnapshot, 'taoInEmissionRao' | 'excessTaoRao'>,
  network: Pick<NetworkSnapshot, 'blockEmissionRao'>,
): number | null {
  return emissionShares(subnet, network)?.total ?? null;
}
