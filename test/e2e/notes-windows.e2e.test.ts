/**
 * Two windows on one core: a note written in one shows up in the other without a reload, on the subnet's page and
 * on the Notes screen, and goes from both when deleted. Each page is its own browser context, as a second window
 * (or a second app instance on the same data) would be.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { chromiumMissingReason } from './browser';
import { useDemoApp } from './demo-app';

const missing = chromiumMissingReason();
if (missing) console.warn(`[skip] browser tests: ${missing}`);

describe.skipIf(missing !== null)('notes across two windows', () => {
  const app = useDemoApp({ subnetCount: 6, maxUids: 16, days: 2 });

  const open = async (route: string): Promise<Page> => {
    const { browser, host } = app();
    const page = await browser.newPage({ viewport: { width: 1400, height: 950 } });
    await page.goto(`${host.url}/#/${route}`);
    return page;
  };
  const saved = (page: Page) => expect.poll(() => page.getByTestId('save-status').textContent()).toMatch(/^Saved /);

  it('a note saved in one window shows up in the other, and a delete takes it away, without a reload', async () => {
    const writer = await open('notes');
    const reader = await open('subnet/3');
    const subnetNotes = reader.getByRole('region', { name: 'Research notes' });
    await subnetNotes.getByText('No notes on SN3 yet.', { exact: false }).waitFor();
    // Gone if the page reloads: proves the reader saw everything below without one.
    await reader.evaluate(() => ((window as unknown as { sameDocument: boolean }).sameDocument = true));

    await writer.getByLabel('New note for subnet').fill('3');
    await writer.getByRole('button', { name: 'New note', exact: true }).click();
    await writer.getByLabel('Title', { exact: true }).fill('Scoring favours long answers');
    await saved(writer);
    await subnetNotes.getByRole('button', { name: /Scoring favours long answers/ }).waitFor();

    await reader.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Notes' }).click();
    const list = reader.locator('.note-list');
    await list.getByRole('button', { name: /Scoring favours long answers/ }).waitFor();
    // Edited while the reader's Notes screen is open: its list follows.
    await writer.getByLabel('Title', { exact: true }).fill('Scoring favours short answers');
    await saved(writer);
    await list.getByRole('button', { name: /Scoring favours short answers/ }).waitFor();
    await writer.getByLabel('Tags (comma-separated)').fill('latency');
    await saved(writer);
    await expect.poll(() => reader.getByRole('combobox', { name: 'Tag' }).locator('option').allTextContents()).toContain('latency');

    await writer.getByRole('button', { name: 'Delete…' }).click();
    await writer.getByRole('button', { name: 'Delete note' }).click();
    await expect.poll(() => reader.locator('.note-item').count()).toBe(0);
    expect(await reader.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);
  });
});
