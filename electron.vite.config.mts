import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

// Three bundles: the main process (and the core's utility process and the `scout` CLI), the sandboxed preload, and
// the renderer.
export default defineConfig({
  main: {
    build: {
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
        // @polkadot/* are loaded from node_modules (they come with @polkadot/api, a dependency): one copy of
        // @polkadot/util-crypto, whose WASM the sync's connection initialises; a bundled second copy would hash every
        // SS58 checksum in JavaScript (~0.5 s a full sync in a fresh process).
        external: ['esbuild', 'playwright-core', /^@polkadot\//],
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
