/**
 * The district served from a child process, for `district-load.ts` (reads) and `district-writes.ts`
 * (writes): the real app on the district made by `bench/district.ts`, and beside it, in the same
 * process, the two references every figure is compared with — a bare Fastify route (GET /bare) and a
 * route doing one durable better-sqlite3 INSERT (POST /durable; WAL, synchronous=FULL).
 *
 * The load generator runs in the parent, so it does not share the server's event loop. The child
 * answers three messages over IPC: `usage` (its own CPU time and the number of statements the app
 * ran so far — measured here, in the harness, never through a product route), and `stop` (its peak
 * RSS, then it exits).
 *
 * DATA_DIR (default .bench/district, or .bench/district-pg with DATABASE_URL=postgres://…) is the
 * district's directory: its database (SQLite) and its master key (both).
 */
import { fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import inspector from 'node:inspector';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import Fastify from 'fastify';
import { buildApp } from '../src/server/app';
import { DEMO_PASSWORD } from '../src/server/db/seed/maan';
import { systemClock } from '../src/server/platform/clock';
import { loadConfig } from '../src/server/platform/config';
import { openDb } from '../src/server/platform/db';

export const pgUrl = process.env.DATABASE_URL?.startsWith('postgres') ? process.env.DATABASE_URL : undefined;
export const dataDir = path.resolve(process.env.DATA_DIR ?? (pgUrl ? '.bench/district-pg' : '.bench/district'));

export type Sizes = Record<'stations' | 'volunteers' | 'activities' | 'records' | 'orders', number>;

/** What the server process has used since it started: CPU (user + system) and the app's statements (in all, and by SQL text). */
export interface Usage {
  cpuMs: number;
  statements: number;
  bySql: Record<string, number>;
  /**
   * The longest the event loop went without serving its timers since the previous `usage()` (ms): one
   * turn's synchronous work — on SQLite every request whose statements ran in it (better-sqlite3 is
   * synchronous, its promises resolve as microtasks), a WAL checkpoint, GC. Nothing else is answered meanwhile.
   */
  stallMs: number;
}

export interface DistrictServer {
  base: string;
  refBase: string;
  sizes: Sizes;
  usage(): Promise<Usage>;
  /** Starts the V8 CPU profiler in the child; `stop` ends it and returns where the main thread's time went. */
  profile(on: true): Promise<void>;
  profile(on: false): Promise<ProfileShare[]>;
  /** Stops the child; its peak RSS (app and references) in bytes. */
  stop(): Promise<number>;
}

/** A share of the main thread's sampled time: a package, a file of the app, or V8/Node's own. */
export interface ProfileShare {
  where: string;
  ms: number;
}

type ToChild = { op: 'usage' } | { op: 'profile'; on: boolean } | { op: 'stop' };
type FromChild =
  | { op: 'ready'; base: string; refBase: string; sizes: Sizes }
  | ({ op: 'usage' } & Usage)
  | { op: 'profile'; shares: ProfileShare[] }
  | { op: 'stopped'; peakRss: number };

/** Forks this file as the server and waits until it listens. */
export async function startDistrictServer(): Promise<DistrictServer> {
  const child = fork(fileURLToPath(import.meta.url), { env: { ...process.env, BENCH_ROLE: 'district-server' } });
  const next = <K extends FromChild['op']>(op: K) =>
    new Promise<Extract<FromChild, { op: K }>>((resolve, reject) => {
      const onMessage = (m: FromChild) => {
        if (m.op !== op) return;
        child.off('message', onMessage);
        child.off('exit', onExit);
        resolve(m as Extract<FromChild, { op: K }>);
      };
      const onExit = (code: number | null) => reject(new Error(`the server exited (${code})`));
      child.on('message', onMessage);
      child.once('exit', onExit);
    });
  const send = (m: ToChild) => child.send(m);
  const ready = await next('ready');
  return {
    base: ready.base,
    refBase: ready.refBase,
    sizes: ready.sizes,
    usage: async () => {
      const answer = next('usage');
      send({ op: 'usage' });
      const { cpuMs, statements, bySql, stallMs } = await answer;
      return { cpuMs, statements, bySql, stallMs };
    },
    profile: (async (on: boolean) => {
      const answer = next('profile');
      send({ op: 'profile', on });
      const { shares } = await answer;
      return on ? undefined : shares;
    }) as DistrictServer['profile'],
    stop: async () => {
      const answer = next('stopped');
      send({ op: 'stop' });
      return (await answer).peakRss;
    },
  };
}

/** A session through the real login: its cookie and CSRF token. */
export async function login(base: string, username: string, password = DEMO_PASSWORD): Promise<{ cookie: string; csrf: string }> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  const body = (await res.json()) as { csrfToken?: string };
  return { cookie: (res.headers.get('set-cookie') ?? '').split(';')[0], csrf: body.csrfToken ?? '' };
}

/** Waits until the requests autocannon left behind are done (a held request answers quickly again), so the next case starts on an idle server. */
export async function drained(base: string, cookie: string): Promise<void> {
  const until = performance.now() + 120_000;
  while (performance.now() < until) {
    const t = performance.now();
    await (await fetch(`${base}/api/auth/me`, { headers: { cookie } })).arrayBuffer();
    if (performance.now() - t < 100) return;
    await new Promise((r) => setTimeout(r, 500));
  }
}

/** The child: the app on the district, and the two references beside it in the same process. */
async function serve(): Promise<void> {
  const config = loadConfig(
    { ...process.env, NODE_ENV: 'test', DATA_DIR: dataDir, LOG_LEVEL: 'silent' },
    { loginRateLimit: { max: 100_000, windowMs: 60_000 } },
  );
  let statements = 0;
  const bySql: Record<string, number> = {};
  const onQuery = (sql: string) => {
    statements++;
    bySql[sql] = (bySql[sql] ?? 0) + 1;
  };
  const handle = openDb({ databaseUrl: config.databaseUrl, dataDir, onQuery });
  const db = handle.db;
  const n = async (q: { executeTakeFirstOrThrow(): Promise<{ n: unknown }> }) => Number((await q.executeTakeFirstOrThrow()).n);
  const sizes = {
    stations: await n(
      db
        .selectFrom('units')
        .where('kind', '=', 'station')
        .select((eb) => eb.fn.countAll().as('n')),
    ),
    volunteers: await n(db.selectFrom('volunteers').select((eb) => eb.fn.countAll().as('n'))),
    activities: await n(db.selectFrom('activities').select((eb) => eb.fn.countAll().as('n'))),
    records: await n(db.selectFrom('service_records').select((eb) => eb.fn.countAll().as('n'))),
    orders: await n(db.selectFrom('orders').select((eb) => eb.fn.countAll().as('n'))),
  };
  const app = await buildApp({ db, dialect: handle.dialect, config, clock: systemClock }, { logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const refDir = mkdtempSync(path.join(os.tmpdir(), 'shijian-ref-'));
  const refDb = new Database(path.join(refDir, 'ref.sqlite'));
  refDb.pragma('journal_mode = WAL');
  refDb.pragma('synchronous = FULL');
  refDb.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, at TEXT NOT NULL)');
  const refInsert = refDb.prepare('INSERT INTO t (at) VALUES (?)');
  const ref = Fastify({ logger: false });
  ref.get('/bare', async () => ({ ok: true }));
  ref.post('/durable', async () => ({ id: Number(refInsert.run(new Date().toISOString()).lastInsertRowid) }));
  await ref.listen({ port: 0, host: '127.0.0.1' });
  const loopDelay = monitorEventLoopDelay({ resolution: 10 });
  loopDelay.enable();
  let peakRss = 0;
  setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, 250).unref();
  const send = (m: FromChild) => process.send?.(m);
  process.on('message', async (m: ToChild) => {
    if (m.op === 'usage') {
      const cpu = process.cpuUsage();
      send({ op: 'usage', cpuMs: (cpu.user + cpu.system) / 1000, statements, bySql, stallMs: Math.round(loopDelay.max / 1e6) });
      loopDelay.reset();
      return;
    }
    if (m.op === 'profile') {
      send({ op: 'profile', shares: await profiler(m.on) });
      return;
    }
    if (m.op !== 'stop') return;
    send({ op: 'stopped', peakRss });
    await app.close();
    await ref.close();
    await handle.close();
    refDb.close();
    rmSync(refDir, { recursive: true, force: true });
    process.exit(0);
  });
  const port = (s: typeof app) => (s.server.address() as AddressInfo).port;
  send({ op: 'ready', base: `http://127.0.0.1:${port(app)}`, refBase: `http://127.0.0.1:${port(ref)}`, sizes });
}

/**
 * The V8 profiler on this process: started, or stopped and summed by where each sample's function
 * lives (a package under node_modules, a file of the app, Node's internals); a native function
 * (a better-sqlite3 call, a socket write, JSON, crypto) counts for its JavaScript caller's place, with its name.
 */
let session: inspector.Session | null = null;
async function profiler(on: boolean): Promise<ProfileShare[]> {
  const post = <T>(method: string) =>
    new Promise<T>((resolve, reject) => (session as inspector.Session).post(method, (err, r) => (err ? reject(err) : resolve(r as T))));
  if (on) {
    session = new inspector.Session();
    session.connect();
    await post('Profiler.enable');
    await post('Profiler.start');
    return [];
  }
  if (!session) return [];
  const { profile } = await post<{ profile: inspector.Profiler.Profile }>('Profiler.stop');
  session.disconnect();
  session = null;
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const placeOf = (id: number): string => {
    const n = byId.get(id) as inspector.Profiler.ProfileNode;
    const url = n.callFrame.url;
    if (!url) {
      if (n.callFrame.functionName.startsWith('(')) return n.callFrame.functionName; // (garbage collector), (program), (idle)
      const up = parent.get(id);
      return up === undefined ? 'native' : `${placeOf(up).replace(/ \(native.*\)$/, '')} (native ${n.callFrame.functionName || '?'})`;
    }
    const file = url.startsWith('file://') ? fileURLToPath(url) : url;
    const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(file);
    if (pkg) return pkg[1];
    if (file.startsWith(root)) return path.relative(root, file);
    return file.startsWith('node:') ? 'node internals' : file;
  };
  const ms = new Map<string, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  for (let i = 0; i < samples.length; i++) {
    const where = placeOf(samples[i]);
    ms.set(where, (ms.get(where) ?? 0) + (deltas[i] ?? 0) / 1000);
  }
  return [...ms.entries()].map(([where, t]) => ({ where, ms: Math.round(t) })).sort((a, b) => b.ms - a.ms);
}

if (process.env.BENCH_ROLE === 'district-server') await serve();
