import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { encodeAddress } from '@polkadot/util-crypto';
import { startHost, type TestHost } from '../host/host';
import { chromiumMissingReason, launchChromium } from './browser';

const missing = chromiumMissingReason();
if (missing) console.warn(`[skip] browser tests: ${missing}`);

const SCREENSHOTS = path.resolve(__dirname, '../../test-results');

describe.skipIf(missing !== null)('research notes in Chromium, against the real core', () => {
  let browser: Browser;
  const hosts: TestHost[] = [];
  const freshDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'scout-notes-e2e-'));

  beforeAll(async () => {
    browser = await launchChromium();
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    for (const h of hosts) await h.close();
  });

  async function openNotes(dataDir = freshDir()): Promise<{ page: Page; host: TestHost; errors: string[] }> {
    const host = await startHost({ dataDir });
    hosts.push(host);
    const page = await browser.newPage({ viewport: { width: 1400, height: 950 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    await page.goto(`${host.url}/#/notes`);
    await page.getByRole('heading', { name: 'Notes', exact: true }).waitFor();
    return { page, host, errors };
  }

  async function call<T>(host: TestHost, method: string, arg?: unknown): Promise<T> {
    const reply = await host.service.call(method, arg);
    if (!reply.ok) throw new Error(reply.error.message);
    return reply.value as T;
  }

  async function newNote(page: Page, netuid: number): Promise<void> {
    await page.getByLabel('New note for subnet').fill(String(netuid));
    await page.getByRole('button', { name: 'New note', exact: true }).click();
    await page.getByLabel('Notes (Markdown)').waitFor();
  }

  const editor = (page: Page) => page.getByRole('article');
  const body = (page: Page) => page.getByLabel('Notes (Markdown)');
  const preview = (page: Page) => page.getByRole('region', { name: 'Preview', exact: true });
  const saveStatus = (page: Page) => page.getByTestId('save-status');

  it('autosaves a note while the user types, and the note survives a reload', async () => {
    const { page, host, errors } = await openNotes();
    await newNote(page, 8);
    await page.getByLabel('Title', { exact: true }).fill('Apex: scoring review');
    await editor(page).getByLabel('Verdict').selectOption('mine');
    await page.getByLabel('Tags (comma-separated)').fill('gpu, latency');
    await body(page).fill('Validators reward **low latency** above all.');
    await expect(preview(page).locator('strong').textContent()).resolves.toBe('low latency');
    await page.getByText('Unsaved changes').waitFor();
    // Saved without pressing anything, within about a second.
    await expect
      .poll(() => saveStatus(page).textContent(), { timeout: 2000, interval: 50 })
      .toMatch(/^Saved \d+ s ago$/);
    const [stored] = await call<{ id: string; title: string }[]>(host, 'notes.list');
    expect(stored?.title).toBe('Apex: scoring review');

    // Typing on without a pause still saves every second, so a crash loses about a second at most.
    await body(page).press('End');
    const typed = ' Caching identical prompts wins free latency.';
    await body(page).pressSequentially(typed, { delay: 70 });
    const kept = (await call<{ body: string }>(host, 'notes.get', { id: stored!.id })).body;
    const lost = 'Validators reward **low latency** above all.'.length + typed.length - kept.length;
    expect(lost).toBeLessThanOrEqual(16); // ~1 s of typing at 70 ms a key

    await page.reload();
    await page.getByRole('button', { name: /Apex: scoring review/ }).click();
    await expect(body(page).inputValue()).resolves.toBe(`Validators reward **low latency** above all.${typed}`);
    await expect(editor(page).getByLabel('Verdict').inputValue()).resolves.toBe('mine');
    await expect(page.getByLabel('Tags (comma-separated)').inputValue()).resolves.toBe('gpu, latency');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'notes-editor.png') });
    expect(errors).toEqual([]);
  });

  it('searches every note and field, with the matches highlighted, and filters by verdict', async () => {
    const { page, host } = await openNotes();
    for (const [netuid, title, exploits, verdict] of [
      [8, 'Apex review', 'Validators never check the Docker image digest.', 'watch'],
      [19, 'Vision review', 'None found.', 'skip'],
      [21, 'Storage review', 'Docker layers are cached by validators.', null],
    ] as const) {
      const { id } = await call<{ id: string }>(host, 'notes.create', { netuid });
      const note = await call<Record<string, unknown>>(host, 'notes.get', { id });
      await call(host, 'notes.save', {
        id,
        content: { ...strip(note), title, exploits, verdict, body: `Review of SN${netuid}.` },
        kind: 'save',
      });
    }
    await page.reload();
    await page.getByLabel('Search notes').fill('docker');
    const items = page.locator('.note-item');
    await expect.poll(() => items.count()).toBe(2);
    await expect(page.locator('.note-item mark').first().textContent()).resolves.toBe('Docker');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'notes-search.png') });

    await page.getByRole('search').getByLabel('Verdict').selectOption('watch');
    await expect.poll(() => items.count()).toBe(1);
    await expect(items.first().textContent()).resolves.toContain('Apex review');
  });

  it('shows earlier versions and restores one as a new version', async () => {
    const { page } = await openNotes();
    await newNote(page, 5);
    await body(page).fill('Mine it: the scoring is fair.');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => saveStatus(page).textContent()).toMatch(/^Saved/);
    await body(page).fill('Skip: the scoring is gamed by copy miners.');
    await page.keyboard.press('Control+s');
    await expect.poll(() => saveStatus(page).textContent()).toMatch(/^Saved/);

    await page.getByRole('button', { name: 'History' }).click();
    const versions = page.locator('.version-list li');
    await expect.poll(() => versions.count()).toBe(2);
    await versions.nth(1).getByRole('button', { name: /^View/ }).click();
    await expect(page.getByRole('region', { name: 'Version preview' }).textContent()).resolves.toContain(
      'Mine it: the scoring is fair.',
    );
    await page.screenshot({ path: path.join(SCREENSHOTS, 'notes-history.png') });
    await page.getByRole('button', { name: 'Restore this version' }).click();

    await expect.poll(() => body(page).inputValue()).toBe('Mine it: the scoring is fair.');
    await expect.poll(() => versions.count()).toBe(3);
    await expect(versions.first().textContent()).resolves.toContain('Restored an earlier version');
  });

  it('exports everything, imports it into a fresh data folder, and asks before touching notes that exist', async () => {
    const { page, host } = await openNotes();
    await newNote(page, 12);
    await page.getByLabel('Title', { exact: true }).fill('Protein folding review');
    await body(page).fill('Scoring favours **novel** folds.');
    await expect.poll(() => saveStatus(page).textContent()).toMatch(/^Saved/);
    await call(host, 'watchlists.create', { name: 'Bio subnets' });
    const teamCold = encodeAddress(new Uint8Array(32).fill(9), 42);
    await call(host, 'miners.addKey', { address: teamCold, kind: 'coldkey', label: 'Team cold' });
    const rigHot = encodeAddress(new Uint8Array(32).fill(3), 42);
    await call(host, 'miners.setMinerRent', { netuid: 12, hotkey: rigHot, rentUsdPerMonth: 300 });
    await call(host, 'miners.setEarningsDropAlert', { percent: 35 });
    await call(host, 'settings.set', { syncIntervalMinutes: 15 });

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export all…' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^subnet-scout-export-\d{4}-\d{2}-\d{2}\.json$/);
    const file = path.join(freshDir(), download.suggestedFilename());
    await download.saveAs(file);
    expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toMatchObject({ format: 'subnet-scout-export', version: 3 });

    // A fresh data folder: everything arrives.
    const other = await openNotes();
    await other.page.getByLabel('Export file to import').setInputFiles(file);
    // Its settings differ from this folder's: shown first, and taken only when ticked.
    const settingsDialog = other.page.getByRole('dialog', { name: 'This file holds other settings than yours' });
    await settingsDialog.waitFor();
    const changes = settingsDialog.getByRole('table', { name: 'Settings the file would change' });
    await expect(changes.getByRole('row').nth(1).innerText()).resolves.toMatch(
      /^Sync every \(minutes, 0 = only when asked\)\s+60\s+15$/,
    );
    await other.page.screenshot({ path: path.join(SCREENSHOTS, 'notes-import-settings.png') });
    await settingsDialog.getByLabel('Replace my settings with the file’s').check();
    await settingsDialog.getByRole('button', { name: 'Import', exact: true }).click();
    await expect(other.page.getByRole('status').filter({ hasText: 'Imported' }).textContent()).resolves.toBe(
      'Imported: 1 note added; 1 watchlist, 0 scenarios, 1 team key, 1 miner rent; earnings-drop alert and settings restored.',
    );
    await other.page.getByRole('button', { name: /Protein folding review/ }).click();
    await expect.poll(() => body(other.page).inputValue()).toBe('Scoring favours **novel** folds.');
    expect((await call<{ name: string }[]>(other.host, 'watchlists.list')).map((w) => w.name)).toEqual(['Bio subnets']);
    expect(
      (await call<{ address: string; label: string }[]>(other.host, 'miners.keys')).map((k) => [k.address, k.label]),
    ).toEqual([[teamCold, 'Team cold']]);
    expect(
      (await call<{ earningsDropAlertPercent: number }>(other.host, 'miners.report')).earningsDropAlertPercent,
    ).toBe(35);
    expect((await call<{ syncIntervalMinutes: number }>(other.host, 'settings.get')).syncIntervalMinutes).toBe(15);

    // The same file again: the user is asked, and chooses to keep both.
    await other.page.getByLabel('Export file to import').setInputFiles(file);
    const dialog = other.page.getByRole('dialog', { name: 'A note in this file is already here' });
    await dialog.waitFor();
    await expect(dialog.textContent()).resolves.toContain('Protein folding review');
    await other.page.screenshot({ path: path.join(SCREENSHOTS, 'notes-import-conflict.png') });
    await dialog.getByRole('button', { name: 'Keep both' }).click();
    await other.page.getByRole('button', { name: /Protein folding review \(imported copy\)/ }).waitFor();
    await expect.poll(() => other.page.locator('.note-item').count()).toBe(2);

    // A damaged file is refused with the reason.
    const truncated = path.join(freshDir(), 'truncated.json');
    fs.writeFileSync(truncated, fs.readFileSync(file, 'utf8').slice(0, 200));
    await other.page.getByLabel('Export file to import').setInputFiles(truncated);
    await expect(other.page.getByRole('alert').textContent()).resolves.toMatch(
      /not valid JSON, so it may be truncated.*Nothing was imported/,
    );
    await expect.poll(() => other.page.locator('.note-item').count()).toBe(2);
  });

  it('renders a hostile note without running any of it, and nothing dangerous reaches the DOM', async () => {
    const { page, errors } = await openNotes();
    await newNote(page, 66);
    await body(page).fill(HOSTILE);
    await preview(page).getByRole('link', { name: 'Repository' }).waitFor();
    await inspectPreview(page);
    await preview(page).getByText('click me').click();
    await preview(page).getByText('md link').click();
    await page.screenshot({ path: path.join(SCREENSHOTS, 'notes-xss.png') });
    await expect.poll(() => saveStatus(page).textContent()).toMatch(/^Saved/);

    // Stored as written, and just as harmless when read back after a reload.
    await page.reload();
    await page.getByRole('button', { name: /SN66 code review/ }).click();
    await preview(page).getByRole('link', { name: 'Repository' }).waitFor();
    await inspectPreview(page);
    expect(await body(page).inputValue()).toBe(HOSTILE);
    // Chromium reports inline handlers and styles to the CSP even while the sanitizer parses the HTML in an inert
    // document, where nothing runs; what matters is that nothing ran and nothing reached the page (checked above).
    expect(errors.filter((e) => !e.includes('Content Security Policy'))).toEqual([]);
  });

  it("lists and adds a subnet's notes on its page", async () => {
    const host = await startHost({
      dataDir: freshDir(),
      serviceOptions: { demo: { subnetCount: 6, maxUids: 16, days: 2 } },
    });
    hosts.push(host);
    await call(host, 'app.useDataset', { dataset: 'demo' });
    const page = await browser.newPage({ viewport: { width: 1400, height: 950 } });
    await page.goto(`${host.url}/#/subnet/3`);
    const section = page.getByRole('region', { name: 'Research notes' });
    await section.getByText('No notes on SN3 yet.', { exact: false }).waitFor();
    await section.getByRole('button', { name: 'Add a note' }).click();
    await section.getByLabel('Notes (Markdown)').fill('Scoring rewards *diversity* of answers.');
    await expect.poll(() => section.getByTestId('save-status').textContent()).toMatch(/^Saved \d+ s ago$/);
    await expect(section.locator('.note-item').count()).resolves.toBe(1);
    await section.getByRole('heading', { name: 'Research notes' }).evaluate((h) => h.scrollIntoView());
    await page.screenshot({ path: path.join(SCREENSHOTS, 'notes-subnet-page.png') });
    const [stored] = await call<{ netuid: number; excerpt: string }[]>(host, 'notes.list', { netuid: 3 });
    expect(stored).toMatchObject({ netuid: 3, excerpt: 'Scoring rewards *diversity* of answers.' });
  });

  async function inspectPreview(page: Page): Promise<void> {
    const found = await preview(page).evaluate((root) => {
      const all = [...root.querySelectorAll('*')];
      return {
        pwned: (window as unknown as { __pwned?: unknown }).__pwned ?? null,
        title: document.title,
        forbidden: all
          .filter((e) => /^(script|iframe|object|embed|form|input|style|svg|link|meta|base)$/i.test(e.tagName))
          .map((e) => e.tagName),
        handlers: all.flatMap((e) =>
          [...e.attributes].filter((a) => /^on/i.test(a.name)).map((a) => `${e.tagName} ${a.name}`),
        ),
        styled: all.filter((e) => e.hasAttribute('style')).map((e) => e.tagName),
        badUrls: all.flatMap((e) =>
          ['href', 'src', 'action', 'srcdoc', 'xlink:href']
            .map((n) => e.getAttribute(n))
            .filter((v): v is string => v !== null && !/^(https?:|mailto:|#)/i.test(v)),
        ),
        links: [...root.querySelectorAll('a[href]')].map((a) => [
          a.getAttribute('href'),
          a.getAttribute('target'),
          a.getAttribute('rel'),
        ]),
      };
    });
    expect(found).toEqual({
      pwned: null,
      title: 'Subnet Scout',
      forbidden: [],
      handlers: [],
      styled: [],
      badUrls: [],
      links: [['https://github.com/example/repo', '_blank', 'noopener noreferrer']],
    });
  }
});

const HOSTILE = [
  '# Review with pasted HTML',
  '<script>window.__pwned = "script"; document.title = "pwned"</script>',
  "<img src=x onerror=\"window.__pwned = 'img'; document.title = 'pwned'\">",
  '<a href="javascript:window.__pwned = \'link\'">click me</a>',
  '[md link](javascript:window.__pwned=1)',
  '<iframe src="javascript:parent.__pwned = \'iframe\'"></iframe>',
  '<iframe srcdoc="<script>parent.__pwned = \'srcdoc\'</script>"></iframe>',
  '<p style="position: fixed; inset: 0; background: red">styled paragraph</p>',
  '<a href="data:text/html,<script>alert(1)</script>">data link</a>',
  '<img src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9ImFsZXJ0KDEpIi8+">',
  '<svg><script>window.__pwned = "svg"</script></svg>',
  '<details open ontoggle="window.__pwned = \'toggle\'">details</details>',
  '<form action="https://evil.example"><input name="x"><button>go</button></form>',
  '<object data="javascript:alert(1)"></object><embed src="javascript:alert(1)">',
  '<style>body { display: none }</style>',
  '',
  'The code is in the [Repository](https://github.com/example/repo).',
].join('\n');

/** The content fields of a note as the core returned it. */
function strip(note: Record<string, unknown>): Record<string, unknown> {
  const { id: _id, createdAtMs: _c, updatedAtMs: _u, ...content } = note;
  return content;
}
