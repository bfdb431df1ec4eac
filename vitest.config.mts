import { defineConfig } from 'vitest/config';

const shared = { environment: 'node' as const, testTimeout: 60_000, hookTimeout: 60_000, pool: 'forks' as const };

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          ...shared,
          name: 'core',
          include: [
            'electron/**/*.test.ts',
            'shared/**/*.test.ts',
            'test/chain/**/*.test.ts',
            'test/bench/**/*.test.ts',
            'test/renderer/**/*.test.ts',
            'test/sync/**/*.test.ts',
            'test/reliability/**/*.test.ts',
            'test/lint/**/*.test.ts',
          ],
        },
      },
      {
        // Each browser file starts Chromium and a core; on 2 cores they are steadier one file at a time.
        test: {
          ...shared,
          name: 'browser',
          include: ['test/e2e/**/*.test.ts', 'test/electron/**/*.test.ts'],
          fileParallelism: false,
        },
      },
    ],
  },
});
