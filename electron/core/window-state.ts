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
