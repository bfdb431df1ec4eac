/**
 * Watchlists from the Subnets table: tick rows (mouse or Shift+Space) and "Add to watchlist"; the empty list
 * points there; a change reads as a change: "▲ +12.4% (0.0555 → 0.0683)"; and an event that resets a subnet's
 * competition is named under its name.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { SITUATIONS } from '../../electron/core/chain/synthetic/catalog';
import { chromiumMissingReason } from './browser';
import { useDemoApp } from './demo-app';

const missing = chromiumMissingReason();
if (missing) console.warn(`[skip] watchlist actions browser tests: ${missing}`);

describe.skipIf(missing !== null)('adding to watchlists from the table', () => {
  const app = useDemoApp({ subnetCount: 12, maxUids: 32, days: 3 });
  let page: Page;
  beforeAll(async () => {
    page = app().page;
    await page.setViewportSize({ width: 1366, height: 768 });
  });
  const nav = (name: string) => page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name }).click();

  it('an empty list says how to fill it and links to the table', async () => {
    await nav('Watchlists');
    await page.getByLabel('New watchlist').fill('GPU candidates');
    await page.getByRole('button', { name: 'Create' }).click();
    const card = page.locator('article.card');
    await expect.poll(() => card.textContent()).toContain('press “Add to watchlist”');
    await card.getByRole('button', { name: 'Subnets table' }).click();
    await page.locator('table.subnets-table tbody tr').first().waitFor();
  });

  it('ticked rows, and the row the keyboard is on, go onto the chosen list', async () => {
    const rows = page.locator('table.subnets-table tbody tr');
    const netuidOf = async (i: number) => Number(await rows.nth(i).locator('td').nth(1).textContent());
    const picked = [await netuidOf(0), await netuidOf(1)];
    await rows.nth(0).getByRole('checkbox').check();
    await rows.nth(1).getByRole('checkbox').check();
    // Ticking is not opening: still on the table.
    expect(await page.evaluate(() => location.hash)).not.toMatch(/subnet\//);
    await page.getByRole('button', { name: 'Add 2 selected to watchlist' }).click();
    await page.getByText('Added 2 to “GPU candidates”.').waitFor();

    // Keyboard: down to the fourth row, Shift+Space ticks it.
    const table = page.locator('table.subnets-table');
    await table.focus();
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Shift+Space');
    expect(await rows.nth(3).getAttribute('aria-selected')).toBe('true');
    picked.push(await netuidOf(3));
    await page.getByRole('button', { name: 'Add 1 selected to watchlist' }).click();
    await page.getByText('Added 1 to “GPU candidates”.').waitFor();

    const lists = await page.evaluate(() => window.scout.call('watchlists.list'));
    expect([...lists[0]!.netuids].sort((a, b) => a - b)).toEqual([...picked].sort((a, b) => a - b));
  });

  it('shows each change as direction, size and from → to', async () => {
    const id = await page.evaluate(async () => (await window.scout.call('watchlists.list'))[0]!.id);
    await page.evaluate((i) => window.scout.call('watchlists.setThresholds', { id: i, thresholds: { price: 0 } }), id);
    await nav('Watchlists');
    await expect.poll(() => page.locator('article.card tbody tr').count()).toBe(3);
    // The demo network moves every price between days.
    const changes = await page.locator('article.card tbody tr td:nth-child(3) .change').allTextContents();
    expect(changes.length).toBeGreaterThan(0);
    // (Screen readers also hear "big move", "up" or "down", which the arrow and highlight show on screen.)
    for (const c of changes)
      expect(c).toMatch(/^[▲▼] (big move: )?(up|down) [+−]\d+\.\d% \(\d+\.\d{6} → \d+\.\d{6}\)$/);
  });

  it('names new scoring code under the subnet whose owner bumped its weights version between the last two syncs', async () => {
    // The demo's newest two points are twelve hours apart, either side of the owner's call (owner-calls.ts OWNER_CALL_BLOCK).
    const netuid = SITUATIONS.weightsVersionBump;
    const id = await page.evaluate(async () => (await window.scout.call('watchlists.list'))[0]!.id);
    const listed = await page.evaluate(
      (i) => window.scout.call('watchlists.list').then((l) => l.find((w) => w.id === i)!.netuids),
      id,
    );
    if (!listed.includes(netuid))
      await page.evaluate(([i, n]) => window.scout.call('watchlists.addSubnet', { id: i, netuid: n }), [
        id,
        netuid,
      ] as const);
    await nav('Subnets');
    await nav('Watchlists');
    const row = page
      .locator('article.card tbody tr')
      .filter({ has: page.getByRole('button', { name: new RegExp(`^SN${netuid} `) }) });
    await expect
      .poll(() => row.getByRole('note').textContent())
      .toMatch(/^Competition reset: scoring code changed: weights version (\d+) → (\d+)$/);
    const [, from, to] = /(\d+) → (\d+)/.exec((await row.getByRole('note').textContent())!)!;
    expect(Number(to)).toBe(Number(from) + 1);
    // No other subnet of this small network had an event between the two days.
    expect(await page.locator('article.card tbody tr [role="note"]').count()).toBe(1);
  });
});
