/**
 * What the sync asks of a node connection (connect.ts): JSON-RPC requests answered with the node's JSON as is, and
 * two facts read once on connecting. The sync decodes every answer itself (runtime-codecs.ts), so it needs no
 * @polkadot/api object around the socket: loading and initialising one was half of a fresh CLI process's time.
 */
export interface ChainClient {
  /** Block 0's hash: which chain this is. */
  readonly genesisHash: string;
  /** The prefix accounts are printed with: the chain's `ss58Format` property, else Substrate's generic 42. */
  readonly ss58Prefix: number;
  /** One JSON-RPC request; fails with its name (call-names.ts) on a timeout or the node's error. */
  request(method: string, params: unknown[]): Promise<unknown>;
}
