/**
 * My miners in the browser: the team adds its keys (with labels) on the screen, sees its UIDs with the chain's
 * figures, is told clearly why a bad key is refused, and after the chain prunes one UID sees it Deregistered with
 * the alerts in the navigation, on the watchlists screen and in the subnet's report.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { decodeAddress, encodeAddress } from '@polkadot/util-crypto';
import { startHost, type TestHost } from '../host/host';
import { startStandInNode, type StandInNode } from '../chain/node';
import { metadataOrWarn } from '../chain/test-helpers';
import { BLOCKS_UNTIL_A_PRUNED, rigA, rigB, TEAM_COLD, TEAM_NETWORK } from '../sync/team-fixture';
import { chromiumMissingReason, launchChromium } from './browser';

const missing = chromiumMissingReason();
if (missing) console.warn(`[skip] my miners browser test: ${missing}`);
const metadata = metadataOrWarn('my miners browser test');
const SHOTS = path.resolve(__dirname, '../../test-results');
const poppler = (() => {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    console.warn('[skip] my miners PDF check: poppler-utils (pdftotext) is not installed');
    return false;
  }
})();

describe.skipIf(missing !== null || !metadata)('My miners screen', () => {
  let browser: Browser;
  let host: TestHost;
  let node: StandInNode;
  let page: Page;

  const sync = async () => {
    const reply = await host.service.call('sync.start', {});
    expect(reply.ok && (reply.value as { ok: boolean }).ok).toBe(true);
  };
  const addKey = async (address: string, label: string, kind: 'hotkey' | 'coldkey' = 'hotkey', rent = '') => {
    await page.getByLabel('Address (SS58)').fill(address);
    await page.getByLabel('Role').selectOption(kind);
    await page.getByLabel('Label', { exact: true }).fill(label);
    await page.getByLabel(/Rent per UID/).fill(rent);
    await page.getByRole('button', { name: 'Add key' }).click();
  };
  const alertText = () => page.getByRole('alert').textContent();

  beforeAll(async () => {
    browser = await launchChromium();
    node = await startStandInNode({ metadataPath: metadata!, ...TEAM_NETWORK, teamHotkeys: [rigA, rigB] });
    host = await startHost({
      dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'scout-miners-e2e-')),
      printWith: browser,
    });
    const reply = await host.service.call('settings.set', {
      network: 'custom',
      customEndpoint: node.url,
      syncIntervalMinutes: 0,
    });
    expect(reply.ok).toBe(true);
    // Two syncs a while apart: rig B's immunity ends between them, and the chart has two points.
    await sync();
    node.produceBlocks(1200);
    await sync();
    page = await browser.newPage({ viewport: { width: 1500, height: 1000 } });
    await page.goto(`${host.url}/#/miners`);
  });
  afterAll(async () => {
    await browser?.close();
    await host?.close();
    await node?.close();
  });

  it('says keys are public addresses only, and refuses bad keys with a clear message', async () => {
    await page.getByRole('heading', { name: 'My miners' }).waitFor();
    await page.getByText('Public addresses only.').waitFor();

    await addKey(`${rigA.hotkey.slice(0, -1)}${rigA.hotkey.endsWith('a') ? 'b' : 'a'}`, 'typo');
    await expect.poll(alertText).toMatch(/checksum does not match/);
    await addKey(encodeAddress(decodeAddress(rigA.hotkey), 0), 'polkadot');
    await expect.poll(alertText).toMatch(/another network \(SS58 prefix 0, Polkadot\)/);

    // A seed phrase is refused before it leaves the page, and wiped from the field.
    await addKey('legal winner thank year wave sausage worth useful legal winner thank yellow', 'oops');
    await expect.poll(alertText).toMatch(/looks like a seed phrase.*Never paste a seed phrase/);
    await expect(page.getByLabel('Address (SS58)').inputValue()).resolves.toBe('');
    const keys = await page.evaluate(() => window.scout.call('miners.keys'));
    expect(keys).toEqual([]);
  });

  it('adding the team’s keys shows every UID they hold with the chain’s figures', async () => {
    await addKey(rigA.hotkey, 'rig-a', 'hotkey', '120');
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: 'Found' }).textContent())
      .toBe('Found 1 UID on 1 subnet.');
    await addKey(TEAM_COLD, 'team cold', 'coldkey', '80');
    await expect.poll(() => page.locator('table.miners-table tbody tr').count()).toBe(2);

    const block = node.finalizedHead().number;
    const truth = node.truthAt(block);
    const rowA = page.locator(`tr[data-miner="7:${rigA.uid}:${rigA.hotkey}"]`);
    const rowB = page.locator(`tr[data-miner="4:${rigB.uid}:${rigB.hotkey}"]`);
    await expect(rowA.textContent()).resolves.toContain('rig-a');
    await expect(rowB.textContent()).resolves.toMatch(/team cold · 5/);
    // τ/day as the screen formats it, from the raw chain state.
    const s = truth.subnets.get(7)!;
    const taoPerDay =
      (((Number(s.metagraph.emission[rigA.uid]) / 1e9) * 7200) / s.dynamic.tempo) * (Number(s.priceRao) / 1e9);
    const shown = taoPerDay.toLocaleString('en-US', { maximumFractionDigits: taoPerDay >= 1 ? 2 : 4 });
    await expect(rowA.locator('td').nth(4).locator('div').first().textContent()).resolves.toBe(`${shown} τ`);
    await expect(rowA.textContent()).resolves.toContain('$120');
    await expect(rowB.textContent()).resolves.toContain('$80');
    await expect(rowB.textContent()).resolves.not.toContain('Immune'); // its immunity ended before the second sync
    await expect(page.getByRole('table', { name: 'Team keys' }).textContent()).resolves.toContain('team cold');
    await page.setViewportSize({ width: 1500, height: 1900 });
    await page.screenshot({ path: path.join(SHOTS, 'my-miners-before-pruning.png') });
    await page.setViewportSize({ width: 1500, height: 1000 });
  });

  it('after the chain prunes rig A, a sync shows it Deregistered, with alerts in the nav and on watchlists', async () => {
    node.produceBlocks(BLOCKS_UNTIL_A_PRUNED);
    await page.locator('.statusbar').getByRole('button', { name: 'Sync now' }).click();
    const rowA = page.locator(`tr[data-miner="7:${rigA.uid}:${rigA.hotkey}"]`);
    await expect.poll(() => rowA.textContent(), { timeout: 30_000 }).toMatch(/Deregistered.*at block/);
    const block = node.finalizedHead().number;
    await expect(rowA.textContent()).resolves.toContain(`at block ${block.toLocaleString('en-US')}`);
    await page
      .getByText(
        `SN7 UID ${rigA.uid} (rig-a) was deregistered: first found gone at block ${block.toLocaleString('en-US')}.`,
      )
      .waitFor();
    const badge = page.getByRole('navigation', { name: 'Main' }).locator('.nav-alerts');
    await expect.poll(() => badge.textContent()).toMatch(/^\d+$/);

    // The content pane scrolls inside the window: a tall window shows the whole screen in one picture.
    await page.setViewportSize({ width: 1500, height: 1900 });
    await page.screenshot({ path: path.join(SHOTS, 'my-miners.png') });
    await page.setViewportSize({ width: 1500, height: 1000 });

    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('button', { name: /^Watchlists/ })
      .click();
    await expect
      .poll(() => page.getByRole('status', { name: 'My miners alerts' }).textContent())
      .toContain('was deregistered');
  });

  it.skipIf(!poppler)(
    'the PDF report of a subnet holding a team UID has a My miners section; others have none',
    async () => {
      const pdfText = async (netuid: number) => {
        const reply = await host.service.call('reports.pdf', { target: { kind: 'subnet', netuid } });
        expect(reply.ok).toBe(true);
        const file = path.join(os.tmpdir(), `scout-miners-report-${netuid}.pdf`);
        fs.writeFileSync(file, Buffer.from(reply.ok ? (reply.value as { pdfBase64: string }).pdfBase64 : '', 'base64'));
        return { file, text: execFileSync('pdftotext', ['-layout', file, '-']).toString('utf8') };
      };
      const sn4 = await pdfText(4);
      expect(sn4.text).toContain('My miners on this subnet');
      expect(sn4.text).toContain('team cold');
      expect(sn4.text).toContain(`UID ${rigB.uid}`);
      execFileSync('pdftoppm', [
        '-png',
        '-r',
        '80',
        '-f',
        '1',
        '-l',
        '1',
        sn4.file,
        path.join(SHOTS, 'my-miners-report'),
      ]);
      expect((await pdfText(2)).text).not.toContain('My miners on this subnet');
    },
  );
});
