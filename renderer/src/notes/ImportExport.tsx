import { useRef, useState, type ChangeEvent } from 'react';
import { MAX_IMPORT_BYTES } from '../../../shared/notes-schemas';
import {
  type ImportConflictChoice,
  type ImportOutcome,
  type ImportSettingsChoice,
  type SettingChange,
} from '../../../shared/notes-types';
import { scout } from '../scout';
import { download } from './download';
import { ErrorMessage } from '../components/ErrorMessage';

interface Conflicts {
  content: string;
  titles: string[];
  settingsChanges: SettingChange[];
}

/**
 * Export everything the user wrote (notes with history, watchlists, scenarios, settings, and on My miners the team
 * keys, miners' own rents and the earnings-drop alert) as one JSON file, and import such a file. When the file holds
 * notes that are already here, the user chooses what happens to them; when it holds other settings, the user sees
 * which and what they would become, and they stay as they are unless the user ticks to take the file's.
 */
export function ImportExport({ onImported }: { onImported(): void }) {
  const fileInput = useRef<HTMLInputElement>(null);
  const dialog = useRef<HTMLDialogElement>(null);
  const [conflicts, setConflicts] = useState<Conflicts | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [takeSettings, setTakeSettings] = useState(false);

  const exportAll = async () => {
    setError(null);
    try {
      download(await scout.call('notes.export'), 'application/json');
      setMessage(
        'Exported notes, watchlists, scenarios, team keys, miner rents, the earnings-drop alert and settings.',
      );
    } catch (e) {
      setError((e as Error).message);
    }
  };

  const importContent = async (content: string, choice: ImportConflictChoice, settings?: ImportSettingsChoice) => {
    setBusy(true);
    setError(null);
    setMessage(null);
    try {
      const outcome = await scout.call('notes.import', {
        content,
        conflicts: choice,
        ...(settings ? { settings } : {}),
      });
      if (outcome.status === 'conflicts') {
        setConflicts({ content, titles: outcome.titles, settingsChanges: outcome.settingsChanges });
        setTakeSettings(false);
        dialog.current?.showModal();
      } else {
        setMessage(describe(outcome));
        onImported();
      }
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  const onFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = ''; // choosing the same file again must import again
    if (!file) return;
    if (file.size > MAX_IMPORT_BYTES) {
      setError(
        `${file.name} is ${(file.size / 1024 / 1024).toFixed(1)} MB; Subnet Scout reads export files up to 50 MB. Nothing was imported.`,
      );
      return;
    }
    await importContent(await file.text(), 'ask');
  };

  const choose = (choice: ImportConflictChoice | null) => {
    dialog.current?.close();
    const pending = conflicts;
    setConflicts(null);
    if (pending && choice) void importContent(pending.content, choice, takeSettings ? 'replace' : 'keep');
    else setMessage('Import cancelled; nothing was imported.');
  };

  return (
    <div className="import-export">
      <button className="secondary" onClick={() => void exportAll()}>
        Export all…
      </button>
      <button className="secondary" onClick={() => fileInput.current?.click()} disabled={busy}>
        {busy ? 'Importing…' : 'Import…'}
      </button>
      <input
        ref={fileInput}
        type="file"
        accept=".json,application/json"
        hidden
        aria-label="Export file to import"
        onChange={(e) => void onFile(e)}
      />
      {message && <span role="status">{message}</span>}
      <ErrorMessage error={error} />
      <dialog ref={dialog} aria-labelledby="import-conflicts-title" onCancel={() => choose(null)}>
        <h2 id="import-conflicts-title">{dialogTitle(conflicts)}</h2>
        {noteCount(conflicts) > 0 && (
          <>
            <ul>
              {conflicts?.titles.slice(0, 5).map((t, i) => (
                <li key={i}>{t}</li>
              ))}
              {noteCount(conflicts) > 5 && <li>and {noteCount(conflicts) - 5} more</li>}
            </ul>
            <p>What should happen to them? Notes that are not here yet are added either way.</p>
          </>
        )}
        {(conflicts?.settingsChanges.length ?? 0) > 0 && (
          <>
            <p>Your settings stay as they are unless you tick below. The file’s would change:</p>
            <table className="settings-changes" aria-label="Settings the file would change">
              <thead>
                <tr>
                  <th scope="col">Setting</th>
                  <th scope="col">Yours</th>
                  <th scope="col">The file’s</th>
                </tr>
              </thead>
              <tbody>
                {conflicts?.settingsChanges.map((c) => (
                  <tr key={c.label}>
                    <th scope="row">{c.label}</th>
                    <td>{c.mine}</td>
                    <td>{c.file}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <label className="row">
              <input type="checkbox" checked={takeSettings} onChange={(e) => setTakeSettings(e.target.checked)} />
              Replace my settings with the file’s
            </label>
          </>
        )}
        <div className="row wrap">
          {noteCount(conflicts) > 0 ? (
            <>
              <button onClick={() => choose('keep')}>Keep mine</button>
              <button onClick={() => choose('replace')}>Replace with the file’s</button>
              <button onClick={() => choose('duplicate')}>Keep both</button>
            </>
          ) : (
            <button onClick={() => choose('ask')}>Import</button>
          )}
          <button className="secondary" onClick={() => choose(null)}>
            Cancel import
          </button>
        </div>
        {noteCount(conflicts) > 0 && (
          <p className="muted">Replacing keeps your version in the note’s history, so it can be restored.</p>
        )}
      </dialog>
    </div>
  );
}

const noteCount = (c: Conflicts | null) => c?.titles.length ?? 0;

function dialogTitle(c: Conflicts | null): string {
  const notes = noteCount(c);
  if (notes === 0) return 'This file holds other settings than yours';
  return notes === 1 ? 'A note in this file is already here' : `${notes} notes in this file are already here`;
}

function describe(o: Extract<ImportOutcome, { status: 'imported' }>): string {
  const count = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;
  const notes = [
    o.notesAdded && `${count(o.notesAdded, 'note')} added`,
    o.notesReplaced && `${count(o.notesReplaced, 'note')} replaced`,
    o.notesDuplicated && `${count(o.notesDuplicated, 'note')} copied`,
    o.notesKept && `${count(o.notesKept, 'note')} kept as they were`,
  ].filter(Boolean);
  const restored = [o.earningsDropAlertRestored && 'earnings-drop alert', o.settingsRestored && 'settings'].filter(
    Boolean,
  );
  return (
    `Imported: ${notes.length ? notes.join(', ') : 'no notes'}; ${count(o.watchlists, 'watchlist')}, ${count(o.scenarios, 'scenario')}, ` +
    `${count(o.teamKeys, 'team key')}, ${count(o.minerRents, 'miner rent')}${restored.length ? `; ${restored.join(' and ')} restored` : ''}.`
  );
}
