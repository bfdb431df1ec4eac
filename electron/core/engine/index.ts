/**
 * The economics engine: pure functions over synced snapshots and a user scenario (no I/O, no clock, no randomness).
 * - Per sync (expensive, cache the result): analyzeSubnet(input, history) for each subnet. `history` is the
 *   SubnetHistoryPoint of earlier sync points; build each with summarizeSubnet(pastInput, itsPreviousBlock) or keep
 *   analysis.summary from earlier analyses.
 * - Per scenario change (cheap, every slider move): evaluateAll / evaluateNewcomer, sensitivityGrid.
 */
export { analyzeSubnet, summarizeSubnet, DEFAULT_WINDOW_DAYS, type AnalyzeOptions } from './analyze';
export { emissionShare, emissionShares, type EmissionShares } from './emission-share';
export { incentiveDistribution } from './distribution';
export { evaluateNewcomer, evaluateAll, perMinerUsdPerMonth, BREAK_EVEN_COMPETITORS_CAP } from './newcomer';
export { sensitivityGrid, defaultSensitivityAxes } from './sensitivity';
export { computeWindow } from './window';
export { subnetDeregistrations, type SubnetStanding } from './subnet-dereg';
export { expectedBurnTao } from './registration-timing';
export { emissionFactorAt, nextHalvingThreshold } from './halving';
export { DEFAULT_THRESHOLDS, DAYS_PER_MONTH } from '../../../shared/economics';
