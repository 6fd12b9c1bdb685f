import { defineConfig } from 'vitest/config';

/**
 * Four projects: pure unit tests; the API suites (src/server/features/**) twice, once on SQLite and
 * once on PostgreSQL — the same files, switched by TEST_DB; and the browser journeys.
 */
const api = (db: 'sqlite' | 'postgres') => ({
  test: {
    name: `api-${db}`,
    include: ['src/server/**/*.api.test.ts'],
    env: { TEST_DB: db, NODE_ENV: 'test' },
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});

export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['src/**/*.test.ts'], exclude: ['src/**/*.api.test.ts'], env: { NODE_ENV: 'test' } } },
      api('sqlite'),
      api('postgres'),
      { test: { name: 'e2e', include: ['test/e2e/**/*.e2e.test.ts'], testTimeout: 90_000, hookTimeout: 90_000, fileParallelism: false, env: { NODE_ENV: 'test' } } },
    ],
  },
});
