/**
 * The miner pool the analysis shows: as the chain paid it in the last epoch where the UID rows allow, by the rule
 * otherwise (the two readings are in pool.ts), with a note where they disagree or the subnet is not emitted to.
 */
import type { Provenance } from '../../../shared/domain';
import type { PoolBasis, SubnetInput } from '../../../shared/economics';
import { notEmittedReason, POOL_DISAGREEMENT, ruleGrossPoolAlphaPerDay } from './pool';
import { derived } from './provenance';
import { NO_UIDS, type UidFacts } from './uid-facts';
import { perEpochToPerDay } from './units';

export interface Pool {
  gross: number | null;
  received: number | null;
  measured: number | null;
  ruleReceived: number | null;
  basis: PoolBasis | null;
  /** Alpha/day a unit of combined incentive earns (per-miner figures = incentive × this). */
  perIncentive: number | null;
  note: string | null;
  provenance: Provenance;
}

/** The received miner pool: as the chain paid it where the UID rows allow, by the rule otherwise (see pool.ts). */
export function minerPool(
  input: SubnetInput,
  uids: UidFacts | null,
  minerShare: number,
  burnedShare: number | null,
  at: string,
): Pool {
  const { subnet, network } = input;
  const notEmitted = notEmittedReason(network, subnet);
  const ruleGross = notEmitted ? 0 : ruleGrossPoolAlphaPerDay(network, subnet, minerShare);
  const ruleReceived = burnedShare === null ? null : ruleGross * (1 - burnedShare);
  // Emission and Incentive are written by the same epoch; incentive paid nothing means the rows disagree: use the rule.
  const perIncentiveMeasured =
    uids?.alphaRaoPerIncentive == null || uids.alphaRaoPerIncentive <= 0
      ? null
      : perEpochToPerDay(uids.alphaRaoPerIncentive / 1e9, subnet.tempo);
  const measured =
    perIncentiveMeasured === null || uids === null ? null : perIncentiveMeasured * uids.receivedIncentiveSum;
  if (notEmitted !== null) {
    return {
      gross: 0,
      received: 0,
      measured,
      ruleReceived: 0,
      basis: 'not-emitted',
      perIncentive: 0,
      note: notEmitted,
      provenance: derived(`get_subnets_to_emit_to's conditions at ${at}`),
    };
  }
  if (uids !== null && uids.incentiveSum === 0 && subnet.uidCount > 0 && (input.neurons?.length ?? 0) > 0) {
    return {
      gross: 0,
      received: 0,
      measured: 0,
      ruleReceived: 0,
      basis: 'rule',
      perIncentive: 0,
      note: 'no miner had incentive in the last epoch: validators received everything',
      provenance: derived(`incentives at ${at}`),
    };
  }
  if (measured !== null && perIncentiveMeasured !== null && uids !== null) {
    const ratio = ruleReceived !== null && ruleReceived > 0 ? measured / ruleReceived : null;
    const note =
      ratio !== null && Math.abs(ratio - 1) > POOL_DISAGREEMENT
        ? `the chain paid ${(ratio * 100).toFixed(0)}% of what the rule gives (alpha_out × (1 − owner cut) × miner share): ` +
          'what it paid in the last epoch is shown (the rule does not see a changed tempo, a deferred epoch or a recycled root share)'
        : null;
    return {
      gross: perIncentiveMeasured * uids.incentiveSum,
      received: measured,
      measured,
      ruleReceived,
      basis: 'measured',
      perIncentive: perIncentiveMeasured,
      note,
      provenance: derived(`Σ last-epoch emission of non-owner miner UIDs × 7200 / tempo at ${at}`),
    };
  }
  return {
    gross: ruleGross,
    received: ruleReceived,
    measured: null,
    ruleReceived,
    basis: 'rule',
    perIncentive: uids !== null && uids.incentiveSum > 0 ? ruleGross / uids.incentiveSum : ruleGross,
    note:
      ruleReceived === null
        ? 'burned share unknown'
        : uids === null
          ? `${NO_UIDS}: the rule is shown`
          : 'no miner without dividends was paid in the last epoch: the rule is shown',
    provenance: derived(`alpha_out × (1 − owner cut) × miner share × (1 − burned share) × 7200 at ${at}`),
  };
}
