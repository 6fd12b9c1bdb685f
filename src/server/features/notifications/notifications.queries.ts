import { type SelectQueryBuilder, sql } from 'kysely';
import type { Database, NotificationsTable } from '../../db/schema';
import type { DbOrTrx } from '../../platform/db';

export function insertNotification(db: DbOrTrx, row: NotificationsTable) {
  return db.insertInto('notifications').values(row).execute();
}

/** Whom to tell: a query (not run) selecting their `person_id`, one row per notice. */
// biome-ignore lint/suspicious/noExplicitAny: any tables, as long as it selects person_id
export type Recipients = SelectQueryBuilder<Database, any, { person_id: string }>;

/**
 * The same notice to each person `recipients` selects, in one INSERT … SELECT. Each id is `idStem`
 * (the first 32 characters of a time-ordered id) and the row's number as 4 digits: time-ordered like
 * `timeOrderedId`, and distinct within the statement (up to 9,999 recipients).
 */
export function insertNotificationsFor(
  db: DbOrTrx,
  recipients: Recipients,
  idStem: string,
  n: Pick<NotificationsTable, 'kind' | 'title' | 'body' | 'link' | 'created_at'>,
) {
  return db
    .insertInto('notifications')
    .columns(['id', 'person_id', 'kind', 'title', 'body', 'link', 'created_at'])
    .expression(
      db
        .selectFrom(recipients.as('r'))
        .select((eb) => [
          sql<string>`${idStem} || substr(cast(10000 + row_number() over (order by ${sql.ref('r.person_id')}) as text), 2)`.as('id'),
          'r.person_id',
          eb.val(n.kind).as('kind'),
          eb.val(n.title).as('title'),
          eb.val(n.body).as('body'),
          eb.val(n.link).as('link'),
          eb.val(n.created_at).as('created_at'),
        ]),
    )
    .execute();
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
