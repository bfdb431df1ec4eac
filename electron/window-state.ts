/** Remembers the window's size and position between runs (a small JSON file in the data folder). */
import fs from 'node:fs';
import path from 'node:path';

export interface WindowState {
  bounds: { x?: number; y?: number; width: number; height: number };
  maximized: boolean;
}

const DEFAULT_STATE: WindowState = { bounds: { width: 1280, height: 820 }, maximized: false };
const FILE = 'window-state.json';

export function loadWindowState(dir: string): WindowState {
  try {
    const parsed = JSON.parse(fs.readFileSync(path.join(dir, FILE), 'utf8')) as Partial<WindowState>;
    const b = parsed.bounds;
    const sane = (v: unknown, min: number) => typeof v === 'number' && Number.isFinite(v) && v >= min;
    if (!b || !sane(b.width, 400) || !sane(b.height, 300)) return DEFAULT_STATE;
    return {
      bounds: {
        width: b.width,
        height: b.height,
        ...(sane(b.x, -10000) && sane(b.y, -10000) ? { x: b.x, y: b.y } : {}),
      },
      maximized: parsed.maximized === true,
    };
  } catch {
    return DEFAULT_STATE;
  }
}

export function saveWindowState(dir: string, state: WindowState): void {
  try {
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, FILE), JSON.stringify(state));
  } catch {
    // Losing the window position is not worth interrupting a quit.
  }
}

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

function overlap(a: Rect, b: Rect): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

/**
 * Fits the saved window to the displays there are now (`workAreas`, the primary first): a monitor unplugged or a
 * smaller resolution since the last run must not open the window off-screen or larger than the screen. A window
 * mostly on one display is kept there, moved and shrunk to fit it; one on no display opens centred on the primary.
 */
export function fitToDisplays(state: WindowState, workAreas: Rect[]): WindowState {
  const primary = workAreas[0];
  if (!primary) return state;
  const { x, y, width, height } = state.bounds;
  const clampSize = (area: Rect) => ({ width: Math.min(width, area.width), height: Math.min(height, area.height) });
  if (x === undefined || y === undefined) return { ...state, bounds: clampSize(primary) };
  const saved = { x, y, width, height };
  let best: Rect | null = null;
  let bestOverlap = 0;
  for (const area of workAreas) {
    const o = overlap(saved, area);
    if (o > bestOverlap) [best, bestOverlap] = [area, o];
  }
  // A sliver on screen is as good as lost: the title bar must be reachable.
  if (!best || bestOverlap < Math.min(100 * 50, width * height)) return { ...state, bounds: clampSize(primary) };
  const size = clampSize(best);
  return {
    ...state,
    bounds: {
      ...size,
      x: Math.min(Math.max(x, best.x), best.x + best.width - size.width),
      y: Math.min(Math.max(y, best.y), best.y + best.height - size.height),
    },
  };
}
