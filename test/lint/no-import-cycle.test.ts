/** The cycle rule on small projects written to a temporary folder, so each case has exactly the graph it names. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { afterEach, describe, expect, it } from 'vitest';
import { noImportCycle } from './no-import-cycle.mjs';

const folders: string[] = [];
afterEach(() => {
  for (const dir of folders.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** Writes `files` (path → source) to a fresh folder and lints all of them with only the cycle rule on. */
async function lint(files: Record<string, string>): Promise<Record<string, string[]>> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'scout-cycles-'));
  folders.push(dir);
  for (const [file, source] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), source);
  }
  const eslint = new ESLint({
    cwd: dir,
    overrideConfigFile: true,
    overrideConfig: {
      files: ['**/*.ts', '**/*.tsx'],
      languageOptions: { parser: tseslint.parser },
      plugins: { scout: { rules: { 'no-import-cycle': noImportCycle } } },
      rules: { 'scout/no-import-cycle': 'error' },
    },
  });
  const results = await eslint.lintFiles(['.']);
  return Object.fromEntries(results.map((r) => [path.relative(dir, r.filePath), r.messages.map((m) => m.message)]));
}

describe('no-import-cycle', () => {
  it('reports a circle made only of type imports, on each import that closes it, with the way back', async () => {
    const found = await lint({
      'core/service.ts': "import { handlers } from './handlers/index';\nexport class Service {}\n",
      'core/handlers/index.ts':
        "import type { Service } from '../service';\nexport const handlers = (s: Service) => s;\n",
    });
    expect(found['core/service.ts']).toEqual([
      'Import cycle: core/service.ts → core/handlers/index.ts → core/service.ts. Move what both sides need into a module neither imports.',
    ]);
    expect(found['core/handlers/index.ts']).toEqual([
      'Import cycle: core/handlers/index.ts → core/service.ts → core/handlers/index.ts. Move what both sides need into a module neither imports.',
    ]);
  });

  it('names every module of a longer circle, and finds re-exports and dynamic imports', async () => {
    const found = await lint({
      'a.ts': "export * from './b';\n",
      'b.tsx': "export { c } from './c';\n",
      'c.ts': "export const c = () => import('./a');\n",
      'outside.ts': "import './a';\n",
    });
    expect(found['a.ts']).toEqual([expect.stringContaining('a.ts → b.tsx → c.ts → a.ts')]);
    expect(found['c.ts']).toEqual([expect.stringContaining('c.ts → a.ts → b.tsx → c.ts')]);
    // Importing a module that sits on a circle does not put the importer on it.
    expect(found['outside.ts']).toEqual([]);
  });

  it('is quiet once the shared part moves to a module neither side imports', async () => {
    const found = await lint({
      'core/context.ts': 'export interface Context { now(): number }\n',
      'core/service.ts':
        "import { handlers } from './handlers/index';\nimport type { Context } from './context';\nexport class Service implements Context { now() { return 0; } }\n",
      'core/handlers/index.ts':
        "import type { Context } from '../context';\nexport const handlers = (c: Context) => c;\n",
    });
    expect(Object.values(found).flat()).toEqual([]);
  });
});
