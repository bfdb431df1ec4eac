/**
 * A WebSocket relay on 127.0.0.1 between the app and the stand-in node that counts what crosses it (message bytes
 * each way, client requests) and can hold every message for a while in each direction: a 100 ms round trip is 50 ms
 * each way, the distance to a public node.
 */
import { WebSocket, WebSocketServer, type RawData } from 'ws';

export interface LinkCounts {
  requests: number;
  bytesUp: number;
  bytesDown: number;
}

export interface LinkProxy {
  url: string;
  counts: LinkCounts;
  reset(): void;
  close(): Promise<void>;
}

const size = (data: RawData): number =>
  Array.isArray(data)
    ? data.reduce((a, b) => a + b.length, 0)
    : data instanceof ArrayBuffer
      ? data.byteLength
      : data.length;

export async function startLinkProxy(upstream: string, oneWayDelayMs = 0): Promise<LinkProxy> {
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const counts: LinkCounts = { requests: 0, bytesUp: 0, bytesDown: 0 };
  // Equal delays keep the order: timers of the same length fire in the order they were set.
  const later = (send: () => void) => (oneWayDelayMs > 0 ? setTimeout(send, oneWayDelayMs) : send());
  server.on('connection', (client) => {
    const node = new WebSocket(upstream);
    const pending: { data: RawData; isBinary: boolean }[] = [];
    node.on('open', () => {
      for (const m of pending.splice(0)) node.send(m.data, { binary: m.isBinary });
    });
    client.on('message', (data, isBinary) => {
      counts.requests++;
      counts.bytesUp += size(data);
      later(() =>
        node.readyState === WebSocket.OPEN ? node.send(data, { binary: isBinary }) : pending.push({ data, isBinary }),
      );
    });
    node.on('message', (data, isBinary) => {
      counts.bytesDown += size(data);
      later(() => client.readyState === WebSocket.OPEN && client.send(data, { binary: isBinary }));
    });
    const closeBoth = () => {
      client.close();
      node.close();
    };
    client.on('close', closeBoth);
    node.on('close', closeBoth);
    client.on('error', closeBoth);
    node.on('error', closeBoth);
  });
  const address = server.address() as { port: number };
  return {
    url: `ws://127.0.0.1:${address.port}`,
    counts,
    reset() {
      Object.assign(counts, { requests: 0, bytesUp: 0, bytesDown: 0 });
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const c of server.clients) c.terminate();
        server.close(() => resolve());
      }),
  };
}
