/**
 * Concurrent writes per second on PostgreSQL (issue 13): the real server (`main.ts start`, production
 * mode) on a fresh schema, C parallel clients each creating stations (one write transaction with its
 * audit row each) for D seconds. Prints acknowledged writes/s and the latency spread.
 *
 *   npx tsx bench/audit-writes.ts [connections=20] [seconds=15]
 *
 * It drives whichever checkout it is run from (the server, its migrations and the reliability helpers
 * are loaded from the current directory), so the same script measures before and after:
 *
 *   git worktree add --detach /tmp/before <commit> && ln -s "$PWD/node_modules" /tmp/before/node_modules
 *   (cd /tmp/before && npx tsx "$OLDPWD/bench/audit-writes.ts")
 *
 * Not asserted anywhere: the machine is shared, figures go to bench/RESULTS.md with the command.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const connections = Number(process.argv[2] ?? 20);
const seconds = Number(process.argv[3] ?? 15);

type Support = typeof import('../test/reliability/support');
const support: Support = await import(pathToFileURL(path.resolve('test/reliability/support.ts')).href);

if (!(await support.postgresReachable())) {
  console.error('PostgreSQL is not reachable (TEST_DATABASE_URL or postgres://postgres@127.0.0.1:5432/test)');
  process.exit(1);
}

const site = await support.makeSite('postgres');
const server = await support.startServer(site, { LOG_LEVEL: 'error' });
try {
  const session = await support.login(server.url, site);
  // Warm up: the first requests compile routes and fill caches.
  for (let i = 0; i < 20; i++) await support.createStation(server.url, session, site, `预热-${i}`);

  const latencies: number[] = [];
  let failed = 0;
  const until = Date.now() + seconds * 1000;
  const started = Date.now();
  await Promise.all(
    Array.from({ length: connections }, async (_, c) => {
      for (let i = 0; Date.now() < until; i++) {
        const t0 = performance.now();
        const res = await support.createStation(server.url, session, site, `压测-${c}-${i}`);
        await res.arrayBuffer();
        if (res.status === 201) latencies.push(performance.now() - t0);
        else failed++;
      }
    }),
  );
  const elapsed = (Date.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => Math.round(latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))] ?? 0);
  console.log(`| connections | seconds | writes acknowledged | writes/s | p50 ms | p99 ms | failed |`);
  console.log(`| --- | --- | --- | --- | --- | --- | --- |`);
  console.log(`| ${connections} | ${elapsed.toFixed(1)} | ${latencies.length} | ${(latencies.length / elapsed).toFixed(0)} | ${pct(0.5)} | ${pct(0.99)} | ${failed} |`);
} finally {
  await support.stop(server);
  await site.drop();
}
