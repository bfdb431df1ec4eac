/**
 * My miners end to end: the team's hotkeys are placed into the stand-in node's network, the app syncs, finds them
 * and computes their figures (checked against what the chain holds); the chain moves on until one UID is pruned and
 * another's immunity ends, and the next sync shows the new statuses and the alerts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeAddress, encodeAddress } from '@polkadot/util-crypto';
import { startStandInNode, type StandInNode } from '../chain/node';
import { metadataOrWarn } from '../chain/test-helpers';
import type { RawNetworkState } from '../../electron/core/chain/raw';
import { runCli } from '../../electron/core/cli/run';
import { DANGER_NEXT_TO_GO } from '../../electron/core/miners/status';
import type { ScoutService } from '../../electron/core/service';
import { DEFAULT_SCENARIO, type Scenario } from '../../shared/economics';
import type { MyMiner, MyMinersReport } from '../../shared/miners-types';
import { call, serviceFor } from './sync-helpers';
import {
  BLOCKS_UNTIL_A_PRUNED,
  rigA,
  rigB,
  slotA,
  slotB,
  TEAM_COLD,
  TEAM_NETWORK,
  teamAddress as address,
} from './team-fixture';

const metadata = metadataOrWarn('my miners');
const SCENARIO: Scenario = { ...DEFAULT_SCENARIO, taoPriceUsd: 400, sellDiscount: 0 };

/** What the chain says about one UID, computed here from the raw state without the app's code. */
function truthOf(state: RawNetworkState, netuid: number, uid: number) {
  const s = state.subnets.get(netuid)!;
  const m = s.metagraph;
  const perDay = (rao: bigint) => ((Number(rao) / 1e9) * 7200) / s.dynamic.tempo;
  const owner = s.dynamic.ownerHotkey;
  const nonImmune = m.hotkeys
    .map((hotkey, i) => ({ uid: i, hotkey, emission: m.emission[i]!, reg: Number(m.blockAtRegistration[i]) }))
    .filter((u) => u.hotkey !== owner && state.blockNumber - u.reg >= m.immunityPeriod);
  const me = nonImmune.find((u) => u.uid === uid);
  const line = Math.min(...nonImmune.map((u) => perDay(u.emission)));
  return {
    hotkey: m.hotkeys[uid],
    registeredAt: Number(m.blockAtRegistration[uid]),
    incentive: m.incentives[uid]! / 65535,
    alphaPerDay: perDay(m.emission[uid]!),
    taoPerDay: perDay(m.emission[uid]!) * (Number(s.priceRao) / 1e9),
    immunityPeriod: m.immunityPeriod,
    line,
    // Position in the chain's pruning order (lowest emission, then older registration, then lower uid).
    untilPruned: me
      ? 1 +
        nonImmune.filter(
          (u) =>
            u !== me &&
            (u.emission < me.emission ||
              (u.emission === me.emission && (u.reg < me.reg || (u.reg === me.reg && u.uid < me.uid)))),
        ).length +
        (m.maxUids - m.numUids)
      : null,
  };
}

describe.skipIf(!metadata)('my miners against the stand-in node', () => {
  let node: StandInNode;
  let service: ScoutService;
  const report = (arg: { scenario?: Scenario; netuid?: number } = { scenario: SCENARIO }) =>
    call(service, 'miners.report', arg);
  const miner = (r: MyMinersReport, hotkey: string): MyMiner => r.miners.find((m) => m.hotkey === hotkey)!;

  beforeAll(async () => {
    node = await startStandInNode({ metadataPath: metadata!, ...TEAM_NETWORK, teamHotkeys: [rigA, rigB] });
    service = await serviceFor(node.url);
  });
  afterAll(async () => {
    await service?.close();
    await node?.close();
  });

  it('chose slots that fit the story', () => {
    expect(slotA).toBeDefined();
    expect(slotB).toBeDefined();
  });

  it('before any sync, a key is kept with a notice that its UIDs come with the first sync', async () => {
    const added = await call(service, 'miners.addKey', { address: address(3), kind: 'hotkey', label: 'spare rig' });
    expect(added.uidsHeld).toBeNull();
    expect(added.notice).toMatch(/No data synced yet/);
  });

  it('after a sync, finds every UID the keys hold (by hotkey and by coldkey) with the chain’s figures', async () => {
    const outcome = await call(service, 'sync.start', {});
    expect(outcome.ok).toBe(true);
    const block = outcome.points[0]!.blockNumber;

    const a = await call(service, 'miners.addKey', {
      address: rigA.hotkey,
      kind: 'hotkey',
      label: 'rig-a',
      rentUsdPerMonth: 100,
    });
    expect(a).toMatchObject({ uidsHeld: 1, notice: 'Found 1 UID on 1 subnet.' });
    const cold = await call(service, 'miners.addKey', {
      address: TEAM_COLD,
      kind: 'coldkey',
      label: 'team cold',
      rentUsdPerMonth: 50,
    });
    expect(cold).toMatchObject({ uidsHeld: 2, notice: 'Found 2 UIDs on 2 subnets.' });

    const r = await report();
    expect(r.latestBlock).toBe(block);
    expect(r.miners.map((m) => [m.netuid, m.uid])).toEqual([
      [4, rigB.uid],
      [7, rigA.uid],
    ]);
    expect(r.idleKeyIds).toEqual([1]); // the spare rig holds nothing
    expect(r.alerts).toEqual([]); // one sync: nothing to compare with yet

    const truth = node.truthAt(block);
    const ta = truthOf(truth, 7, rigA.uid);
    const tb = truthOf(truth, 4, rigB.uid);
    const ma = miner(r, rigA.hotkey);
    const mb = miner(r, rigB.hotkey);
    expect(ta.hotkey).toBe(rigA.hotkey);
    expect(ma).toMatchObject({
      label: 'rig-a',
      coldkey: TEAM_COLD,
      keyIds: [a.key.id, cold.key.id],
      registeredAtBlock: rigA.registeredAt,
      rentUsdPerMonth: 100,
      rentSource: 'key',
    });
    expect(mb).toMatchObject({ keyIds: [cold.key.id], rentUsdPerMonth: 50, rentSource: 'key', status: 'immune' });
    expect(mb.label).toMatch(/^team cold · 5/);
    for (const [m, t] of [
      [ma, ta],
      [mb, tb],
    ] as const) {
      expect(m.incentive).toBeCloseTo(t.incentive, 9);
      expect(m.alphaPerDay).toBeCloseTo(t.alphaPerDay, 9);
      expect(m.taoPerDay).toBeCloseTo(t.taoPerDay, 9);
      expect(m.usdPerDay).toBeCloseTo(t.taoPerDay * 400, 6);
      expect(m.profitUsdPerMonth).toBeCloseTo(m.earningsUsdPerMonth! - m.rentUsdPerMonth, 6);
      expect(m.expectedUsdPerMonth).not.toBeNull();
      expect(m.expectedProfitUsdPerMonth).toBeCloseTo(m.expectedUsdPerMonth! - m.rentUsdPerMonth, 6);
      expect(m.windowSyncs).toBe(1);
    }
    // B: immune for the rest of its period.
    expect(mb.immunityRemainingBlocks).toBe(rigB.registeredAt + tb.immunityPeriod - block);
    expect(mb.immunityRemainingHours).toBeCloseTo((mb.immunityRemainingBlocks! * 12) / 3600, 9);
    // A: not immune; its distance to the line and its place in the pruning order decide Safe or Danger.
    expect(ma.immunityRemainingBlocks).toBe(0);
    expect(ma.aboveDeregLineAlphaPerDay).toBeCloseTo(ta.alphaPerDay - ta.line, 9);
    expect(ma.registrationsUntilPruned).toBe(ta.untilPruned);
    if (ta.untilPruned! <= DANGER_NEXT_TO_GO) expect(ma.status).toBe('danger');
    else expect(ma.status).toBe(ta.alphaPerDay <= ta.line * 1.1 ? 'danger' : 'safe');

    // The expectation is the engine's figure for a miner at that rank under the scenario, as the Subnets table has it.
    for (const m of [ma, mb]) {
      const economics = await call(service, 'scenario.evaluate', {
        scenario: { ...SCENARIO, position: { kind: 'rank', rank: m.rank! } },
      });
      expect(m.expectedTaoPerDay).toBe(economics.find((e) => e.netuid === m.netuid)!.taoPerDay.value);
    }

    expect(r.subnets.map((s) => [s.netuid, s.miners])).toEqual([
      [4, 1],
      [7, 1],
    ]);
    expect(r.total.taoPerDay).toBeCloseTo(ta.taoPerDay + tb.taoPerDay, 9);
    expect(r.total.rentUsdPerMonth).toBe(150);
  });

  it('refuses a duplicate, an invalid or wrong-network address and a seed phrase, storing nothing twice', async () => {
    const refused = async (arg: Parameters<typeof call<'miners.addKey'>>[2]) => {
      const reply = await service.call('miners.addKey', arg);
      expect(reply.ok).toBe(false);
      return reply.ok ? '' : reply.error.message;
    };
    expect(await refused({ address: rigA.hotkey, kind: 'coldkey', label: 'again' })).toMatch(
      /already in your keys as the hotkey “rig-a”/,
    );
    expect(await refused({ address: `${rigA.hotkey.slice(0, -2)}xx`, kind: 'hotkey', label: 'typo' })).toMatch(
      /checksum/,
    );
    expect(
      await refused({ address: encodeAddress(decodeAddress(rigA.hotkey), 0), kind: 'hotkey', label: 'dot' }),
    ).toMatch(/another network \(SS58 prefix 0, Polkadot\)/);
    expect(await refused({ address: Array(12).fill('legal').join(' '), kind: 'hotkey', label: 'oops' })).toMatch(
      /seed phrase.*Never paste/,
    );
    expect(await refused({ address: address(5), kind: 'hotkey', label: ' ' })).toMatch(/give the key a label/);
    expect((await call(service, 'miners.keys')).map((k) => k.label)).toEqual(['spare rig', 'rig-a', 'team cold']);
  });

  it('says when a key is there in the other role', async () => {
    const added = await call(service, 'miners.addKey', { address: rigB.hotkey, kind: 'coldkey', label: 'wrong role' });
    expect(added.uidsHeld).toBe(0);
    expect(added.notice).toMatch(/holds no UID as a coldkey, but it is the hotkey of 1 UID/);
    await call(service, 'miners.removeKey', { id: added.key.id });
    expect((await report()).miners).toHaveLength(2);
  });

  it('1,200 blocks later B is no longer immune, and the alerts follow A’s status and earnings', async () => {
    const before = await report();
    node.produceBlocks(1200);
    const block = (await call(service, 'sync.start', {})).points[0]!.blockNumber;
    const r = await report();
    const ma = miner(r, rigA.hotkey);
    const mb = miner(r, rigB.hotkey);
    expect(miner(before, rigB.hotkey).status).toBe('immune');
    expect(mb.status).not.toBe('immune');
    expect(mb.immunityRemainingBlocks).toBe(0);
    const t = truthOf(node.truthAt(block), 7, rigA.uid);
    expect(ma.registrationsUntilPruned).toBe(t.untilPruned);
    const kinds = (hotkey: string) => r.alerts.filter((x) => x.minerId.endsWith(hotkey)).map((x) => x.kind);
    const wasDanger = miner(before, rigA.hotkey).status === 'danger';
    const fall = 1 - ma.taoPerDay! / miner(before, rigA.hotkey).taoPerDay!;
    expect(kinds(rigA.hotkey)).toEqual([
      ...(ma.status === 'danger' && !wasDanger ? ['entered-danger'] : []),
      ...(fall > 0.25 ? ['earnings-fell'] : []),
    ]);
    expect(kinds(rigB.hotkey)).toEqual(mb.status === 'danger' ? ['entered-danger'] : []);
  });

  it('after the chain prunes A, the next sync shows it Deregistered (with the block) and the alert', async () => {
    const before = await report();
    node.produceBlocks(BLOCKS_UNTIL_A_PRUNED - 1200);
    const outcome = await call(service, 'sync.start', {});
    const block = outcome.points[0]!.blockNumber;
    const truth = node.truthAt(block);
    expect(truth.subnets.get(7)!.metagraph.hotkeys[rigA.uid]).not.toBe(rigA.hotkey);

    const r = await report();
    expect(r.previousBlock).toBe(before.latestBlock);
    const ma = miner(r, rigA.hotkey);
    const mb = miner(r, rigB.hotkey);
    expect(ma).toMatchObject({
      status: 'deregistered',
      prunedAtBlock: block,
      taoPerDay: null,
      blockNumber: before.latestBlock,
    });
    expect(ma.statusReason).toContain(`gone at block ${block.toLocaleString('en-US')}`);
    expect(['safe', 'danger']).toContain(mb.status);
    expect(mb.registrationsUntilPruned).toBe(truthOf(truth, 4, rigB.uid).untilPruned);
    expect(mb.windowSyncs).toBe(3);
    expect(r.total.miners).toBe(1);
    expect(r.subnets.map((s) => s.netuid)).toEqual([4]); // SN7 holds no team UID any more
    expect(r.idleKeyIds).toEqual([1, 2]); // rig-a's key no longer holds anything

    const kinds = r.alerts.map((x) => [x.kind, x.uid]);
    expect(kinds).toContainEqual(['deregistered', rigA.uid]);
    expect(kinds.filter(([, uid]) => uid === rigA.uid)).toEqual([['deregistered', rigA.uid]]);
    expect(await call(service, 'miners.alerts')).toEqual((await report({})).alerts);

    // History: A was seen at two syncs, B at all three; the total sums each sync.
    const seriesOf = (hotkey: string) => r.history.series.find((s) => s.minerId.endsWith(hotkey))!.points;
    expect(seriesOf(rigA.hotkey)).toHaveLength(2);
    expect(seriesOf(rigB.hotkey)).toHaveLength(3);
    expect(r.history.total).toHaveLength(3);
    expect(r.history.total[2]!.taoPerDay).toBeCloseTo(mb.taoPerDay!, 9);
    expect(r.history.total[0]!.taoPerDay).toBeCloseTo(
      seriesOf(rigA.hotkey)[0]!.taoPerDay + seriesOf(rigB.hotkey)[0]!.taoPerDay,
      9,
    );
  });

  it('a report for one subnet holds only its miners', async () => {
    const r = await report({ scenario: SCENARIO, netuid: 4 });
    expect(r.miners.map((m) => m.netuid)).toEqual([4]);
    expect(r.alerts.every((a) => a.netuid === 4)).toBe(true);
  });

  it('rent per miner overrides its key’s; a threshold change is kept', async () => {
    await call(service, 'miners.setMinerRent', { netuid: 4, hotkey: rigB.hotkey, rentUsdPerMonth: 75 });
    expect(miner(await report(), rigB.hotkey)).toMatchObject({ rentUsdPerMonth: 75, rentSource: 'miner' });
    await call(service, 'miners.setMinerRent', { netuid: 4, hotkey: rigB.hotkey, rentUsdPerMonth: null });
    expect(miner(await report(), rigB.hotkey)).toMatchObject({ rentUsdPerMonth: 50, rentSource: 'key' });
    await call(service, 'miners.setEarningsDropAlert', { percent: 40 });
    expect((await report()).earningsDropAlertPercent).toBe(40);
    // A rent for something that is not a hotkey address is refused (the export's reader would refuse it later).
    await expect(
      call(service, 'miners.setMinerRent', { netuid: 4, hotkey: 'rig-b', rentUsdPerMonth: 75 }),
    ).rejects.toThrow(/not an SS58 address|not a valid SS58/);
  });

  it('scout miners --json lists the alerts for scripts; plain text says the same in lines', async () => {
    const out: string[] = [];
    const io = { out: (l: string) => out.push(l), err: () => undefined };
    expect(await runCli(service, ['miners', '--json'], io)).toBe(0);
    const printed = JSON.parse(out.join('\n')) as MyMinersReport & { schemaVersion: number };
    expect(printed.schemaVersion).toBe(1);
    expect(printed.alerts.map((a) => a.kind)).toContain('deregistered');
    expect(printed.miners).toHaveLength(2);
    out.length = 0;
    expect(await runCli(service, ['miners'], io)).toBe(0);
    expect(out[0]).toMatch(/1 UIDs held, \d alert\(s\)/);
    expect(out.some((l) => l.startsWith('Deregistered') && l.includes(`gone at block`))).toBe(true);
    expect(out.some((l) => l.startsWith('alert: SN7'))).toBe(true);
  });
});
