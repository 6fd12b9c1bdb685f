import { sql } from 'kysely';
import type { PointKind } from '../../db/schema';
import type { DbOrTrx } from '../../platform/db';

/** The points feature's own reads: statements, the ledger list, holders, verify, expiry and the sources it credits. */

export function entryBySource(db: DbOrTrx, kind: PointKind, sourceType: string, sourceId: string) {
  return db
    .selectFrom('point_entries')
    .selectAll()
    .where('kind', '=', kind)
    .where('source_type', '=', sourceType)
    .where('source_id', '=', sourceId)
    .executeTakeFirst();
}

/** Locks the volunteer's balance row (PostgreSQL) so a check and the entry after it see no concurrent change. */
export async function lockBalance(db: DbOrTrx, volunteerId: string, lock: boolean) {
  let qb = db.selectFrom('point_balances').selectAll().where('volunteer_id', '=', volunteerId);
  if (lock) qb = qb.forUpdate();
  return qb.executeTakeFirst();
}

export function volunteerHead(db: DbOrTrx, volunteerId: string) {
  return db
    .selectFrom('volunteers')
    .innerJoin('people', 'people.id', 'volunteers.person_id')
    .innerJoin('units', 'units.id', 'volunteers.station_id')
    .leftJoin('point_balances', 'point_balances.volunteer_id', 'volunteers.id')
    .select([
      'volunteers.id',
      'volunteers.station_id',
      'volunteers.person_id',
      'people.name',
      'units.name as station_name',
      'point_balances.balance',
      'point_balances.issued',
      'point_balances.spent',
      'point_balances.expired',
    ])
    .where('volunteers.id', '=', volunteerId)
    .executeTakeFirst();
}

export interface EntryFilter {
  volunteerId?: string;
  unitIds?: string[];
  from?: string;
  to?: string;
  kind?: PointKind;
}

function entries(db: DbOrTrx, f: EntryFilter) {
  let qb = db
    .selectFrom('point_entries as e')
    .innerJoin('volunteers', 'volunteers.id', 'e.volunteer_id')
    .innerJoin('people', 'people.id', 'volunteers.person_id')
    .innerJoin('units', 'units.id', 'e.unit_id')
    .leftJoin('accounts', 'accounts.id', 'e.created_by');
  if (f.volunteerId) qb = qb.where('e.volunteer_id', '=', f.volunteerId);
  if (f.unitIds) {
    const ids = f.unitIds.length ? f.unitIds : ['-'];
    qb = qb.where((eb) => eb.or([eb('e.unit_id', 'in', ids), eb('volunteers.station_id', 'in', ids)]));
  }
  if (f.from) qb = qb.where('e.created_at', '>=', f.from);
  if (f.to) qb = qb.where('e.created_at', '<', f.to);
  if (f.kind) qb = qb.where('e.kind', '=', f.kind);
  return qb;
}

export async function pageEntries(db: DbOrTrx, f: EntryFilter, limit: number, offset: number) {
  const rows = await entries(db, f)
    .selectAll('e')
    .select([
      'people.name as volunteer_name',
      'units.name as unit_name',
      'accounts.display_name as created_by_name',
      (eb) =>
        eb
          .selectFrom('point_entries as c')
          .select((e2) => e2.fn.sum<number>('c.points').as('s'))
          .whereRef('c.corrects_id', '=', 'e.id')
          .as('corrected'),
    ])
    .orderBy('e.created_at', 'desc')
    .orderBy('e.id', 'desc')
    .limit(limit)
    .offset(offset)
    .execute();
  const count = await entries(db, f)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return { rows, total: Number(count.n) };
}
export type EntryRow = Awaited<ReturnType<typeof pageEntries>>['rows'][number];

export async function pageHolders(db: DbOrTrx, f: { unitIds: string[]; q?: string }, limit: number, offset: number) {
  const base = () => {
    let qb = db
      .selectFrom('volunteers')
      .innerJoin('people', 'people.id', 'volunteers.person_id')
      .innerJoin('units', 'units.id', 'volunteers.station_id')
      .leftJoin('point_balances', 'point_balances.volunteer_id', 'volunteers.id')
      .where('volunteers.station_id', 'in', f.unitIds.length ? f.unitIds : ['-'])
      .where('volunteers.status', 'in', ['certified', 'suspended', 'exited']);
    if (f.q) {
      const like = `%${f.q.replace(/[%_\\]/g, '')}%`;
      qb = qb.where((eb) => eb.or([eb('people.name', 'like', like), eb('volunteers.volunteer_no', 'like', like)]));
    }
    return qb;
  };
  const rows = await base()
    .select([
      'volunteers.id',
      'volunteers.volunteer_no',
      'volunteers.station_id',
      'people.name',
      'units.name as station_name',
      'point_balances.balance',
      'point_balances.issued',
      'point_balances.spent',
      'point_balances.expired',
    ])
    .orderBy(sql`coalesce(point_balances.balance, 0)`, 'desc')
    .orderBy('people.name')
    .orderBy('volunteers.id')
    .limit(limit)
    .offset(offset)
    .execute();
  const count = await base()
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return { rows, total: Number(count.n) };
}

/** Per volunteer: the balance row next to the sum of their entries, by kind group; volunteers with either. */
export async function ledgerSums(db: DbOrTrx) {
  const sums = await db
    .selectFrom('point_entries')
    .select([
      'volunteer_id',
      (eb) => eb.fn.sum<number>('points').as('total'),
      sql<number>`sum(case when kind in ('redeem','redeem_refund') then -points else 0 end)`.as('spent'),
      sql<number>`sum(case when kind = 'expire' then -points else 0 end)`.as('expired'),
    ])
    .groupBy('volunteer_id')
    .execute();
  const balances = await db
    .selectFrom('point_balances')
    .innerJoin('volunteers', 'volunteers.id', 'point_balances.volunteer_id')
    .innerJoin('people', 'people.id', 'volunteers.person_id')
    .select(['point_balances.volunteer_id', 'people.name', 'balance', 'issued', 'spent', 'expired'])
    .execute();
  return { sums, balances };
}

/** Earned entries whose day to lapse has come and that have not yet been expired, oldest first. */
export function dueToExpire(db: DbOrTrx, today: string) {
  return db
    .selectFrom('point_entries as e')
    .select(['e.id', 'e.volunteer_id', 'e.created_at'])
    .where('e.expires_on', 'is not', null)
    .where('e.expires_on', '<=', today)
    .where('e.points', '>', 0)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('point_entries as x')
            .select('x.id')
            .where('x.kind', '=', 'expire')
            .where('x.source_type', '=', 'point_entry')
            .whereRef('x.source_id', '=', 'e.id'),
        ),
      ),
    )
    .orderBy('e.created_at')
    .execute();
}

/** A volunteer's earned (positive, non-refund) entries with their nets, newest first: FIFO expiry reads them backwards. */
export function earnedNets(db: DbOrTrx, volunteerId: string) {
  return db
    .selectFrom('point_entries as e')
    .select([
      'e.id',
      'e.unit_id',
      'e.points',
      'e.expires_on',
      'e.created_at',
      (eb) =>
        eb
          .selectFrom('point_entries as c')
          .select((e2) => e2.fn.sum<number>('c.points').as('s'))
          .whereRef('c.corrects_id', '=', 'e.id')
          .as('corrected'),
    ])
    .where('e.volunteer_id', '=', volunteerId)
    .where('e.points', '>', 0)
    .where('e.kind', 'in', ['hours', 'activity_bonus', 'order_rating', 'grant'])
    .orderBy('e.created_at', 'desc')
    .orderBy('e.id', 'desc')
    .execute();
}

/** The volunteers with approved service from an activity: who an activity bonus goes to. */
export function activityAttendees(db: DbOrTrx, activityId: string) {
  return db
    .selectFrom('service_records')
    .innerJoin('volunteers', 'volunteers.id', 'service_records.volunteer_id')
    .select(['service_records.volunteer_id', 'volunteers.station_id'])
    .distinct()
    .where('service_records.activity_id', '=', activityId)
    .where('service_records.status', '=', 'approved')
    .where('service_records.source', '!=', 'correction')
    .execute();
}
