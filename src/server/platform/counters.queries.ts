import type { DbOrTrx } from './db';

/**
 * The next value of a named sequence, atomically on both databases (a row, not process memory): one
 * upsert (the first use inserts 1, every later one adds 1 under the row's lock) that returns the value.
 */
export async function nextCounter(db: DbOrTrx, name: string): Promise<number> {
  const row = await db
    .insertInto('counters')
    .values({ name, value: 1 })
    .onConflict((oc) => oc.column('name').doUpdateSet((eb) => ({ value: eb('counters.value', '+', 1) })))
    .returning('value')
    .executeTakeFirstOrThrow();
  return Number(row.value);
}
