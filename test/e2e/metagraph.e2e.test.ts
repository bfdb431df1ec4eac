/** The subnet page's per-UID table: every UID with its keys, stake, incentive, emission, age and role, sortable. */
import { describe, expect, it } from 'vitest';
import { chromiumMissingReason } from './browser';
import { useDemoApp } from './demo-app';

const missing = chromiumMissingReason();
if (missing) console.warn(`[skip] metagraph browser test: ${missing}`);

describe.skipIf(missing !== null)('every UID on the subnet page', () => {
  const app = useDemoApp({ subnetCount: 6, maxUids: 48, days: 2 });

  it('lists every UID of the latest sync and sorts by any figure', async () => {
    const { page, host } = app();
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.goto(`${host.url}/#/subnet/2`);
    const section = page.getByRole('region', { name: 'Every UID' }).first();
    const table = section.locator('table');
    await table.locator('tbody tr').first().waitFor();
    const detail = await page.evaluate(async () => {
      const settings = await window.scout.call('settings.get');
      return window.scout.call('subnet.economics', { netuid: 2, scenario: settings.scenario, historyDays: 30 });
    });
    expect(await table.locator('tbody tr').count()).toBe(detail.distribution.length);

    const column = async (label: string) => {
      const headers = await table.locator('thead th').allTextContents();
      const index = headers.findIndex((t) => t.startsWith(label)) + 1;
      return table.locator(`tbody td:nth-child(${index})`).allTextContents();
    };
    const numbers = async (label: string) => (await column(label)).map((t) => Number(t.replace(/[^\d.]/g, '')));
    await section.getByRole('button', { name: 'Stake τ' }).click();
    let stakes = await numbers('Stake τ');
    expect(stakes).toEqual([...stakes].sort((a, b) => b - a));
    await section.getByRole('button', { name: 'Stake τ' }).click();
    stakes = await numbers('Stake τ');
    expect(stakes).toEqual([...stakes].sort((a, b) => a - b));

    // The row of the top UID shows its figures as the core sent them.
    const top = detail.distribution[0]!;
    const row = table.locator(`tr[data-uid="${top.uid}"]`);
    const text = await row.textContent();
    expect(text).toContain(`${top.hotkey.slice(0, 5)}…${top.hotkey.slice(-4)}`);
    expect(text).toContain(`${(top.incentive * 100).toFixed(3)}%`);
    const role =
      [top.immune && 'immune', top.owner && 'owner (burn)', top.validator && 'validator'].filter(Boolean).join(', ') ||
      'miner';
    expect(text).toContain(role);
    expect(await row.locator('code').first().getAttribute('title')).toBe(top.hotkey);
  });
});
