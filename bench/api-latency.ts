/**
 * Load benchmark: the real server over HTTP on loopback, the Ma'an demo on SQLite (or
 * DATABASE_URL=postgres://… for PostgreSQL), autocannon with 50 connections for 10 s per route.
 * Run: npx tsx bench/api-latency.ts   — results go to stdout; bench/RESULTS.md records runs.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { buildApp } from '../src/server/app';
import { DEMO_PASSWORD, seedDemo } from '../src/server/db/seed/maan';
import { systemClock } from '../src/server/platform/clock';
import { loadConfig } from '../src/server/platform/config';
import { migrateToLatest, openDb } from '../src/server/platform/db';

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'shijian-bench-'));
const config = loadConfig({ ...process.env, NODE_ENV: 'test', DATA_DIR: dataDir, LOG_LEVEL: 'silent' }, { loginRateLimit: { max: 100_000, windowMs: 60_000 } });
const handle = openDb({ databaseUrl: config.databaseUrl, dataDir });
await migrateToLatest(handle.db);
await seedDemo({ db: handle.db, config }, systemClock.now());
const app = await buildApp({ db: handle.db, dialect: handle.dialect, config, clock: systemClock }, { logger: false });
await app.listen({ port: 0, host: '127.0.0.1' });
const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;

const login = await fetch(`${base}/api/auth/login`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ username: 'admin', password: DEMO_PASSWORD }),
});
const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];

const routes = [
  ['GET /api/health', '/api/health'],
  ['GET /api/volunteers (talent pool, page 1)', '/api/volunteers?pageSize=20'],
  ['GET /api/activities (month)', '/api/activities?from=2026-11-01&to=2026-11-30&pageSize=100'],
  ['GET /api/orders (queue)', '/api/orders?pageSize=20'],
  ['GET /api/hours (pending)', '/api/hours?status=pending&pageSize=20'],
];
console.log(`| route | req/s | p50 ms | p99 ms | non-2xx |\n|---|---|---|---|---|`);
for (const [name, url] of routes) {
  const r = await autocannon({ url: `${base}${url}`, connections: 50, duration: 10, headers: { cookie } });
  console.log(`| ${name} | ${Math.round(r.requests.average)} | ${r.latency.p50} | ${r.latency.p99} | ${r.non2xx} |`);
}
await app.close();
await handle.close();
rmSync(dataDir, { recursive: true, force: true });
