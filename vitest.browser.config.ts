import { defineConfig } from 'vitest/config';

// Browser tests: a real Roster server (embedded database, demo studio) driven by Chromium
// through playwright-core. Run with `npm run test:browser` (it builds the web app first).
export default defineConfig({
  test: {
    include: ['tests/browser/**/*.browser.test.ts'],
    globalSetup: ['tests/browser/support/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 90_000,
    hookTimeout: 120_000,
  },
});
