import type { AuditCheckpointsTable, AuditLogTable } from '../db/schema';
import type { DbOrTrx } from './db';

/** Moves the chain's head one step; on PostgreSQL the row lock orders concurrent appends. */
export function bumpAuditHead(db: DbOrTrx) {
  return db
    .updateTable('audit_head')
    .set((eb) => ({ seq: eb('seq', '+', 1) }))
    .where('id', '=', 1)
    .returning(['seq', 'hash', 'signature'])
    .executeTakeFirstOrThrow();
}

export function insertAuditRow(db: DbOrTrx, row: Omit<AuditLogTable, 'seq'> & { seq: number }) {
  return db.insertInto('audit_log').values(row).execute();
}

export function setAuditHeadHash(db: DbOrTrx, hash: string, signature: string | null) {
  return db.updateTable('audit_head').set({ hash, signature }).where('id', '=', 1).execute();
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
