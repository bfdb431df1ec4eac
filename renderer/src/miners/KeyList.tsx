import { useState } from 'react';
import type { TeamKey } from '../../../shared/miners-types';
import { formatNumber } from '../../../shared/format';
import { useMinersStore } from './miners-store';

const short = (address: string) => `${address.slice(0, 8)}…${address.slice(-6)}`;

function KeyRow({ teamKey, uidsHeld }: { teamKey: TeamKey; uidsHeld: number }) {
  const { updateKey, removeKey } = useMinersStore();
  const [editing, setEditing] = useState(false);
  const [label, setLabel] = useState(teamKey.label);
  const [rent, setRent] = useState(teamKey.rentUsdPerMonth === null ? '' : String(teamKey.rentUsdPerMonth));
  const save = async () => {
    const rentUsdPerMonth = rent.trim() === '' ? null : Number(rent);
    if (await updateKey(teamKey.id, { label, rentUsdPerMonth })) setEditing(false);
  };
  return (
    <tr>
      <td>
        {editing ? (
          <input aria-label={`Label of ${teamKey.label}`} value={label} onChange={(e) => setLabel(e.target.value)} />
        ) : (
          teamKey.label
        )}
      </td>
      <td>{teamKey.kind}</td>
      <td>
        <code title={teamKey.address}>{short(teamKey.address)}</code>
      </td>
      <td className="num">
        {editing ? (
          <input
            aria-label={`Rent per UID of ${teamKey.label} (USD/month)`}
            className="num-input"
            inputMode="decimal"
            value={rent}
            placeholder="scenario"
            onChange={(e) => setRent(e.target.value)}
          />
        ) : teamKey.rentUsdPerMonth === null ? (
          <span className="muted">scenario's</span>
        ) : (
          `$${formatNumber(teamKey.rentUsdPerMonth, 0)}`
        )}
      </td>
      <td className="num">{uidsHeld === 0 ? <span className="muted">none</span> : uidsHeld}</td>
      <td>
        <div className="key-actions">
          {editing ? (
            <>
              <button className="small" onClick={() => void save()}>
                Save
              </button>
              <button className="secondary small" onClick={() => setEditing(false)}>
                Cancel
              </button>
            </>
          ) : (
            <>
              <button className="secondary small" onClick={() => setEditing(true)}>
                Edit
              </button>
              <button
                className="secondary small"
                aria-label={`Remove ${teamKey.label}`}
                onClick={() => void removeKey(teamKey.id)}
              >
                Remove
              </button>
            </>
          )}
        </div>
      </td>
    </tr>
  );
}

/** The team's keys: what each holds now, its rent, and editing or removing it. */
export function KeyList({ keys, uidsHeld }: { keys: TeamKey[]; uidsHeld: Map<number, number> }) {
  if (keys.length === 0) return null;
  return (
    <table className="table team-keys">
      <caption className="sr-only">Team keys</caption>
      <thead>
        <tr>
          <th scope="col">Label</th>
          <th scope="col">Role</th>
          <th scope="col">Address</th>
          <th scope="col" className="num">
            Rent per UID
          </th>
          <th scope="col" className="num">
            UIDs held
          </th>
          <th scope="col">
            <span className="sr-only">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {keys.map((k) => (
          <KeyRow key={k.id} teamKey={k} uidsHeld={uidsHeld.get(k.id) ?? 0} />
        ))}
      </tbody>
    </table>
  );
}
