/**
 * Opening a connection to a subtensor endpoint, with failures in words. The sync gets a plain JSON-RPC client
 * (client.ts): @polkadot/rpc-provider's WebSocket provider, without @polkadot/api's type registry and decorated
 * methods, which the sync never used and a fresh process paid ~0.5 s of CPU to load and build.
 */
import { WsProvider } from '@polkadot/rpc-provider/ws';
import { formatWait, nodeRefusal, rpcCallName } from './call-names';
import type { ChainClient } from './client';
import { ChainCallError, ChainError, SyncStopped } from './errors';

export interface Connection {
  client: ChainClient;
  endpoint: string;
  genesisHash: string;
  /**
   * Rejects when the sync must stop, so whatever it waits on stops at once: the socket dropped, the node stopped
   * answering (`giveUpAfterTimeouts` requests in a row timed out), or `signal` aborted (cancel, the sync's time limit).
   */
  dropped: Promise<never>;
  isConnected(): boolean;
  close(): Promise<void>;
}

/** The provider's own timeout, left as a backstop: it checks only every 5 s and does not say which request. */
const BACKSTOP_MS = 10_000;

/**
 * A WsProvider that times out every request itself, after exactly `callTimeoutMs`, with the request's JSON-RPC name
 * (and for state_call the runtime API method). A JSON-RPC error the node answers with is named the same way: bare,
 * it says neither which runtime call failed nor where.
 */
class TimedWsProvider extends WsProvider {
  /** Requests timed out since the node last answered one: a node that answers nothing would otherwise hold a
   * sync for every subnet's timeout in turn (127 subnets ÷ 8 in flight × 60 s ≈ 16 minutes). */
  private timeoutsInARow = 0;

  constructor(
    endpoint: string,
    private readonly callTimeoutMs: number,
    private readonly giveUpAfterTimeouts: number,
    private readonly giveUp: (error: SyncStopped) => void,
  ) {
    super(endpoint, false, undefined, callTimeoutMs + BACKSTOP_MS);
  }

  override send<T = unknown>(method: string, params: unknown[], isCacheable?: boolean): Promise<T> {
    const answer = super.send<T>(method, params, isCacheable).then(
      (value) => {
        this.timeoutsInARow = 0;
        return value;
      },
      (e: unknown) => {
        this.timeoutsInARow = 0; // an error is an answer: the node is there
        throw nodeRefusal(method, params, e) ?? e;
      },
    );
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        const error = new ChainCallError('timeout', rpcCallName(method, params), null, formatWait(this.callTimeoutMs));
        if (++this.timeoutsInARow === this.giveUpAfterTimeouts) {
          this.giveUp(
            new SyncStopped(
              'timeout',
              `${this.endpoint} stopped answering: ${this.giveUpAfterTimeouts} requests in a row got no answer within ` +
                `${formatWait(this.callTimeoutMs)} (the last: ${error.message}), so the sync stopped instead of waiting on every subnet; what it had not ` +
                'finished reading was not written.',
            ),
          );
        }
        reject(error);
      }, this.callTimeoutMs);
    });
    return Promise.race([answer, late]).finally(() => clearTimeout(timer));
  }
}

export interface ConnectOptions {
  timeoutMs?: number;
  callTimeoutMs?: number;
  /** Stop the sync when this many requests in a row time out (default: a full round of the 8 in flight). */
  giveUpAfterTimeouts?: number;
  /** Aborting stops the sync at once, with the abort reason, instead of after the requests in flight. */
  signal?: AbortSignal;
}

export async function connect(endpoint: string, options: ConnectOptions = {}): Promise<Connection> {
  const timeoutMs = options.timeoutMs ?? 15_000;
  let stop: (error: Error) => void = () => undefined;
  const dropped = new Promise<never>((_, reject) => {
    stop = reject;
  });
  dropped.catch(() => undefined); // observed by whoever races it; never an unhandled rejection
  // autoConnect off: an unreachable endpoint must fail this sync with a message, not retry silently forever.
  const provider = new TimedWsProvider(
    endpoint,
    options.callTimeoutMs ?? 60_000,
    options.giveUpAfterTimeouts ?? 8,
    (e) => stop(e),
  );
  let timer: NodeJS.Timeout | undefined;
  try {
    const connected = new Promise<void>((resolve, reject) => {
      provider.on('connected', () => resolve());
      provider.on('error', () =>
        reject(new ChainError('unreachable', `Cannot reach ${endpoint}: the endpoint did not accept a connection.`)),
      );
    });
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () =>
          reject(
            new ChainError(
              'unreachable',
              `Cannot reach ${endpoint}: no answer within ${Math.round(timeoutMs / 1000)} s.`,
            ),
          ),
        timeoutMs,
      );
    });
    await Promise.race([provider.connect().then(() => connected), timeout]);
    const request = (method: string, params: unknown[]) => provider.send<unknown>(method, params);
    const [genesisHash, properties] = await Promise.race([
      Promise.all([request('chain_getBlockHash', [0]), request('system_properties', [])]),
      timeout,
    ]);
    if (typeof genesisHash !== 'string')
      throw new ChainError(
        'unreachable',
        `Cannot use ${endpoint}: it names no genesis block (is it a Substrate node?).`,
      );
    const ss58Format = (properties as { ss58Format?: unknown } | null)?.ss58Format;
    provider.on('disconnected', () =>
      stop(
        new ChainError(
          'dropped',
          `The connection to ${endpoint} dropped during the sync; nothing was written and the previous data is intact.`,
        ),
      ),
    );
    const signal = options.signal;
    const aborted = () =>
      stop(signal?.reason instanceof Error ? signal.reason : new ChainError('cancelled', 'cancelled'));
    if (signal?.aborted) aborted();
    else signal?.addEventListener('abort', aborted, { once: true });
    return {
      client: { genesisHash, ss58Prefix: typeof ss58Format === 'number' ? ss58Format : 42, request },
      endpoint,
      genesisHash,
      dropped,
      isConnected: () => provider.isConnected,
      async close() {
        await provider.disconnect().catch(() => undefined);
      },
    };
  } catch (e) {
    await provider.disconnect().catch(() => undefined);
    if (e instanceof ChainError && !(e instanceof ChainCallError)) throw e;
    throw new ChainError('unreachable', `Cannot use ${endpoint}: ${(e as Error).message}`);
  } finally {
    clearTimeout(timer);
  }
}
