/**
 * The web shell's HTTP endpoint (the test host's and the CLI's way in) under malformed requests: broken JSON,
 * bytes that are not UTF-8, pollution keys, deep nesting, bad URL escapes. Every call gets a clean JSON refusal,
 * the server keeps answering, and nothing the user has changes.
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toWire } from '../../shared/wire';
import { RENDERER_DIR } from '../../electron/web/web-shell';
import { startHost, type TestHost } from '../host/host';
import { seedUserData, userDataDump } from './fuzz-fixtures';
import { anything } from './hostile-args';

const built = fs.existsSync(path.join(RENDERER_DIR, 'index.html'));
if (!built)
  console.warn(`[skip] web shell fuzz: the renderer is not built (${RENDERER_DIR}); run \`npm run build\` first.`);
const RUNS = process.env.SCOUT_SOAK === '1' ? 2000 : 200;

interface Answer {
  status: number;
  body: string;
}

function send(url: string, method: string, pathName: string, body?: Buffer | string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request(`${url}${pathName}`, { method }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const FIXED_BODIES = [
  '',
  'null',
  '5',
  '"app.info"',
  '[]',
  '[1,2]',
  '{',
  '}',
  '{"method":',
  '{"method":"app.info","arg":',
  'undefined',
  'NaN',
  '{"$bigint":"12"}',
  '{"method":{"$bigint":"1"}}',
  '{"method":["app.info"]}',
  '{"method":null,"arg":{}}',
  '{"method":"settings.set","arg":{"__proto__":{"polluted":"yes"}}}',
  '{"method":"settings.set","arg":{"constructor":{"prototype":{"polluted":"yes"}}}}',
  '{"__proto__":{"method":"app.info"}}',
  '{"method":"notes.import","arg":{"content":"{\\"__proto__\\":{\\"polluted\\":1}}","conflicts":"replace"}}',
  '['.repeat(200_000),
  `"${'x'.repeat(5_000_000)}"`,
  Buffer.from([0xff, 0xfe, 0x00, 0xc3, 0x28, 0xa0, 0xa1]),
];

describe.skipIf(!built)('the web shell refuses malformed requests cleanly', () => {
  let host: TestHost;
  let baseline: string;

  beforeAll(async () => {
    host = await startHost({ dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'scout-host-fuzz-')) });
    await seedUserData(host.service);
    baseline = userDataDump(host.service);
  });
  afterAll(async () => {
    await host?.close();
  });

  async function expectCleanRefusal(body: Buffer | string): Promise<void> {
    const answer = await send(host.url, 'POST', '/api/call', body);
    expect(answer.status).toBe(200);
    const reply = JSON.parse(answer.body) as { ok: boolean; error?: { code: string; message: string } };
    // A body that happens to be a valid call (`{"method":"app.info"}`) may succeed; nothing else does.
    if (reply.ok) return;
    expect(['unknown-method', 'invalid-argument']).toContain(reply.error!.code);
    expect(reply.error!.message.length).toBeLessThan(1500);
    expect(reply.error!.message).not.toMatch(/\n\s+at |\[object Object\]/);
  }

  it('broken, hostile and oversized JSON bodies', async () => {
    for (const body of FIXED_BODIES) await expectCleanRefusal(body);
    const bodies = fc.oneof(
      fc.string({ maxLength: 200 }),
      fc.uint8Array({ maxLength: 200 }).map((b) => Buffer.from(b)),
      anything.map((v) => toWire(v) ?? 'undefined'),
      fc.record({ method: anything, arg: anything }).map((r) => toWire(r)),
      fc.string({ maxLength: 60 }).map((s) => `{"method":"settings.set","arg":${s}}`),
    );
    await fc.assert(fc.asyncProperty(bodies, expectCleanRefusal), { seed: 4242, numRuns: RUNS });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(userDataDump(host.service)).toBe(baseline);
  });

  it('bad URL escapes and paths outside the app are refused, and the server keeps answering', async () => {
    for (const p of [
      '/%E0%A4%A',
      '/%',
      '/..%2f..%2f..%2fetc%2fpasswd',
      '/%2e%2e/%2e%2e/etc/passwd',
      '/%00',
      '/api/call?%zz',
      '/index.html%00.js',
    ]) {
      const answer = await send(host.url, 'GET', p);
      expect([400, 404]).toContain(answer.status);
    }
    const info = JSON.parse((await send(host.url, 'POST', '/api/call', '{"method":"app.info"}')).body) as {
      ok: boolean;
    };
    expect(info.ok).toBe(true);
  });
});
