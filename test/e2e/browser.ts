/** Debian's Chromium driven by playwright-core (no browser download), with flags that keep it off the network. */
import fs from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM = process.env.SCOUT_CHROMIUM ?? '/usr/bin/chromium';

export function chromiumMissingReason(): string | null {
  return fs.existsSync(CHROMIUM)
    ? null
    : `Chromium not found at ${CHROMIUM}: install it (apt-get install -y chromium) or set SCOUT_CHROMIUM.`;
}

/** `popupBlocker`: keep Chromium's own popup blocking, which Playwright switches off by default. */
export function launchChromium(options: { popupBlocker?: boolean } = {}): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    ...(options.popupBlocker ? { ignoreDefaultArgs: ['--disable-popup-blocking'] } : {}),
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-dev-shm-usage',
    ],
  });
}
