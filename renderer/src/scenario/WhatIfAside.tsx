import { useLayoutStore } from '../stores/layout-store';
import { ScenarioPanel } from './ScenarioPanel';

/**
 * The what-if panel beside a view. It comes first in the page's keyboard order (the assumptions are what a user
 * changes most) though it sits on the right, and it folds away to give a laptop's table its width.
 */
export function WhatIfAside() {
  const { whatIfOpen, setWhatIfOpen } = useLayoutStore();
  return (
    <aside className={whatIfOpen ? 'side-panel' : 'side-panel folded'} aria-label="What-if scenario">
      <button
        className="secondary small what-if-toggle"
        aria-expanded={whatIfOpen}
        aria-controls="what-if-panel"
        onClick={() => setWhatIfOpen(!whatIfOpen)}
        title={whatIfOpen ? 'Fold the what-if panel away to widen the table' : 'Show the what-if panel (Alt+T)'}
      >
        {whatIfOpen ? 'Hide what-if ▸' : '◂ What if…'}
      </button>
      <div id="what-if-panel" hidden={!whatIfOpen}>
        {whatIfOpen && <ScenarioPanel />}
      </div>
    </aside>
  );
}
