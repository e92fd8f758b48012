import { defineConfig } from '@playwright/test';

// Report the service worker's own requests too, so the zero-network guard sees the background.
process.env.PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS = '1';

export default defineConfig({
  testDir: 'tests/e2e',
  // Each test launches its own Chromium with a fresh profile; two at a time fit two cores.
  workers: process.env.CI ? 2 : undefined,
  fullyParallel: true,
  timeout: 30_000,
  expect: { timeout: 5_000 },
  reporter: process.env.CI ? [['list']] : [['list']],
  forbidOnly: !!process.env.CI,
});
