/**
 * Two windows on one core: a note written in one shows up in the other without a reload, on the subnet's page and
 * on the Notes screen, and goes from both when deleted. Each page is its own browser context, as a second window
 * (or a second app instance on the same data) would be. The same note open in both editors: the idle one follows
 * the other's saves; one with unsaved changes asks before anything is written over; a delete is explained.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { chromiumMissingReason } from './browser';
import { useDemoApp } from './demo-app';

const missing = chromiumMissingReason();
if (missing) console.warn(`[skip] browser tests: ${missing}`);

describe.skipIf(missing !== null)('notes across two windows', () => {
  const app = useDemoApp({ subnetCount: 6, maxUids: 16, days: 2 });

  const open = (route: string) => app().openWindow(route);
  const saved = (page: Page) => expect.poll(() => page.getByTestId('save-status').textContent()).toMatch(/^Saved /);
  const body = (page: Page) => page.getByLabel('Notes (Markdown)');

  /** Holds this page's note saves on their way to the core until `release`, so its edits stay unsaved meanwhile. */
  async function holdSaves(page: Page): Promise<() => Promise<void>> {
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/api/call', async (route) => {
      if (route.request().postData()?.includes('"method":"notes.save"')) await released;
      await route.continue();
    });
    return async () => {
      release();
      await page.unrouteAll({ behavior: 'wait' });
    };
  }
  /** Types into this page's note while its saves are held: the text is on screen, the core has not got it. */
  async function typeUnsaved(page: Page, text: string): Promise<() => Promise<void>> {
    const release = await holdSaves(page);
    await body(page).fill(text);
    await expect.poll(() => page.getByTestId('save-status').textContent()).toMatch(/Saving|Unsaved/);
    return release;
  }
  const history = (page: Page, id: string) =>
    page.evaluate(
      async (noteId) => (await window.scout.call('notes.history', { id: noteId })).map((v) => v.content.body),
      id,
    );

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
    await expect
      .poll(() => reader.getByRole('combobox', { name: 'Tag' }).locator('option').allTextContents())
      .toContain('latency');

    await writer.getByRole('button', { name: 'Delete…' }).click();
    await writer.getByRole('button', { name: 'Delete note' }).click();
    await expect.poll(() => reader.locator('.note-item').count()).toBe(0);
    expect(await reader.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);
  });

  it('the same note open in two editors: follows quietly, asks on a conflict, explains a delete', async () => {
    const mine = await open('notes');
    const theirs = await open('notes');
    const errors: string[] = [];
    for (const page of [mine, theirs]) page.on('pageerror', (e) => errors.push(e.message));
    await theirs.getByLabel('New note for subnet').fill('4');
    await theirs.getByRole('button', { name: 'New note', exact: true }).click();
    await theirs.getByLabel('Title', { exact: true }).fill('Emission split review');
    await saved(theirs);
    const id = await theirs.evaluate(async () => (await window.scout.call('notes.list', { netuid: 4 }))[0]!.id);
    await mine
      .locator('.note-list')
      .getByRole('button', { name: /Emission split review/ })
      .click();
    await expect.poll(() => body(mine).inputValue()).toBe('');
    await mine.evaluate(() => ((window as unknown as { sameDocument: boolean }).sameDocument = true));

    // Nothing unsaved here: the other window's save just shows up.
    await body(theirs).fill('First take: the owner burns 40%.');
    await saved(theirs);
    await expect.poll(() => body(mine).inputValue()).toBe('First take: the owner burns 40%.');
    await saved(mine);
    expect(await mine.getByRole('alert', { name: 'Changed in another window' }).count()).toBe(0);

    // Unsaved changes here when the other window saves: kept, saves held, and the user is asked.
    let release = await typeUnsaved(mine, 'My take: the burn is 60%, see block 4,100,000.');
    await body(theirs).fill('Second take: the burn is 50%.');
    await saved(theirs);
    await release();
    const notice = mine.getByRole('alert', { name: 'Changed in another window' });
    await notice.waitFor();
    expect(await body(mine).inputValue()).toBe('My take: the burn is 60%, see block 4,100,000.');
    expect(await mine.getByTestId('save-status').textContent()).toBe('Not saved: changed in another window');
    expect(await mine.getByRole('button', { name: 'Save', exact: true }).isDisabled()).toBe(true);
    expect(await body(theirs).inputValue()).toBe('Second take: the burn is 50%.');
    // Typing on while asked keeps the text and saves nothing.
    await body(mine).fill('My take: the burn is 60%, see block 4,100,000. Checked twice.');
    await notice.getByText('See the other window’s version').click();
    await notice.getByText('Second take: the burn is 50%.').waitFor();
    expect((await history(theirs, id))[0]).toBe('Second take: the burn is 50%.');

    // Keep mine: saved over theirs, which stays in the history; the idle other window follows.
    await notice.getByRole('button', { name: 'Keep mine' }).click();
    await saved(mine);
    await notice.waitFor({ state: 'detached' });
    await expect
      .poll(() => body(theirs).inputValue())
      .toBe('My take: the burn is 60%, see block 4,100,000. Checked twice.');
    expect((await history(mine, id)).slice(0, 2)).toEqual([
      'My take: the burn is 60%, see block 4,100,000. Checked twice.',
      'Second take: the burn is 50%.',
    ]);

    // Take theirs: the other window's text replaces what was typed here, by choice.
    release = await typeUnsaved(mine, 'A draft I will drop.');
    await body(theirs).fill('Third take: burn confirmed at 60%.');
    await saved(theirs);
    await release();
    await notice.waitFor();
    // Leaving the note before choosing keeps the text in this window: back on it, the choice is asked again.
    const nav = mine.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('button', { name: 'Subnets' }).click();
    await mine.locator('table.subnets-table tbody tr').first().waitFor();
    await nav.getByRole('button', { name: 'Notes' }).click();
    await notice.waitFor();
    expect(await body(mine).inputValue()).toBe('A draft I will drop.');
    await notice.getByRole('button', { name: 'Take theirs' }).click();
    await notice.waitFor({ state: 'detached' });
    expect(await body(mine).inputValue()).toBe('Third take: burn confirmed at 60%.');
    await saved(mine);
    expect(await history(mine, id)).not.toContain('A draft I will drop.');
    // And the next edit here saves normally, from the version it now shows.
    await body(mine).fill('Third take: burn confirmed at 60%. Agreed.');
    await saved(mine);
    await expect.poll(() => body(theirs).inputValue()).toBe('Third take: burn confirmed at 60%. Agreed.');

    // Deleted in the other window while edited here: explained, and the text can be kept as a new note.
    release = await typeUnsaved(mine, 'Last words before the delete.');
    await theirs.getByRole('button', { name: 'Delete…' }).click();
    await theirs.getByRole('button', { name: 'Delete note' }).click();
    await release();
    const gone = mine.getByRole('alert', { name: 'Deleted in another window' });
    await gone.waitFor();
    expect(await body(mine).inputValue()).toBe('Last words before the delete.');
    expect(await mine.getByTestId('save-status').textContent()).toBe('Not saved: deleted in another window');
    await gone.getByRole('button', { name: 'Keep it as a new note' }).click();
    await gone.waitFor({ state: 'detached' });
    await saved(mine);
    expect(await body(mine).inputValue()).toBe('Last words before the delete.');
    const kept = mine.locator('.note-list').getByRole('button', { name: /Emission split review/ });
    await expect.poll(() => kept.getAttribute('aria-current')).toBe('true');
    await theirs
      .locator('.note-list')
      .getByRole('button', { name: /Emission split review/ })
      .waitFor();
    const notes = await mine.evaluate(async () =>
      (await window.scout.call('notes.list', { netuid: 4 })).map((n) => n.id),
    );
    expect(notes).toHaveLength(1);
    expect(notes[0]).not.toBe(id);

    // Closing instead lets the text go, on the user's word.
    release = await typeUnsaved(mine, 'Gone with the note.');
    await theirs
      .locator('.note-list')
      .getByRole('button', { name: /Emission split review/ })
      .click();
    await theirs.getByRole('button', { name: 'Delete…' }).click();
    await theirs.getByRole('button', { name: 'Delete note' }).click();
    await release();
    await gone.getByRole('button', { name: 'Close it' }).click();
    await mine.getByText('Choose a note on the left, or start a new one.').waitFor();

    expect(errors).toEqual([]);
    expect(await mine.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);
  });

  it('leaving a window over note text the core has not got asks first; a saved note leaves without a question', async () => {
    const writer = await open('notes');
    await writer.getByLabel('New note for subnet').fill('5');
    await writer.getByRole('button', { name: 'New note', exact: true }).click();
    await writer.getByLabel('Title', { exact: true }).fill('Leaving mid-sentence');
    await saved(writer);
    const id = await writer.evaluate(async () => (await window.scout.call('notes.list', { netuid: 5 }))[0]!.id);
    const stored = (page: Page) =>
      page.evaluate(async (noteId) => (await window.scout.call('notes.get', { id: noteId })).body, id);
    const mark = (page: Page) =>
      page.evaluate(() => ((window as unknown as { sameDocument: boolean }).sameDocument = true));
    const sameDocument = (page: Page) =>
      page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument === true);
    // This Chromium closes a page without its 'beforeunload' dialog even with runBeforeUnload, so leaving is a
    // reload: the same 'beforeunload', and the window stays to be looked at. The evaluate ends with its document.
    const leave = (page: Page) => page.evaluate(() => location.reload()).catch(() => undefined);
    const asked: string[] = [];
    writer.on('dialog', (dialog) => {
      asked.push(dialog.type());
      void dialog.dismiss();
    });
    await mark(writer);

    // Saves held on their way: the text is only on screen, so leaving asks, and staying keeps the page and the text.
    const release = await typeUnsaved(writer, 'Not in the core yet.');
    await leave(writer);
    await expect.poll(() => asked).toEqual(['beforeunload']);
    expect(await sameDocument(writer)).toBe(true);
    expect(await body(writer).inputValue()).toBe('Not in the core yet.');
    await release();
    await saved(writer);
    expect(await stored(writer)).toBe('Not in the core yet.');

    // Everything saved: the page just goes.
    await leave(writer);
    await expect.poll(() => sameDocument(writer).catch(() => true)).toBe(false);
    expect(asked).toEqual(['beforeunload']);

    // Left right after typing, the autosave still waiting out its delay: it is sent at once, and the user is
    // asked while it is in flight; leaving anyway loses nothing.
    const hasty = await open('notes');
    await hasty
      .locator('.note-list')
      .getByRole('button', { name: /Leaving mid-sentence/ })
      .click();
    await expect.poll(() => body(hasty).inputValue()).toBe('Not in the core yet.');
    await mark(hasty);
    const askedHasty: string[] = [];
    hasty.on('dialog', (dialog) => {
      askedHasty.push(dialog.type());
      void dialog.accept();
    });
    await body(hasty).fill('Typed and left at once.');
    await leave(hasty);
    await expect.poll(() => askedHasty).toEqual(['beforeunload']);
    await expect.poll(() => sameDocument(hasty).catch(() => true)).toBe(false);
    await expect.poll(() => stored(writer)).toBe('Typed and left at once.');
  });
});
