import { defineConfig } from '@playwright/test';

// The Electron end-to-end suite (tests/electron): the real desktop app through Playwright's _electron.
// Run it with `npm run test:electron` (scripts/test-electron.mjs), which finds the Electron binary and the
// better-sqlite3 build for Electron; run directly without them, every test skips.
export default defineConfig({
  testDir: 'tests/electron',
  outputDir: 'test-results/electron',
  timeout: 300_000,
  expect: { timeout: 20_000 },
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  reporter: [['list']],
  use: {
    actionTimeout: 30_000,
    trace: 'off',
  },
});
