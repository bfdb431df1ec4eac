import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { Position } from '../../../shared/economics';
import { useScenarioStore } from '../stores/scenario-store';
import { NumberField } from './NumberField';
import { RigFields } from './RigFields';
import { loadRentPresets, saveRentPresets, type RentPreset } from './rent-presets';

/** The id of the TAO price field: the skip link and Alt+T land on it. */
export const WHAT_IF_FIRST_FIELD = 'what-if-tao-price';

/** The what-if sliders. Everything here is an assumption and is labelled so wherever results are shown. */
export function ScenarioPanel() {
  // Only what the panel shows: new results (or the evaluating flag) must not re-render the inputs.
  const { scenario, errors, change, reportInvalid } = useScenarioStore(
    useShallow((s) => ({ scenario: s.scenario, errors: s.errors, change: s.change, reportInvalid: s.reportInvalid })),
  );
  const [presets, setPresets] = useState<RentPreset[]>(loadRentPresets);
  const position = scenario.position;
  const setPosition = (p: Position) => change({ position: p });

  return (
    <section className="scenario-panel" aria-labelledby="scenario-title">
      <h2 id="scenario-title">
        What if… <span className="muted small">(your assumptions)</span>
      </h2>
      <NumberField
        id={WHAT_IF_FIRST_FIELD}
        label="TAO price"
        unit="USD"
        slider
        min={1}
        max={2000}
        value={scenario.taoPriceUsd ?? 0}
        error={errors.taoPriceUsd}
        onValid={(v) => change({ taoPriceUsd: v })}
        onInvalid={(m) => reportInvalid('taoPriceUsd', m)}
      />
      <NumberField
        label="Hardware rent"
        unit="USD/month"
        slider
        min={0}
        max={5000}
        step={10}
        value={scenario.rentUsdPerMonth}
        error={errors.rentUsdPerMonth}
        onValid={(v) => change({ rentUsdPerMonth: v })}
        onInvalid={(m) => reportInvalid('rentUsdPerMonth', m)}
      />
      <div className="row wrap" role="group" aria-label="Rent presets">
        {presets.map((p) => (
          <button key={p.id} className="secondary small" onClick={() => change({ rentUsdPerMonth: p.rentUsdPerMonth })}>
            {p.label} ${p.rentUsdPerMonth}
          </button>
        ))}
      </div>
      <details className="presets-editor">
        <summary>Edit rent presets</summary>
        {presets.map((p, i) => (
          <label key={p.id} className="row">
            <span className="preset-label">{p.label}</span>
            <input
              className="num-input"
              type="number"
              min={0}
              value={p.rentUsdPerMonth}
              onChange={(e) => {
                const v = e.target.valueAsNumber;
                if (!Number.isFinite(v) || v < 0) return;
                const next = presets.map((q, j) => (j === i ? { ...q, rentUsdPerMonth: v } : q));
                setPresets(next);
                saveRentPresets(next);
              }}
            />
          </label>
        ))}
      </details>

      <RigFields />

      <fieldset className="compact">
        <legend>Competitors</legend>
        <label className="row">
          <input
            type="checkbox"
            checked={scenario.competitorCount === null}
            onChange={(e) => change({ competitorCount: e.target.checked ? null : 100 })}
          />
          As many as earn today on each subnet
        </label>
        {scenario.competitorCount !== null && (
          <NumberField
            label="Competitor count"
            slider
            min={1}
            max={1000}
            value={scenario.competitorCount}
            error={errors.competitorCount}
            onValid={(v) => change({ competitorCount: v })}
            onInvalid={(m) => reportInvalid('competitorCount', m)}
          />
        )}
      </fieldset>

      <fieldset className="compact">
        <legend>Where you expect to land</legend>
        <label htmlFor="position-kind">Position</label>
        <select
          id="position-kind"
          value={position.kind}
          onChange={(e) => {
            const kind = e.target.value as Position['kind'];
            setPosition(
              kind === 'rank'
                ? { kind, rank: 10 }
                : kind === 'percentile'
                  ? { kind, percentile: 50 }
                  : kind === 'landed'
                    ? { kind: 'landed' }
                    : { kind: 'equal' },
            );
          }}
        >
          <option value="landed">Where newcomers landed here</option>
          <option value="percentile">Percentile of earning miners</option>
          <option value="rank">Rank</option>
          <option value="equal">Equal share</option>
        </select>
        {position.kind === 'percentile' && (
          <NumberField
            label="Percentile"
            unit="0–100, higher is better"
            slider
            min={0}
            max={100}
            value={position.percentile}
            error={errors.position}
            onValid={(v) => setPosition({ kind: 'percentile', percentile: v })}
            onInvalid={(m) => reportInvalid('position', m)}
          />
        )}
        {position.kind === 'rank' && (
          <NumberField
            label="Rank"
            unit="1 = best"
            min={1}
            max={4096}
            value={position.rank}
            error={errors.position}
            onValid={(v) => setPosition({ kind: 'rank', rank: v })}
            onInvalid={(m) => reportInvalid('position', m)}
          />
        )}
      </fieldset>

      <NumberField
        label="Horizon"
        unit="months, registration cost spread over it"
        slider
        min={1}
        max={24}
        value={scenario.horizonMonths}
        error={errors.horizonMonths}
        onValid={(v) => change({ horizonMonths: v })}
        onInvalid={(m) => reportInvalid('horizonMonths', m)}
      />
      <NumberField
        label="Sell discount"
        unit="% lost selling alpha"
        min={0}
        max={100}
        value={Math.round(scenario.sellDiscount * 1000) / 10}
        error={errors.sellDiscount}
        onValid={(v) => change({ sellDiscount: v / 100 })}
        onInvalid={(m) => reportInvalid('sellDiscount', m)}
      />
      <NumberField
        label="Alpha price change"
        unit="% a month, compounding; 0 = today's price"
        min={-99}
        max={1000}
        value={Math.round((scenario.alphaPriceChangePerMonth ?? 0) * 1000) / 10}
        error={errors.alphaPriceChangePerMonth}
        onValid={(v) => change({ alphaPriceChangePerMonth: v / 100 })}
        onInvalid={(m) => reportInvalid('alphaPriceChangePerMonth', m)}
      />
    </section>
  );
}
