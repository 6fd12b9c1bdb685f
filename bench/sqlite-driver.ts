/**
 * The SQLite driver (issue 13, platform/sqlite-driver.ts) against what Kysely's own driver did, on the
 * Ma'an demo, in one process and one run so the busy shared machine weighs on every variant alike:
 *   - "prepare every time, one connection" (sqliteStatementCache 0, sqliteReaders 0: Kysely's driver)
 *   - "statement cache, one connection"
 *   - "statement cache + 2 readers" (the default)
 * 1. CPU per request (process.cpuUsage, not wall time) for the lists, requests one at a time, the
 *    variants interleaved round by round.
 * 2. Reads beside a slow write, over HTTP: a loop of write transactions that each hold the writer HOLD_MS (100) ms across an
 *    await (as a request's transaction does while it awaits), and 5 concurrent readers of the talent pool.
 * Run: npx tsx bench/sqlite-driver.ts   — figures on stdout; bench/RESULTS.md records runs. Not asserted.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { buildApp } from '../src/server/app';
import { DEMO_PASSWORD, seedDemo } from '../src/server/db/seed/maan';
import { systemClock } from '../src/server/platform/clock';
import { loadConfig } from '../src/server/platform/config';
import { type DbHandle, migrateToLatest, openDb } from '../src/server/platform/db';

const ROUNDS = Number(process.env.ROUNDS ?? 3);
const PER_ROUTE = Number(process.env.PER_ROUTE ?? 150);
/** How long each write transaction of part 2 holds the writer across an await (a slow request's transaction). */
const HOLD_MS = Number(process.env.HOLD_MS ?? 100);
const READERS_AT_ONCE = 5;

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'shijian-bench-driver-'));
const config = loadConfig({ ...process.env, NODE_ENV: 'test', DATA_DIR: dataDir, LOG_LEVEL: 'silent' }, { loginRateLimit: { max: 100_000, windowMs: 60_000 } });
{
  const seed = openDb({ databaseUrl: null, dataDir });
  await migrateToLatest(seed.db);
  await seedDemo({ db: seed.db, config }, systemClock.now());
  await sql`create table bench_writes (id integer primary key, at text not null)`.execute(seed.db);
  await seed.close();
}

const variants = [
  { name: 'prepare every time, one connection (Kysely driver)', sqliteStatementCache: 0, sqliteReaders: 0 },
  { name: 'statement cache, one connection', sqliteReaders: 0 },
  { name: 'statement cache + 2 readers (default)', sqliteReaders: 2 },
];

type App = Awaited<ReturnType<typeof buildApp>>;
interface Running {
  name: string;
  handle: DbHandle;
  app: App;
  cookie: string;
}

const running: Running[] = [];
for (const v of variants) {
  const handle = openDb({ databaseUrl: null, dataDir, ...v });
  const app = await buildApp({ db: handle.db, dialect: handle.dialect, config, clock: systemClock }, { logger: false });
  const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'admin', password: DEMO_PASSWORD } });
  const setCookie = login.headers['set-cookie'];
  const cookie = ([setCookie].flat()[0] ?? '').split(';')[0] ?? '';
  running.push({ name: v.name, handle, app, cookie });
}

const routes = [
  ['GET /api/health', '/api/health'],
  ['GET /api/volunteers (talent pool, page 1)', '/api/volunteers?pageSize=20'],
  ['GET /api/activities (month)', '/api/activities?from=2026-11-01&to=2026-11-30&pageSize=100'],
  ['GET /api/orders (queue)', '/api/orders?pageSize=20'],
  ['GET /api/hours (pending)', '/api/hours?status=pending&pageSize=20'],
] as const;

async function get(r: Running, url: string): Promise<void> {
  const res = await r.app.inject({ method: 'GET', url, headers: { cookie: r.cookie } });
  if (res.statusCode !== 200) throw new Error(`${r.name} ${url}: ${res.statusCode} ${res.body.slice(0, 200)}`);
}

// 1. CPU per request.
const cpu = new Map<string, number[]>(); // `${variant}|${route}` → µs per request, one per round
for (const r of running) for (const [, url] of routes) await get(r, url); // warm up
for (let round = 0; round < ROUNDS; round++) {
  for (const r of running) {
    for (const [name, url] of routes) {
      const before = process.cpuUsage();
      for (let i = 0; i < PER_ROUTE; i++) await get(r, url);
      const used = process.cpuUsage(before);
      const key = `${r.name}|${name}`;
      cpu.set(key, [...(cpu.get(key) ?? []), (used.user + used.system) / PER_ROUTE]);
    }
  }
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
console.log(`\n1. CPU per request (µs, median of ${ROUNDS} rounds of ${PER_ROUTE} requests one at a time; ratio to the Kysely driver)\n`);
console.log(`| route | ${running.map((r) => r.name).join(' | ')} |\n|---|${running.map(() => '---').join('|')}|`);
for (const [name] of routes) {
  const base = median(cpu.get(`${running[0]?.name}|${name}`) ?? []);
  const cells = running.map((r) => {
    const m = median(cpu.get(`${r.name}|${name}`) ?? []);
    return `${Math.round(m)} (${(m / base).toFixed(2)})`;
  });
  console.log(`| ${name} | ${cells.join(' | ')} |`);
}

// 2. Reads beside a slow write.
async function besideSlowWrites(r: Running): Promise<{ p50: number; p99: number; max: number; writes: number }> {
  let writing = true;
  let writes = 0;
  const writer = (async () => {
    while (writing) {
      await r.handle.db.transaction().execute(async (trx) => {
        await sql`insert into bench_writes (at) values (${new Date().toISOString()})`.execute(trx);
        await new Promise((resolve) => setTimeout(resolve, HOLD_MS));
      });
      writes++;
    }
  })();
  // Over HTTP on loopback: inject() alone is a chain of microtasks that never lets the writer's timer run.
  await r.app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(r.app.server.address() as AddressInfo).port}`;
  const ms: number[] = [];
  let left = 200;
  await Promise.all(
    Array.from({ length: READERS_AT_ONCE }, async () => {
      while (left-- > 0) {
        const t0 = performance.now();
        const res = await fetch(`${base}/api/volunteers?pageSize=20`, { headers: { cookie: r.cookie } });
        if (res.status !== 200) throw new Error(`${r.name}: ${res.status}`);
        await res.arrayBuffer();
        ms.push(performance.now() - t0);
      }
    }),
  );
  writing = false;
  await writer;
  ms.sort((a, b) => a - b);
  const at = (q: number) => Math.round(ms[Math.min(ms.length - 1, Math.floor(ms.length * q))] ?? 0);
  return { p50: at(0.5), p99: at(0.99), max: Math.round(ms.at(-1) ?? 0), writes };
}
console.log(`\n2. GET /api/volunteers over HTTP, ${READERS_AT_ONCE} at a time, 200 requests, while write transactions hold the writer ${HOLD_MS} ms each\n`);
console.log('| variant | p50 ms | p99 ms | max ms | write transactions meanwhile |\n|---|---|---|---|---|');
for (const r of running) {
  const f = await besideSlowWrites(r);
  console.log(`| ${r.name} | ${f.p50} | ${f.p99} | ${f.max} | ${f.writes} |`);
}

for (const r of running) {
  await r.app.close();
  await r.handle.close();
}
rmSync(dataDir, { recursive: true, force: true });
