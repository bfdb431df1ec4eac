/**
 * Opening a connection to a subtensor endpoint, with failures in words. Types come from the node's own metadata
 * (runtime APIs included, metadata v15/v16): no hand-written type definitions.
 */
import { ApiPromise, WsProvider } from '@polkadot/api';
import { ChainError } from './errors';
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

export async function connect(endpoint: string, options: { timeoutMs?: number; callTimeoutMs?: number } = {}): Promise<Connection> {
  const timeoutMs = options.timeoutMs ?? 15_000;
  // autoConnect off: an unreachable endpoint must fail this sync with a message, not retry silently forever.
  const provider = new WsProvider(endpoint, false, undefined, options.callTimeoutMs ?? 60_000);
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
    if (e instanceof ChainError) throw e;
    throw new ChainError('unreachable', `Cannot use ${endpoint}: ${(e as Error).message}`);
  } finally {
    clearTimeout(timer);
  }
}
