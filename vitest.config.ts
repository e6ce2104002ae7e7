import { defineConfig } from 'vitest/config';

// One run, four projects: pure unit tests; data-layer and API tests on PGlite and on the
// PostgreSQL server (the same *.db.test.ts files); browser tests in Chromium.
const dbTests = ['server/**/*.db.test.ts', 'bench/**/*.db.test.ts'];

export default defineConfig({
  test: {
    reporters: ['default', './server/src/test/summary-reporter.ts'],
    maxWorkers: 2,
    projects: [
      {
        test: {
          name: 'unit',
          include: ['server/**/*.test.ts', 'common/**/*.test.ts', 'bench/**/*.test.ts', 'web/**/*.test.ts'],
          exclude: [...dbTests, '**/*.pg.test.ts', '**/node_modules/**'],
          // Generators, PDF rendering and the holiday tables are CPU work: on a busy 2-core runner
          // the default 5 s timed out a test that takes ~1 s alone.
          testTimeout: 20_000,
        },
      },
      {
        test: {
          name: 'pglite',
          include: dbTests,
          env: { KORYU_TEST_DB: 'pglite' },
          globalSetup: ['./server/src/test/global-setup-pglite.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'postgres',
          // *.pg.test.ts: behaviour only a multi-connection server has (races between connections).
          include: [...dbTests, 'server/**/*.pg.test.ts'],
          env: { KORYU_TEST_DB: 'postgres' },
          globalSetup: ['./server/src/test/global-setup-postgres.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['e2e/**/*.e2e.test.ts'],
          globalSetup: ['./e2e/global-setup.ts'],
          testTimeout: 90_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
