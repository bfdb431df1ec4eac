/**
 * The web shell: serves the built renderer on 127.0.0.1 with a ScoutService behind it, and a `window.scout` shim
 * (shim.ts) implementing the same contract the Electron preload exposes — calls over HTTP, push events over
 * server-sent events. Used by the browser tests and by the CLI to print reports.
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { buildSync } from 'esbuild';
import type { ScoutService } from '../core/service';
import { fromWire, toWire } from '../../shared/wire';

export const RENDERER_DIR = path.resolve(__dirname, '../../out/renderer');
// The same policy Electron sends with every page (electron/main.ts).
export const CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
  "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-src 'none'; object-src 'none'";
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};
const MAX_BODY_BYTES = 64 * 1024 * 1024;

let shimCode: string | null = null;
/** Bundled on first use from the source (a checkout): this module runs from electron/web or out/main, both two
 * levels below the project. */
function shim(): string {
  shimCode ??= buildSync({
    entryPoints: [path.join(__dirname, '../../electron/web/shim.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    target: 'es2022',
  }).outputFiles[0]!.text;
  return shimCode;
}

export interface WebShell {
  url: string;
  close(): Promise<void>;
}

export async function serveWeb(service: ScoutService, options: { port?: number } = {}): Promise<WebShell> {
  if (!fs.existsSync(path.join(RENDERER_DIR, 'index.html'))) {
    throw new Error(`The renderer is not built (${RENDERER_DIR}); run \`npm run build\` first.`);
  }
  const streams = new Set<http.ServerResponse>();
  const unsubscribe = service.on((event, payload) => {
    for (const s of streams) s.write(`data: ${toWire({ event, payload })}\n\n`);
  });

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (req.method === 'POST' && url.pathname === '/api/call') {
      const chunks: Buffer[] = [];
      let size = 0;
      req.on('data', (c: Buffer) => {
        size += c.length;
        if (size > MAX_BODY_BYTES) req.destroy();
        else chunks.push(c);
      });
      req.on('end', () => {
        let request: { method?: unknown; arg?: unknown } = {};
        try {
          request = fromWire(Buffer.concat(chunks).toString('utf8')) ?? {};
        } catch {
          // malformed JSON: answered below as an unknown operation, like any other bad call
        }
        void service.call(request?.method, request?.arg).then((reply) => {
          res.writeHead(200, { 'Content-Type': 'application/json' });
          res.end(toWire(reply));
        });
      });
      return;
    }
    if (url.pathname === '/api/events') {
      res.writeHead(200, {
        'Content-Type': 'text/event-stream',
        'Cache-Control': 'no-cache',
        Connection: 'keep-alive',
      });
      res.write(': connected\n\n');
      streams.add(res);
      req.on('close', () => streams.delete(res));
      return;
    }
    if (url.pathname === '/scout-shim.js') {
      res.writeHead(200, { 'Content-Type': TYPES['.js']!, 'Content-Security-Policy': CSP });
      res.end(shim());
      return;
    }
    let relative: string;
    try {
      relative = url.pathname === '/' ? '/index.html' : decodeURIComponent(url.pathname);
    } catch {
      // A malformed escape (%E0%A4%A) would otherwise throw out of the handler and take the server down.
      res.writeHead(400);
      res.end('Bad request');
      return;
    }
    const file = path.normalize(path.join(RENDERER_DIR, relative));
    if (!file.startsWith(RENDERER_DIR + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404);
      res.end('Not found');
      return;
    }
    let content: Buffer | string = fs.readFileSync(file);
    if (file.endsWith('index.html')) {
      // The shim must define window.scout before the app's module script runs.
      content = content.toString('utf8').replace('<head>', '<head><script src="/scout-shim.js"></script>');
    }
    res.writeHead(200, {
      'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream',
      'Content-Security-Policy': CSP,
    });
    res.end(content);
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    async close() {
      unsubscribe();
      for (const s of streams) s.end();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
