import type { AuditLogTable } from '../db/schema';
import type { DbOrTrx } from './db';

/** Moves the chain's head one step; on PostgreSQL the row lock orders concurrent appends. */
export function bumpAuditHead(db: DbOrTrx) {
  return db
    .updateTable('audit_head')
    .set((eb) => ({ seq: eb('seq', '+', 1) }))
    .where('id', '=', 1)
    .returning(['seq', 'hash'])
    .executeTakeFirstOrThrow();
}

export function insertAuditRow(db: DbOrTrx, row: Omit<AuditLogTable, 'seq'> & { seq: number }) {
  return db.insertInto('audit_log').values(row).execute();
}

export function setAuditHeadHash(db: DbOrTrx, hash: string) {
  return db.updateTable('audit_head').set({ hash }).where('id', '=', 1).execute();
}

/** A page of the chain in order, from `fromSeq` on. */
export function auditRowsFrom(db: DbOrTrx, fromSeq: number, limit: number) {
  return db.selectFrom('audit_log').selectAll().where('seq', '>=', fromSeq).orderBy('seq').limit(limit).execute();
}

export function getAuditHead(db: DbOrTrx) {
  return db.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1).executeTakeFirst();
}
