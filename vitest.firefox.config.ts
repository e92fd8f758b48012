import { defineConfig } from 'vitest/config';

/** The Firefox end-to-end suite (tests/firefox): one browser, tests in order, real time. */
export default defineConfig({
  test: {
    include: ['tests/firefox/**/*.test.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
