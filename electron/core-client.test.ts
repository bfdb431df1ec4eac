/**
 * The main process's side of the core process, with a stand-in process: calls get their replies, a crashed core is
 * restarted and its pending calls fail in words, a core that dies or hangs while starting is reported with its log
 * and no call waits for it, restarts are bounded per time window, and quitting waits (briefly) for calls already sent.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Reply } from '../shared/api-wire';
import { CoreClient, type CoreClientOptions, type CoreProcessLike } from './core-client';
import type { CoreMessage, CoreRequest } from './core-process';

/** A core process that answers only when the test says so. */
class FakeCore implements CoreProcessLike {
  readonly sent: CoreRequest[] = [];
  killed = false;
  private readonly messages: ((m: CoreMessage) => void)[] = [];
  private readonly exits: ((code: number) => void)[] = [];

  postMessage(message: CoreRequest): void {
    this.sent.push(message);
  }
  on(event: 'message' | 'exit', listener: ((m: CoreMessage) => void) | ((code: number) => void)): unknown {
    if (event === 'message') this.messages.push(listener as (m: CoreMessage) => void);
    else this.exits.push(listener as (code: number) => void);
    return this;
  }
  kill(): boolean {
    this.killed = true;
    this.exit(0);
    return true;
  }
  ready(): void {
    for (const l of this.messages) l({ type: 'ready' });
  }
  fail(message: string): void {
    for (const l of this.messages) l({ type: 'failed', message });
  }
  answer(id: number, value: unknown): void {
    for (const l of this.messages) l({ type: 'reply', id, reply: { ok: true, value } });
  }
  exit(code: number): void {
    for (const l of this.exits) l(code);
  }
}

/** `startsReady`: each new core says ready on its own (else the test decides what it does while starting). */
function client(
  options: CoreClientOptions = {},
  startsReady = true,
): { core: CoreClient; spawned: FakeCore[]; down: string[] } {
  const spawned: FakeCore[] = [];
  const down: string[] = [];
  const core = new CoreClient(
    () => {
      const proc = new FakeCore();
      spawned.push(proc);
      if (startsReady) queueMicrotask(() => proc.ready());
      return proc;
    },
    { logPath: '/home/ana/.config/Subnet Scout/logs/core.log', onDown: (m) => down.push(m), ...options },
  );
  return { core, spawned, down };
}

afterEach(() => {
  vi.useRealTimers();
});

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the core client', () => {
  it('matches replies to calls, and a crash fails the pending call in words and starts a new core', async () => {
    const { core, spawned } = client();
    const first = core.call('notes.get', { id: 'a' });
    await settle();
    spawned[0]!.answer(spawned[0]!.sent[0]!.id, 'note a');
    expect(await first).toEqual({ ok: true, value: 'note a' });
    const lost = core.call('notes.save', {});
    await settle();
    spawned[0]!.exit(9);
    expect(await lost).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/core process stopped \(exit code 9\)/) },
    });
    expect(spawned).toHaveLength(2);
  });

  it('on quit, waits for a call already sent before stopping the core', async () => {
    const { core, spawned } = client();
    const save = core.call('notes.save', { id: 'a' });
    await settle();
    const stopped = core.stop(10_000);
    await settle();
    expect(spawned[0]!.killed).toBe(false);
    spawned[0]!.answer(spawned[0]!.sent[0]!.id, 'saved');
    await stopped;
    expect(await save).toEqual<Reply<unknown>>({ ok: true, value: 'saved' });
    expect(spawned[0]!.killed).toBe(true);
    expect(spawned).toHaveLength(1); // a stop is no crash: nothing restarts
  });

  it('on quit, stops a core that does not answer after the grace period, failing the call in words', async () => {
    const { core, spawned } = client();
    const save = core.call('notes.save', { id: 'a' });
    await settle();
    await core.stop(20);
    expect(spawned[0]!.killed).toBe(true);
    expect(await save).toMatchObject({ ok: false });
  });

  it('with nothing pending, stops at once', async () => {
    const { core, spawned } = client();
    await settle();
    await core.stop(10_000);
    expect(spawned[0]!.killed).toBe(true);
  });

  it('a core that fails while starting: calls fail at once with its reason and log, once reported, no restart loop', async () => {
    const { core, spawned, down } = client({}, false);
    const waiting = core.call('subnets.list', {});
    spawned[0]!.fail('better-sqlite3 built for Electron 45.4.1 (x64) is missing');
    spawned[0]!.exit(1);
    const reply = await waiting;
    expect(reply).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('better-sqlite3 built for Electron 45.4.1 (x64) is missing') },
    });
    expect(reply).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('/home/ana/.config/Subnet Scout/logs/core.log') },
    });
    expect(reply).toMatchObject({ ok: false, error: { message: expect.stringContaining('Restart core') } });
    expect(down).toHaveLength(1);
    expect(down[0]).toMatch(/could not start: better-sqlite3/);
    expect(spawned).toHaveLength(1);
    // Later calls do not wait either.
    expect(await core.call('subnets.list', {})).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('could not start') },
    });
    expect(core.problem).toMatch(/could not start/);
  });

  it('a core that exits while starting without a word is reported with its exit code', async () => {
    const { core, spawned, down } = client({}, false);
    const waiting = core.call('subnets.list', {});
    spawned[0]!.exit(134);
    expect(await waiting).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/could not start: it stopped with exit code 134/) },
    });
    expect(down).toHaveLength(1);
  });

  it('"Restart core" after a failed start brings up a working core', async () => {
    const { core, spawned } = client({}, false);
    spawned[0]!.exit(1);
    core.restart();
    expect(spawned).toHaveLength(2);
    const call = core.call('subnets.list', {});
    spawned[1]!.ready();
    await settle();
    spawned[1]!.answer(spawned[1]!.sent[0]!.id, ['sn1']);
    expect(await call).toEqual({ ok: true, value: ['sn1'] });
    expect(core.problem).toBeNull();
  });

  it('a core that hangs while starting is stopped after the deadline and its calls fail instead of waiting', async () => {
    vi.useFakeTimers();
    const { core, spawned, down } = client({ readyTimeoutMs: 30_000 }, false);
    const waiting = core.call('subnets.list', {});
    let settled = false;
    void waiting.then(() => (settled = true));
    await vi.advanceTimersByTimeAsync(29_000);
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(await waiting).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/did not start within 30 s.*core\.log/) },
    });
    expect(spawned[0]!.killed).toBe(true);
    expect(down).toHaveLength(1);
    expect(spawned).toHaveLength(1);
  });

  it('a core that dies after ready: the pending call fails, the next call goes to the restarted core', async () => {
    const { core, spawned, down } = client();
    await settle();
    const lost = core.call('notes.save', {});
    await settle();
    spawned[0]!.exit(11);
    expect(await lost).toMatchObject({ ok: false, error: { message: expect.stringMatching(/exit code 11/) } });
    const next = core.call('notes.get', { id: 'a' });
    await settle();
    spawned[1]!.answer(spawned[1]!.sent[0]!.id, 'note a');
    expect(await next).toEqual({ ok: true, value: 'note a' });
    expect(down).toEqual([]);
  });

  it('restarts a crashing core at most 3 times in 10 minutes, then reports it; the count starts over after a quiet spell', async () => {
    let now = 0;
    const { core, spawned, down } = client({ now: () => now });
    const crash = async (code: number) => {
      await settle();
      spawned[spawned.length - 1]!.exit(code);
    };
    for (let i = 0; i < 3; i++) {
      await crash(139);
      now += 60_000;
    }
    expect(spawned).toHaveLength(4);
    // A quiet spell longer than the window: earlier crashes no longer count.
    now += 10 * 60_000;
    for (let i = 0; i < 3; i++) {
      await crash(139);
      now += 1_000;
    }
    expect(spawned).toHaveLength(7);
    expect(down).toEqual([]);
    await crash(139);
    expect(spawned).toHaveLength(7);
    expect(down).toHaveLength(1);
    expect(down[0]).toMatch(/stopped 4 times within 10 min \(last exit code 139\)/);
    expect(await core.call('subnets.list', {})).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('core.log') },
    });
  });
});
