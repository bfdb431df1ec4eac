/** Reading a what-if back from the file: the same schema that accepted it, so the engine never gets a guessed shape. */
import { ScenarioSchema, type Scenario } from '../../../shared/scenario';

/** A stored scenario with its per-subnet keys written as the engine looks them up ("00001" → "1"). */
export function withPlainNetuidKeys(scenario: unknown): unknown {
  if (!scenario || typeof scenario !== 'object') return scenario;
  const fixed: Record<string, unknown> = { ...(scenario as Record<string, unknown>) };
  for (const field of ['rentUsdPerMonthByNetuid', 'registrationCostTaoByNetuid']) {
    const byNetuid = fixed[field];
    if (!byNetuid || typeof byNetuid !== 'object') continue;
    const plain: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(byNetuid)) {
      const netuid = /^\d+$/.test(key) ? String(Number(key)) : key;
      // A key already written plainly wins over a padded spelling of the same subnet.
      if (!(netuid in plain) || netuid === key) plain[netuid] = value;
    }
    fixed[field] = plain;
  }
  return fixed;
}

/**
 * A stored scenario as the engine reads it, or null when it no longer passes today's rules (written by an older
 * version, or edited by hand). Netuid keys an older version accepted as "00001" are read as "1".
 */
export function readStoredScenario(value: unknown): Scenario | null {
  const parsed = ScenarioSchema.safeParse(withPlainNetuidKeys(value));
  return parsed.success ? parsed.data : null;
}
