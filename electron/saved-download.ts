import { isInsideDataFolder } from './core/cli/report-file';

/** What the "saved" dialog says after a download: only a PDF is a report; a CSV or a note export says what it is. */
export function savedDownloadTitle(filename: string): string {
  const ext = filename.toLowerCase().split('.').pop();
  if (ext === 'pdf') return 'Report saved';
  if (ext === 'csv') return 'Table exported as CSV';
  if (ext === 'md') return 'Note exported as Markdown';
  if (ext === 'json') return 'Export saved';
  return 'File saved';
}

/**
 * Why a download (a report, a CSV, an export) may not be saved at `target`, or null. The data folder holds the
 * database and its backups: a file saved there could replace scout.db or be taken for a backup.
 */
export function downloadTargetProblem(target: string, dataDir: string): string | null {
  return isInsideDataFolder(target, dataDir)
    ? `${target} is inside Subnet Scout's data folder (${dataDir}), where it keeps its database and backups. Choose another folder.`
    : null;
}
