import { useEffect, useId, useState } from 'react';

/**
 * A labelled number input (optionally paired with a slider) that keeps what the user typed even when it is not a
 * valid value, so the field can say what is wrong while the last valid value stays in force.
 */
export function NumberField(props: {
  label: string;
  value: number;
  onValid(value: number): boolean;
  onInvalid(message: string): void;
  error?: string;
  min: number;
  max: number;
  step?: number;
  slider?: boolean;
  unit?: string;
  /** A fixed id for the input, for links and shortcuts that focus it. */
  id?: string;
}) {
  const generatedId = useId();
  const id = props.id ?? generatedId;
  const [text, setText] = useState(String(props.value));
  useEffect(() => {
    // Follow outside changes (a preset, a loaded scenario) unless the field holds an unfinished edit.
    if (Number(text) !== props.value && !props.error) setText(String(props.value));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [props.value]);
  const submit = (raw: string) => {
    setText(raw);
    const trimmed = raw.trim();
    const n = trimmed === '' ? Number.NaN : Number(trimmed);
    if (!Number.isFinite(n)) props.onInvalid(`"${raw}" is not a number`);
    else props.onValid(n === 0 ? 0 : n); // "-0" is 0, not a value shown as "-0"
  };
  const errorId = `${id}-error`;
  return (
    <div className="field">
      <label htmlFor={id}>
        {props.label}
        {props.unit && <span className="muted"> ({props.unit})</span>}
      </label>
      <div className="row">
        {props.slider && (
          <input
            type="range"
            aria-label={`${props.label} slider`}
            min={props.min}
            max={props.max}
            step={props.step ?? 1}
            value={Math.min(props.max, Math.max(props.min, props.value))}
            onChange={(e) => submit(e.target.value)}
          />
        )}
        <input
          id={id}
          className="num-input"
          inputMode="decimal"
          value={text}
          aria-invalid={props.error ? true : undefined}
          aria-describedby={props.error ? errorId : undefined}
          onChange={(e) => submit(e.target.value)}
        />
      </div>
      {props.error && (
        <p id={errorId} className="field-error" role="alert">
          {props.error}
        </p>
      )}
    </div>
  );
}
