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
