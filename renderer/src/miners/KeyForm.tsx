import { useState } from 'react';
import type { TeamKeyKind } from '../../../shared/miners-types';
import { NEVER_PASTE_SECRETS, secretLikeInput } from '../../../shared/miners-input';
import { useMinersStore } from './miners-store';
import { ErrorMessage } from '../components/ErrorMessage';

/**
 * Adding one of the team's keys: a public address, its role, a label and optionally the rent of each UID it holds.
 * Text that looks like a seed phrase is refused here, before it leaves the page, and wiped from the field.
 */
export function KeyForm() {
  const { addKey, reportError, error, notice } = useMinersStore();
  const [address, setAddress] = useState('');
  const [kind, setKind] = useState<TeamKeyKind>('hotkey');
  const [label, setLabel] = useState('');
  const [rent, setRent] = useState('');
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    const secret = secretLikeInput(address);
    if (secret) {
      setAddress('');
      reportError(secret);
      return;
    }
    const rentUsdPerMonth = rent.trim() === '' ? null : Number(rent);
    if (rentUsdPerMonth !== null && !Number.isFinite(rentUsdPerMonth)) {
      reportError(`Rent "${rent}" is not a number of USD per month.`);
      return;
    }
    setBusy(true);
    const added = await addKey({ address: address.trim(), kind, label, rentUsdPerMonth });
    setBusy(false);
    if (added) {
      setAddress('');
      setKind('hotkey');
      setLabel('');
      setRent('');
    }
  };

  return (
    <form
      className="key-form"
      aria-labelledby="key-form-title"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <h2 id="key-form-title">Add a team key</h2>
      <p className="key-form-safety" id="key-form-safety">
        <strong>Public addresses only.</strong> {NEVER_PASTE_SECRETS} This app never asks for either and never stores
        one.
      </p>
      <div className="key-form-fields">
        <div className="field key-address">
          <label htmlFor="team-key-address">Address (SS58)</label>
          <input
            id="team-key-address"
            value={address}
            placeholder="5F…"
            autoComplete="off"
            spellCheck={false}
            aria-describedby="key-form-safety"
            aria-invalid={error ? true : undefined}
            onChange={(e) => setAddress(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="team-key-kind">Role</label>
          <select id="team-key-kind" value={kind} onChange={(e) => setKind(e.target.value as TeamKeyKind)}>
            <option value="hotkey">Hotkey (one miner)</option>
            <option value="coldkey">Coldkey (all its hotkeys)</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="team-key-label">Label</label>
          <input
            id="team-key-label"
            value={label}
            placeholder="e.g. rig-a"
            onChange={(e) => setLabel(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="team-key-rent">
            Rent per UID <span className="muted">(USD/month, optional)</span>
          </label>
          <input
            id="team-key-rent"
            className="num-input"
            inputMode="decimal"
            value={rent}
            onChange={(e) => setRent(e.target.value)}
          />
        </div>
        <button type="submit" disabled={busy || address.trim() === ''}>
          Add key
        </button>
      </div>
      <ErrorMessage error={error} />
      {notice && !error && (
        <p className="key-notice" role="status">
          {notice}
        </p>
      )}
    </form>
  );
}
