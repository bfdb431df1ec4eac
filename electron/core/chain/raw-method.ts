/**
 * `.raw` of an `api.rpc.*` method: the node's JSON result as is, without the @polkadot/types objects @polkadot/api
 * would build around it. Its own module because both the block reader (raw-rpc.ts) and the metadata fetch
 * (runtime-codecs.ts) use it, and the block reader depends on the codecs.
 */
type Raw = (...params: unknown[]) => Promise<unknown>;

export const raw = (method: unknown): Raw => (method as { raw: Raw }).raw;
