/**
 * Opening a connection to a subtensor endpoint, with failures in words. Types come from the node's own metadata
 * (runtime APIs included, metadata v15/v16): no hand-written type definitions.
 */
import { ApiPromise, WsProvider } from '@polkadot/api';
import { formatWait, nodeRefusal, rpcCallName } from './call-names';
import { ChainCallError, ChainError, SyncStopped } from './errors';
import { knownMetadata } from './known-metadata';
import { newestMetadataHex } from './newest-metadata';

export interface Connection {
  api: ApiPromise;
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

/** @polkadot/api's own timeout, left as a backstop: it checks only every 5 s and does not say which request. */
const BACKSTOP_MS = 10_000;

/**
 * A WsProvider that times out every request itself, after exactly `callTimeoutMs`, with the request's JSON-RPC name
 * (and for state_call the runtime API method), whether the sync made it or @polkadot/api did on its behalf. A
 * JSON-RPC error the node answers with is named the same way: bare, it says neither which runtime call failed nor
 * where. Subscription requests keep the backstop: @polkadot/api opens them for itself, nothing in the sync waits on
 * them, and a rejected one surfaces only as an unhandled rejection inside the library.
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

  override send<T = unknown>(method: string, params: unknown[], isCacheable?: boolean, subscription?: Parameters<WsProvider['send']>[3]): Promise<T> {
    if (subscription) return super.send<T>(method, params, isCacheable, subscription);
    if (method === 'state_getMetadata') return this.newestMetadata(params, isCacheable) as Promise<T>;
    return this.timed<T>(method, params, isCacheable);
  }

  /**
   * @polkadot/api asks for the newest metadata version when it connects, but re-reads a runtime upgrade's metadata
   * with state_getMetadata, which subtensor answers with v14: without the runtime-API section, the live connection
   * would lose `api.call` and hand v14 to every later block's registry. Answered here the way the first read is
   * (Metadata_metadata_at_version at the newest readable version); a node without that call gets its own answer.
   */
  private async newestMetadata(params: unknown[], isCacheable?: boolean): Promise<string> {
    const at = params[0] === undefined || params[0] === null ? [] : [params[0]];
    try {
      const hex = await newestMetadataHex((method, data) => this.timed('state_call', [method, data, ...at], isCacheable));
      if (hex !== null) return hex;
    } catch (e) {
      if (e instanceof ChainCallError && e.problem === 'timeout') throw e;
      // Refused or undecodable: an older node, which state_getMetadata serves as before.
    }
    return this.timed<string>('state_getMetadata', params, isCacheable);
  }

  private timed<T>(method: string, params: unknown[], isCacheable?: boolean): Promise<T> {
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
  const provider = new TimedWsProvider(endpoint, options.callTimeoutMs ?? 60_000, options.giveUpAfterTimeouts ?? 8, (e) => stop(e));
  let timer: NodeJS.Timeout | undefined;
  try {
    const connected = new Promise<void>((resolve, reject) => {
      provider.on('connected', () => resolve());
      provider.on('error', () => reject(new ChainError('unreachable', `Cannot reach ${endpoint}: the endpoint did not accept a connection.`)));
    });
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new ChainError('unreachable', `Cannot reach ${endpoint}: no answer within ${Math.round(timeoutMs / 1000)} s.`)),
        timeoutMs,
      );
    });
    await Promise.race([provider.connect().then(() => connected), timeout]);
    const api = await Promise.race([ApiPromise.create({ provider, noInitWarn: true, throwOnConnect: true, metadata: knownMetadata() }), timeout]);
    provider.on('disconnected', () =>
      stop(new ChainError('dropped', `The connection to ${endpoint} dropped during the sync; nothing was written and the previous data is intact.`)),
    );
    const signal = options.signal;
    const aborted = () => stop(signal?.reason instanceof Error ? signal.reason : new ChainError('cancelled', 'cancelled'));
    if (signal?.aborted) aborted();
    else signal?.addEventListener('abort', aborted, { once: true });
    return {
      api,
      endpoint,
      genesisHash: api.genesisHash.toHex(),
      dropped,
      isConnected: () => provider.isConnected,
      async close() {
        await api.disconnect().catch(() => undefined);
      },
    };
  } catch (e) {
    await provider.disconnect().catch(() => undefined);
    if (e instanceof ChainError && !(e instanceof ChainCallError)) throw e;
    // @polkadot/api wraps a failed start-up request (e.g. one that timed out) in its own words: keep the request's.
    throw new ChainError('unreachable', `Cannot use ${endpoint}: ${(e as Error).message.replace(/^FATAL: Unable to initialize the API: /, '')}`);
  } finally {
    clearTimeout(timer);
  }
}
