/**
 * The main process's side of the core process, with a stand-in process: calls get their replies, a crashed core is
 * restarted and its pending calls fail in words, and quitting waits (briefly) for calls already sent.
 */
import { describe, expect, it } from 'vitest';
import type { Reply } from '../shared/api-wire';
import { CoreClient, type CoreProcessLike } from './core-client';
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
  answer(id: number, value: unknown): void {
    for (const l of this.messages) l({ type: 'reply', id, reply: { ok: true, value } });
  }
  exit(code: number): void {
    for (const l of this.exits) l(code);
  }
}

function client(): { core: CoreClient; spawned: FakeCore[] } {
  const spawned: FakeCore[] = [];
  const core = new CoreClient(() => {
    const proc = new FakeCore();
    spawned.push(proc);
    queueMicrotask(() => proc.ready());
    return proc;
  });
  return { core, spawned };
}

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
    expect(await lost).toMatchObject({ ok: false, error: { message: expect.stringMatching(/core process stopped \(exit code 9\)/) } });
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
});
