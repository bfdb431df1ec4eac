import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

// Three bundles: the main process (and the core's utility process and the `scout` CLI), the sandboxed preload, and
// the renderer.
export default defineConfig({
  main: {
    build: {
      // The pure-JavaScript dependencies the sync loads are bundled rather than required from node_modules, measured
      // on the service chunk a fresh `scout sync` loads (Node 20, median of 5): 0.20 s with all external, 0.17 s with
      // the WebSocket provider bundled (only the parts of @polkadot/util it uses), ~0.11 s with the SCALE codec builders
      // (ES modules, which Node loads through its slower ESM path when required) and zod (without its 40 locales) too.
      // better-sqlite3 (native) and what only `scout report` needs stay external.
      externalizeDeps: {
        exclude: [
          '@polkadot/rpc-provider',
          '@polkadot-api/metadata-builders',
          '@polkadot-api/substrate-bindings',
          'zod',
        ],
      },
      outDir: 'out/main',
      rollupOptions: {
        input: {
          main: resolve(__dirname, 'electron/main.ts'),
          'core-process': resolve(__dirname, 'electron/core-process.ts'),
          // The CLI ships inside the app (run by its Electron as Node) and runs from a checkout with plain node.
          cli: resolve(__dirname, 'electron/cli.ts'),
        },
        // The CLI's PDF path (web shell + Chromium) is loaded only by `scout report`: a native bundler and a browser
        // driver stay outside the bundle, resolved from node_modules when that command runs.
        external: ['esbuild', 'playwright-core'],
        // Shared chunks beside the entries, not in chunks/: modules find files from __dirname (out/native from the
        // SQLite opener, out/renderer from the web shell), the same two levels below the project as in the source.
        output: { chunkFileNames: '[name]-[hash].js' },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rollupOptions: { input: { preload: resolve(__dirname, 'electron/preload.ts') } },
    },
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    plugins: [react()],
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      // Never inline assets as data: URLs: the CSP allows fonts only from the app itself (font-src 'self').
      assetsInlineLimit: 0,
      rollupOptions: { input: resolve(__dirname, 'renderer/index.html') },
    },
  },
});
