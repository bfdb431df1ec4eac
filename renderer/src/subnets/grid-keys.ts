/** Where an arrow (or Home/End/PageUp/PageDown) key moves the active cell of a data grid. Row -1 is the header. */
export interface GridPosition {
  row: number;
  column: number;
}

const PAGE = 10;

/** The next position, or null when the key is not a grid movement key. `visible[i]`: column i is on screen. */
export function gridMove(
  at: GridPosition,
  key: string,
  ctrl: boolean,
  grid: { rows: number; visible: boolean[] },
): GridPosition | null {
  const lastRow = grid.rows - 1;
  const columns = grid.visible.map((v, i) => (v ? i : -1)).filter((i) => i >= 0);
  if (columns.length === 0) return null;
  const here = columns.includes(at.column) ? columns.indexOf(at.column) : 0;
  const row = (r: number) => Math.max(-1, Math.min(lastRow, r));
  switch (key) {
    case 'ArrowDown':
      return { row: row(at.row + 1), column: columns[here]! };
    case 'ArrowUp':
      return { row: row(at.row - 1), column: columns[here]! };
    case 'ArrowRight':
      return { row: at.row, column: columns[Math.min(columns.length - 1, here + 1)]! };
    case 'ArrowLeft':
      return { row: at.row, column: columns[Math.max(0, here - 1)]! };
    case 'Home':
      return { row: ctrl ? -1 : at.row, column: columns[0]! };
    case 'End':
      return { row: ctrl ? row(lastRow) : at.row, column: columns[columns.length - 1]! };
    case 'PageDown':
      return { row: row(at.row + PAGE), column: columns[here]! };
    case 'PageUp':
      return { row: row(at.row - PAGE), column: columns[here]! };
    default:
      return null;
  }
}
