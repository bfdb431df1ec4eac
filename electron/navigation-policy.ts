/**
 * Where the app's window may go. Kept free of Electron so it is unit-tested; main.ts only wires it to the window's
 * events. The window shows the app's own pages and nothing else: no navigation away, no second window, and the only
 * links that leave the app (a subnet's repository, its site) open in the system browser.
 */
export const APP_ORIGIN = 'app://scout';

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** One of the app's own pages: app://scout/…, and not a look-alike such as app://scout.evil/ or app://scout@evil/. */
export function isAppUrl(url: string): boolean {
  const u = parse(url);
  return u !== null && u.protocol === 'app:' && u.host === 'scout' && u.username === '' && u.password === '';
}

/** The window may only move between the app's own pages (a link or script pointing elsewhere is stopped). */
export function isAllowedNavigation(url: string): boolean {
  return isAppUrl(url);
}

export interface WindowOpenDecision {
  /** window.open and target=_blank never open a window inside the app. */
  action: 'deny';
  /** Hand the link to the system browser: plain https links only (no javascript:, file:, http:, custom schemes). */
  openExternal: boolean;
}

export function decideWindowOpen(url: string): WindowOpenDecision {
  const u = parse(url);
  // User names in a link (https://github.com@evil.example) only serve to disguise where it goes.
  const external =
    u !== null &&
    u.protocol === 'https:' &&
    u.hostname !== '' &&
    u.username === '' &&
    u.password === '' &&
    url.length <= 2048;
  return { action: 'deny', openExternal: external };
}
