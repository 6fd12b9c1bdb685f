import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import SQLite from 'better-sqlite3';
import { signHeadAfterUpgrade, verifyAuditChain } from './audit';
import { getAuditHead } from './audit.queries';
import type { Config } from './config';
import { copySqliteTo, type DbHandle, latestMigration, migrateToLatest, openDb } from './db';

/**
 * Backup and restore an operator can trust (等保 数据备份恢复). A backup is a directory holding
 * everything needed to come back except the master key, which is kept apart on purpose: the database
 * (an online copy taken while writes go on: SQLite's VACUUM INTO, PostgreSQL's pg_dump), the uploads,
 * and a manifest naming the key it needs by fingerprint. Restoring refuses while the server runs,
 * moves the current files aside (never deletes them), and checks integrity and the audit chain after.
 */

const run = promisify(execFile);

export const PID_FILE = 'shijian.pid';
const MANIFEST = 'manifest.json';

export interface Manifest {
  format: 1;
  createdAt: string;
  dialect: 'sqlite' | 'postgres';
  /** The database file inside the backup directory. */
  database: string;
  /** The newest migration in the copy. */
  migration: string | null;
  /** The audit chain's head when the copy was taken (informational: the copy's own head is what is checked). */
  auditHeadSeq: number | null;
  /** SHA-256 of the derived audit key, first 16 hex: says which master key the backup needs without carrying it. */
  keyFingerprint: string;
  uploads: boolean;
}

export interface RestoreReport {
  integrity: 'ok' | string;
  audit: { ok: boolean; checked: number; reason: string | null };
  keyMatches: boolean | null;
  movedAside: string | null;
}

export function keyFingerprint(config: Pick<Config, 'keys'>): string {
  return createHash('sha256').update(config.keys.audit).digest('hex').slice(0, 16);
}

function stamp(at: Date): string {
  return at.toISOString().replace(/[:.]/g, '-');
}

/** The pid of a server running on this DATA_DIR, if its pid file names a live process. */
export function runningServerPid(dataDir: string): number | null {
  const file = path.join(dataDir, PID_FILE);
  if (!existsSync(file)) return null;
  const pid = Number(readFileSync(file, 'utf8').trim());
  if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid) return null;
  try {
    process.kill(pid, 0);
    return pid;
  } catch (err) {
    // EPERM: the process exists but belongs to someone else; it is still running.
    return (err as NodeJS.ErrnoException).code === 'EPERM' ? pid : null;
  }
}

/** Written by `start`, removed on a clean shutdown; a stale file (a crash) names a dead pid and is ignored. */
export function writePidFile(dataDir: string): () => void {
  const file = path.join(dataDir, PID_FILE);
  writeFileSync(file, String(process.pid), { mode: 0o600 });
  return () => rmSync(file, { force: true });
}

function pgArgs(databaseUrl: string, schema: string | undefined): string[] {
  return [...(schema ? [`--schema=${schema}`] : []), `--dbname=${databaseUrl}`];
}

async function headOf(handle: DbHandle, schema: string | undefined): Promise<{ migration: string | null; auditHeadSeq: number | null }> {
  const head = await getAuditHead(handle.db);
  return { migration: await latestMigration(handle.db, schema), auditHeadSeq: head ? Number(head.seq) : null };
}

/**
 * Takes a backup into `DATA_DIR/backups/shijian-<time>/` (or `into`). The database is copied first and
 * the uploads after: an upload is written before the row that cites it, so every file the copy cites
 * is already on disk when the uploads are copied.
 */
export async function takeBackup(
  handle: DbHandle,
  config: Pick<Config, 'dataDir' | 'databaseUrl' | 'keys'>,
  opts: { at: Date; into?: string; pgSchema?: string },
): Promise<{ dir: string; manifest: Manifest }> {
  const dir = opts.into ?? path.join(config.dataDir, 'backups', `shijian-${stamp(opts.at)}`);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const head = await headOf(handle, opts.pgSchema);
  let database: string;
  if (handle.dialect === 'sqlite') {
    database = 'shijian.sqlite';
    await copySqliteTo(handle.db, path.join(dir, database));
  } else {
    database = 'shijian.dump';
    if (!config.databaseUrl) throw new Error('PostgreSQL 备份需要 DATABASE_URL');
    await run('pg_dump', ['--format=custom', '--no-owner', `--file=${path.join(dir, database)}`, ...pgArgs(config.databaseUrl, opts.pgSchema)]);
  }
  chmodSync(path.join(dir, database), 0o600);
  const uploads = path.join(config.dataDir, 'uploads');
  const hasUploads = existsSync(uploads);
  if (hasUploads) cpSync(uploads, path.join(dir, 'uploads'), { recursive: true, preserveTimestamps: true });
  const manifest: Manifest = {
    format: 1,
    createdAt: opts.at.toISOString(),
    dialect: handle.dialect,
    database,
    ...head,
    keyFingerprint: keyFingerprint(config),
    uploads: hasUploads,
  };
  writeFileSync(path.join(dir, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`, { mode: 0o600 });
  return { dir, manifest };
}

/** A backup directory's manifest, or one inferred for a bare `.sqlite` file from older backups. */
export function readBackup(source: string): { dir: string; manifest: Manifest | null; database: string } {
  if (!existsSync(source)) throw new Error(`找不到备份: ${source}`);
  if (statSync(source).isFile()) return { dir: path.dirname(source), manifest: null, database: source };
  const file = path.join(source, MANIFEST);
  if (!existsSync(file)) throw new Error(`${source} 不是 Shijian 备份目录（缺少 ${MANIFEST}）`);
  const manifest = JSON.parse(readFileSync(file, 'utf8')) as Manifest;
  return { dir: source, manifest, database: path.join(source, manifest.database) };
}

function sqliteIntegrity(file: string): string {
  const db = new SQLite(file, { readonly: true, fileMustExist: true });
  try {
    const rows = db.pragma('integrity_check') as { integrity_check: string }[];
    return rows.map((r) => r.integrity_check).join('; ');
  } finally {
    db.close();
  }
}

/** Moves the live SQLite file and its -wal/-shm aside; the old WAL must never be replayed onto a restored file. */
function moveSqliteAside(dataDir: string, aside: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) {
    const file = path.join(dataDir, `shijian.sqlite${suffix}`);
    if (existsSync(file)) renameSync(file, path.join(aside, `shijian.sqlite${suffix}`));
  }
}

/**
 * Restores a backup over this DATA_DIR's database (and uploads, when the backup has them). Refuses
 * while a server runs here. What it replaces goes to `DATA_DIR/replaced-<time>/`.
 */
export async function restoreBackup(
  config: Pick<Config, 'dataDir' | 'databaseUrl' | 'keys'>,
  source: string,
  opts: { at: Date; pgSchema?: string },
): Promise<RestoreReport> {
  const pid = runningServerPid(config.dataDir);
  if (pid) throw new Error(`服务正在运行（进程 ${pid}），请先停止服务再恢复`);
  const backup = readBackup(source);
  const dialect = config.databaseUrl ? 'postgres' : 'sqlite';
  if (backup.manifest && backup.manifest.dialect !== dialect) throw new Error(`备份来自 ${backup.manifest.dialect}，当前配置使用 ${dialect}`);
  if (dialect === 'sqlite') {
    const before = sqliteIntegrity(backup.database);
    if (before !== 'ok') throw new Error(`备份文件已损坏，未做任何改动：${before}`);
  }
  const aside = path.join(config.dataDir, `replaced-${stamp(opts.at)}`);
  mkdirSync(aside, { recursive: true, mode: 0o700 });
  if (dialect === 'sqlite') {
    moveSqliteAside(config.dataDir, aside);
    const target = path.join(config.dataDir, 'shijian.sqlite');
    copyFileSync(backup.database, target);
    chmodSync(target, 0o600);
  } else {
    await run('pg_restore', [
      '--clean',
      '--if-exists',
      '--no-owner',
      '--single-transaction',
      ...pgArgs(config.databaseUrl as string, undefined),
      backup.database,
    ]);
  }
  if (backup.manifest?.uploads) {
    const uploads = path.join(config.dataDir, 'uploads');
    if (existsSync(uploads)) renameSync(uploads, path.join(aside, 'uploads'));
    cpSync(path.join(backup.dir, 'uploads'), uploads, { recursive: true, preserveTimestamps: true });
  }
  return verifyRestored(config, { pgSchema: opts.pgSchema, manifest: backup.manifest, aside });
}

async function verifyRestored(
  config: Pick<Config, 'dataDir' | 'databaseUrl' | 'keys'>,
  opts: { pgSchema?: string; manifest: Manifest | null; aside: string },
): Promise<RestoreReport> {
  const handle = openDb({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, pgSchema: opts.pgSchema });
  try {
    const integrity = handle.dialect === 'sqlite' ? sqliteIntegrity(path.join(config.dataDir, 'shijian.sqlite')) : 'ok';
    await signHeadAfterUpgrade(handle.db, config.keys.audit, await migrateToLatest(handle.db, opts.pgSchema));
    const audit = await verifyAuditChain(handle.db, config.keys.audit);
    return {
      integrity,
      audit: { ok: audit.ok, checked: audit.checked, reason: audit.reason },
      keyMatches: opts.manifest ? opts.manifest.keyFingerprint === keyFingerprint(config) : null,
      movedAside: opts.aside,
    };
  } finally {
    await handle.close();
  }
}
