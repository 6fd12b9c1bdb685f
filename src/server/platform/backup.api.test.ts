import { randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PG_URL } from '../../../test/support/db';
import { appendAudit, verifyAuditChain } from './audit';
import { PID_FILE, restoreBackup, takeBackup } from './backup';
import { loadConfig } from './config';
import { type DbHandle, migrateToLatest, openDb } from './db';

/**
 * The restore drill (等保 数据备份恢复), on the database this run uses: write, back up while writes go
 * on, write more, crash (on SQLite, leave the old WAL and shared-memory files behind, as a crash does),
 * restore, and check that the restored data is exactly the backup's, whole, with an unbroken audit
 * chain and the uploads of that moment.
 */
const postgres = process.env.TEST_DB === 'postgres';
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'shijian-restore-'));
const schema = `t_${randomBytes(6).toString('hex')}`;
const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: dataDir, ...(postgres ? { DATABASE_URL: PG_URL } : {}) });
const who = { actorAccountId: null, actorName: '演练', ip: null, requestId: null };
let handle: DbHandle;

function open(): DbHandle {
  return openDb({ databaseUrl: config.databaseUrl, dataDir, pgSchema: postgres ? schema : undefined });
}

async function audit(n: number, label: string): Promise<void> {
  await Promise.all(
    Array.from({ length: n }, (_, i) =>
      handle.db.transaction().execute((trx) => appendAudit(trx, config.keys.audit, new Date(), who, { action: `drill.${label}`, objectId: String(i) })),
    ),
  );
}

async function auditCount(h: DbHandle): Promise<number> {
  const v = await verifyAuditChain(h.db, config.keys.audit);
  expect(v.ok, v.reason ?? '').toBe(true);
  return v.checked;
}

beforeAll(async () => {
  if (postgres) {
    const c = new pg.Client({ connectionString: PG_URL });
    await c.connect();
    await c.query(`CREATE SCHEMA ${schema}`);
    await c.end();
  }
  handle = open();
  await migrateToLatest(handle.db, postgres ? schema : undefined);
});

afterAll(async () => {
  await handle?.close().catch(() => {});
  if (postgres) {
    const c = new pg.Client({ connectionString: PG_URL });
    await c.connect();
    await c.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await c.end();
  }
  rmSync(dataDir, { recursive: true, force: true });
});

describe('backup and restore', () => {
  it('comes back after a crash to exactly what the backup held, with its uploads and an unbroken audit chain', async () => {
    mkdirSync(path.join(dataDir, 'uploads', '2026'), { recursive: true });
    writeFileSync(path.join(dataDir, 'uploads', '2026', 'before.jpg'), 'before');
    await audit(20, 'before');
    // The backup runs while 100 more writes go on.
    const [{ dir, manifest }] = await Promise.all([
      takeBackup(handle, config, { at: new Date(), pgSchema: postgres ? schema : undefined }),
      audit(100, 'during'),
    ]);
    expect(manifest).toMatchObject({ format: 1, dialect: handle.dialect, uploads: true });
    expect(manifest.migration).toMatch(/^\d{8}_\d{4}_/);
    expect(statSync(path.join(dir, manifest.database)).mode & 0o077).toBe(0);
    // SQLite's copy can be read as it is; a pg_dump only by restoring it (its count is checked below).
    const fileHolds = postgres ? null : await countInFile(path.join(dir, manifest.database));

    await audit(30, 'after');
    writeFileSync(path.join(dataDir, 'uploads', '2026', 'after.jpg'), 'after');
    expect(await auditCount(handle)).toBe(150);

    // The crash: on SQLite the server never closed, so its -wal and -shm files stay beside the database.
    if (!postgres) await leaveWalBehind();
    else await handle.close();

    // A running server blocks the restore; the pid file of a live process other than ours says so.
    writeFileSync(path.join(dataDir, PID_FILE), String(process.ppid));
    await expect(restoreBackup(config, dir, { at: new Date(), pgSchema: postgres ? schema : undefined })).rejects.toThrow(/服务正在运行/);
    rmSync(path.join(dataDir, PID_FILE));

    const report = await restoreBackup(config, dir, { at: new Date(), pgSchema: postgres ? schema : undefined });
    expect(report).toMatchObject({ integrity: 'ok', audit: { ok: true }, keyMatches: true });
    const backupHolds = report.audit.checked;
    if (fileHolds !== null) expect(backupHolds).toBe(fileHolds);
    // Everything written before the backup began is there, and nothing written after it ended.
    expect(backupHolds).toBeGreaterThanOrEqual(20);
    expect(backupHolds).toBeLessThanOrEqual(120);
    expect(readdirSync(path.join(dataDir, 'uploads', '2026'))).toEqual(['before.jpg']);
    // Nothing is deleted: what was replaced sits in replaced-<time>/.
    expect(existsSync(path.join(report.movedAside as string, 'uploads', '2026', 'after.jpg'))).toBe(true);

    handle = open();
    expect(await auditCount(handle)).toBe(backupHolds);
    expect(await handle.db.selectFrom('audit_log').select('seq').where('action', '=', 'drill.after').execute()).toEqual([]);
    // The restored database takes writes again.
    await audit(5, 'restored');
    expect(await auditCount(handle)).toBe(backupHolds + 5);
  });

  it.skipIf(postgres)('refuses a damaged backup and changes nothing', async () => {
    const broken = path.join(dataDir, 'broken');
    mkdirSync(broken);
    const { dir, manifest } = await takeBackup(handle, config, { at: new Date(), into: broken });
    writeFileSync(path.join(dir, manifest.database), Buffer.alloc(8192, 7));
    const before = await auditCount(handle);
    await expect(restoreBackup(config, dir, { at: new Date() })).rejects.toThrow();
    expect(await auditCount(handle)).toBe(before);
  });
});

/** The audit rows a SQLite backup file holds, read from a scratch copy. */
async function countInFile(file: string): Promise<number> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'shijian-backup-read-'));
  copyFileSync(file, path.join(dir, 'shijian.sqlite'));
  const h = openDb({ databaseUrl: null, dataDir: dir });
  try {
    return await auditCount(h);
  } finally {
    await h.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * What a crash leaves on SQLite: the database file plus a WAL of writes never checkpointed into it,
 * and the shared-memory index. Copy them while the connection is open, close it (which would
 * checkpoint and remove them), then put the stale files back.
 */
async function leaveWalBehind(): Promise<void> {
  const stash = mkdtempSync(path.join(os.tmpdir(), 'shijian-wal-'));
  for (const s of ['-wal', '-shm']) {
    const f = path.join(dataDir, `shijian.sqlite${s}`);
    if (existsSync(f)) copyFileSync(f, path.join(stash, s));
  }
  await handle.close();
  for (const s of ['-wal', '-shm']) {
    const f = path.join(stash, s);
    if (existsSync(f)) copyFileSync(f, path.join(dataDir, `shijian.sqlite${s}`));
  }
  expect(existsSync(path.join(dataDir, 'shijian.sqlite-wal'))).toBe(true);
}
