import { sql } from 'kysely';
import type { PointBalancesTable, PointEntriesTable } from '../../db/schema';
import type { DbOrTrx } from '../../platform/db';

export function insertEntry(db: DbOrTrx, row: PointEntriesTable) {
  return db.insertInto('point_entries').values(row).execute();
}

/** Adds to a balance that may not go below zero. Creates the row on a volunteer's first positive entry. Answers whether it moved. */
export async function moveBalance(
  db: DbOrTrx,
  volunteerId: string,
  delta: Pick<PointBalancesTable, 'balance' | 'issued' | 'spent' | 'expired'>,
  at: string,
): Promise<boolean> {
  if (delta.balance >= 0) {
    await db
      .insertInto('point_balances')
      .values({ volunteer_id: volunteerId, ...delta, updated_at: at })
      .onConflict((oc) =>
        oc.column('volunteer_id').doUpdateSet({
          balance: sql`point_balances.balance + ${delta.balance}`,
          issued: sql`point_balances.issued + ${delta.issued}`,
          spent: sql`point_balances.spent + ${delta.spent}`,
          expired: sql`point_balances.expired + ${delta.expired}`,
          updated_at: at,
        }),
      )
      .execute();
    return true;
  }
  // A conditional update: on PostgreSQL the row lock makes a second spender wait and re-check.
  const r = await db
    .updateTable('point_balances')
    .set({
      balance: sql`balance + ${delta.balance}`,
      issued: sql`issued + ${delta.issued}`,
      spent: sql`spent + ${delta.spent}`,
      expired: sql`expired + ${delta.expired}`,
      updated_at: at,
    })
    .where('volunteer_id', '=', volunteerId)
    .where(sql<boolean>`balance + ${delta.balance} >= 0`)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export function getEntry(db: DbOrTrx, id: string) {
  return db.selectFrom('point_entries').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The net of an entry after its counter-entries. */
export async function entryNet(db: DbOrTrx, id: string): Promise<number> {
  const r = await db
    .selectFrom('point_entries')
    .select((eb) => eb.fn.sum<number | string>('points').as('s'))
    .where((eb) => eb.or([eb('id', '=', id), eb('corrects_id', '=', id)]))
    .executeTakeFirst();
  return Number(r?.s ?? 0);
}

export function getBalance(db: DbOrTrx, volunteerId: string) {
  return db.selectFrom('point_balances').selectAll().where('volunteer_id', '=', volunteerId).executeTakeFirst();
}

// market's reads

const ISSUE_KINDS = ['hours', 'activity_bonus', 'order_rating', 'grant', 'deduct', 'correction'] as const;

/** Per volunteer of the stations: Σ entries before `from`; issued, spent and expired within [from, to); Σ of every entry; the balance row. */
export async function pointTotalsOfStations(db: DbOrTrx, stationIds: string[], from: string, to: string) {
  if (stationIds.length === 0) return [];
  const inMonth = sql`e.created_at >= ${from} and e.created_at < ${to}`;
  const rows = await db
    .selectFrom('volunteers as v')
    .innerJoin('people as p', 'p.id', 'v.person_id')
    .leftJoin('point_balances as b', 'b.volunteer_id', 'v.id')
    .leftJoin('point_entries as e', 'e.volunteer_id', 'v.id')
    .select([
      'v.id as volunteer_id',
      'p.name as volunteer_name',
      sql<number | string | null>`max(b.balance)`.as('balance'),
      sql<number | string>`coalesce(sum(case when e.created_at < ${from} then e.points else 0 end), 0)`.as('opening'),
      sql<number | string>`coalesce(sum(case when ${inMonth} and e.kind in (${sql.join(ISSUE_KINDS.map((k) => sql`${k}`))}) then e.points else 0 end), 0)`.as(
        'issued',
      ),
      sql<number | string>`coalesce(sum(case when ${inMonth} and e.kind in ('redeem', 'redeem_refund') then -e.points else 0 end), 0)`.as('spent'),
      sql<number | string>`coalesce(sum(case when ${inMonth} and e.kind = 'expire' then -e.points else 0 end), 0)`.as('expired'),
      sql<number | string>`coalesce(sum(e.points), 0)`.as('ledger'),
    ])
    .where('v.station_id', 'in', stationIds)
    .groupBy(['v.id', 'p.name'])
    .execute();
  const num = (x: unknown) => Number(x ?? 0);
  return rows.map((r) => ({
    volunteerId: r.volunteer_id,
    volunteerName: r.volunteer_name,
    balance: num(r.balance),
    opening: num(r.opening),
    issued: num(r.issued),
    spent: num(r.spent),
    expired: num(r.expired),
    ledger: num(r.ledger),
  }));
}

/** The entries of some volunteers within [from, to), oldest first. */
export function entriesOfVolunteersBetween(db: DbOrTrx, volunteerIds: string[], from: string, to: string) {
  if (volunteerIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('point_entries')
    .selectAll()
    .where('volunteer_id', 'in', volunteerIds)
    .where('created_at', '>=', from)
    .where('created_at', '<', to)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

/** 个人信息权利: every entry of one volunteer, oldest first. */
export function entriesOfVolunteer(db: DbOrTrx, volunteerId: string) {
  return db.selectFrom('point_entries').selectAll().where('volunteer_id', '=', volunteerId).orderBy('created_at').orderBy('id').execute();
}
