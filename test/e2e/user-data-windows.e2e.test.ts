/**
 * Two windows on one core: a watchlist created or renamed, a team key added and a scenario saved in one show up in
 * the other without a reload, and none of them makes the other window reload the subnets or re-evaluate the what-if
 * (they change no figure). Each page is its own browser context, as a second window would be.
 */
import { encodeAddress } from '@polkadot/util-crypto';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { chromiumMissingReason } from './browser';
import { useDemoApp } from './demo-app';

const missing = chromiumMissingReason();
if (missing) console.warn(`[skip] browser tests: ${missing}`);

/** What reloading the subnets and re-evaluating the what-if ask the core. */
const FIGURE_CALLS = ['subnets.list', 'scenario.evaluate', 'scenario.evaluateTable'];

describe.skipIf(missing !== null)('user data across two windows', () => {
  const app = useDemoApp({ subnetCount: 6, maxUids: 16, days: 2 });

  const open = (route: string) => app().openWindow(route);
  /** The core calls this page makes from now on (once what it asked on opening is answered), by method. */
  const callsOf = async (page: Page): Promise<string[]> => {
    await page.waitForLoadState('networkidle');
    const calls: string[] = [];
    page.on('request', (r) => {
      if (r.url().endsWith('/api/call'))
        calls.push((JSON.parse(r.postData() ?? '{}') as { method?: string }).method ?? '');
    });
    return calls;
  };
  // Gone if the page reloads: proves the reader saw everything without one.
  const markDocument = (page: Page) =>
    page.evaluate(() => ((window as unknown as { sameDocument: boolean }).sameDocument = true));
  const sameDocument = (page: Page) =>
    page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument);
  const nav = (page: Page, name: string) =>
    page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('button', { name: new RegExp(`^${name}`) })
      .click();

  it('a watchlist created and renamed in one window shows up in the other', async () => {
    const writer = await open('watchlists');
    const reader = await open('watchlists');
    await reader.getByText('No watchlists yet', { exact: false }).waitFor();
    await writer.getByText('No watchlists yet', { exact: false }).waitFor();
    await markDocument(reader);
    const calls = await callsOf(reader);

    await writer.getByLabel('New watchlist').fill('GPU candidates');
    await writer.getByRole('button', { name: 'Create' }).click();
    await reader.getByRole('heading', { name: 'GPU candidates' }).waitFor();

    await writer.getByRole('button', { name: 'Rename' }).click();
    await writer.getByLabel('Watchlist name').fill('GPU picks');
    await writer.getByRole('button', { name: 'Save name' }).click();
    await reader.getByRole('heading', { name: 'GPU picks' }).waitFor();
    expect(await reader.getByRole('heading', { name: 'GPU candidates' }).count()).toBe(0);
    // The Rename box starts from the name the other window gave it.
    await reader.getByRole('button', { name: 'Rename' }).click();
    expect(await reader.getByLabel('Watchlist name').inputValue()).toBe('GPU picks');

    // On the Subnets table, the watchlist filter follows too.
    await nav(reader, 'Subnets');
    await reader.locator('table.subnets-table tbody tr').first().waitFor();
    await reader.waitForLoadState('networkidle');
    const before = calls.length;
    await writer.getByRole('button', { name: 'Rename' }).click();
    await writer.getByLabel('Watchlist name').fill('GPU shortlist');
    await writer.getByRole('button', { name: 'Save name' }).click();
    await expect
      .poll(() =>
        reader
          .getByRole('combobox', { name: 'Watchlist', exact: true })
          .locator('option', { hasText: 'GPU shortlist' })
          .count(),
      )
      .toBe(1);
    expect(calls.slice(before).filter((m) => FIGURE_CALLS.includes(m))).toEqual([]);
    expect(await sameDocument(reader)).toBe(true);
  });

  it('a team key added in one window shows up on the other’s My miners, with no subnet reload', async () => {
    const writer = await open('miners');
    const reader = await open('miners');
    await reader.getByRole('heading', { name: 'My miners' }).waitFor();
    await writer.getByLabel('Address (SS58)').waitFor();
    await markDocument(reader);
    const calls = await callsOf(reader);

    await writer.getByLabel('Address (SS58)').fill(encodeAddress(new Uint8Array(32).fill(7), 42));
    await writer.getByLabel('Role').selectOption('hotkey');
    await writer.getByLabel('Label', { exact: true }).fill('rig-from-the-other-window');
    await writer.getByRole('button', { name: 'Add key' }).click();
    await expect
      .poll(() => reader.getByRole('table', { name: 'Team keys' }).textContent())
      .toContain('rig-from-the-other-window');
    expect(calls.filter((m) => FIGURE_CALLS.includes(m) || m === 'watchlists.list')).toEqual([]);
    expect(await sameDocument(reader)).toBe(true);
  });

  it('a scenario saved in one window joins the other’s compare list', async () => {
    const writer = await open('subnets');
    const reader = await open('subnet/3');
    const saved = reader.getByRole('list', { name: /Saved scenarios/ });
    await reader.getByRole('heading', { name: 'Compare scenarios' }).waitFor();
    await markDocument(reader);
    const calls = await callsOf(reader);

    await writer.evaluate(async () => {
      const { scenario } = await window.scout.call('settings.get');
      await window.scout.call('scenarios.save', { name: 'Cheap box from the other window', netuid: null, scenario });
    });
    await expect.poll(() => saved.textContent()).toContain('Cheap box from the other window');
    expect(calls.filter((m) => FIGURE_CALLS.includes(m) || m === 'subnet.economics')).toEqual([]);
    expect(await sameDocument(reader)).toBe(true);
  });
});
