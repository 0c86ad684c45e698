import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'tests/**/*.test.ts'],
    exclude: ['tests/browser/**', 'node_modules/**'],
    globalSetup: ['tests/support/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Every test file gets its own database (a PGlite copy or a cloned PostgreSQL template), so files
    // can run side by side. Vitest's default is one worker fewer than the cores: one worker on the
    // 2-core CI machine, where the suite is CPU-bound in that worker and the main process idles.
    maxWorkers: Math.max(2, availableParallelism() - 1),
  },
});
