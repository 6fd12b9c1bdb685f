import type { NotificationsTable } from '../../db/schema';
import type { DbOrTrx } from '../../platform/db';

export function insertNotification(db: DbOrTrx, row: NotificationsTable) {
  return db.insertInto('notifications').values(row).execute();
}

export function listForPerson(db: DbOrTrx, personId: string, limit: number) {
  return db.selectFrom('notifications').selectAll().where('person_id', '=', personId).orderBy('created_at', 'desc').limit(limit).execute();
}

export async function markRead(db: DbOrTrx, personId: string, id: string | null, at: string): Promise<number> {
  let qb = db.updateTable('notifications').set({ read_at: at }).where('person_id', '=', personId);
  qb = id ? qb.where('id', '=', id) : qb.where('read_at', 'is', null);
  const res = await qb.executeTakeFirst();
  return Number(res.numUpdatedRows);
}
