/**
 * The big screen's read model: each figure is one aggregate statement (GROUP BY) over the units in
 * view, whatever their number of rows, so the screen stays fast at district scale. Reads only.
 */
import { sql } from 'kysely';
import type { DbOrTrx } from '../../platform/db';

/** Statuses of an activity that is, or was, public: published and later. */
const HELD_STATUSES = ['published', 'full', 'in_progress', 'ended', 'summarised'] as const;

export function unitsIn(db: DbOrTrx, units: string[]) {
  return db
    .selectFrom('units')
    .select(['id', 'name', 'kind', 'lat', 'lng', 'archived', 'sort', 'code'])
    .where('id', 'in', units)
    .orderBy('sort')
    .orderBy('name')
    .execute();
}

/** Certified volunteers per station. */
export function volunteersByStation(db: DbOrTrx, units: string[]) {
  return db
    .selectFrom('volunteers')
    .select(['station_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('status', '=', 'certified')
    .where('station_id', 'in', units)
    .groupBy('station_id')
    .execute();
}

/**
 * Certified volunteers per distinct JSON list (服务类别 or 特长): a handful of combinations, which the
 * service splits; one statement on both databases without a JSON function.
 */
export function volunteersByList(db: DbOrTrx, units: string[], column: 'service_categories' | 'skills') {
  return db
    .selectFrom('volunteers')
    .select([`${column} as list`, (eb) => eb.fn.countAll<number>().as('n')])
    .where('status', '=', 'certified')
    .where('station_id', 'in', units)
    .groupBy(column)
    .execute();
}

/**
 * Certified volunteers per current star level: the latest star_levels row of each (the order
 * hours' `lastStarLevel` reads: newest first, the higher level on a tie). Volunteers without a row are level 0.
 */
export function volunteersByStar(db: DbOrTrx, units: string[]) {
  return db
    .selectFrom('star_levels as s')
    .innerJoin('volunteers as v', 'v.id', 's.volunteer_id')
    .select(['s.level', (eb) => eb.fn.countAll<number>().as('n')])
    .where('v.status', '=', 'certified')
    .where('v.station_id', 'in', units)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('star_levels as later')
            .select('later.id')
            .whereRef('later.volunteer_id', '=', 's.volunteer_id')
            .where((e) => e.or([e('later.at', '>', e.ref('s.at')), e.and([e('later.at', '=', e.ref('s.at')), e('later.level', '>', e.ref('s.level'))])])),
        ),
      ),
    )
    .groupBy('s.level')
    .execute();
}

/** Approved minutes (counter-entries included) per month of service date from `fromDay` on, and in all. */
export function approvedMinutesByMonth(db: DbOrTrx, units: string[], fromDay: string) {
  const month = sql<string>`substr(service_date, 1, 7)`;
  return db
    .selectFrom('service_records')
    .select([month.as('month'), (eb) => eb.fn.sum<number>('minutes').as('minutes')])
    .where('status', '=', 'approved')
    .where('unit_id', 'in', units)
    .where('service_date', '>=', fromDay)
    .groupBy(month)
    .execute();
}

export async function approvedMinutesTotal(db: DbOrTrx, units: string[]): Promise<number> {
  const row = await db
    .selectFrom('service_records')
    .select((eb) => eb.fn.sum<number>('minutes').as('minutes'))
    .where('status', '=', 'approved')
    .where('unit_id', 'in', units)
    .executeTakeFirst();
  return Number(row?.minutes ?? 0);
}

/** Activities published (or later) that start in [from, to), per programme (null: none). */
export function activitiesByProgramme(db: DbOrTrx, units: string[], from: string, to: string) {
  return db
    .selectFrom('activities')
    .leftJoin('programmes', 'programmes.id', 'activities.programme_id')
    .select(['activities.programme_id', 'programmes.name', (eb) => eb.fn.countAll<number>().as('n')])
    .where('activities.unit_id', 'in', units)
    .where('activities.status', 'in', HELD_STATUSES)
    .where('activities.starts_at', '>=', from)
    .where('activities.starts_at', '<', to)
    .groupBy(['activities.programme_id', 'programmes.name'])
    .execute();
}

/** The same activities per organising unit. */
export function activitiesByUnit(db: DbOrTrx, units: string[], from: string, to: string) {
  return db
    .selectFrom('activities')
    .select(['unit_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('unit_id', 'in', units)
    .where('status', 'in', HELD_STATUSES)
    .where('starts_at', '>=', from)
    .where('starts_at', '<', to)
    .groupBy('unit_id')
    .execute();
}

/**
 * The order funnel, timeliness and satisfaction in one statement: how many orders reached each
 * step; of those dispatched whose answer is known by `now` (accepted, or the deadline passed), how
 * many were accepted by the deadline; the ratings residents or staff gave.
 */
export async function orderFigures(db: DbOrTrx, units: string[], now: string) {
  const row = await db
    .selectFrom('orders')
    .select((eb) => [
      eb.fn.countAll<number>().as('placed'),
      eb.fn.count<number>('dispatched_at').as('dispatched'),
      eb.fn.count<number>('accepted_at').as('accepted'),
      eb.fn.count<number>('completed_at').as('done'),
      eb.fn.count<number>('rating').as('rated'),
      sql<number>`sum(case when sla_due_at is not null and (accepted_at is not null or sla_due_at < ${now}) then 1 else 0 end)`.as('due'),
      sql<number>`sum(case when sla_due_at is not null and accepted_at is not null and accepted_at <= sla_due_at then 1 else 0 end)`.as('in_time'),
      sql<number>`sum(case when rating is not null and rated_by in ('requester', 'staff') then 1 else 0 end)`.as('rated_by_people'),
      sql<number>`sum(case when rating is not null and rated_by in ('requester', 'staff') then rating else 0 end)`.as('rating_sum'),
    ])
    .where('unit_id', 'in', units)
    .executeTakeFirst();
  const n = (v: unknown) => Number(v ?? 0);
  return {
    placed: n(row?.placed),
    dispatched: n(row?.dispatched),
    accepted: n(row?.accepted),
    done: n(row?.done),
    rated: n(row?.rated),
    due: n(row?.due),
    inTime: n(row?.in_time),
    ratedByPeople: n(row?.rated_by_people),
    ratingSum: n(row?.rating_sum),
  };
}

/** Offline venues with a position, for the map. */
export function venuesOnMap(db: DbOrTrx, units: string[]) {
  return db
    .selectFrom('venues')
    .select(['id', 'name', 'unit_id', 'lat', 'lng'])
    .where('unit_id', 'in', units)
    .where('archived', '=', 0)
    .where('mode', '=', 'offline')
    .where('lat', 'is not', null)
    .where('lng', 'is not', null)
    .orderBy('name')
    .execute();
}

export async function venueCount(db: DbOrTrx, units: string[]): Promise<number> {
  const row = await db
    .selectFrom('venues')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('unit_id', 'in', units)
    .where('archived', '=', 0)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** The latest publishings and endings of activities, from the audit chain (the one record of when they happened). */
export function recentActivityMoves(db: DbOrTrx, units: string[], limit: number) {
  return db
    .selectFrom('audit_log')
    .innerJoin('activities', 'activities.id', 'audit_log.object_id')
    .select(['audit_log.at', 'audit_log.action', 'activities.title', 'activities.unit_id'])
    .where('audit_log.action', 'in', ['activities.publish', 'activities.end'])
    .where('audit_log.outcome', '=', 'success')
    .where('activities.unit_id', 'in', units)
    .orderBy('audit_log.pos', 'desc')
    .limit(limit)
    .execute();
}

/** The latest completed orders, named by their menu item (an order's own title may quote the requester). */
export function recentOrdersDone(db: DbOrTrx, units: string[], limit: number) {
  return db
    .selectFrom('orders')
    .leftJoin('service_items', 'service_items.id', 'orders.item_id')
    .select(['orders.completed_at', 'orders.unit_id', 'service_items.name as item_name'])
    .where('orders.unit_id', 'in', units)
    .where('orders.completed_at', 'is not', null)
    .orderBy('orders.completed_at', 'desc')
    .limit(limit)
    .execute();
}

/** The latest approved hours records that add hours (not counter-entries). */
export function recentHoursApproved(db: DbOrTrx, units: string[], limit: number) {
  return db
    .selectFrom('service_records')
    .select(['decided_at', 'title', 'unit_id', 'minutes'])
    .where('unit_id', 'in', units)
    .where('status', '=', 'approved')
    .where('decided_at', 'is not', null)
    .where('minutes', '>', 0)
    .orderBy('decided_at', 'desc')
    .limit(limit)
    .execute();
}

/** Issue 13, the district's summary: approved minutes (counter-entries included) per unit, service date in [fromDay, toDay). */
export function approvedMinutesByUnit(db: DbOrTrx, units: string[], fromDay: string, toDay: string) {
  return db
    .selectFrom('service_records')
    .select(['unit_id', (eb) => eb.fn.sum<number>('minutes').as('minutes')])
    .where('status', '=', 'approved')
    .where('unit_id', 'in', units)
    .where('service_date', '>=', fromDay)
    .where('service_date', '<', toDay)
    .groupBy('unit_id')
    .execute();
}

/** Issue 13: orders placed in [from, to) per unit, and how many of them are done. */
export function ordersByUnit(db: DbOrTrx, units: string[], from: string, to: string) {
  return db
    .selectFrom('orders')
    .select(['unit_id', (eb) => eb.fn.countAll<number>().as('placed'), (eb) => eb.fn.count<number>('completed_at').as('done')])
    .where('unit_id', 'in', units)
    .where('created_at', '>=', from)
    .where('created_at', '<', to)
    .groupBy('unit_id')
    .execute();
}
