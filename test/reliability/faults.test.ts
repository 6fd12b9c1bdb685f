import { type AddressInfo, createServer, type Server as NetServer, type Socket, connect } from 'node:net';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app';
import { systemClock } from '../../src/server/platform/clock';
import { loadConfig } from '../../src/server/platform/config';
import { type DbHandle, openDb } from '../../src/server/platform/db';
import { PG_URL } from '../support/db';
import { multipart } from '../support/app';
import { xlsxBomb } from '../support/zip-bomb';
import { type Session, type Site, count, createStation, login, makeSite, pgAdmin, postgresReachable, printFigures, stationNames } from './support';

/**
 * Faults answered (issue 12), measured over real HTTP against the app with its production settings
 * (admission: 10 at a time, 4 s in line): a burst against a frozen database, a full disk, an xlsx bomb.
 * Every request gets an HTTP answer within 6 s; nothing is half-written; recovery needs no restart.
 */
/**
 * A small disk for PostgreSQL: a 16 MB tmpfs with a directory the database server's user owns, or null
 * where mounting is not allowed. `grow()` makes it 64 MB; `remove()` unmounts it.
 */
async function smallDisk(): Promise<{ dir: string; grow(): Promise<void>; remove(): Promise<void> } | null> {
  const { execFileSync } = await import('node:child_process');
  const { mkdtempSync, mkdirSync, rmSync } = await import('node:fs');
  const os = await import('node:os');
  const mnt = mkdtempSync(path.join(os.tmpdir(), 'shijian-pgfull-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=16m', 'tmpfs', mnt], { stdio: 'ignore' });
  } catch {
    rmSync(mnt, { recursive: true, force: true });
    return null;
  }
  const dir = path.join(mnt, 'pg');
  mkdirSync(dir);
  execFileSync('chown', ['postgres:postgres', dir]);
  return {
    dir,
    async grow() {
      execFileSync('mount', ['-o', 'remount,size=64m', mnt]);
    },
    async remove() {
      execFileSync('umount', ['-l', mnt], { stdio: 'ignore' });
      rmSync(mnt, { recursive: true, force: true });
    },
  };
}

const figures: Record<string, string | number>[] = [];
afterAll(() => printFigures('faults answered', figures));

const BURST = count(100, 300);
const BOMB_MB = count(100, 450);

interface Running {
  site: Site;
  handle: DbHandle;
  app: FastifyInstance;
  url: string;
  session: Session;
  close(): Promise<void>;
}

async function run(dialect: 'sqlite' | 'postgres', databaseUrl = PG_URL): Promise<Running> {
  const site = await makeSite(dialect);
  const handle = openDb({ databaseUrl: site.schema ? databaseUrl : null, dataDir: site.dataDir, pgSchema: site.schema ?? undefined });
  const config = loadConfig({
    NODE_ENV: 'production',
    DATA_DIR: site.dataDir,
    SHIJIAN_SECRET: site.secret,
    WEB_DIR: path.join(site.dataDir, 'no-web'),
    COOKIE_SECURE: 'false',
    LOG_LEVEL: 'silent',
    LOGIN_RATE_LIMIT: '100000',
  });
  const app = await buildApp({ db: handle.db, dialect: handle.dialect, config, clock: systemClock }, { logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const session = await login(url, site);
  return {
    site,
    handle,
    app,
    url,
    session,
    async close() {
      await app.close();
      await handle.close();
      await site.drop();
    },
  };
}

/**
 * A TCP relay in front of PostgreSQL that can take the database away: `down()` cuts every connection and
 * refuses new ones (as a stopped server or a pulled cable does), `up()` relays again. The test machine's
 * PostgreSQL is shared, so it is never stopped itself.
 */
async function pgRelay(): Promise<{ url: string; down(): Promise<void>; up(): Promise<void>; close(): Promise<void> }> {
  const target = new URL(PG_URL);
  const sockets = new Set<Socket>();
  let server: NetServer | null = null;
  let port = 0;
  const listen = () =>
    new Promise<void>((resolve) => {
      const relay = createServer((client) => {
        const upstream = connect(Number(target.port || 5432), target.hostname);
        for (const s of [client, upstream]) {
          sockets.add(s);
          s.on('close', () => sockets.delete(s));
          s.on('error', () => s.destroy());
        }
        client.pipe(upstream).pipe(client);
        client.on('close', () => upstream.destroy());
        upstream.on('close', () => client.destroy());
      });
      server = relay;
      relay.listen(port, '127.0.0.1', () => {
        port = (relay.address() as AddressInfo).port;
        resolve();
      });
    });
  const down = async () => {
    await new Promise<void>((resolve) => {
      server ? server.close(() => resolve()) : resolve();
      for (const s of sockets) s.destroy();
    });
    server = null;
  };
  await listen();
  const url = new URL(PG_URL);
  url.hostname = '127.0.0.1';
  url.port = String(port);
  return { url: url.toString(), down, up: listen, close: down };
}

/** Holds the database still from another connection: SQLite a write transaction, PostgreSQL a table lock. */
async function freeze(r: Running): Promise<() => Promise<void>> {
  if (r.site.dialect === 'sqlite') {
    const other = new SQLite(path.join(r.site.dataDir, 'shijian.sqlite'));
    other.exec('BEGIN IMMEDIATE');
    return async () => {
      other.exec('ROLLBACK');
      other.close();
    };
  }
  const other = new pg.Client({ connectionString: PG_URL });
  await other.connect();
  await other.query('BEGIN');
  await other.query(`LOCK TABLE ${r.site.schema}.units IN ACCESS EXCLUSIVE MODE`);
  return async () => {
    await other.query('ROLLBACK');
    await other.end();
  };
}

interface Answer {
  status: number;
  ms: number;
  retryAfter: string | null;
  code?: string;
  name: string;
}

async function burst(r: Running, n: number, prefix: string): Promise<Answer[]> {
  return Promise.all(
    Array.from({ length: n }, async (_, i) => {
      const name = `${prefix}${i}`;
      const t0 = performance.now();
      try {
        const res = await createStation(r.url, r.session, r.site, name);
        const body = (await res.json().catch(() => ({}))) as { code?: string };
        return { status: res.status, ms: performance.now() - t0, retryAfter: res.headers.get('retry-after'), code: body.code, name };
      } catch {
        return { status: 0, ms: performance.now() - t0, retryAfter: null, name };
      }
    }),
  );
}

function summary(label: string, dialect: string, answers: Answer[]) {
  const by = (s: number) => answers.filter((a) => a.status === s).length;
  const ms = answers.map((a) => a.ms).sort((a, b) => a - b);
  figures.push({
    fault: label,
    database: dialect,
    requests: answers.length,
    '201': by(201),
    '503': by(503),
    'no answer': by(0),
    'p50 ms': Math.round(ms[Math.floor(ms.length / 2)] ?? 0),
    'max ms': Math.round(ms.at(-1) ?? 0),
  });
}

const pgUp = await postgresReachable();

describe.each([
  ['sqlite', true],
  ['postgres', pgUp],
] as const)('on %s', (dialect, available) => {
  // On SQLite the freeze is another connection holding the write lock: better-sqlite3 used to wait out a 5 s
  // busy_timeout synchronously, freezing the server per admitted write (this test hung); now SQLite blocks
  // 20 ms at a time and the retries wait off the event loop (platform/db.ts), then answer 503.
  it.skipIf(!available)(
    `a burst of ${BURST} writes against a frozen database: every one answered within 6 s, the shed ones 503 + Retry-After, nothing half-written, recovery without restart`,
    async () => {
      const r = await run(dialect);
      try {
        const thaw = await freeze(r);
        let answers: Answer[];
        try {
          answers = await burst(r, BURST, '冻结');
          // /api/health answers while the database is frozen (it is never held in line).
          const health = await fetch(`${r.url}/api/live`);
          expect(health.status).toBe(200);
        } finally {
          await thaw();
        }
        summary('database frozen', dialect, answers);
        expect(answers.filter((a) => a.status === 0)).toEqual([]);
        expect(Math.max(...answers.map((a) => a.ms))).toBeLessThan(6000);
        for (const a of answers) {
          expect([201, 503]).toContain(a.status);
          if (a.status === 503) expect(a.retryAfter).not.toBeNull();
        }
        // What was acknowledged is there; what was refused is not.
        const names = await stationNames(r.site);
        for (const a of answers) expect(names.has(a.name)).toBe(a.status === 201);
        // Thawed: the next write goes through, no restart.
        expect((await createStation(r.url, r.session, r.site, '解冻后')).status).toBe(201);
      } finally {
        await r.close();
      }
    },
  );

  it.skipIf(!available)(`an xlsx bomb (${BOMB_MB} MB unpacked) is refused in under a second while /api/health keeps answering`, async () => {
    const r = await run(dialect);
    try {
      const bomb = xlsxBomb({ sheetBytes: BOMB_MB * 1024 * 1024 });
      const body = multipart('file', 'roster.xlsx', bomb);
      let polling = true;
      const healthMs: number[] = [];
      const poller = (async () => {
        while (polling) {
          const t0 = performance.now();
          const res = await fetch(`${r.url}/api/health`);
          healthMs.push(performance.now() - t0);
          expect(res.status).toBe(200);
          await new Promise((ok) => setTimeout(ok, 20));
        }
      })();
      const t0 = performance.now();
      const res = await fetch(`${r.url}/api/volunteers/import?dryRun=true`, {
        method: 'POST',
        headers: { ...body.headers, cookie: r.session.cookie, 'x-csrf-token': r.session.csrf },
        body: body.payload,
      });
      const refusedMs = performance.now() - t0;
      await new Promise((ok) => setTimeout(ok, 100));
      polling = false;
      await poller;
      expect([res.status, (await res.json()).code]).toEqual([413, 'import.xlsx_too_large']);
      figures.push({
        fault: `xlsx bomb ${Math.round(bomb.length / 1024)} KB → ${BOMB_MB} MB`,
        database: dialect,
        requests: 1,
        '201': 0,
        '503': 0,
        'no answer': 0,
        'p50 ms': `refused in ${Math.round(refusedMs)}`,
        'max ms': `health max ${Math.round(Math.max(...healthMs))} over ${healthMs.length}`,
      });
      expect(refusedMs).toBeLessThan(1000);
    } finally {
      await r.close();
    }
  });

  it.skipIf(!available || dialect !== 'postgres')(
    `a burst of ${BURST} writes while PostgreSQL is down: every one answered 503 + Retry-After within 6 s, /api/health 503 and /api/live 200, nothing written; recovery without restart`,
    async () => {
      const relay = await pgRelay();
      const r = await run(dialect, relay.url);
      try {
        await relay.down();
        const answers = await burst(r, BURST, '断库');
        const health = await fetch(`${r.url}/api/health`);
        const live = await fetch(`${r.url}/api/live`);
        summary('database down', dialect, answers);
        expect(answers.filter((a) => a.status === 0)).toEqual([]);
        expect(Math.max(...answers.map((a) => a.ms))).toBeLessThan(6000);
        for (const a of answers) {
          expect([a.status, a.code]).toEqual([503, 'service.unavailable']);
          expect(a.retryAfter).not.toBeNull();
        }
        expect([health.status, live.status]).toEqual([503, 200]);
        // Back up: the next write goes through on the same process, and nothing of the burst was written.
        await relay.up();
        let after = 0;
        for (let i = 0; i < 20 && after !== 201; i++) {
          after = (await createStation(r.url, r.session, r.site, `恢复后${i}`)).status;
          if (after !== 201) await new Promise((ok) => setTimeout(ok, 250));
        }
        expect(after).toBe(201);
        expect([...(await stationNames(r.site))].filter((n) => n.startsWith('断库'))).toEqual([]);
        expect((await fetch(`${r.url}/api/health`)).status).toBe(200);
      } finally {
        await r.close();
        await relay.close();
      }
    },
  );

  it.skipIf(!available || dialect !== 'postgres')(
    'a full disk under PostgreSQL (its tablespace on a small tmpfs): writes answered 503 service.disk_full within 6 s, health says so, recovery without restart',
    async (ctx) => {
      const disk = await smallDisk();
      if (!disk) {
        console.warn('\n*** SKIPPED: the PostgreSQL full-disk trial needs to mount a tmpfs (root, CAP_SYS_ADMIN) and was not allowed here ***\n');
        ctx.skip();
        return;
      }
      const r = await run(dialect);
      const space = `full_${(r.site.schema ?? '').slice(2)}`;
      try {
        // The stations' table (what the burst writes) moves onto the small disk; its dead space is never reclaimed meanwhile.
        await pgAdmin(`CREATE TABLESPACE ${space} LOCATION '${disk.dir}'`);
        await pgAdmin(`ALTER TABLE ${r.site.schema}.units SET TABLESPACE ${space}`);
        await pgAdmin(`ALTER TABLE ${r.site.schema}.units SET (autovacuum_enabled = false)`);
        // Fill it to the last byte: big inserts until one fails for lack of space, then single short rows
        // (as short as the burst's) until they fail too.
        const filler = new pg.Client({ connectionString: PG_URL });
        await filler.connect();
        const fill = (rows: number) =>
          filler
            .query(
              `INSERT INTO ${r.site.schema}.units (id, kind, parent_id, name, sort, archived, created_at, updated_at)
               SELECT gen_random_uuid()::text, 'station', $1, '填充' || gen_random_uuid()::text, 0, 0, now()::text, now()::text
               FROM generate_series(1, $2::int)`,
              [r.site.instituteId, rows],
            )
            .then(
              () => 'ok',
              (e: { code?: string }) => e.code ?? 'error',
            );
        try {
          expect(await fill(1_000_000)).toBe('53100');
          let last = 'ok';
          for (let i = 0; i < 100_000 && last === 'ok'; i++) last = await fill(1);
          expect(last).toBe('53100');
        } finally {
          await filler.end();
        }
        const answers = await burst(r, count(50, 300), '满盘');
        summary('disk full (PostgreSQL tablespace on a full tmpfs)', dialect, answers);
        expect(answers.filter((a) => a.status === 0)).toEqual([]);
        expect(Math.max(...answers.map((a) => a.ms))).toBeLessThan(6000);
        // A few rows may still fit in space another connection's pages had left: each write is either
        // acknowledged and there, or refused as disk full and absent — never a 500, never half-written.
        for (const a of answers) expect(a.status === 201 ? [201] : [a.status, a.code]).toEqual(a.status === 201 ? [201] : [503, 'service.disk_full']);
        expect(answers.filter((a) => a.status === 503).length).toBeGreaterThan(answers.length / 2);
        const names = await stationNames(r.site);
        for (const a of answers) expect(names.has(a.name)).toBe(a.status === 201);
        // Right after a refused write the readiness check says the disk is full.
        let refused = 0;
        for (let i = 0; i < 50 && refused !== 503; i++) refused = (await createStation(r.url, r.session, r.site, `再试${i}`)).status;
        expect(refused).toBe(503);
        const health = await fetch(`${r.url}/api/health`);
        expect([health.status, (await health.json()).disk]).toEqual([503, 'full']);
        // Room again (the disk grows, as an operator would free or add space): the next write goes through, no restart.
        await disk.grow();
        expect((await createStation(r.url, r.session, r.site, '腾出空间后')).status).toBe(201);
        expect((await fetch(`${r.url}/api/health`)).status).toBe(200);
      } finally {
        await r.close();
        await pgAdmin(`DROP TABLESPACE IF EXISTS ${space}`).catch(() => {});
        await disk.remove();
      }
    },
  );

  it.skipIf(!available || dialect !== 'sqlite')(
    'a full disk: writes answered 503 service.disk_full within 6 s, health says so, recovery without restart',
    async () => {
      const r = await run(dialect);
      try {
        const pages = Number(Object.values((await sql.raw<Record<string, number>>('pragma page_count').execute(r.handle.db)).rows[0] ?? {})[0]);
        await sql.raw(`pragma max_page_count = ${pages}`).execute(r.handle.db);
        const answers = await burst(r, count(50, 300), '满盘');
        const health = await fetch(`${r.url}/api/health`);
        await sql.raw('pragma max_page_count = 4294967294').execute(r.handle.db);
        summary('disk full (SQLite max_page_count)', dialect, answers);
        expect([health.status, (await health.json()).disk]).toEqual([503, 'full']);
        expect(Math.max(...answers.map((a) => a.ms))).toBeLessThan(6000);
        for (const a of answers) expect([201, 503]).toContain(a.status);
        expect(answers.filter((a) => a.status === 503).every((a) => a.code === 'service.disk_full' || a.code === 'service.unavailable')).toBe(true);
        const names = await stationNames(r.site);
        for (const a of answers) expect(names.has(a.name)).toBe(a.status === 201);
        expect((await createStation(r.url, r.session, r.site, '腾出空间后')).status).toBe(201);
        expect((await fetch(`${r.url}/api/health`)).status).toBe(200);
      } finally {
        await r.close();
      }
    },
  );
});
