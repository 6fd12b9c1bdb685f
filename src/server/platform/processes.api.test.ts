import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PG_URL } from '../../../test/support/db';
import { type World, makeWorld } from '../../../test/support/factories';
import { buildApp } from '../app';
import { bootstrapProduction } from '../db/seed/maan';
import { verifyAuditChain } from './audit';
import { loadConfig } from './config';
import { migrateToLatest, openDb } from './db';
import { holdLease, releaseLease } from './processes';

/** Several processes on one database: what they must share lives in the database. */
describe('two servers on one database (in this process)', () => {
  let w: World;
  beforeAll(async () => {
    w = await makeWorld();
  });
  afterAll(async () => w?.close());

  it('enforce one login rate limit between them', async () => {
    // A window of a year: the fixed windows must not roll over between the attempts on a slow machine.
    const config = { ...w.t.deps.config, loginRateLimit: { max: 4, windowMs: 365 * 24 * 3600 * 1000 } };
    const [a, b] = [await buildApp({ ...w.t.deps, config }, { logger: false }), await buildApp({ ...w.t.deps, config }, { logger: false })];
    try {
      const codes: number[] = [];
      for (let i = 0; i < 8; i++) {
        const app = i % 2 === 0 ? a : b;
        // From an address of its own: the world's logins counted against 127.0.0.1 in this database too.
        const r = await app.inject({
          method: 'POST',
          url: '/api/auth/login',
          remoteAddress: '10.9.8.7',
          payload: { username: 'nobody', password: 'wrong-Pass#1' },
        });
        codes.push(r.statusCode);
      }
      // Four attempts between the two servers, not four each.
      expect(codes).toEqual([401, 401, 401, 401, 429, 429, 429, 429]);
    } finally {
      await a.close();
      await b.close();
    }
  });

  it('let one holder at a time hold the tick lease; another takes it once it expires or is released', async () => {
    const db = w.t.deps.db;
    const t0 = new Date('2026-11-29T08:00:00Z');
    const later = (s: number) => new Date(t0.getTime() + s * 1000);
    expect(await holdLease(db, 'tick', 'A', t0, 60_000)).toBe(true);
    expect(await holdLease(db, 'tick', 'B', later(1), 60_000)).toBe(false);
    expect(await holdLease(db, 'tick', 'A', later(30), 60_000)).toBe(true); // renewed until t0+90 s
    expect(await holdLease(db, 'tick', 'B', later(80), 60_000)).toBe(false);
    expect(await holdLease(db, 'tick', 'B', later(91), 60_000)).toBe(true); // A stopped renewing
    expect(await holdLease(db, 'tick', 'A', later(92), 60_000)).toBe(false);
    await releaseLease(db, 'tick', 'B');
    expect(await holdLease(db, 'tick', 'A', later(93), 60_000)).toBe(true);
  });
});

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

interface Proc {
  child: ChildProcess;
  url: string;
  out: string[];
  dataDir: string;
}

/** Two real server processes (`main.ts start`) over one PostgreSQL schema: SQLite is one process by design (the pid file). */
describe.skipIf(process.env.TEST_DB !== 'postgres')('two server processes on one PostgreSQL', () => {
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const procs: Proc[] = [];

  async function admin(query: string) {
    const c = new pg.Client({ connectionString: PG_URL });
    await c.connect();
    await c.query(query);
    await c.end();
  }

  async function startProcess(secret: string): Promise<Proc> {
    const port = await freePort();
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'shijian-proc-'));
    // Node itself with tsx's loader, not the tsx wrapper: the wrapper runs the server as a grandchild,
    // which a SIGKILL of the wrapper left running after every test run.
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts', 'start'], {
      env: {
        ...process.env,
        NODE_ENV: 'production',
        DATABASE_URL: `${PG_URL}?options=${encodeURIComponent(`-c search_path=${schema}`)}`,
        DATA_DIR: dataDir,
        SHIJIAN_SECRET: secret,
        PORT: String(port),
        HOST: '127.0.0.1',
        WEB_DIR: path.join(dataDir, 'no-web'),
        COOKIE_SECURE: 'false',
        LOGIN_RATE_LIMIT: '5',
        LOGIN_RATE_WINDOW_MS: String(365 * 24 * 3600 * 1000),
        TICK_MS: '300',
        LOG_LEVEL: 'debug',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const out: string[] = [];
    child.stdout?.on('data', (d) => out.push(String(d)));
    child.stderr?.on('data', (d) => out.push(String(d)));
    const url = `http://127.0.0.1:${port}`;
    const p = { child, url, out, dataDir };
    procs.push(p);
    await expect.poll(async () => (await fetch(`${url}/api/live`).catch(() => null))?.status, { timeout: 120_000, interval: 250 }).toBe(200);
    return p;
  }

  const ticks = (p: Proc) =>
    p.out
      .join('')
      .split('\n')
      .filter((l) => l.includes('"tick ran"')).length;

  beforeAll(async () => {
    await admin(`CREATE SCHEMA ${schema}`);
    const handle = openDb({ databaseUrl: PG_URL, dataDir: os.tmpdir(), pgSchema: schema });
    await migrateToLatest(handle.db, schema);
    await bootstrapProduction(handle.db, new Date(), '测试街道新时代文明实践所');
    await handle.close();
  }, 120_000);

  afterAll(async () => {
    for (const p of procs) {
      if (p.child.exitCode === null) p.child.kill('SIGKILL');
      rmSync(p.dataDir, { recursive: true, force: true });
    }
    await admin(`DROP SCHEMA ${schema} CASCADE`);
  });

  it('share the login rate limit, and run the tick in one process at a time, handing it over when that one stops', async () => {
    const secret = randomBytes(32).toString('hex');
    const [a, b] = await Promise.all([startProcess(secret), startProcess(secret)]);

    const codes: number[] = [];
    for (let i = 0; i < 8; i++) {
      const r = await fetch(`${(i % 2 === 0 ? a : b).url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'nobody', password: 'wrong-Pass#1' }),
      });
      codes.push(r.status);
    }
    expect(codes).toEqual([401, 401, 401, 401, 401, 429, 429, 429]);

    // Both run a tick every 300 ms; only the lease holder does the work.
    await expect.poll(() => ticks(a) + ticks(b), { timeout: 60_000 }).toBeGreaterThanOrEqual(5);
    const [holder, other] = ticks(a) > 0 ? [a, b] : [b, a];
    expect(ticks(other)).toBe(0);

    // The holder stops (and gives the lease up); the other process takes the tick over.
    holder.child.kill('SIGTERM');
    await expect.poll(() => ticks(other), { timeout: 60_000 }).toBeGreaterThan(0);

    // Both wrote audit rows (the failed logins) and both run a sequencer: the head lock makes one
    // chain, and every row is linked (by the process still running, on its timer, if the stopped one
    // had not) without a verification asking. Checked last, so the tick's timing above is untouched.
    const handle = openDb({ databaseUrl: PG_URL, dataDir: os.tmpdir(), pgSchema: schema });
    try {
      const unlinked = async () => (await handle.db.selectFrom('audit_log').select('pos').where('seq', 'is', null).execute()).length;
      await expect.poll(unlinked, { timeout: 60_000, interval: 100 }).toBe(0);
      const key = loadConfig({ NODE_ENV: 'test', DATA_DIR: os.tmpdir(), SHIJIAN_SECRET: secret }).keys.audit;
      const v = await verifyAuditChain(handle.db, key);
      expect(v, v.reason ?? '').toMatchObject({ ok: true, headSigned: true, unlinked: 0 });
      expect(v.checked).toBeGreaterThanOrEqual(5);
    } finally {
      await handle.close();
    }
  }, 300_000);
});
