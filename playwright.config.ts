import { defineConfig } from '@playwright/test';
import { findChromium, LAUNCH_ARGS } from './electron/server/pdf-chromium';

// E2E against browser mode in the machine's own Chromium-family browser (Playwright's browser download is not
// available offline): CHROMIUM_PATH, else Debian's /usr/bin/chromium, Chrome or Edge where they usually live
// (Chrome on the Windows workflow's runner), found the way browser mode's PDF engine finds it. None found:
// Playwright's own Chromium, if `npx playwright install chromium` put one there (else its error says so).
export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results/e2e',
  timeout: 180_000,
  expect: { timeout: 20_000 },
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  reporter: [['list']],
  use: {
    viewport: { width: 1366, height: 768 },
    locale: 'zh-CN',
    acceptDownloads: true,
    actionTimeout: 30_000,
    screenshot: 'only-on-failure',
    trace: 'off',
    launchOptions: {
      executablePath: findChromium() ?? undefined,
      args: LAUNCH_ARGS,
    },
  },
});
