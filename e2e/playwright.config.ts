import { defineConfig } from '@playwright/test';

// The suite runs against a portal that scripts/run-e2e.mjs builds and starts; it
// drives Debian's Chromium and never downloads a browser of its own.
export default defineConfig({
  testDir: '.',
  timeout: 120_000,
  expect: { timeout: 30_000 },
  workers: 1,
  retries: 0,
  reporter: [['list']],
  outputDir: '../test-results/e2e',
  use: {
    baseURL: process.env.PORTAL_URL ?? 'http://localhost:7007',
    screenshot: 'only-on-failure',
    // A click that cannot find its target fails in seconds, not at the test timeout.
    actionTimeout: 30_000,
    viewport: { width: 1440, height: 900 },
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
});
