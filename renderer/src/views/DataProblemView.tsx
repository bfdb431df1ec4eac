import { useState } from 'react';
import type { DataProblem } from '../../../shared/api-types';
import { useDataStore } from '../stores/data-store';

/** Shown instead of the app when the data file cannot be used. The file is never overwritten. */
export function DataProblemView({ problem }: { problem: DataProblem }) {
  const { openDataFolder, error } = useDataStore();
  const [folder, setFolder] = useState('');
  return (
    <main className="problem" role="alert">
      <h1>Subnet Scout cannot use its data file</h1>
      <p data-testid="problem-message">{problem.message}</p>
      <p className="muted">File: {problem.path}</p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (folder.trim()) void openDataFolder(folder.trim());
        }}
      >
        <label htmlFor="other-folder">Open another data folder</label>
        <div className="row">
          <input id="other-folder" value={folder} onChange={(e) => setFolder(e.target.value)} placeholder="/path/to/folder" />
          <button type="submit">Open</button>
        </div>
        {error && <p className="error">{error}</p>}
      </form>
    </main>
  );
}
