import { useShallow } from 'zustand/react/shallow';
import { RIG_PRESETS, type Rig } from '../../../shared/economics';
import { useScenarioStore } from '../stores/scenario-store';
import { NumberField } from './NumberField';

/**
 * The rig in the what-if: a preset a miner recognises (its rent, an assumption, goes into the rent field and stays
 * editable), then each figure editable. A refused figure shows its message and the last valid rig stays in force.
 */
export function RigFields() {
  const { rig, error, change, reportInvalid } = useScenarioStore(
    useShallow((s) => ({ rig: s.scenario.rig, error: s.errors.rig, change: s.change, reportInvalid: s.reportInvalid })),
  );
  const setRig = (patch: Partial<Rig>) => (rig ? change({ rig: { ...rig, ...patch } }) : false);
  const field = (label: string, key: 'gpuCount' | 'vramGb' | 'cpuCores' | 'ramGb', unit: string, max: number) =>
    rig && (
      <NumberField
        label={label}
        unit={unit}
        min={0}
        max={max}
        value={rig[key]}
        error={error}
        onValid={(v) => setRig({ [key]: v })}
        onInvalid={(m) => reportInvalid('rig', m)}
      />
    );
  return (
    <fieldset className="compact rig-fields">
      <legend>
        Your rig <span className="badge assumed">assumed</span>
      </legend>
      <label htmlFor="rig-preset">Rig</label>
      <select
        id="rig-preset"
        value={rig ? (RIG_PRESETS.find((p) => p.rig.label === rig.label)?.id ?? 'custom') : 'none'}
        onChange={(e) => {
          const preset = RIG_PRESETS.find((p) => p.id === e.target.value);
          if (!preset) return void change({ rig: undefined });
          change({ rig: { ...preset.rig }, rentUsdPerMonth: preset.rentUsdPerMonth });
        }}
      >
        <option value="none">Not said (hardware fit unknown)</option>
        {RIG_PRESETS.map((p) => (
          <option key={p.id} value={p.id}>
            {p.rig.label} (~${p.rentUsdPerMonth}/month)
          </option>
        ))}
        {rig && !RIG_PRESETS.some((p) => p.rig.label === rig.label) && <option value="custom">{rig.label}</option>}
      </select>
      {field('GPUs', 'gpuCount', 'count', 64)}
      {field('VRAM per GPU', 'vramGb', 'GB', 1024)}
      {field('CPU cores', 'cpuCores', 'count', 1024)}
      {field('RAM', 'ramGb', 'GB', 16_384)}
    </fieldset>
  );
}
