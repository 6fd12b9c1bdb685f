import { sql } from 'kysely';
import type { Db } from './db';

/** One more hit for `key` in the window starting at `windowStart`; answers the window's count so far. */
export async function hit(db: Db, key: string, windowStart: number, windowEnd: number): Promise<number> {
  const row = await db
    .insertInto('rate_hits')
    .values({ key, window_start: windowStart, hits: 1, window_end: windowEnd })
    .onConflict((oc) => oc.columns(['key', 'window_start']).doUpdateSet({ hits: sql`rate_hits.hits + 1` }))
    .returning('hits')
    .executeTakeFirstOrThrow();
  return Number(row.hits);
}

export async function hitsOf(db: Db, key: string, windowStart: number): Promise<number> {
  const row = await db.selectFrom('rate_hits').select('hits').where('key', '=', key).where('window_start', '=', windowStart).executeTakeFirst();
  return Number(row?.hits ?? 0);
}

export async function forgetWindowsEndedBefore(db: Db, at: number): Promise<void> {
  await db.deleteFrom('rate_hits').where('window_end', '<', at).execute();
}

/** Takes the lease when it is free or expired, or renews it for its holder; answers whether `holder` holds it now. */
export async function takeLease(db: Db, name: string, holder: string, now: string, until: string): Promise<boolean> {
  const row = await db
    .insertInto('leases')
    .values({ name, holder, expires_at: until })
    .onConflict((oc) =>
      oc
        .column('name')
        .doUpdateSet({ holder, expires_at: until })
        .where((eb) => eb.or([eb('leases.holder', '=', holder), eb('leases.expires_at', '<', now)])),
    )
    .returning('holder')
    .executeTakeFirst();
  return row?.holder === holder;
}

export async function releaseLease(db: Db, name: string, holder: string): Promise<void> {
  await db.deleteFrom('leases').where('name', '=', name).where('holder', '=', holder).execute();
}
