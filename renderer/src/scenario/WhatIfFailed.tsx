import { useShallow } from 'zustand/react/shallow';
import { StaleFiguresNotice } from '../components/StaleFiguresNotice';
import { useScenarioStore } from '../stores/scenario-store';

/** Above the Subnets table: the what-if could not be worked out, so its profit and verdict columns are stale. */
export function WhatIfFailed() {
  // Only while failing does `evaluating` matter here: a slider dragged without trouble re-renders nothing.
  const { error, shownFromMs, retrying, evaluate } = useScenarioStore(
    useShallow((s) => ({
      error: s.evaluateError,
      shownFromMs: s.evaluatedAtMs,
      retrying: s.evaluateError !== null && s.evaluating,
      evaluate: s.evaluate,
    })),
  );
  return (
    <StaleFiguresNotice
      title="Profit and verdicts could not be updated."
      error={error}
      shownFromMs={shownFromMs}
      retrying={retrying}
      onRetry={evaluate}
    />
  );
}
