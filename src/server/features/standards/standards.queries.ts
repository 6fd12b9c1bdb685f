import type { StandardConfirmationsTable, StandardEvidenceTable } from '../../db/schema';
import type { DbOrTrx } from '../../platform/db';

// Evidence

/** Evidence not withdrawn of some units: one query. */
export function activeEvidenceOfUnits(db: DbOrTrx, unitIds: string[]) {
  if (unitIds.length === 0) return Promise.resolve([] as StandardEvidenceTable[]);
  return db
    .selectFrom('standard_evidence')
    .selectAll()
    .where('unit_id', 'in', unitIds)
    .where('withdrawn_at', 'is', null)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

/** Every evidence item of a unit, withdrawn ones included, newest first. */
export function evidenceOfUnit(db: DbOrTrx, unitId: string) {
  return db.selectFrom('standard_evidence').selectAll().where('unit_id', '=', unitId).orderBy('created_at', 'desc').orderBy('id', 'desc').execute();
}

export function getEvidence(db: DbOrTrx, id: string) {
  return db.selectFrom('standard_evidence').selectAll().where('id', '=', id).executeTakeFirst();
}

export function insertEvidence(db: DbOrTrx, row: StandardEvidenceTable) {
  return db.insertInto('standard_evidence').values(row).execute();
}

/** Withdraw once: guarded on not yet withdrawn, so two withdrawals never both succeed. */
export async function withdrawEvidence(
  db: DbOrTrx,
  id: string,
  patch: Pick<StandardEvidenceTable, 'withdrawn_at' | 'withdrawn_by' | 'withdrawn_by_name' | 'withdraw_reason'>,
) {
  const r = await db.updateTable('standard_evidence').set(patch).where('id', '=', id).where('withdrawn_at', 'is', null).executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/** Units whose evidence (withdrawn or not) cites an upload. */
export async function unitsCitingFile(db: DbOrTrx, fileId: string): Promise<string[]> {
  const like = `%"${fileId.replace(/[%_\\]/g, '')}"%`;
  const rows = await db.selectFrom('standard_evidence').select('unit_id').distinct().where('file_ids', 'like', like).execute();
  return rows.map((r) => r.unit_id);
}

// Confirmations

/** The latest confirmation per unit and standard of some units: one query. */
export function latestConfirmationsOfUnits(db: DbOrTrx, unitIds: string[]) {
  if (unitIds.length === 0) return Promise.resolve([] as StandardConfirmationsTable[]);
  return db
    .selectFrom('standard_confirmations')
    .selectAll()
    .where('unit_id', 'in', unitIds)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('standard_confirmations as newer')
            .select('newer.id')
            .whereRef('newer.unit_id', '=', 'standard_confirmations.unit_id')
            .whereRef('newer.standard', '=', 'standard_confirmations.standard')
            .where((eb) =>
              eb.or([
                eb('newer.created_at', '>', eb.ref('standard_confirmations.created_at')),
                eb.and([eb('newer.created_at', '=', eb.ref('standard_confirmations.created_at')), eb('newer.id', '>', eb.ref('standard_confirmations.id'))]),
              ]),
            ),
        ),
      ),
    )
    .execute();
}

/** A unit's confirmation history, newest first. */
export function confirmationsOfUnit(db: DbOrTrx, unitId: string) {
  return db.selectFrom('standard_confirmations').selectAll().where('unit_id', '=', unitId).orderBy('created_at', 'desc').orderBy('id', 'desc').execute();
}

export function getConfirmation(db: DbOrTrx, id: string) {
  return db.selectFrom('standard_confirmations').selectAll().where('id', '=', id).executeTakeFirst();
}

export function insertConfirmation(db: DbOrTrx, row: StandardConfirmationsTable) {
  return db.insertInto('standard_confirmations').values(row).execute();
}
