import { readdirSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { TINY_PNG, multipart } from '../../../test/support/app';
import { type Signed, type World, makeWorld } from '../../../test/support/factories';

/**
 * A full disk (issue 12) answers 503 service.disk_full with Retry-After, leaves nothing half-written,
 * shows in /api/health, and recovers without a restart.
 *
 * How the disk is made full without root: SQLite's `PRAGMA max_page_count` caps the database file
 * (SQLITE_FULL, the same error a full file system gives); an upload's write fails through a fault
 * injected into node:fs/promises (ENOSPC after one byte is on disk), since a tiny file system needs
 * root. PostgreSQL's disk_full (53100) is mapped in disk.test.ts.
 */
const fault = vi.hoisted(() => ({ enospc: false }));
vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs/promises')>();
  const open: typeof real.open = async (...args) => {
    const handle = await real.open(...args);
    if (!fault.enospc) return handle;
    return new Proxy(handle, {
      get(target, key) {
        if (key === 'writeFile') {
          return async (bytes: Buffer) => {
            await target.write(bytes.subarray(0, 1));
            throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
          };
        }
        const v = Reflect.get(target, key);
        return typeof v === 'function' ? v.bind(target) : v;
      },
    });
  };
  return { ...real, open, default: { ...real, open } };
});

let w: World;
let staff: Signed;
beforeAll(async () => {
  w = await makeWorld();
  const station = await w.makeStation();
  staff = await w.stationAdmin(station.id);
});
afterAll(async () => {
  fault.enospc = false;
  await w?.close();
});

function upload() {
  const body = multipart('file', 'photo.png', TINY_PNG, 'image/png');
  return w.t.app.inject({
    method: 'POST',
    url: '/api/files',
    headers: { ...body.headers, cookie: staff.agent.cookie, 'x-csrf-token': staff.agent.csrfToken },
    payload: body.payload,
  });
}

function filesOnDisk(): string[] {
  const root = path.join(w.t.deps.config.dataDir, 'uploads');
  try {
    return readdirSync(root, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => path.join(e.parentPath, e.name));
  } catch {
    return [];
  }
}

async function rowCount(): Promise<number> {
  const r = await w.t.deps.db
    .selectFrom('files')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

describe('a full disk', () => {
  it('refuses an upload whose write runs out of space with 503 service.disk_full, leaves no file, and says so in health until a write succeeds', async () => {
    const before = filesOnDisk();
    const rows = await rowCount();
    fault.enospc = true;
    const res = await upload();
    fault.enospc = false;
    expect([res.statusCode, res.json().code, res.headers['retry-after']]).toEqual([503, 'service.disk_full', '30']);
    expect(res.json().message).toContain('存储空间已满');
    expect(filesOnDisk()).toEqual(before); // no 0-byte file, no leftover .part
    expect(await rowCount()).toBe(rows);

    const health = await w.t.app.inject({ method: 'GET', url: '/api/health' });
    expect([health.statusCode, health.json().code, health.json().disk, health.headers['retry-after']]).toEqual([503, 'service.disk_full', 'full', '30']);
    expect((await w.t.app.inject({ method: 'GET', url: '/api/live' })).statusCode).toBe(200);

    // Space is back: the next upload goes through and the readiness check says ok, no restart.
    const again = await upload();
    expect(again.statusCode, again.body).toBe(201);
    const ok = await w.t.app.inject({ method: 'GET', url: '/api/health' });
    expect([ok.statusCode, ok.json().disk]).toEqual([200, 'ok']);
  });

  it.skipIf(process.env.TEST_DB === 'postgres')(
    'SQLite at its size limit: writes answer 503 disk_full (not 500), nothing half-written, health 503 until the limit is raised',
    async () => {
      const db = w.t.deps.db;
      const pages = Number(Object.values((await sql.raw<Record<string, number>>('pragma page_count').execute(db)).rows[0] ?? {})[0]);
      await sql.raw(`pragma max_page_count = ${pages}`).execute(db);
      try {
        const health = await w.t.app.inject({ method: 'GET', url: '/api/health' });
        expect([health.statusCode, health.json().code, health.json().disk]).toEqual([503, 'service.disk_full', 'full']);

        // Writes fill the last free room in the file's pages, then the database refuses.
        const answers: number[] = [];
        let refused: { statusCode: number; json(): { code: string }; headers: Record<string, unknown> } | null = null;
        for (let i = 0; i < 200 && !refused; i++) {
          const r = await upload();
          if (r.statusCode === 201) answers.push(r.statusCode);
          else refused = r;
        }
        expect(refused).not.toBeNull();
        expect([refused?.statusCode, refused?.json().code, refused?.headers['retry-after']]).toEqual([503, 'service.disk_full', '30']);
        // Every file on disk has its row, and no row lacks its file.
        const names = new Set(filesOnDisk().map((f) => path.basename(f)));
        const stored = await db.selectFrom('files').select('path').execute();
        expect(stored.map((r) => path.basename(r.path)).every((n) => names.has(n))).toBe(true);
        expect(names.size).toBe(stored.length);
      } finally {
        await sql.raw('pragma max_page_count = 4294967294').execute(db);
      }
      const again = await upload();
      expect(again.statusCode, again.body).toBe(201);
      const ok = await w.t.app.inject({ method: 'GET', url: '/api/health' });
      expect([ok.statusCode, ok.json().disk]).toEqual([200, 'ok']);
    },
  );
});
