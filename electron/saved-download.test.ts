/** After saving a download the dialog names what was saved. */
import { describe, expect, it } from 'vitest';
import { savedDownloadTitle } from './saved-download';

describe('the saved-download dialog', () => {
  it('says "Report saved" only for a PDF report', () => {
    expect(savedDownloadTitle('subnet-8-report.PDF')).toBe('Report saved');
    expect(savedDownloadTitle('subnets.csv')).toBe('Table exported as CSV');
    expect(savedDownloadTitle('sn8 notes.md')).toBe('Note exported as Markdown');
    expect(savedDownloadTitle('subnet-scout-export.json')).toBe('Export saved');
    expect(savedDownloadTitle('README')).toBe('File saved');
  });
});
