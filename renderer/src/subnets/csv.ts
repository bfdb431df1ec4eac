import type { ColumnId } from '../stores/table-store';
import { COLUMNS, type TableRow } from './columns';

const cell = (v: string | number) =>
  typeof v === 'number' ? String(v) : /[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;

/** The table as the user sees it (visible columns, their order, filters and sort) as CSV. */
export function toCsv(rows: TableRow[], columns: ColumnId[]): string {
  const lines = [columns.map((c) => cell(COLUMNS[c].label)).join(',')];
  for (const r of rows) lines.push(columns.map((c) => cell(COLUMNS[c].csv(r))).join(','));
  return lines.join('\n') + '\n';
}

export function download(filename: string, content: string, type: string): void {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
