import { useEffect, useState } from 'react';
import type { MetricChange, WatchedSubnet, Watchlist } from '../../../shared/api-types';
import { formatNumber, formatPercent } from '../../../shared/format';
import { formatFixed } from '../fixed';
import { scout } from '../scout';
import { useScenarioStore } from '../stores/scenario-store';
import { useUiStore } from '../stores/ui-store';
import { useWatchlistStore } from '../stores/watchlist-store';
import { useDataStore } from '../stores/data-store';
import { ExportPdfButton } from '../components/ExportPdfButton';

/**
 * The figure now and its move since the previous sync, read as a change: "▲ +12.4% (0.0555 → 0.0683)". `absolute`:
 * the change is a difference in the figure's own unit (Gini), not a percentage.
 */
function Change({
  m,
  format,
  absolute = false,
}: {
  m: MetricChange;
  format: (v: number | null) => string;
  absolute?: boolean;
}) {
  const moved = m.change !== null && m.change !== 0;
  const up = (m.change ?? 0) > 0;
  const size =
    m.change === null ? '' : absolute ? formatNumber(Math.abs(m.change), 2) : formatPercent(Math.abs(m.change), 1);
  return (
    <span className={m.highlighted ? 'change-highlight' : undefined}>
      {format(m.current)}
      {moved && (
        <span className="change">
          <span aria-hidden="true">{up ? '▲' : '▼'} </span>
          {m.highlighted && <span className="sr-only">big move: </span>}
          <span className="sr-only">{up ? 'up' : 'down'} </span>
          {up ? '+' : '−'}
          {size} ({format(m.previous)} → {format(m.current)})
        </span>
      )}
    </span>
  );
}

/** One list: its subnets with key figures and what changed since the previous sync (big moves highlighted). */
export function WatchlistCard({ list, first, last }: { list: Watchlist; first: boolean; last: boolean }) {
  const { rename, remove, move, toggleSubnet } = useWatchlistStore();
  const scenario = useScenarioStore((s) => s.scenario);
  const point = useDataStore((s) => s.subnets?.point);
  const { openSubnet, go } = useUiStore();
  const [rows, setRows] = useState<WatchedSubnet[] | null>(null);
  const [editing, setEditing] = useState(false);
  const [name, setName] = useState(list.name);
  const [confirming, setConfirming] = useState(false);
  const subnetsKey = list.netuids.join(',');
  // Renamed in another window: the Rename box starts from the name on screen, not the one it had when this opened.
  useEffect(() => {
    if (!editing) setName(list.name);
  }, [list.name, editing]);

  useEffect(() => {
    let live = true;
    scout
      .call('watchlists.changes', { id: list.id, scenario })
      .then((r) => live && setRows(r))
      .catch(() => live && setRows([]));
    return () => {
      live = false;
    };
    // `subnetsKey` stands for `list.netuids`: every reload of the lists (one per change in any window) rebuilds the
    // array, and only the subnets on it matter here.
  }, [list.id, subnetsKey, scenario, point?.id]);

  return (
    <article className="card" aria-labelledby={`wl-${list.id}`}>
      <header className="row">
        {editing ? (
          <form
            className="row"
            onSubmit={(e) => {
              e.preventDefault();
              void rename(list.id, name).then((ok) => ok && setEditing(false));
            }}
          >
            <label className="sr-only" htmlFor={`wl-name-${list.id}`}>
              Watchlist name
            </label>
            <input id={`wl-name-${list.id}`} value={name} onChange={(e) => setName(e.target.value)} autoFocus />
            <button type="submit" className="small">
              Save name
            </button>
          </form>
        ) : (
          <h2 id={`wl-${list.id}`}>{list.name}</h2>
        )}
        <span className="spacer" />
        {list.netuids.length > 0 && (
          <ExportPdfButton target={{ kind: 'watchlist', id: list.id }} label="Report (PDF)" />
        )}
        <button className="secondary small" onClick={() => setEditing(!editing)}>
          {editing ? 'Cancel' : 'Rename'}
        </button>
        <button
          className="secondary small"
          disabled={first}
          aria-label={`Move ${list.name} up`}
          onClick={() => void move(list.id, -1)}
        >
          ↑
        </button>
        <button
          className="secondary small"
          disabled={last}
          aria-label={`Move ${list.name} down`}
          onClick={() => void move(list.id, 1)}
        >
          ↓
        </button>
        {confirming ? (
          <span className="row" role="alertdialog" aria-label={`Delete ${list.name}?`}>
            Delete “{list.name}”?
            <button className="small danger" onClick={() => void remove(list.id)}>
              Delete
            </button>
            <button className="secondary small" onClick={() => setConfirming(false)}>
              Keep
            </button>
          </span>
        ) : (
          <button className="secondary small" onClick={() => setConfirming(true)}>
            Delete…
          </button>
        )}
      </header>
      {list.netuids.length === 0 ? (
        <p className="muted">
          Empty: in the{' '}
          <button className="link" onClick={() => go('subnets')}>
            Subnets table
          </button>
          , tick subnets and press “Add to watchlist” (or open a subnet and tick this list on its page).
        </p>
      ) : (
        <div
          className="table-wrap watchlist-table-wrap"
          tabIndex={0}
          role="region"
          aria-label={`${list.name}: subnets (scrolls sideways on a narrow window)`}
        >
          <table className="table sticky-identity">
            <thead>
              <tr>
                <th scope="col">Subnet</th>
                <th
                  scope="col"
                  className="num"
                  title="Total TAO entering the subnet (TAO-in emission + chain buys), share of block emission"
                >
                  TAO entering
                </th>
                <th scope="col" className="num">
                  Price τ
                </th>
                <th scope="col" className="num">
                  Registration τ
                </th>
                <th scope="col" className="num">
                  Earning miners
                </th>
                <th scope="col" className="num">
                  Gini
                </th>
                <th scope="col">Verdict</th>
                <th scope="col" className="num">
                  Profit $/mo
                </th>
                <th scope="col">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {(rows ?? []).map((r) => (
                <tr key={r.netuid}>
                  <td>
                    <button className="link" onClick={() => openSubnet(r.netuid)}>
                      SN{r.netuid} {r.name}
                    </button>
                    {r.competitionResets.length > 0 && (
                      <p className="change-highlight small competition-resets" role="note">
                        Competition reset: {r.competitionResets.join('; ')}
                      </p>
                    )}
                  </td>
                  <td className="num">
                    <Change m={r.emissionShare} format={(v) => formatPercent(v)} />
                  </td>
                  <td className="num">
                    <Change m={r.priceTao} format={(v) => formatFixed(v, 6)} />
                  </td>
                  <td className="num">
                    <Change m={r.registrationCostTao} format={(v) => formatFixed(v, 4)} />
                  </td>
                  <td className="num">
                    <Change m={r.earningMiners} format={(v) => formatNumber(v, 0)} />
                  </td>
                  <td className="num">
                    <Change m={r.gini} format={(v) => formatFixed(v, 2)} absolute />
                  </td>
                  <td className={r.verdict.changed ? 'change-highlight' : undefined}>
                    {r.verdict.current ?? '—'}
                    {r.verdict.changed && <span className="change"> (was {r.verdict.previous})</span>}
                  </td>
                  <td className="num">{formatNumber(r.profitUsdPerMonth, 0)}</td>
                  <td>
                    <button
                      className="secondary small"
                      aria-label={`Remove SN${r.netuid} from ${list.name}`}
                      onClick={() => void toggleSubnet(list.id, r.netuid)}
                    >
                      Remove
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </article>
  );
}
