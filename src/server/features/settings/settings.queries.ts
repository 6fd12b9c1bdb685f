import type { DbOrTrx } from '../../platform/db';

export function listRuleRows(db: DbOrTrx, unitId: string) {
  return db
    .selectFrom('settings')
    .leftJoin('accounts', 'accounts.id', 'settings.updated_by')
    .select(['settings.key', 'settings.value', 'settings.updated_at', 'accounts.display_name as updated_by_name'])
    .where('settings.unit_id', '=', unitId)
    .execute();
}

export function upsertRule(db: DbOrTrx, row: { unit_id: string; key: string; value: string; updated_at: string; updated_by: string }) {
  return db
    .insertInto('settings')
    .values(row)
    .onConflict((oc) => oc.columns(['unit_id', 'key']).doUpdateSet({ value: row.value, updated_at: row.updated_at, updated_by: row.updated_by }))
    .execute();
}

export function deleteRule(db: DbOrTrx, unitId: string, key: string) {
  return db.deleteFrom('settings').where('unit_id', '=', unitId).where('key', '=', key).execute();
}

export function unitName(db: DbOrTrx, unitId: string) {
  return db.selectFrom('units').select('name').where('id', '=', unitId).executeTakeFirstOrThrow();
}
