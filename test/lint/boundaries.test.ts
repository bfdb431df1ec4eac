/**
 * The architecture's import boundaries, as `npm run lint` enforces them with the project's own eslint.config.mjs: each
 * case lints one import written as if it sat in a file of that layer (the imported files are the real ones).
 */
import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../..');
const eslint = new ESLint({ cwd: root });

/** The rules that fire on `code` placed at `file` (a path from the project root), with their messages. */
async function problems(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${code}\nexport {};\n`, { filePath: path.join(root, file) });
  return result!.messages.map((m) => `${m.ruleId}: ${m.message}`);
}

describe('import boundaries', () => {
  it('the renderer cannot import the main side; it talks to window.scout and shares through shared/', async () => {
    expect(await problems('renderer/src/views/New.tsx', "import '../../../electron/core/service';")).toEqual([
      expect.stringMatching(
        /^import-x\/no-restricted-paths: .*The renderer talks to the core only through window\.scout/,
      ),
    ]);
    expect(await problems('renderer/src/views/New.tsx', "import '../../../shared/format';")).toEqual([]);
  });

  it('shared/ imports nothing of the main side, the renderer or the tests', async () => {
    for (const target of ['../electron/core/errors', '../renderer/src/scout', '../test/chain/chain']) {
      expect(await problems('shared/new.ts', `import '${target}';`)).toEqual([
        expect.stringMatching(
          /^import-x\/no-restricted-paths: .*shared\/ is imported by both sides and imports nothing/,
        ),
      ]);
    }
  });

  it('the core imports no shell: not main, preload, ipc, the web shell, the CLI entry or the core process', async () => {
    for (const shell of ['../main', '../preload', '../ipc', '../web/web-shell', '../cli', '../core-process']) {
      const found = await problems('electron/core/new.ts', `import '${shell}';`);
      expect(
        found.some((p) => /electron\/core never imports a shell/.test(p)),
        shell,
      ).toBe(true);
    }
  });

  it("the CLI's commands are imported only by the CLI", async () => {
    for (const [file, cli] of [
      ['electron/core/miners/new.ts', '../cli/run'],
      ['electron/core/new.ts', './cli/run'],
    ] as const) {
      expect(await problems(file, `import '${cli}';`)).toEqual([
        expect.stringMatching(/Only the CLI imports electron\/core\/cli/),
      ]);
    }
    expect(await problems('electron/core/cli/new.ts', "import './run';")).toEqual([]);
  });

  it('the engine imports only itself and shared/, and does no I/O', async () => {
    expect(await problems('electron/core/engine/new.ts', "import '../db/open';")).toEqual([
      expect.stringMatching(/The engine is pure economics/),
    ]);
    expect(await problems('electron/core/engine/new.ts', "import 'node:fs';")).toEqual([
      expect.stringMatching(/^no-restricted-imports: .*The engine does no I\/O/),
    ]);
    expect(await problems('electron/core/engine/new.ts', "import './halving';")).toEqual([]);
  });

  it("only main.ts, preload.ts and ipc.ts import 'electron'", async () => {
    expect(await problems('electron/core/new.ts', "import 'electron';")).toEqual([
      expect.stringMatching(/^no-restricted-imports: .*Only main\.ts, preload\.ts and ipc\.ts import electron/),
    ]);
    expect(await problems('electron/ipc.ts', "import 'electron';")).toEqual([]);
  });

  it('tests may import across every boundary', async () => {
    expect(await problems('renderer/src/views/New.test.ts', "import '../../../electron/core/service';")).toEqual([]);
    expect(await problems('electron/core/engine/new.test.ts', "import 'node:fs';")).toEqual([]);
  });
});
