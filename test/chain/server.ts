/**
 * WebSocket JSON-RPC transport: parses requests, applies fault switches (drop, delay), dispatches to the RPC
 * methods, and runs the subscriptions @polkadot/api opens (runtime version, new/finalized/all heads, storage),
 * pushing notifications when the node produces blocks.
 */
import { WebSocket, WebSocketServer } from 'ws';
import type { Chain } from './chain';
import { ChainHead, FOLLOW, UNFOLLOW } from './chain-head';
import type { Faults } from './faults';
import { describeCall, normalizeHex, RpcError, type RpcMethod } from './rpc';

export interface RequestLogEntry {
  method: string;
  params: unknown[];
  /** For state_call: the runtime API name and, if it takes one, the netuid argument. */
  runtimeMethod?: string;
  netuid?: number;
  atMs: number;
}

const MAX_LOG = 100_000;

type Kind = 'newHead' | 'finalizedHead' | 'allHead' | 'runtimeVersion' | 'storage';

interface Subscription {
  socket: WebSocket;
  kind: Kind;
  notification: string;
  /** storage: watched keys and their last sent values; runtimeVersion: last sent spec version. */
  keys: string[];
  sent: Map<string, string | null>;
  specVersion: number;
}

const SUBSCRIBE: Record<string, [Kind, string]> = {
  chain_subscribeNewHead: ['newHead', 'chain_newHead'],
  chain_subscribeNewHeads: ['newHead', 'chain_newHead'],
  chain_subscribeFinalizedHeads: ['finalizedHead', 'chain_finalizedHead'],
  chain_subscribeFinalisedHeads: ['finalizedHead', 'chain_finalizedHead'],
  chain_subscribeAllHeads: ['allHead', 'chain_allHead'],
  state_subscribeRuntimeVersion: ['runtimeVersion', 'state_runtimeVersion'],
  chain_subscribeRuntimeVersion: ['runtimeVersion', 'state_runtimeVersion'],
  state_subscribeStorage: ['storage', 'state_storage'],
};
const UNSUBSCRIBE = [
  'chain_unsubscribeNewHead',
  'chain_unsubscribeNewHeads',
  'chain_unsubscribeFinalizedHeads',
  'chain_unsubscribeFinalisedHeads',
  'chain_unsubscribeAllHeads',
  'state_unsubscribeRuntimeVersion',
  'chain_unsubscribeRuntimeVersion',
  'state_unsubscribeStorage',
];

export class RpcServer {
  private wss: WebSocketServer | null = null;
  private readonly subscriptions = new Map<string, Subscription>();
  private nextId = 1;
  private readonly chainHead: ChainHead;
  private readonly chainHeadRequests: Record<string, (params: unknown[], owner: object) => unknown>;
  private readonly methods: Record<string, RpcMethod>;

  constructor(
    private readonly chain: Chain,
    private readonly faults: Faults,
    methods: Record<string, RpcMethod>,
    readonly requestLog: RequestLogEntry[],
  ) {
    this.chainHead = new ChainHead({
      chain,
      methods,
      genesisHash: () => String(methods.chain_getBlockHash?.([0])),
      properties: () => methods.system_properties?.([]),
    });
    this.chainHeadRequests = this.chainHead.requests();
    this.methods = { ...methods, ...this.chainHead.chainSpec() };
  }

  /** Every method name the node answers, as rpc_methods lists them (@polkadot/api drops unlisted ones). */
  methodNames(): string[] {
    return [
      ...new Set([
        ...Object.keys(this.methods),
        ...Object.keys(SUBSCRIBE),
        ...UNSUBSCRIBE,
        ...this.chainHead.names(),
        'rpc_methods',
      ]),
    ].sort();
  }

  async listen(port: number): Promise<number> {
    const wss = new WebSocketServer({ host: '127.0.0.1', port });
    this.wss = wss;
    await new Promise<void>((resolve, reject) => {
      wss.once('listening', resolve);
      wss.once('error', reject);
    });
    wss.on('connection', (socket) => {
      socket.on('message', (data) => void this.onMessage(socket, data.toString()));
      socket.on('close', () => {
        for (const [id, sub] of this.subscriptions) if (sub.socket === socket) this.subscriptions.delete(id);
        this.chainHead.closeOwner(socket);
      });
    });
    const address = wss.address();
    if (address === null || typeof address === 'string')
      throw new Error(`unexpected server address ${String(address)}`);
    return address.port;
  }

  async close(): Promise<void> {
    const wss = this.wss;
    if (!wss) return;
    this.wss = null;
    for (const client of wss.clients) client.terminate();
    this.subscriptions.clear();
    await new Promise<void>((resolve) => wss.close(() => resolve()));
  }

  /** Pushes the new state to subscribers after the chain produced blocks. */
  notifyHeads(): void {
    for (const [id, sub] of this.subscriptions) this.push(id, sub, false);
    this.chainHead.onNewHeads();
  }

  private send(socket: WebSocket, message: unknown): void {
    if (socket.readyState === WebSocket.OPEN) socket.send(JSON.stringify(message));
  }

  private async onMessage(socket: WebSocket, text: string): Promise<void> {
    let request: { id?: unknown; method?: unknown; params?: unknown };
    try {
      request = JSON.parse(text) as typeof request;
    } catch {
      this.send(socket, { jsonrpc: '2.0', id: null, error: { code: -32700, message: 'Parse error' } });
      return;
    }
    const id = request.id ?? null;
    const method = request.method;
    const params = Array.isArray(request.params) ? (request.params as unknown[]) : [];
    if (typeof method !== 'string') {
      this.send(socket, { jsonrpc: '2.0', id, error: { code: -32600, message: 'Invalid request' } });
      return;
    }
    const call = describeCall(this.chain, method, params);
    this.requestLog.push({ ...call, params, atMs: Date.now() });
    // A CLI node may serve for days (a keepalive every 10 s, a sync every few minutes): keep the recent half.
    if (this.requestLog.length > MAX_LOG) this.requestLog.splice(0, MAX_LOG / 2);
    if (this.faults.shouldDrop(call)) {
      socket.terminate();
      return;
    }
    const delay = this.faults.delayFor(call);
    if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
    try {
      const subscribe = SUBSCRIBE[method];
      if (method === FOLLOW) {
        const [subscriptionId, start] = this.chainHead.follow(socket, params, (result) =>
          this.send(socket, {
            jsonrpc: '2.0',
            method: 'chainHead_v1_followEvent',
            params: { subscription: subscriptionId, result },
          }),
        );
        this.send(socket, { jsonrpc: '2.0', id, result: subscriptionId });
        start();
      } else if (method === UNFOLLOW) {
        this.send(socket, { jsonrpc: '2.0', id, result: this.chainHead.unfollow(params[0]) });
      } else if (this.chainHeadRequests[method]) {
        this.send(socket, { jsonrpc: '2.0', id, result: this.chainHeadRequests[method](params, socket) });
      } else if (subscribe) {
        // The subscription id answers the request; the first notification must come after it.
        const [subscriptionId, sub] = this.subscribe(socket, subscribe, params);
        this.send(socket, { jsonrpc: '2.0', id, result: subscriptionId });
        this.push(subscriptionId, sub, true);
      } else {
        this.send(socket, { jsonrpc: '2.0', id, result: this.dispatch(method, params) });
      }
    } catch (e) {
      const error =
        e instanceof RpcError
          ? { code: e.code, message: e.message, ...(e.data === undefined ? {} : { data: e.data }) }
          : { code: -32603, message: `Internal error: ${(e as Error).message}` };
      this.send(socket, { jsonrpc: '2.0', id, error });
    }
  }

  private subscribe(
    socket: WebSocket,
    [kind, notification]: [Kind, string],
    params: unknown[],
  ): [string, Subscription] {
    const id = `scout${(this.nextId++).toString(36).padStart(6, '0')}`;
    const keys =
      kind === 'storage' && Array.isArray(params[0]) ? params[0].map((k) => normalizeHex(k, 'storage key')) : [];
    const sub: Subscription = { socket, kind, notification, keys, sent: new Map(), specVersion: -1 };
    this.subscriptions.set(id, sub);
    return [id, sub];
  }

  private dispatch(method: string, params: unknown[]): unknown {
    if (UNSUBSCRIBE.includes(method)) return this.subscriptions.delete(String(params[0]));
    if (method === 'rpc_methods') return { version: 1, methods: this.methodNames() };
    const handler = this.methods[method];
    if (!handler) throw new RpcError(-32601, 'Method not found');
    return handler(params);
  }

  /** Sends what changed for one subscription (everything when `initial`). */
  private push(id: string, sub: Subscription, initial: boolean): void {
    const head = this.chain.head();
    const notify = (result: unknown) =>
      this.send(sub.socket, { jsonrpc: '2.0', method: sub.notification, params: { subscription: id, result } });
    switch (sub.kind) {
      case 'newHead':
      case 'allHead':
        notify(this.chain.blocks.header(head));
        return;
      case 'finalizedHead':
        notify(this.chain.blocks.header(this.chain.finalized()));
        return;
      case 'runtimeVersion': {
        const spec = this.chain.specAt(head);
        if (spec.specVersion === sub.specVersion) return;
        sub.specVersion = spec.specVersion;
        notify(spec.runtimeVersion);
        return;
      }
      case 'storage': {
        const storage = this.chain.storageAt(head);
        const changes: Array<[string, string | null]> = [];
        for (const key of sub.keys) {
          const value = storage.get(key);
          if (initial || sub.sent.get(key) !== value) changes.push([key, value]);
          sub.sent.set(key, value);
        }
        if (initial || changes.length > 0) notify({ block: this.chain.blocks.hashOf(head), changes });
      }
    }
  }
}
