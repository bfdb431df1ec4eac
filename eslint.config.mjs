// `npm run lint`. Recommended rules that need no type information, plus the architecture's import boundaries (docs:
// architecture.md) and a cycle check that counts type-only imports. Type-aware rules were measured and left out: with
// no-floating-promises and no-misused-promises a run took ~70 s on the 2-core build machines and found nothing.
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { noImportCycle } from './test/lint/no-import-cycle.mjs';

// Tests and their helpers may import anything (the stand-in node, fixtures, the core behind a browser test).
const TEST_FILES = ['**/*.test.ts', '**/*.test.tsx', 'test/**', '**/*test-support.ts', '**/*test-data.ts'];

// Each zone: files under `target` must not import files under `from` (paths from the project root).
const zones = [
  {
    target: './renderer',
    from: ['./electron', './test'],
    message: 'The renderer talks to the core only through window.scout; share types and constants through shared/.',
  },
  {
    target: './shared',
    from: ['./electron', './renderer', './test'],
    message: 'shared/ is imported by both sides and imports nothing of either.',
  },
  {
    // The core is plain Node the shells (Electron main/preload/ipc, the web shell, the CLI) are built on; whatever
    // sits in electron/ outside core/ is a shell or shell-only helper.
    target: './electron/core',
    from: ['./electron', './renderer', './test'],
    except: ['./core'],
    message: 'electron/core never imports a shell (main, preload, ipc, web, cli), the renderer or test code.',
  },
  {
    // The CLI's commands are a shell inside the core's folder: the rest of the core must not reach into it.
    target: ['./electron/core/!(cli)/**', './electron/core/*'],
    from: './electron/core/cli',
    message: 'Only the CLI imports electron/core/cli; move what others need out of it.',
  },
  {
    target: './electron',
    from: ['./renderer', './test'],
    message: 'The main side never imports the renderer or test code; put what both need in shared/.',
  },
  {
    target: './electron/core/engine',
    from: './electron/core',
    except: ['./engine'],
    message: 'The engine is pure economics: it takes data as arguments and imports only itself and shared/.',
  },
];

export default defineConfig([
  globalIgnores(['out/', 'dist/', 'test-results/', '.scout-data/', 'node_modules/']),
  // A disable comment that no longer silences anything is stale: it would hide the next real problem on its line.
  { linterOptions: { reportUnusedDisableDirectives: 'error' } },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    plugins: { 'import-x': importX, 'react-hooks': reactHooks, scout: { rules: { 'no-import-cycle': noImportCycle } } },
    settings: {
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.mts', '.mjs', '.js', '.json'] })],
    },
    rules: {
      'scout/no-import-cycle': 'error',
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      // A `let` read by a closure before its one assignment (a placeholder for recursive codecs) stays a `let`.
      'prefer-const': ['error', { ignoreReadBeforeAssign: true }],
      'no-console': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['electron/**', 'renderer/**', 'shared/**'],
    ignores: TEST_FILES,
    rules: { 'import-x/no-restricted-paths': ['error', { zones }] },
  },
  {
    // Only these three files talk to Electron; everything else stays testable under plain Node.
    ignores: ['electron/main.ts', 'electron/preload.ts', 'electron/ipc.ts', ...TEST_FILES],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'electron', message: 'Only main.ts, preload.ts and ipc.ts import electron.' }] },
      ],
    },
  },
  {
    files: ['electron/core/engine/**'],
    ignores: TEST_FILES,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '^(node:|fs$|path$|better-sqlite3$|@polkadot|ws$|electron$)', message: 'The engine does no I/O.' },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.tsx', 'renderer/**/*.ts'],
    languageOptions: { globals: globals.browser },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  {
    files: ['**/*.mjs', '*.mts'],
    languageOptions: { globals: globals.node },
  },
  {
    // Programs whose output is the console: the CLI, build tools, the core's child process, tests and benches.
    files: ['electron/cli.ts', 'electron/core/cli/**', 'electron/tools/**', 'electron/core-process.ts', ...TEST_FILES],
    rules: { 'no-console': 'off' },
  },
]);
