/**
 * Inputs and outputs of the economics engine (electron/core/engine), shared with the renderer, in one import.
 * Every figure says where it came from (Provenance); units are in the names: ...Tao, ...Usd, ...PerDay, ...PerMonth,
 * ...Share (0..1).
 */
export * from './figure';
export * from './scenario';
export * from './thresholds';
export * from './subnet-analysis';
export * from './miner-economics';
