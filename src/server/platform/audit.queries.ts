import type { AuditCheckpointsTable, AuditLogTable } from '../db/schema';
import type { DbOrTrx } from './db';

/**
 * Takes the head's row lock (a no-op update: PostgreSQL locks the row, SQLite takes the write lock)
 * and reads it. Only the sequencer calls it, in its own short transaction, so appends never wait on it.
 */
export function lockAuditHead(db: DbOrTrx) {
  return db
    .updateTable('audit_head')
    .set((eb) => ({ seq: eb.ref('seq') }))
    .where('id', '=', 1)
    .returning(['seq', 'hash', 'signature'])
    .executeTakeFirst();
}

/** A row as the change's own transaction writes it: not yet in the chain (seq, prev_hash, hash empty). */
export function insertAuditRow(db: DbOrTrx, row: Omit<AuditLogTable, 'pos' | 'seq' | 'prev_hash' | 'hash'>) {
  return db.insertInto('audit_log').values(row).execute();
}

/** Whether any row waits for the sequencer (the partial index audit_log_unlinked answers it). */
export async function hasUnlinkedAudit(db: DbOrTrx): Promise<boolean> {
  return (await db.selectFrom('audit_log').select('pos').where('seq', 'is', null).limit(1).executeTakeFirst()) !== undefined;
}

/** The oldest unlinked rows, in insertion order. */
export function unlinkedAuditRows(db: DbOrTrx, limit: number) {
  return db.selectFrom('audit_log').selectAll().where('seq', 'is', null).orderBy('pos').limit(limit).execute();
}

/** Links one row into the chain: seq, prev_hash and hash from NULL to a value, once (the trigger allows only that). */
export function linkAuditRow(db: DbOrTrx, pos: number, seq: number, prevHash: string, hash: string) {
  return db.updateTable('audit_log').set({ seq, prev_hash: prevHash, hash }).where('pos', '=', pos).where('seq', 'is', null).executeTakeFirst();
}

/** How many rows are not yet linked, and when the oldest of them was written. */
export async function unlinkedAuditSummary(db: DbOrTrx): Promise<{ count: number; oldestAt: string | null }> {
  const row = await db
    .selectFrom('audit_log')
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.min('at').as('oldest')])
    .where('seq', 'is', null)
    .executeTakeFirst();
  return { count: Number(row?.n ?? 0), oldestAt: (row?.oldest as string | null | undefined) ?? null };
}

export function setAuditHead(db: DbOrTrx, seq: number, hash: string, signature: string | null) {
  return db.updateTable('audit_head').set({ seq, hash, signature }).where('id', '=', 1).execute();
}

/** Signs a head left unsigned by migration 0021 (a chain that existed before it); never overwrites a signature. */
export function signUnsignedHead(db: DbOrTrx, seq: number, hash: string, signature: string) {
  return db
    .updateTable('audit_head')
    .set({ signature })
    .where('id', '=', 1)
    .where('seq', '=', seq)
    .where('hash', '=', hash)
    .where('signature', 'is', null)
    .execute();
}

/** A page of the chain in order, from `fromSeq` on. */
export function auditRowsFrom(db: DbOrTrx, fromSeq: number, limit: number) {
  return db.selectFrom('audit_log').selectAll().where('seq', '>=', fromSeq).orderBy('seq').limit(limit).execute();
}

export function getAuditHead(db: DbOrTrx) {
  return db.selectFrom('audit_head').select(['seq', 'hash', 'signature']).where('id', '=', 1).executeTakeFirst();
}

/** The stored row at `seq`, if any (its hash is checked against a checkpoint). */
export function auditRowAt(db: DbOrTrx, seq: number) {
  return db.selectFrom('audit_log').select(['seq', 'hash']).where('seq', '=', seq).executeTakeFirst();
}

/** The highest stored seq, whatever the head says. */
export async function lastAuditSeq(db: DbOrTrx): Promise<number> {
  const row = await db
    .selectFrom('audit_log')
    .select((eb) => eb.fn.max('seq').as('seq'))
    .executeTakeFirst();
  return Number(row?.seq ?? 0);
}

export function insertCheckpoint(db: DbOrTrx, row: AuditCheckpointsTable) {
  return db.insertInto('audit_checkpoints').values(row).execute();
}

/** Every checkpoint the system issued, lowest seq first (a handful: one per export). */
export function listCheckpoints(db: DbOrTrx) {
  return db.selectFrom('audit_checkpoints').selectAll().orderBy('seq').orderBy('at').execute();
}
