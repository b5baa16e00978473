import { defineConfig } from '@playwright/test'

/*
 * E2E through the browser host in Debian's Chromium. Never `npx playwright install`: the machines have no
 * internet, and /usr/bin/chromium is what CI installs.
 */
export default defineConfig({
  testDir: 'test/e2e',
  testMatch: '**/*.spec.ts',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 5_000 },
  reporter: [['list']],
  use: {
    browserName: 'chromium',
    launchOptions: {
      executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
        '--disable-sync',
      ],
    },
    viewport: { width: 1360, height: 860 },
    trace: 'off',
    screenshot: 'only-on-failure',
  },
})
