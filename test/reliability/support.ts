import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { bootstrapProduction } from '../../src/server/db/seed/maan';
import { seedTotpRuleOff } from '../../src/server/db/seed/maan.security';
import { verifyAuditChain } from '../../src/server/platform/audit';
import { loadConfig } from '../../src/server/platform/config';
import { migrateToLatest, openDb } from '../../src/server/platform/db';
import { PG_URL } from '../support/db';

/** Reduced counts by default (CI); RELIABILITY_FULL=1 runs the full ones. */
export const FULL = process.env.RELIABILITY_FULL === '1';
export const count = (reduced: number, full: number) => (FULL ? full : reduced);

export async function postgresReachable(): Promise<boolean> {
  const c = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 3000 });
  try {
    await c.connect();
    return true;
  } catch {
    return false;
  } finally {
    await c.end().catch(() => {});
  }
}

export async function pgAdmin(query: string): Promise<void> {
  const c = new pg.Client({ connectionString: PG_URL });
  await c.connect();
  try {
    await c.query(query);
  } finally {
    await c.end();
  }
}

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

/** A database for real server processes: migrated, one institute admin who may work at once. */
export interface Site {
  dialect: 'sqlite' | 'postgres';
  dataDir: string;
  schema: string | null;
  secret: string;
  username: string;
  password: string;
  instituteId: string;
  drop(): Promise<void>;
}

export async function makeSite(dialect: 'sqlite' | 'postgres'): Promise<Site> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'shijian-rel-'));
  const schema = dialect === 'postgres' ? `t_${randomBytes(6).toString('hex')}` : null;
  if (schema) await pgAdmin(`CREATE SCHEMA ${schema}`);
  const handle = openDb({ databaseUrl: schema ? PG_URL : null, dataDir, pgSchema: schema ?? undefined });
  await migrateToLatest(handle.db, schema ?? undefined);
  const admin = await bootstrapProduction(handle.db, new Date(), '可靠性测试实践所');
  if (!admin) throw new Error('bootstrap did nothing');
  await handle.db.updateTable('accounts').set({ must_change_password: 0 }).execute();
  // These sites test faults, not sign-in: the admin signs in with the password alone (as in the demo).
  await seedTotpRuleOff(handle.db, new Date().toISOString());
  const institute = await handle.db.selectFrom('units').select('id').executeTakeFirstOrThrow();
  await handle.close();
  return {
    dialect,
    dataDir,
    schema,
    secret: randomBytes(32).toString('hex'),
    ...admin,
    instituteId: institute.id,
    async drop() {
      rmSync(dataDir, { recursive: true, force: true });
      if (schema) await pgAdmin(`DROP SCHEMA ${schema} CASCADE`);
    },
  };
}

export interface Server {
  child: ChildProcess;
  url: string;
  out: string[];
}

/** `main.ts start` as production runs it, on the site's database. */
export async function startServer(site: Site, env: Record<string, string> = {}): Promise<Server> {
  const port = await freePort();
  // node itself with tsx's loader, not the tsx wrapper: kill -9 must hit the server, not a parent that leaves it running.
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts', 'start'], {
    env: {
      ...process.env,
      NODE_ENV: 'production',
      ...(site.schema ? { DATABASE_URL: `${PG_URL}?options=${encodeURIComponent(`-c search_path=${site.schema}`)}` } : { DATABASE_URL: '' }),
      DATA_DIR: site.dataDir,
      SHIJIAN_SECRET: site.secret,
      PORT: String(port),
      HOST: '127.0.0.1',
      WEB_DIR: path.join(site.dataDir, 'no-web'),
      COOKIE_SECURE: 'false',
      LOGIN_RATE_LIMIT: '100000',
      LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const out: string[] = [];
  child.stdout?.on('data', (d) => out.push(String(d)));
  child.stderr?.on('data', (d) => out.push(String(d)));
  const url = `http://127.0.0.1:${port}`;
  // A backstop for a hang, not a speed check: a loaded 2-core machine has taken a minute to start one.
  for (const until = Date.now() + 120_000; Date.now() < until; ) {
    if (child.exitCode !== null) throw new Error(`the server exited: ${out.join('')}`);
    if ((await fetch(`${url}/api/live`).catch(() => null))?.status === 200) return { child, url, out };
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill('SIGKILL');
  throw new Error(`the server did not start: ${out.join('')}`);
}

export async function kill9(s: Server): Promise<void> {
  if (s.child.exitCode !== null) return;
  const gone = new Promise((resolve) => s.child.once('exit', resolve));
  s.child.kill('SIGKILL');
  await gone;
}

export async function stop(s: Server): Promise<void> {
  if (s.child.exitCode !== null) return;
  const gone = new Promise((resolve) => s.child.once('exit', resolve));
  s.child.kill('SIGTERM');
  await gone;
}

export interface Session {
  cookie: string;
  csrf: string;
}

export async function login(url: string, site: Site): Promise<Session> {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: site.username, password: site.password }),
  });
  if (res.status !== 200) throw new Error(`login: ${res.status} ${await res.text()}`);
  const sid = res.headers.getSetCookie().find((c) => c.startsWith('sid='));
  if (!sid) throw new Error('no session cookie');
  return { cookie: sid.split(';')[0] as string, csrf: (await res.json()).csrfToken };
}

/** One write: a new station under the institute, named `name` (names are unique, so a retry shows). */
export function createStation(url: string, s: Session, site: Site, name: string, signal?: AbortSignal): Promise<Response> {
  return fetch(`${url}/api/org/units`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: s.cookie, 'x-csrf-token': s.csrf },
    body: JSON.stringify({ kind: 'station', parentId: site.instituteId, name }),
    signal,
  });
}

/** The station names the database holds, read straight from it (no server in between). */
export async function stationNames(site: Site): Promise<Set<string>> {
  const handle = openDb({ databaseUrl: site.schema ? PG_URL : null, dataDir: site.dataDir, pgSchema: site.schema ?? undefined });
  try {
    const rows = await handle.db.selectFrom('units').select('name').where('kind', '=', 'station').execute();
    return new Set(rows.map((r) => r.name));
  } finally {
    await handle.close();
  }
}

/**
 * The audit chain as the server left it: rows not linked into the chain (a process started on the
 * data links what a killed one left before it listens), then the whole chain verified with the key.
 */
export async function auditState(site: Site): Promise<{ unlinked: number; ok: boolean; checked: number }> {
  const handle = openDb({ databaseUrl: site.schema ? PG_URL : null, dataDir: site.dataDir, pgSchema: site.schema ?? undefined });
  try {
    const unlinked = Number(
      (
        await handle.db
          .selectFrom('audit_log')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('seq', 'is', null)
          .executeTakeFirstOrThrow()
      ).n,
    );
    const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: site.dataDir, SHIJIAN_SECRET: site.secret });
    const v = await verifyAuditChain(handle.db, config.keys.audit);
    return { unlinked, ok: v.ok, checked: v.checked };
  } finally {
    await handle.close();
  }
}

/** A small table on stdout, the figures bench/RESULTS.md § reliability quotes. */
export function printFigures(title: string, rows: Record<string, string | number>[]): void {
  if (rows.length === 0) return;
  const cols = Object.keys(rows[0] as object);
  const line = (cells: (string | number)[]) => `| ${cells.join(' | ')} |`;
  console.log(`\n${title}${FULL ? ' (full counts)' : ' (reduced counts; RELIABILITY_FULL=1 for the full ones)'}`);
  console.log(line(cols));
  console.log(line(cols.map(() => '---')));
  for (const r of rows) console.log(line(cols.map((c) => r[c] ?? '')));
}
