import { useState } from 'react';
import type { DataProblem, DataProblemCode } from '../../../shared/api-types';
import type { BackupInfo } from '../../../shared/backups-types';
import { useDataStore } from '../stores/data-store';
import { formatWhen } from '../fixed';

const HEADINGS: Partial<Record<DataProblemCode, string>> = {
  damaged: 'Your data file is damaged',
  'in-use': 'Another program is using the data folder',
};

/**
 * Shown instead of the app when the data file cannot be used. The file is never overwritten: restoring a backup
 * moves it, untouched, into the backups folder. Only a backup that passed SQLite's check is offered.
 */
export function DataProblemView({ problem, latestBackup }: { problem: DataProblem; latestBackup: BackupInfo | null }) {
  const { openDataFolder, restoreBackup, error, info } = useDataStore();
  const [folder, setFolder] = useState('');
  return (
    <main className="problem" role="alert">
      <h1>{HEADINGS[problem.code] ?? 'Subnet Scout cannot use its data file'}</h1>
      <p data-testid="problem-message">{problem.message}</p>
      <p className="muted">File: {problem.path}</p>
      {problem.code === 'in-use' && info?.dataDir && (
        <div className="row">
          <button type="button" onClick={() => void openDataFolder(info.dataDir)}>
            Try again
          </button>
        </div>
      )}
      {latestBackup && (
        <div className="row">
          <button type="button" onClick={() => void restoreBackup(latestBackup.name)}>
            Restore the newest verified backup ({formatWhen(latestBackup.createdAtMs)})
          </button>
          <span className="muted">The file above is kept, as it is, in the backups folder.</span>
        </div>
      )}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (folder.trim()) void openDataFolder(folder.trim());
        }}
      >
        <label htmlFor="other-folder">Open another data folder</label>
        <div className="row">
          <input
            id="other-folder"
            value={folder}
            onChange={(e) => setFolder(e.target.value)}
            placeholder="/path/to/folder"
          />
          <button type="submit">Open</button>
        </div>
        {error && <p className="error">{error}</p>}
      </form>
    </main>
  );
}
