/**
 * Three test projects, run separately by `npm test` so a failure says which layer broke:
 * - unit: pure logic beside the code (src, sync-server) and tests/unit; fast, no server.
 * - integration: the real sync server on a free port with real RxDB clients (fake-indexeddb),
 *   SQLite always and PostgreSQL when TEST_PG_URL is set.
 * - browser: real Chromium (playwright-core, /usr/bin/chromium) against the built app.
 * Integration and browser files run one at a time: this machine has two cores and each file starts
 * its own server (and browser), so parallel files only fight for CPU and make timings flaky.
 */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'sync-server/**/*.test.ts', 'tests/unit/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts', 'tests/build/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
