/**
 * Names for node requests, so a slow, refused or garbled answer can be traced to the exact call: the JSON-RPC method,
 * for state_call the runtime API method with its scalar arguments, for storage the items read, and the block. The
 * provider (connect.ts) times every request out, and turns the node's JSON-RPC errors into failures, under its
 * JSON-RPC name; the code that made the request renames the failure with what it knows (arguments, block) through
 * `named`.
 */
import { ChainCallError } from './errors';

/** A block as a request names it: by hash, and by number once the header has said it. */
export interface BlockAt {
  hash: string;
  number?: number;
}

export const blockAt = (at: string | BlockAt): BlockAt => (typeof at === 'string' ? { hash: at } : at);

export const blockLabel = (at: BlockAt): string =>
  at.number !== undefined ? `block #${at.number.toLocaleString('en-US')}` : `block ${at.hash.slice(0, 12)}…`;

/** A wait in words: whole seconds as `2 s`, anything else in ms. */
export const formatWait = (ms: number): string => (ms >= 1000 && ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`);

const scalar = (v: unknown): string | null =>
  typeof v === 'number' || typeof v === 'bigint'
    ? String(v)
    : typeof v === 'string' && v.length <= 66 && !v.startsWith('0x')
      ? v
      : null;

/**
 * A JSON-RPC request as the provider sees it: `state_call Metadata_metadata_at_version`, `chain_getBlockHash(8992800)`.
 * Hashes and encoded arguments are left out (the caller names the block; state_call's arguments are SCALE bytes).
 */
export function rpcCallName(method: string, params: unknown[]): string {
  if (method === 'state_call' && typeof params[0] === 'string') return `state_call ${params[0]}`;
  const shown = params.map(scalar);
  return shown.length > 0 && shown.every((s) => s !== null) ? `${method}(${shown.join(', ')})` : method;
}

/** A runtime API method's arguments by their metadata names, scalars only: `(netuid 7, subid 1)`; '' when none. */
export function describeArgs(names: readonly string[], args: readonly unknown[]): string {
  const parts = names.flatMap((name, i) => {
    const v = scalar(args[i]);
    return v === null ? [] : [`${name} ${v}`];
  });
  return parts.length ? `(${parts.join(', ')})` : '';
}

/** Storage items as one request reads them: `SubtensorModule.Burn(7)`, or `SubtensorModule.{Burn, …} (48 keys)`. */
export function describeStorage(items: ReadonlyArray<{ name: string; args: readonly unknown[] }>): string {
  if (items.length === 1) return `${items[0]!.name}${argList(items[0]!.args)}`;
  const byPallet = new Map<string, string[]>();
  for (const { name } of items) {
    const [pallet, item] = splitName(name);
    const names = byPallet.get(pallet) ?? [];
    if (!names.includes(item)) names.push(item);
    byPallet.set(pallet, names);
  }
  const parts = [...byPallet].map(([pallet, names]) => {
    const shown = names.length > 4 ? [...names.slice(0, 3), `+${names.length - 3} more`] : names;
    return names.length === 1 ? `${pallet}.${names[0]}` : `${pallet}.{${shown.join(', ')}}`;
  });
  return `${parts.join(', ')} (${items.length} keys)`;
}

export const storageItemName = (name: string, args: readonly unknown[]): string => `${name}${argList(args)}`;

function argList(args: readonly unknown[]): string {
  return args.length ? `(${args.map((a) => scalar(a) ?? '…').join(', ')})` : '';
}

function splitName(name: string): [string, string] {
  const dot = name.indexOf('.');
  return dot < 0 ? ['', name] : [name.slice(0, dot), name.slice(dot + 1)];
}

/**
 * The node's JSON-RPC error for a request, named by its JSON-RPC method (see rpcCallName); null for any other failure
 * (a dropped socket, a timeout). @polkadot/rpc-provider raises the error as an RpcError: a numeric `code` and the
 * message `<code>: <node's message>`, which is kept whole because it is what the node operator's logs and forums use.
 */
export function nodeRefusal(method: string, params: unknown[], e: unknown): ChainCallError | null {
  if (!(e instanceof Error) || e instanceof ChainCallError || typeof (e as { code?: unknown }).code !== 'number')
    return null;
  return new ChainCallError('rejected', rpcCallName(method, params), null, e.message);
}

/**
 * Runs a request; a timeout or a refusal the provider reported under the bare JSON-RPC name is renamed to `call`
 * (when given) at `at`. Other failures pass through unchanged.
 */
export async function named<T>(at: BlockAt | null, call: string | null, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (e) {
    // Named once, by the innermost caller: an outer one knows less about the request.
    if (e instanceof ChainCallError && e.problem !== 'decode' && e.block === null)
      throw e.named(call, at ? blockLabel(at) : null);
    throw e;
  }
}

/** The failure of an answer that arrived but does not decode (or does not hold what the app reads). */
export function undecodable(call: string, at: BlockAt | null, what: string, e: unknown): ChainCallError {
  // scale-ts reads past the end of short input through a DataView: say what that means.
  const why =
    e instanceof RangeError && /DataView|bounds/.test(e.message)
      ? 'the bytes end before the value does'
      : e instanceof Error
        ? e.message
        : String(e);
  return new ChainCallError(
    'decode',
    call,
    at ? blockLabel(at) : null,
    `${what} (${why.length > 200 ? `${why.slice(0, 200)}…` : why})`,
  );
}
