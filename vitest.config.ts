import { defineConfig } from 'vitest/config';

/**
 * Four projects: pure unit tests; the API suites (src/server/features/**) twice, once on SQLite and
 * once on PostgreSQL — the same files, switched by TEST_DB; and the browser journeys.
 */
/**
 * Files that replace a module with vi.mock need a module registry of their own; every other API file shares its
 * worker's modules with the files before it (isolate: false). Importing the whole server again for each of ~170 file
 * runs was a third of the suites' CPU. Nothing the suites depend on lives in module state: each file builds its own
 * app over its own database (test/support/app.ts), and the caches are per database handle.
 */
const mocksModules = ['src/server/platform/disk.api.test.ts'];

const api = (db: 'sqlite' | 'postgres', isolated: boolean) => ({
  test: {
    name: isolated ? `api-${db}-isolated` : `api-${db}`,
    include: isolated ? mocksModules : ['src/server/**/*.api.test.ts'],
    exclude: isolated ? [] : mocksModules,
    isolate: isolated,
    env: { TEST_DB: db, NODE_ENV: 'test' },
    // Backstops for a hang, not speed checks: on a 2-core machine shared with other work a suite's
    // setup (several scrypt hashes, a migrated database, sometimes the demo) has taken over a minute.
    testTimeout: 120_000,
    hookTimeout: 300_000,
  },
});

/**
 * Files run two at a time (TEST_WORKERS to change it). vitest's default on a 2-core machine is one: the API suites then
 * left half the CPU idle while each waited on PostgreSQL, fsync or scrypt. Every file has its own database (a SQLite
 * file or a PostgreSQL schema), server port and data directory, so two files never share state.
 */
const workers = Number(process.env.TEST_WORKERS) || 2;

export default defineConfig({
  test: {
    maxWorkers: workers,
    projects: [
      // Password hashing (scrypt, N=2^15) is slow by design; on a loaded machine a few hashes outrun
      // vitest's 5 s default. The timeout is a backstop for a hang, not a speed check.
      { test: { name: 'unit', include: ['src/**/*.test.ts'], exclude: ['src/**/*.api.test.ts'], env: { NODE_ENV: 'test' }, testTimeout: 60_000 } },
      api('sqlite', false),
      api('sqlite', true),
      api('postgres', false),
      api('postgres', true),
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.e2e.test.ts'],
          // A backstop for a hung journey, not a measure of speed: every step waits for what a person
          // waits for, and a loaded 2-core machine can take minutes over a long story.
          testTimeout: 240_000,
          hookTimeout: 120_000,
          // Two files at a time (each its own server, database and browser): one journey keeps about one core
          // busy, the browser and the server taking turns, so one at a time left half of a 2-core machine idle.
          env: { NODE_ENV: 'test' },
          // A value a person watches settle (a total, a count) may take as long as a page does on a
          // busy machine: poll as long as Playwright's own waits do (30 s), not vitest's default 1 s.
          expect: { poll: { timeout: 30_000, interval: 100 } },
        },
      },
      // `npm run test:reliability`: real server processes killed, databases frozen, disks full, zip bombs
      // (test/reliability). Reduced counts by default, RELIABILITY_FULL=1 for the full ones. One file at a
      // time: the figures mean more on a machine not running the others at once.
      {
        test: {
          name: 'reliability',
          include: ['test/reliability/**/*.test.ts'],
          testTimeout: 600_000,
          hookTimeout: 300_000,
          fileParallelism: false,
          env: { NODE_ENV: 'test' },
        },
      },
    ],
  },
});
