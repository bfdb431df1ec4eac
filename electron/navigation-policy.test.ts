import { describe, expect, it } from 'vitest';
import { decideWindowOpen, isAllowedNavigation, isAppUrl } from './navigation-policy';

describe("the window's navigation policy", () => {
  it("stays on the app's own pages", () => {
    expect(isAllowedNavigation('app://scout/index.html')).toBe(true);
    expect(isAllowedNavigation('app://scout/index.html#/report/subnet/7')).toBe(true);
  });

  it.each([
    'https://example.com/',
    'http://127.0.0.1:8080/',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'app://scout.evil/index.html',
    'app://scoutx/index.html',
    'app://scout@evil/index.html',
    'app://evil/app://scout/',
    'about:blank',
    'not a url',
    '',
  ])('refuses to navigate to %s', (url) => {
    expect(isAllowedNavigation(url)).toBe(false);
  });

  it('never opens a window; plain https links go to the system browser', () => {
    expect(decideWindowOpen('https://github.com/opentensor/subtensor')).toEqual({ action: 'deny', openExternal: true });
  });

  it.each([
    'http://example.com/',
    'javascript:alert(1)',
    'file:///etc/passwd',
    'app://scout/index.html',
    'smb://server/share',
    'data:text/html,hi',
    'https://github.com@evil.example/',
    'https://user:secret@example.com/',
    `https://example.com/${'a'.repeat(3000)}`,
    'https://',
    'not a url',
  ])('denies %s without opening it anywhere', (url) => {
    expect(decideWindowOpen(url.slice(0, 3100))).toEqual({ action: 'deny', openExternal: false });
  });

  it('only the exact app origin counts as the app', () => {
    expect(isAppUrl('app://scout/')).toBe(true);
    expect(isAppUrl('app://scout:80/')).toBe(false);
  });
});
