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
 * A second figure isolates the lock itself: C parallel transactions straight on the database, each
 * appending one audit row and then holding for 10 ms (the rest of a write transaction: more
 * statements, a network round trip) before committing. With the head lock they run one at a time.
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

type AuditMod = typeof import('../src/server/platform/audit');
type DbMod = typeof import('../src/server/platform/db');
const audit: AuditMod = await import(pathToFileURL(path.resolve('src/server/platform/audit.ts')).href);
const dbm: DbMod = await import(pathToFileURL(path.resolve('src/server/platform/db.ts')).href);
const { PG_URL } = await import(pathToFileURL(path.resolve('test/support/db.ts')).href);
const { sql } = await import('kysely');

/** Transactions per second: C workers, each transaction appends one audit row and holds 10 ms. */
async function transactionLevel(): Promise<void> {
  const schema = `bench_${Date.now().toString(36)}`;
  await support.pgAdmin(`CREATE SCHEMA ${schema}`);
  const handle = dbm.openDb({ databaseUrl: PG_URL, dataDir: '/tmp', pgSchema: schema });
  try {
    await dbm.migrateToLatest(handle.db, schema);
    const key = Buffer.alloc(32, 7);
    const who = { actorAccountId: null, actorName: 'bench', ip: null, requestId: null };
    let done = 0;
    const until = Date.now() + seconds * 1000;
    const started = Date.now();
    await Promise.all(
      Array.from({ length: connections }, async () => {
        while (Date.now() < until) {
          await handle.db.transaction().execute(async (trx) => {
            await audit.appendAudit(trx, key, new Date(), who, { action: 'bench.write' });
            await sql`SELECT pg_sleep(0.01)`.execute(trx);
          });
          done++;
        }
      }),
    );
    const elapsed = (Date.now() - started) / 1000;
    console.log(
      `transaction level: ${connections} parallel transactions (append + 10 ms hold), ${done} in ${elapsed.toFixed(1)} s = ${(done / elapsed).toFixed(0)}/s`,
    );
  } finally {
    await handle.close();
    await support.pgAdmin(`DROP SCHEMA ${schema} CASCADE`);
  }
}
await transactionLevel();

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
  console.log(
    `| ${connections} | ${elapsed.toFixed(1)} | ${latencies.length} | ${(latencies.length / elapsed).toFixed(0)} | ${pct(0.5)} | ${pct(0.99)} | ${failed} |`,
  );
} finally {
  await support.stop(server);
  await site.drop();
}
