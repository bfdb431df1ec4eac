/** What the "saved" dialog says after a download: only a PDF is a report; a CSV or a note export says what it is. */
export function savedDownloadTitle(filename: string): string {
  const ext = filename.toLowerCase().split('.').pop();
  if (ext === 'pdf') return 'Report saved';
  if (ext === 'csv') return 'Table exported as CSV';
  if (ext === 'md') return 'Note exported as Markdown';
  if (ext === 'json') return 'Export saved';
  return 'File saved';
}
