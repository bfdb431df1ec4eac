/** After saving a download the dialog names what was saved. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { downloadTargetProblem, savedDownloadTitle } from './saved-download';

describe('the saved-download dialog', () => {
  it('says "Report saved" only for a PDF report', () => {
    expect(savedDownloadTitle('subnet-8-report.PDF')).toBe('Report saved');
    expect(savedDownloadTitle('subnets.csv')).toBe('Table exported as CSV');
    expect(savedDownloadTitle('sn8 notes.md')).toBe('Note exported as Markdown');
    expect(savedDownloadTitle('subnet-scout-export.json')).toBe('Export saved');
    expect(savedDownloadTitle('README')).toBe('File saved');
  });
});

describe('where the app lets a download be saved', () => {
  it('refuses the data folder (directly, through .., or through a symlink) and allows anywhere else', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'scout-download-'));
    const data = path.join(root, 'Subnet Scout');
    fs.mkdirSync(path.join(data, 'backups'), { recursive: true });
    fs.symlinkSync(data, path.join(root, 'link'));
    expect(downloadTargetProblem(path.join(data, 'scout.db'), data)).toMatch(
      /inside Subnet Scout's data folder .* Choose another folder/,
    );
    expect(downloadTargetProblem(path.join(data, 'backups', 'report.pdf'), data)).not.toBeNull();
    expect(downloadTargetProblem(path.join(root, 'elsewhere', '..', 'Subnet Scout', 'r.pdf'), data)).not.toBeNull();
    expect(downloadTargetProblem(path.join(root, 'link', 'r.pdf'), data)).not.toBeNull();
    expect(downloadTargetProblem(path.join(root, 'report.pdf'), data)).toBeNull();
    expect(downloadTargetProblem(path.join(root, 'Subnet Scout reports', 'report.pdf'), data)).toBeNull();
    fs.rmSync(root, { recursive: true, force: true });
  });
});
