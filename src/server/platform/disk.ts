import { statfs } from 'node:fs/promises';
import { sql } from 'kysely';
import type { Db } from './db';

/**
 * A full disk (issue 12): the error that says so, on either database or the file system, and the
 * readiness check's view of it. One process, one database: the "a write just failed for lack of
 * space" note is process-wide, and a later successful write clears it (recovery without restart).
 */
export function isDiskFull(err: unknown): boolean {
  const e = err as { code?: string; message?: string } | null;
  // SQLITE_FULL (also when better-sqlite3 reports only the message), PostgreSQL 53100 disk_full,
  // ENOSPC / EDQUOT from the file system (uploads, backups).
  return ['SQLITE_FULL', '53100', 'ENOSPC', 'EDQUOT'].includes(e?.code ?? '') || /database or disk is full|No space left on device/i.test(e?.message ?? '');
}

/** How long a failed write keeps the readiness check at "disk full" when no write succeeds after it. */
const NOTE_HOLD_MS = 60_000;
let fullNotedAt: number | null = null;

export function noteDiskFull(now = Date.now()): void {
  fullNotedAt = now;
}

export function noteWriteSucceeded(): void {
  fullNotedAt = null;
}

export interface DiskState {
  disk: 'ok' | 'full';
  /** Free bytes for DATA_DIR (uploads, and the SQLite file): what an unprivileged writer may use. */
  freeBytes: number | null;
  /** Why it is full: the file system, SQLite's size limit, or a write that just failed. */
  reason?: 'data_dir' | 'sqlite_limit' | 'write_failed';
}

async function freeBytesOf(dir: string): Promise<number | null> {
  try {
    const s = await statfs(dir);
    return Number(s.bavail) * Number(s.bsize);
  } catch {
    return null;
  }
}

/** SQLite: the room left under `max_page_count` (which a deployment may set to cap the file). */
async function sqliteHeadroom(db: Db): Promise<number | null> {
  try {
    const one = async (name: string) => {
      const { rows } = await sql.raw<Record<string, number>>(`pragma ${name}`).execute(db);
      return Number(Object.values(rows[0] ?? {})[0]);
    };
    const [max, count, free, size] = [await one('max_page_count'), await one('page_count'), await one('freelist_count'), await one('page_size')];
    return (max - count + free) * size;
  } catch {
    return null;
  }
}

export async function diskState(opts: { db: Db; dialect: 'sqlite' | 'postgres'; dataDir: string; minFreeBytes: number; now?: number }): Promise<DiskState> {
  const freeBytes = await freeBytesOf(opts.dataDir);
  if (freeBytes !== null && freeBytes < opts.minFreeBytes) return { disk: 'full', freeBytes, reason: 'data_dir' };
  if (opts.dialect === 'sqlite') {
    const headroom = await sqliteHeadroom(opts.db);
    if (headroom !== null && headroom < opts.minFreeBytes) return { disk: 'full', freeBytes, reason: 'sqlite_limit' };
  }
  const now = opts.now ?? Date.now();
  if (fullNotedAt !== null && now - fullNotedAt < NOTE_HOLD_MS) return { disk: 'full', freeBytes, reason: 'write_failed' };
  return { disk: 'ok', freeBytes };
}
