/**
 * Shared pieces of the stand-in node tests: connecting a plain ApiPromise, typed access to runtime calls
 * (@polkadot/api-augment only types Substrate's own runtime APIs; fake-node gotcha 8) and the skip rule for
 * machines without the metadata files.
 */
import { ApiPromise, WsProvider } from '@polkadot/api';
import type { QueryableStorageEntry } from '@polkadot/api/types';
import { WebSocket } from 'ws';
import { findMetadata } from './metadata';

export interface Int {
  toNumber(): number;
  toBigInt(): bigint;
}
export interface Str {
  toString(): string;
}
export interface Opt<T> {
  isSome: boolean;
  isNone: boolean;
  unwrap(): T;
}
export interface Vec<T> extends ArrayLike<T> {
  map<U>(fn: (item: T, index: number) => U): U[];
}

export interface DynamicInfoCodec {
  netuid: Int;
  ownerHotkey: Str;
  subnetName: Vec<Int>;
  tokenSymbol: Vec<Int>;
  tempo: Int;
  taoIn: Int;
  alphaIn: Int;
  alphaOut: Int;
  subnetVolume: Int;
  taoInEmission: Int;
  movingPrice: { bits: Int };
}

export interface MetagraphCodec {
  netuid: Int;
  block: Int;
  numUids: Int;
  burn: Int;
  activityCutoff: Int;
  hotkeys: Vec<Str>;
  coldkeys: Vec<Str>;
  incentives: Vec<Int>;
  dividends: Vec<Int>;
  emission: Vec<Int>;
  blockAtRegistration: Vec<Int>;
  validatorPermit: Vec<{ isTrue: boolean }>;
  alphaStake: Vec<Int>;
  totalStake: Vec<Int>;
}

export interface SelectiveCodec {
  netuid: Int;
  block: Opt<Int>;
  hotkeys: Opt<Vec<Str>>;
  incentives: Opt<Vec<Int>>;
  identity: Opt<Opt<unknown>>;
  validators: Opt<Vec<Int>>;
}

/** Runtime-API calls by section and method name, typed by the caller. */
export function runtimeCall<T>(
  api: Pick<ApiPromise, 'call'>,
  section: string,
  method: string,
  ...args: unknown[]
): Promise<T> {
  const fn = api.call[section]?.[method];
  if (!fn) throw new Error(`api.call.${section}.${method} is not decorated`);
  return fn(...args) as unknown as Promise<T>;
}

/** A storage entry by pallet and item (section/method names as api.query spells them). */
export function query(
  api: Pick<ApiPromise, 'query'>,
  section: string,
  method: string,
): QueryableStorageEntry<'promise'> {
  const entry = api.query[section]?.[method];
  if (!entry) throw new Error(`api.query.${section}.${method} is not decorated`);
  return entry;
}

/** Reads a storage value and types it as the caller expects. */
export async function read<T>(
  api: Pick<ApiPromise, 'query'>,
  section: string,
  method: string,
  ...args: unknown[]
): Promise<T> {
  return (await query(api, section, method)(...args)) as unknown as T;
}

export function connect(url: string): Promise<ApiPromise> {
  return ApiPromise.create({ provider: new WsProvider(url), noInitWarn: true });
}

/** Vec<Compact<u8>> → string (multi-byte UTF-8 safe). */
export function text(bytes: Vec<Int>): string {
  return new TextDecoder().decode(Uint8Array.from(bytes.map((b) => b.toNumber())));
}

export const utf8 = (bytes: Uint8Array): string => new TextDecoder().decode(bytes);

/** The metadata path, or null after printing why the calling suite is skipped. */
export function metadataOrWarn(suite: string, fileName?: string): string | null {
  const path = findMetadata(fileName);
  if (!path) {
    console.warn(
      `[${suite}] skipped: runtime metadata ${fileName ?? 'bittensor.scale'} not found ` +
        '(set SCOUT_METADATA or place shared/chain/ beside the repository)',
    );
  }
  return path;
}

export interface RawResponse {
  result?: unknown;
  error?: { code: number; message: string };
}

export interface RawClient {
  request(method: string, params?: unknown[]): Promise<RawResponse>;
  close(): void;
}

/** A bare JSON-RPC client over one socket, for wire-level checks (error codes, raw results, server timings). */
export async function rawClient(url: string): Promise<RawClient> {
  const socket = new WebSocket(url);
  await new Promise((resolve, reject) => {
    socket.once('open', resolve);
    socket.once('error', reject);
  });
  const pending = new Map<number, { resolve(r: RawResponse): void; reject(e: Error): void; method: string }>();
  let nextId = 1;
  socket.on('message', (data) => {
    const message = JSON.parse(data.toString()) as RawResponse & { id?: number };
    if (typeof message.id !== 'number') return;
    pending.get(message.id)?.resolve(message);
    pending.delete(message.id);
  });
  socket.on('close', () => {
    for (const p of pending.values()) p.reject(new Error(`socket closed before ${p.method} answered`));
    pending.clear();
  });
  return {
    request: (method, params = []) =>
      new Promise((resolve, reject) => {
        const id = nextId++;
        pending.set(id, { resolve, reject, method });
        socket.send(JSON.stringify({ jsonrpc: '2.0', id, method, params }));
      }),
    close: () => socket.close(),
  };
}

/** One JSON-RPC request over a fresh socket. */
export async function rawRequest(url: string, method: string, params: unknown[] = []): Promise<RawResponse> {
  const client = await rawClient(url);
  try {
    return await client.request(method, params);
  } finally {
    client.close();
  }
}
