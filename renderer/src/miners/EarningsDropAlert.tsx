import { useEffect, useState } from 'react';
import { useMinersStore } from './miners-store';

/** The user's threshold for the "earnings fell" alert. */
export function EarningsDropAlert({ percent }: { percent: number }) {
  const setEarningsDropAlert = useMinersStore((s) => s.setEarningsDropAlert);
  const [text, setText] = useState(String(percent));
  useEffect(() => setText(String(percent)), [percent]);
  return (
    <form
      className="row wrap drop-alert"
      onSubmit={(e) => {
        e.preventDefault();
        void setEarningsDropAlert(Number(text));
      }}
    >
      <label htmlFor="earnings-drop-alert">Alert when a miner's earnings fall by more than</label>
      <input
        id="earnings-drop-alert"
        className="num-input"
        inputMode="decimal"
        value={text}
        onChange={(e) => setText(e.target.value)}
      />
      <span>% from one sync to the next</span>
      <button className="secondary small" type="submit" disabled={text === String(percent)}>
        Save
      </button>
    </form>
  );
}
