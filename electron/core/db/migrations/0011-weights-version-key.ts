/**
 * The subnet's WeightsVersionKey, so the watchlist can say when the scoring code changed (issue 17 item 9). In the
 * profile: it changes a few times a year, so each hourly row does not repeat it. Older profiles keep NULL
 * ("not recorded"): no alert compares against them.
 */
export const weightsVersionKey = {
  id: 11,
  name: 'weights-version-key',
  sql: `
ALTER TABLE subnet_profiles ADD COLUMN weights_version_key INTEGER;
`,
};
