import type { Open311KeysTable } from '../../db/schema';
import type { DbOrTrx } from '../../platform/db';

export function allUnitIds(db: DbOrTrx) {
  return db.selectFrom('units').select('id').execute();
}

export function findLiveKey(db: DbOrTrx, keyHash: string) {
  return db.selectFrom('open311_keys').selectAll().where('key_hash', '=', keyHash).where('revoked_at', 'is', null).executeTakeFirst();
}

export function insertKey(db: DbOrTrx, row: Open311KeysTable) {
  return db.insertInto('open311_keys').values(row).execute();
}

/** One page of a unit's keys, newest first, and how many there are. */
export async function pageKeysOfUnit(db: DbOrTrx, unitId: string, page: { limit: number; offset: number }) {
  const base = db.selectFrom('open311_keys').where('unit_id', '=', unitId);
  const [{ total }] = await base.select((eb) => eb.fn.countAll<number>().as('total')).execute();
  const rows = await base
    .select(['id', 'name', 'created_at', 'revoked_at'])
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  return { rows, total: Number(total) };
}

export function getKey(db: DbOrTrx, id: string) {
  return db.selectFrom('open311_keys').selectAll().where('id', '=', id).executeTakeFirst();
}

export function revokeKey(db: DbOrTrx, id: string, at: string) {
  return db.updateTable('open311_keys').set({ revoked_at: at }).where('id', '=', id).where('revoked_at', 'is', null).execute();
}
