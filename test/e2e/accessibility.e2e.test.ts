/**
 * axe-core (from node_modules, never the internet) over every screen in light and dark: any violation fails,
 * with the rule, the element and axe's advice in the message so the fix is obvious.
 */
import { createRequire } from 'node:module';
import { beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { chromiumMissingReason } from './browser';
import { useDemoApp } from './demo-app';

const missing = chromiumMissingReason();
if (missing) console.warn(`[skip] accessibility browser tests: ${missing}`);
const AXE = createRequire(__filename).resolve('axe-core/axe.min.js');

interface AxeViolation {
  id: string;
  help: string;
  nodes: { target: string[]; failureSummary: string }[];
}

async function axeViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE });
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: unknown[] }> } }
    ).axe;
    return (await axe.run(document, { resultTypes: ['violations'] })).violations;
  });
  // One line per rule: its advice, how many elements, and the first few of them with axe's reason.
  return (violations as AxeViolation[]).map(
    (v) =>
      `${v.id} (${v.help}) on ${v.nodes.length} element(s): ` +
      v.nodes
        .slice(0, 3)
        .map((n) => `${n.target.join(' ')} — ${n.failureSummary.replace(/\s+/g, ' ')}`)
        .join(' | '),
  );
}

/** Every screen, with what shows it has finished drawing. */
let listId = 0;
const VIEWS: { name: string; route: string | (() => string); ready: string; open?: (page: Page) => Promise<void> }[] = [
  { name: 'Subnets', route: 'subnets', ready: 'table.subnets-table tbody tr' },
  { name: 'Subnet page', route: 'subnet/1', ready: '.subnet-page canvas' },
  { name: 'Watchlists', route: 'watchlists', ready: 'article.card tbody tr' },
  {
    name: 'Notes',
    route: 'notes',
    ready: '.markdown img',
    open: (page) => page.getByRole('button', { name: /Scoring review/ }).click(),
  },
  { name: 'My miners', route: 'miners', ready: '.key-form' },
  { name: 'Settings', route: 'settings', ready: 'form' },
  { name: 'Subnet report', route: 'report/subnet/1', ready: '.report canvas' },
  { name: 'Watchlist report', route: () => `report/watchlist/${listId}`, ready: '.report-contents' },
];

describe.skipIf(missing !== null)('accessibility: no axe violations on any screen', () => {
  const app = useDemoApp({ subnetCount: 12, maxUids: 32, days: 6 });
  let context: BrowserContext;

  beforeAll(async () => {
    const { page, browser } = app();
    // Content for the screens that are empty at first: a watchlist with subnets, a note with a picture in it.
    listId = await page.evaluate(async () => {
      const list = await window.scout.call('watchlists.create', { name: 'GPU candidates' });
      for (const netuid of [1, 2, 3]) await window.scout.call('watchlists.addSubnet', { id: list.id, netuid });
      const note = await window.scout.call('notes.create', { netuid: 1, title: 'Scoring review' });
      const { id, createdAtMs, updatedAtMs, ...content } = note;
      void createdAtMs;
      await window.scout.call('notes.save', {
        id,
        kind: 'save',
        baseUpdatedAtMs: updatedAtMs,
        content: {
          ...content,
          body: '# Review\n\nThe validator rewards latency.\n\n<img src="http://127.0.0.1:9/rewards.png">\n',
        },
      });
      return list.id;
    });
    // CSP allows only the app's own scripts: the test context lets axe in (the app itself is not changed).
    context = await browser.newContext({ viewport: { width: 1366, height: 768 }, bypassCSP: true });
  });

  for (const scheme of ['light', 'dark'] as const) {
    for (const view of VIEWS) {
      it(`${view.name} in ${scheme}`, async () => {
        const page = await context.newPage();
        await page.emulateMedia({ colorScheme: scheme });
        const route = typeof view.route === 'string' ? view.route : view.route();
        await page.goto(`${app().host.url}/#/${route}`);
        await view.open?.(page);
        await page.locator(view.ready).first().waitFor();
        if (route.startsWith('report'))
          expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('light');
        else expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe(scheme);
        const violations = await axeViolations(page);
        await page.close();
        expect(violations, violations.join('\n')).toEqual([]);
      });
    }
  }
});
