/** The window opens where the user left it, but never off-screen or larger than the screen it opens on. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fitToDisplays, loadWindowState, saveWindowState, type WindowState } from './window-state';

const laptop = { x: 0, y: 0, width: 1440, height: 875 };
const monitorRight = { x: 1440, y: 0, width: 2560, height: 1400 };
const at = (x: number, y: number, width = 1280, height = 820): WindowState => ({
  bounds: { x, y, width, height },
  maximized: false,
});

describe('the saved window position', () => {
  it('is kept when it is on a display that is still there', () => {
    expect(fitToDisplays(at(1600, 100), [laptop, monitorRight])).toEqual(at(1600, 100));
  });

  it('opens centred on the primary display when its monitor was unplugged', () => {
    expect(fitToDisplays(at(1600, 100), [laptop])).toEqual({ bounds: { width: 1280, height: 820 }, maximized: false });
  });

  it('is shrunk and moved onto a display that became smaller', () => {
    expect(fitToDisplays(at(1500, 200, 2400, 1300), [laptop, { x: 1440, y: 0, width: 1920, height: 1080 }])).toEqual(
      at(1440, 0, 1920, 1080),
    );
  });

  it('with only a sliver left on screen opens on the primary display', () => {
    expect(fitToDisplays(at(1430, 860), [laptop])).toEqual({ bounds: { width: 1280, height: 820 }, maximized: false });
  });

  it('without a position is no larger than the primary display; maximized stays maximized', () => {
    const state = { bounds: { width: 1800, height: 1000 }, maximized: true };
    expect(fitToDisplays(state, [laptop])).toEqual({ bounds: { width: 1440, height: 875 }, maximized: true });
  });

  it('round-trips through the file, and a damaged file gives the default size', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'scout-window-'));
    saveWindowState(dir, at(10, 20));
    expect(loadWindowState(dir)).toEqual(at(10, 20));
    fs.writeFileSync(path.join(dir, 'window-state.json'), '{"bounds":');
    expect(loadWindowState(dir)).toEqual({ bounds: { width: 1280, height: 820 }, maximized: false });
  });
});
