import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

// Three bundles: the main process (and the core's utility process and the `scout` CLI), the sandboxed preload, and
// the renderer.
export default defineConfig({
  main: {
    build: {
      // The WebSocket provider the sync speaks through (and the parts of @polkadot/util it uses) bundled rather than
      // required from node_modules: the whole @polkadot/util index and its file lookups cost a fresh `scout sync` ~30 ms
      // more (the service chunk loaded in 0.20 s external, 0.17 s bundled). The other dependencies stay external.
      externalizeDeps: { exclude: ['@polkadot/rpc-provider'] },
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
