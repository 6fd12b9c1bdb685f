import type { NotificationsTable } from '../../db/schema';
import type { DbOrTrx } from '../../platform/db';

export function insertNotification(db: DbOrTrx, row: NotificationsTable) {
  return db.insertInto('notifications').values(row).execute();
}

/** One page of a person's notices, newest first (ids are time-ordered), with how many they have and how many are unread. */
export async function pageForPerson(db: DbOrTrx, personId: string, page: { limit: number; offset: number }) {
  const base = db.selectFrom('notifications').where('person_id', '=', personId);
  const [counts] = await base
    .select((eb) => [eb.fn.countAll<number>().as('total'), eb.fn.count<number>(eb.case().when('read_at', 'is', null).then(1).end()).as('unread')])
    .execute();
  const rows = await base.selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc').limit(page.limit).offset(page.offset).execute();
  return { rows, total: Number(counts.total), unread: Number(counts.unread) };
}

export async function markRead(db: DbOrTrx, personId: string, id: string | null, at: string): Promise<number> {
  let qb = db.updateTable('notifications').set({ read_at: at }).where('person_id', '=', personId);
  qb = id ? qb.where('id', '=', id) : qb.where('read_at', 'is', null);
  const res = await qb.executeTakeFirst();
  return Number(res.numUpdatedRows);
}

/** Notices not yet e-mailed to people who have an e-mail address on their volunteer record. */
export function pendingEmails(db: DbOrTrx, limit: number) {
  return db
    .selectFrom('notifications')
    .innerJoin('volunteers', 'volunteers.person_id', 'notifications.person_id')
    .select(['notifications.id', 'notifications.title', 'notifications.body', 'notifications.link', 'volunteers.email'])
    .where('notifications.emailed_at', 'is', null)
    .where('volunteers.email', 'is not', null)
    .orderBy('notifications.created_at')
    .limit(limit)
    .execute() as Promise<{ id: string; title: string; body: string | null; link: string | null; email: string }[]>;
}

export async function claimEmail(db: DbOrTrx, id: string, at: string): Promise<boolean> {
  const res = await db.updateTable('notifications').set({ emailed_at: at }).where('id', '=', id).where('emailed_at', 'is', null).executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export function unclaimEmail(db: DbOrTrx, id: string) {
  return db.updateTable('notifications').set({ emailed_at: null }).where('id', '=', id).execute();
}
