/**
 * The figures of one of the team's live UIDs at the latest snapshot of its subnet: what it earned in the last
 * epoch, where it stands (status.ts), and what the engine expects a miner at its rank to earn. Pure.
 *
 * Expectation: what the engine promises a miner at this UID's rank under the user's scenario (evaluateNewcomer with
 * the position set to that rank, the scenario's competitor count, no registration cost since the team paid it
 * already, and this UID's rent). In today's field it differs from the actual figure only where the chain pays
 * differently from the incentive curve (dual UIDs, burn, mechanism splits) or where the scenario assumes another
 * field; over the history window it also shows whether the position paid this well before. Actual and expected USD
 * are both realised at the scenario's TAO price after its sell discount, so the two compare like for like.
 */
import { DAYS_PER_MONTH, type Scenario, type SubnetAnalysis } from '../../../shared/economics';
import type { NeuronSnapshot, SubnetSnapshot } from '../../../shared/domain';
import type { MyMiner, RentSource } from '../../../shared/miners-types';
import { evaluateNewcomer } from '../engine';
import { combineIncentives } from '../engine/incentive';
import { realisedFraction } from '../engine/newcomer';
import { standingOf, type Standing, type SubnetFacts, type SubnetUid } from './status';

export function subnetUids(subnet: SubnetSnapshot, neurons: readonly NeuronSnapshot[]): SubnetUid[] {
  const { incentives } = combineIncentives(subnet, neurons);
  return neurons.map((n, i) => ({
    uid: n.uid,
    hotkey: n.hotkey,
    incentive: incentives[i] ?? 0,
    emissionRao: n.emissionRao,
    registeredAtBlock: n.registeredAtBlock,
    validatorPermit: n.validatorPermit,
  }));
}

export function subnetFacts(subnet: SubnetSnapshot, blockNumber: number, analysis: SubnetAnalysis): SubnetFacts {
  return {
    blockNumber,
    tempo: subnet.tempo,
    immunityPeriodBlocks: subnet.immunityPeriodBlocks,
    ownerHotkey: subnet.ownerHotkey,
    freeSlots: Math.max(0, subnet.maxUids - subnet.uidCount),
    registrationAllowed: subnet.registrationAllowed,
    deregLineAlphaPerDay: analysis.deregLine.alphaPerDay.value,
  };
}

/** The rent that applies to one miner and where it was set. */
export interface MinerRent {
  usdPerMonth: number;
  source: RentSource;
}

/** The live part of a MyMiner row (shared/miners-types.ts); the incentive is always known for a UID held now. */
export interface LiveFigures
  extends
    Standing,
    Pick<
      MyMiner,
      | 'taoPerDay'
      | 'usdPerDay'
      | 'deregLineAlphaPerDay'
      | 'earningsUsdPerMonth'
      | 'expectedTaoPerDay'
      | 'expectedUsdPerMonth'
      | 'rentUsdPerMonth'
      | 'rentSource'
      | 'profitUsdPerMonth'
      | 'expectedProfitUsdPerMonth'
    > {
  incentive: number;
}

export function liveFigures(
  analysis: SubnetAnalysis,
  facts: SubnetFacts,
  uids: readonly SubnetUid[],
  me: SubnetUid,
  scenario: Scenario,
  rent: MinerRent,
): LiveFigures {
  const standing = standingOf(uids, facts, me);
  const price = analysis.alphaPriceTao.value;
  const taoPerDay = standing.alphaPerDay === null || price === null ? null : standing.alphaPerDay * price;
  const usdPerDay =
    taoPerDay === null || scenario.taoPriceUsd === null
      ? null
      : taoPerDay * scenario.taoPriceUsd * realisedFraction(scenario);
  const earningsUsdPerMonth = usdPerDay === null ? null : usdPerDay * DAYS_PER_MONTH;

  const expected =
    standing.rank === null
      ? null
      : evaluateNewcomer(analysis, {
          ...scenario,
          position: { kind: 'rank', rank: standing.rank },
          registrationCostTaoByNetuid: { [analysis.netuid]: 0 },
          rentUsdPerMonthByNetuid: { [analysis.netuid]: rent.usdPerMonth },
        });
  return {
    ...standing,
    incentive: me.incentive,
    taoPerDay,
    usdPerDay,
    deregLineAlphaPerDay: facts.deregLineAlphaPerDay,
    earningsUsdPerMonth,
    expectedTaoPerDay: expected?.taoPerDay.value ?? null,
    expectedUsdPerMonth: expected?.earningsUsdPerMonth.value ?? null,
    rentUsdPerMonth: rent.usdPerMonth,
    rentSource: rent.source,
    profitUsdPerMonth: earningsUsdPerMonth === null ? null : earningsUsdPerMonth - rent.usdPerMonth,
    // Today's expected rate against today's earnings: not the horizon's path (halvings, price assumption), which
    // evaluateNewcomer's profit averages over.
    expectedProfitUsdPerMonth:
      expected?.earningsUsdPerMonth.value == null ? null : expected.earningsUsdPerMonth.value - rent.usdPerMonth,
  };
}

/** A UID the team no longer holds has no current figures: each is unknown (null); its rent stays as assigned. */
export function unknownFigures(rent: MinerRent) {
  return {
    rank: null,
    minerUids: null,
    incentive: null,
    alphaPerDay: null,
    taoPerDay: null,
    usdPerDay: null,
    immunityRemainingBlocks: null,
    immunityRemainingHours: null,
    deregLineAlphaPerDay: null,
    aboveDeregLineAlphaPerDay: null,
    aboveDeregLineRatio: null,
    registrationsUntilPruned: null,
    earningsUsdPerMonth: null,
    expectedTaoPerDay: null,
    expectedUsdPerMonth: null,
    rentUsdPerMonth: rent.usdPerMonth,
    rentSource: rent.source,
    profitUsdPerMonth: null,
    expectedProfitUsdPerMonth: null,
  };
}
