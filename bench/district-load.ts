/**
 * The lists at district scale (issue 13): the real server over HTTP on loopback, on a district made
 * by `bench/district.ts`, with the bare references measured in the same run and the same process:
 * a minimal Fastify route, and a route doing one durable better-sqlite3 INSERT (WAL, synchronous=FULL).
 *
 * For each list: one client at a time (p50/p95 of the requests alone, what a person waits for) and
 * 50 connections (throughput, as a ratio to the bare route). The process's peak RSS is printed last.
 *
 * The server and the references run in a child process (bench/district-server.ts, shared with
 * district-writes.ts); autocannon and the timing run here, so the load generator does not share the
 * server's event loop.
 *
 * Run: DATA_DIR=.bench/district npx tsx bench/district-load.ts
 *      DATABASE_URL=postgres://postgres@127.0.0.1:5432/shijian_district DATA_DIR=.bench/district-pg npx tsx bench/district-load.ts
 * BENCH_SECONDS (default 10) per route at 50 connections; BENCH_ALONE (default 40) requests one at a time
 * (fewer when they take over 20 s in all).
 */
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
import { drained, login, pgUrl, startDistrictServer } from './district-server';

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const alone = Number(process.env.BENCH_ALONE ?? 40);

await measure();

/** Logs in, then loads each route, alone and with 50 connections. */
async function measure(): Promise<void> {
  const server = await startDistrictServer();
  const { base, refBase, sizes } = server;
  const cookieOf = async (username: string) => (await login(base, username)).cookie;
  const who = {
    none: '',
    street: await cookieOf('admin'),
    station: await cookieOf('station01'),
    district: await cookieOf('district'),
    volunteer: await cookieOf('volunteer01'),
  };
  const SCOPE = { none: '—', street: 'one street (institute admin)', station: 'one station', district: 'whole district (viewer)', volunteer: 'volunteer01' };
  const cases: { name: string; who: keyof typeof who; url: string; method?: 'GET' | 'POST' }[] = [
    { name: 'bare Fastify route (reference)', who: 'none', url: `${refBase}/bare` },
    { name: 'durable SQLite INSERT (reference)', who: 'none', url: `${refBase}/durable`, method: 'POST' },
    { name: 'GET /api/health', who: 'none', url: `${base}/api/health` },
    { name: 'talent pool, page 1', who: 'street', url: `${base}/api/volunteers?pageSize=20` },
    { name: 'talent pool, 20–40 h', who: 'street', url: `${base}/api/volunteers?pageSize=20&minHours=20&maxHours=40` },
    { name: 'talent pool, 2 stars', who: 'street', url: `${base}/api/volunteers?pageSize=20&starLevel=2` },
    { name: 'activities, month (100 a page)', who: 'street', url: `${base}/api/activities?from=2026-11-01&to=2026-11-30&pageSize=100` },
    { name: 'activities from today (the phone’s list)', who: 'volunteer', url: `${base}/api/activities?from=2026-11-30&pageSize=100` },
    { name: 'orders queue, page 1', who: 'street', url: `${base}/api/orders?pageSize=20` },
    { name: 'hours, page 1', who: 'street', url: `${base}/api/hours?pageSize=20` },
    { name: 'hours, pending', who: 'street', url: `${base}/api/hours?status=pending&pageSize=20` },
    { name: 'hours, page 1', who: 'station', url: `${base}/api/hours?pageSize=20` },
    { name: 'district summary (every street)', who: 'district', url: `${base}/api/district/summary` },
    { name: 'streets list', who: 'district', url: `${base}/api/district/streets` },
  ];

  /** One request at a time: what a person waits for when the server has nothing else to do. */
  async function timeAlone(url: string, method: string, cookie: string): Promise<{ p50: number; p95: number; bad: number }> {
    const ms: number[] = [];
    let bad = 0;
    const until = performance.now() + 20_000; // a slow route stops after 20 s (at least 5 timed requests)
    for (let i = 0; i < alone + 3 && (i < 8 || performance.now() < until); i++) {
      const t = performance.now();
      const res = await fetch(url, { method, headers: cookie ? { cookie } : {} });
      await res.arrayBuffer();
      if (res.status >= 300) bad++;
      if (i >= 3) ms.push(performance.now() - t); // the first three warm the caches
    }
    ms.sort((a, b) => a - b);
    const at = (p: number) => Math.round(ms[Math.min(ms.length - 1, Math.floor(p * ms.length))]);
    return { p50: at(0.5), p95: at(0.95), bad };
  }

  console.log(
    `${pgUrl ? 'PostgreSQL' : 'SQLite'} district: ${sizes.stations} stations, ${sizes.volunteers} volunteers, ${sizes.activities} activities, ${sizes.records} hour records, ${sizes.orders} orders. ${os.cpus().length} cores, load ${os.loadavg()[0].toFixed(1)} at the start.`,
  );
  console.log(
    '\n| request | as | alone p50 ms | alone p95 ms | 50 conn req/s | % of bare | 50 conn p50 ms | p99 ms | non-2xx |\n|---|---|---|---|---|---|---|---|---|',
  );
  let bare = 0;
  for (const c of cases) {
    const one = await timeAlone(c.url, c.method ?? 'GET', who[c.who]);
    const many = await autocannon({
      url: c.url,
      method: c.method ?? 'GET',
      connections: 50,
      duration: seconds,
      headers: c.who === 'none' ? {} : { cookie: who[c.who] },
    });
    await drained(base, who.street);
    if (!bare) bare = many.requests.average;
    console.log(
      `| ${c.name} | ${SCOPE[c.who]} | ${one.p50} | ${one.p95} | ${Math.round(many.requests.average)} | ${((100 * many.requests.average) / bare).toFixed(1)} % | ${many.latency.p50} | ${many.latency.p99} | ${many.non2xx + one.bad} |`,
    );
  }
  const peakRss = await server.stop();
  console.log(`\nPeak RSS of the server process (app and references): ${Math.round(peakRss / 1048576)} MB.`);
}
