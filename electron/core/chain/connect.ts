/**
 * Opening a connection to a subtensor endpoint, with failures in words. Types come from the node's own metadata
 * (runtime APIs included, metadata v15/v16): no hand-written type definitions.
 */
import { ApiPromise, WsProvider } from '@polkadot/api';
import { formatWait, nodeRefusal, rpcCallName } from './call-names';
import { ChainCallError, ChainError } from './errors';
import { knownMetadata } from './known-metadata';

export interface Connection {
  api: ApiPromise;
  endpoint: string;
  genesisHash: string;
  /** Rejects when the socket drops, so a sync in progress stops instead of hanging. */
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
  constructor(
    endpoint: string,
    private readonly callTimeoutMs: number,
  ) {
    super(endpoint, false, undefined, callTimeoutMs + BACKSTOP_MS);
  }

  override send<T = unknown>(method: string, params: unknown[], isCacheable?: boolean, subscription?: Parameters<WsProvider['send']>[3]): Promise<T> {
    if (subscription) return super.send<T>(method, params, isCacheable, subscription);
    const answer = super.send<T>(method, params, isCacheable).catch((e: unknown) => {
      throw nodeRefusal(method, params, e) ?? e;
    });
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new ChainCallError('timeout', rpcCallName(method, params), null, formatWait(this.callTimeoutMs))), this.callTimeoutMs);
    });
    return Promise.race([answer, late]).finally(() => clearTimeout(timer));
  }
}

export async function connect(endpoint: string, options: { timeoutMs?: number; callTimeoutMs?: number } = {}): Promise<Connection> {
  const timeoutMs = options.timeoutMs ?? 15_000;
  // autoConnect off: an unreachable endpoint must fail this sync with a message, not retry silently forever.
  const provider = new TimedWsProvider(endpoint, options.callTimeoutMs ?? 60_000);
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
    const dropped = new Promise<never>((_, reject) => {
      provider.on('disconnected', () =>
        reject(new ChainError('dropped', `The connection to ${endpoint} dropped during the sync; nothing was written and the previous data is intact.`)),
      );
    });
    dropped.catch(() => undefined); // observed by whoever races it; never an unhandled rejection
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
