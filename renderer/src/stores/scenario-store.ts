/**
 * The what-if in force. Every change is validated with the contract's own schema before it is used: an invalid
 * field shows its message and the last valid scenario stays in force. Valid changes are evaluated at once (latest
 * result wins while dragging) and persisted to settings shortly after.
 */
import { create } from 'zustand';
import { ScenarioSchema } from '../../../shared/scenario';
import { DEFAULT_SCENARIO, type Scenario, type TableEconomics } from '../../../shared/economics';
import { scout } from '../scout';
import { latestOnly } from './latest-only';

export type ScenarioField = keyof Scenario;

interface ScenarioState {
  scenario: Scenario;
  /** Field → message for inputs whose last value was refused. */
  errors: Partial<Record<ScenarioField, string>>;
  /** What the Subnets table shows of each subnet under the scenario in force, by netuid. */
  economics: Map<number, TableEconomics>;
  evaluating: boolean;
  /** Why the last evaluation failed; `economics` then still holds the last one that worked. Cleared on success. */
  evaluateError: string | null;
  /** When `economics` was worked out (null: never), so a failure can say how old the figures it leaves are. */
  evaluatedAtMs: number | null;
  /** The user changed the what-if in this window: the settings read at start must not overwrite it. */
  edited: boolean;
  /** The what-if kept in settings, read once at start; a change made before it arrived wins (and is saved). */
  init(scenario: Scenario): void;
  change(patch: Partial<Scenario>): boolean;
  reportInvalid(field: ScenarioField, message: string): void;
  evaluate(): void;
}

let persistTimer: ReturnType<typeof setTimeout> | undefined;

const runEvaluate = latestOnly(
  (scenario: Scenario) => scout.call('scenario.evaluateTable', { scenario }),
  (list) =>
    useScenarioStore.setState({
      economics: new Map(list.map((e) => [e.netuid, e])),
      evaluating: false,
      evaluateError: null,
      evaluatedAtMs: Date.now(),
    }),
  (e) => useScenarioStore.setState({ evaluating: false, evaluateError: e.message }),
);

export const useScenarioStore = create<ScenarioState>((set, get) => ({
  scenario: DEFAULT_SCENARIO,
  errors: {},
  economics: new Map(),
  evaluating: false,
  evaluateError: null,
  evaluatedAtMs: null,
  edited: false,
  init(scenario) {
    if (!get().edited) set({ scenario, errors: {} });
    get().evaluate();
  },
  change(patch) {
    const next = { ...get().scenario, ...patch };
    const parsed = ScenarioSchema.safeParse(next);
    const fields = Object.keys(patch) as ScenarioField[];
    if (!parsed.success) {
      const errors = { ...get().errors };
      for (const issue of parsed.error.issues) {
        const field = issue.path[0] as ScenarioField;
        if (fields.includes(field)) errors[field] = issue.message;
      }
      set({ errors });
      return false;
    }
    const errors = { ...get().errors };
    for (const f of fields) delete errors[f];
    set({ scenario: parsed.data, errors, edited: true });
    get().evaluate();
    clearTimeout(persistTimer);
    persistTimer = setTimeout(
      () => void scout.call('settings.set', { scenario: get().scenario }).catch(() => undefined),
      500,
    );
    return true;
  },
  reportInvalid(field, message) {
    set({ errors: { ...get().errors, [field]: message } });
  },
  evaluate() {
    set({ evaluating: true });
    runEvaluate(get().scenario);
  },
}));
