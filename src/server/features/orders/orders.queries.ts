import { type ExpressionBuilder, sql } from 'kysely';
import type { Database, OrderEventsTable, OrdersTable, ServiceItemsTable } from '../../db/schema';
import type { DbOrTrx } from '../../platform/db';

function itemsOf(db: DbOrTrx, unitIds: string[] | null, includeArchived: boolean) {
  let qb = db.selectFrom('service_items').innerJoin('units', 'units.id', 'service_items.unit_id').selectAll('service_items').select('units.name as unit_name');
  if (unitIds) qb = qb.where('service_items.unit_id', 'in', unitIds.length ? unitIds : ['']);
  if (!includeArchived) qb = qb.where('service_items.archived', '=', 0);
  return qb;
}

/** The whole menu of these units (null: every unit), in menu order. */
export function listItems(db: DbOrTrx, unitIds: string[] | null, includeArchived: boolean) {
  return itemsOf(db, unitIds, includeArchived)
    .orderBy('units.sort')
    .orderBy('service_items.sort')
    .orderBy('service_items.name')
    .orderBy('service_items.id')
    .execute();
}

/** One page of the menu of these units (null: every unit), in menu order, and how many items there are in all. */
export async function pageItems(db: DbOrTrx, unitIds: string[] | null, includeArchived: boolean, limit: number, offset: number) {
  const qb = itemsOf(db, unitIds, includeArchived);
  const [{ total }] = await qb
    .clearSelect()
    .select((eb) => eb.fn.countAll<number>().as('total'))
    .execute();
  const rows = await qb
    .orderBy('units.sort')
    .orderBy('service_items.sort')
    .orderBy('service_items.name')
    .orderBy('service_items.id')
    .limit(limit)
    .offset(offset)
    .execute();
  return { rows, total: Number(total) };
}

export function getItem(db: DbOrTrx, id: string) {
  return db
    .selectFrom('service_items')
    .innerJoin('units', 'units.id', 'service_items.unit_id')
    .selectAll('service_items')
    .select('units.name as unit_name')
    .where('service_items.id', '=', id)
    .executeTakeFirst();
}

export function getItemByCode(db: DbOrTrx, code: string) {
  return db
    .selectFrom('service_items')
    .innerJoin('units', 'units.id', 'service_items.unit_id')
    .selectAll('service_items')
    .select('units.name as unit_name')
    .where('service_items.code', '=', code)
    .executeTakeFirst();
}

export function insertItem(db: DbOrTrx, row: ServiceItemsTable) {
  return db.insertInto('service_items').values(row).execute();
}

export function updateItem(db: DbOrTrx, id: string, patch: Partial<ServiceItemsTable>) {
  return db.updateTable('service_items').set(patch).where('id', '=', id).execute();
}

export type OrderRow = OrdersTable & {
  unit_name: string;
  item_name: string | null;
  volunteer_name: string | null;
  volunteer_person_id: string | null;
  /** The name of the unit, team or volunteer the order was dispatched to, when the query joined it (the staff queue). */
  target_name?: string | null;
};

function base(db: DbOrTrx) {
  return db
    .selectFrom('orders')
    .innerJoin('units', 'units.id', 'orders.unit_id')
    .leftJoin('service_items', 'service_items.id', 'orders.item_id')
    .leftJoin('volunteers', 'volunteers.id', 'orders.accepted_volunteer_id')
    .leftJoin('people as vp', 'vp.id', 'volunteers.person_id')
    .selectAll('orders')
    .select(['units.name as unit_name', 'service_items.name as item_name', 'vp.name as volunteer_name', 'volunteers.person_id as volunteer_person_id']);
}

export function getOrder(db: DbOrTrx, id: string): Promise<OrderRow | undefined> {
  return base(db).where('orders.id', '=', id).executeTakeFirst() as Promise<OrderRow | undefined>;
}

export function getOrderByNumber(db: DbOrTrx, number: string): Promise<OrderRow | undefined> {
  return base(db).where('orders.number', '=', number).executeTakeFirst() as Promise<OrderRow | undefined>;
}

export interface OrderFilter {
  unitIds?: string[];
  requesterPersonId?: string;
  statuses?: string[];
  overdueAt?: string;
  /** Only orders escalated to the institute (not taken in time at their station). */
  escalated?: boolean;
  from?: string;
  to?: string;
  q?: string;
  ids?: string[];
  itemIds?: string[];
}

function filtered(db: DbOrTrx, f: OrderFilter) {
  return filter(base(db), f);
}

/**
 * How many orders match `f`: the filters read only `orders`' own columns, so the count reads orders
 * alone — with base()'s joins it looked up each order's unit, item, volunteer and person, 3 700 a
 * street at district scale (67 ms of a 141 ms queue, bench/district-load.ts).
 */
function counted(db: DbOrTrx, f: OrderFilter) {
  // The filters are written against base()'s shape but name only orders' columns (checked by the suites).
  const alone = db.selectFrom('orders') as unknown as ReturnType<typeof base>;
  return filter(alone, f).select((eb) => eb.fn.countAll<number>().as('n'));
}

function filter(from: ReturnType<typeof base>, f: OrderFilter) {
  let qb = from;
  if (f.unitIds) qb = qb.where('orders.unit_id', 'in', f.unitIds.length ? f.unitIds : ['']);
  if (f.requesterPersonId) qb = qb.where('orders.requester_person_id', '=', f.requesterPersonId);
  if (f.statuses) qb = qb.where('orders.status', 'in', f.statuses as OrdersTable['status'][]);
  if (f.overdueAt) qb = qb.where('orders.status', '=', 'dispatched').where('orders.sla_due_at', '<', f.overdueAt);
  if (f.escalated) qb = qb.where('orders.escalation_level', '>', 0);
  if (f.from) qb = qb.where('orders.created_at', '>=', f.from);
  if (f.to) qb = qb.where('orders.created_at', '<', f.to);
  if (f.ids) qb = qb.where('orders.id', 'in', f.ids.length ? f.ids : ['']);
  if (f.itemIds) qb = qb.where('orders.item_id', 'in', f.itemIds.length ? f.itemIds : ['']);
  if (f.q) {
    const like = `%${f.q.replace(/[\\%_]/g, '')}%`;
    qb = qb.where((eb) => eb.or([eb('orders.title', 'like', like), eb('orders.number', '=', f.q as string), eb('orders.requester_name', 'like', like)]));
  }
  return qb;
}

export async function listOrders(db: DbOrTrx, f: OrderFilter, limit: number, offset: number) {
  const qb = filtered(db, f);
  const { n: total } = await counted(db, f).executeTakeFirstOrThrow();
  const rows = (await qb.orderBy('orders.created_at', 'desc').orderBy('orders.id', 'desc').limit(limit).offset(offset).execute()) as OrderRow[];
  return { rows, total: Number(total) };
}

/**
 * The staff queue in one statement: a page of the orders matching `f` (newest first) with the dispatch
 * target's name joined, and `total`, how many match (a count CTE beside the page). A page past the end
 * reads the count alone (one more statement, only then). Orders escalated to the institute are in its
 * queue by their unit like any other; `f.escalated` lists only them.
 */
export async function staffQueue(db: DbOrTrx, f: OrderFilter, limit: number, offset: number) {
  const count = counted(db, f);
  const page = filtered(db, f)
    .leftJoin('units as tu', (j) => j.onRef('tu.id', '=', 'orders.target_id').on('orders.target_type', 'in', ['institute', 'station']))
    .leftJoin('teams as tt', (j) => j.onRef('tt.id', '=', 'orders.target_id').on('orders.target_type', '=', 'team'))
    .leftJoin('volunteers as tv', (j) => j.onRef('tv.id', '=', 'orders.target_id').on('orders.target_type', '=', 'volunteer'))
    .leftJoin('people as tvp', 'tvp.id', 'tv.person_id')
    .select((eb) => eb.fn.coalesce('tu.name', 'tt.name', 'tvp.name').as('target_name'))
    .orderBy('orders.created_at', 'desc')
    .orderBy('orders.id', 'desc')
    .limit(limit)
    .offset(offset);
  const rows = await db
    .with('c', () => count)
    .with('p', () => page)
    .selectFrom(['p', 'c'])
    .selectAll('p')
    .select('c.n as matching')
    .orderBy('p.created_at', 'desc')
    .orderBy('p.id', 'desc')
    .execute();
  const total = rows.length ? Number(rows[0].matching) : offset === 0 ? 0 : Number((await count.executeTakeFirstOrThrow()).n);
  return { rows: rows.map(({ matching, ...r }) => r) as OrderRow[], total };
}

/** Statuses in which an accepted order stays on its volunteer's task list. */
const HELD: OrdersTable['status'][] = ['accepted', 'in_service', 'completed', 'rated'];

/** Who is asking for their tasks: the volunteer, whether they may take orders, and where they may take them. */
export interface TaskFilter {
  volunteerId: string;
  /** Only a certified volunteer may accept; the others see just what they hold. */
  certified: boolean;
  stationId: string;
  /** The units of the volunteer's institute (or their station alone): pool and institute orders from there. */
  unitIds: string[];
  teamIds: string[];
  /** Orders finished since then stay at the top, above the ones to take (ISO time). */
  recentSince: string;
  /** Service items the volunteer may not take (skills or insurance): their open orders are not offered. */
  unqualifiedItemIds?: string[];
}

/** The service items of the orders waiting to be taken in these units: what the task list must check a volunteer against. */
export function itemsOfOpenOrders(db: DbOrTrx, unitIds: string[]) {
  return db
    .selectFrom('service_items')
    .select(['service_items.id', 'service_items.required_skills', 'service_items.insurance_required'])
    .where('service_items.id', 'in', (eb) =>
      eb
        .selectFrom('orders')
        .select('orders.item_id')
        .where('orders.status', '=', 'dispatched')
        .where('orders.unit_id', 'in', unitIds.length ? unitIds : [''])
        .where('orders.item_id', 'is not', null),
    )
    .execute();
}

/**
 * A volunteer's task list, a page at a time: the orders they hold and the dispatched orders of their
 * institute they may accept (named to them, to one of their teams, to their station, or to the pool
 * or the institute) and have not declined — the same rule as `rolesFor(…).eligible`. Orders in
 * service come first, then the ones finished since `recentSince`, then the ones to take (the most
 * personal first), then the older finished ones; newest first within each.
 */
export async function listTasks(db: DbOrTrx, f: TaskFilter, limit: number, offset: number) {
  const units = f.unitIds.length ? f.unitIds : [''];
  const teams = f.teamIds.length ? f.teamIds : [''];
  const qb = base(db).where((eb) => {
    const held = eb.and([eb('orders.accepted_volunteer_id', '=', f.volunteerId), eb('orders.status', 'in', HELD)]);
    if (!f.certified) return held;
    const unqualified = f.unqualifiedItemIds ?? [];
    const open = eb.and([
      eb('orders.status', '=', 'dispatched'),
      eb('orders.unit_id', 'in', units),
      eb.or([eb('orders.item_id', 'is', null), eb('orders.item_id', 'not in', unqualified.length ? unqualified : [''])]),
      eb.not(
        eb.exists(
          eb
            .selectFrom('order_declines')
            .select('order_declines.id')
            .whereRef('order_declines.order_id', '=', 'orders.id')
            .where('order_declines.volunteer_id', '=', f.volunteerId),
        ),
      ),
      eb.or([
        eb.and([eb('orders.target_type', '=', 'volunteer'), eb('orders.target_id', '=', f.volunteerId)]),
        eb.and([eb('orders.target_type', '=', 'team'), eb('orders.target_id', 'in', teams)]),
        eb.and([eb('orders.target_type', '=', 'station'), eb('orders.target_id', '=', f.stationId)]),
        eb('orders.target_type', 'in', ['institute', 'pool']),
      ]),
    ]);
    return eb.or([held, open]);
  });
  const [{ total }] = await qb
    .clearSelect()
    .select((eb) => eb.fn.countAll<number>().as('total'))
    .execute();
  const rows = (await qb
    // In service first, then the ones just finished, then what may be taken, then older finished ones.
    .orderBy((eb) =>
      eb
        .case()
        .when('orders.status', 'in', ['accepted', 'in_service'])
        .then(0)
        .when(eb.and([eb('orders.status', 'in', ['completed', 'rated']), eb('orders.completed_at', '>=', f.recentSince)]))
        .then(1)
        .when('orders.status', '=', 'dispatched')
        .then(2)
        .else(3)
        .end(),
    )
    // Among those to take: named to me, then my team's, my station's, the institute's and the pool.
    .orderBy((eb) =>
      eb
        .case()
        .when('orders.target_type', '=', 'volunteer')
        .then(0)
        .when('orders.target_type', '=', 'team')
        .then(1)
        .when('orders.target_type', '=', 'station')
        .then(2)
        .else(3)
        .end(),
    )
    .orderBy('orders.created_at', 'desc')
    .orderBy('orders.id', 'desc')
    .limit(limit)
    .offset(offset)
    .execute()) as OrderRow[];
  return { rows, total: Number(total) };
}

/** Orders for a care recipient whose phone or address is still in the clear (written before migration 0029). */
export function plainCareOrders(db: DbOrTrx) {
  return db
    .selectFrom('orders')
    .select(['id', 'requester_phone', 'requester_phone_enc', 'address', 'address_enc'])
    .where('care_recipient_id', 'is not', null)
    .where((eb) => eb.or([eb('requester_phone', 'is not', null), eb('address', 'is not', null)]))
    .execute();
}

export function setOrderContact(
  db: DbOrTrx,
  id: string,
  patch: Partial<Pick<OrdersTable, 'requester_phone' | 'requester_phone_enc' | 'address' | 'address_enc'>>,
) {
  return db.updateTable('orders').set(patch).where('id', '=', id).execute();
}

/**
 * Writes a new order and returns its requester's name and phone as written and its unit's name. With
 * `ownRecord` (a person's id: a resident ordering for themself, never sealed), the requester's name
 * and phone are that person's, read in the same statement; `person_found` is 0 when there is no such
 * person (the name is then empty: the caller throws, rolling the order back).
 */
export async function insertOrder(db: DbOrTrx, row: OrdersTable, ownRecord: string | null) {
  const person = (column: 'name' | 'phone') => (eb: ExpressionBuilder<Database, 'orders'>) =>
    eb
      .selectFrom('people')
      .select(`people.${column}`)
      .where('people.id', '=', ownRecord ?? '');
  const r = await db
    .insertInto('orders')
    .values(ownRecord ? { ...row, requester_name: (eb) => eb.fn.coalesce(person('name')(eb), sql.lit('')), requester_phone: (eb) => person('phone')(eb) } : row)
    .returning((eb) => [
      'orders.requester_name',
      'orders.requester_phone',
      eb.selectFrom('units').select('units.name').where('units.id', '=', row.unit_id).as('unit_name'),
      eb
        .selectFrom('people')
        .select((p) => p.fn.countAll<number>().as('n'))
        .where('people.id', '=', ownRecord ?? '')
        .as('person_found'),
    ])
    .executeTakeFirstOrThrow();
  return { requesterName: r.requester_name, requesterPhone: r.requester_phone, unitName: r.unit_name ?? '', personFound: Number(r.person_found) > 0 };
}

/** A guarded move: only from the status we read, so two people cannot both take the same order. */
export async function moveOrder(db: DbOrTrx, id: string, from: OrdersTable['status'][], patch: Partial<OrdersTable>) {
  const res = await db.updateTable('orders').set(patch).where('id', '=', id).where('status', 'in', from).executeTakeFirst();
  return Number(res.numUpdatedRows);
}

export function insertEvent(db: DbOrTrx, row: OrderEventsTable) {
  return db.insertInto('order_events').values(row).execute();
}

export function listEvents(db: DbOrTrx, orderIds: string[]) {
  if (orderIds.length === 0) return Promise.resolve([] as OrderEventsTable[]);
  return db.selectFrom('order_events').selectAll().where('order_id', 'in', orderIds).orderBy('at').execute();
}

export function insertDecline(db: DbOrTrx, row: { id: string; order_id: string; volunteer_id: string; reason: string | null; at: string }) {
  return db.insertInto('order_declines').values(row).execute();
}

export function declinedBy(db: DbOrTrx, orderId: string) {
  return db.selectFrom('order_declines').select('volunteer_id').where('order_id', '=', orderId).execute();
}

/** The same person asking for the same item recently: a hint for staff, never a refusal. */
export function recentSameRequest(db: DbOrTrx, itemId: string, personId: string | null, phone: string | null, since: string, exceptId: string) {
  let qb = db.selectFrom('orders').select(['number']).where('item_id', '=', itemId).where('created_at', '>=', since).where('id', '!=', exceptId);
  qb = qb.where((eb) =>
    eb.or([...(personId ? [eb('requester_person_id', '=', personId)] : []), ...(phone ? [eb('requester_phone', '=', phone)] : []), eb(sql.lit(1), '=', 0)]),
  );
  return qb.orderBy('created_at', 'desc').executeTakeFirst();
}

export function openLoads(db: DbOrTrx) {
  return db
    .selectFrom('orders')
    .select(['accepted_volunteer_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('status', 'in', ['accepted', 'in_service'])
    .groupBy('accepted_volunteer_id')
    .execute();
}

export function ratingsByVolunteer(db: DbOrTrx) {
  return db
    .selectFrom('orders')
    .select(['accepted_volunteer_id', (eb) => eb.fn.avg<number>('rating').as('avg'), (eb) => eb.fn.countAll<number>().as('n')])
    .where('rating', 'is not', null)
    .where('rated_by', '!=', 'system')
    .groupBy('accepted_volunteer_id')
    .execute();
}

export function dueForEscalation(db: DbOrTrx, now: string) {
  return db
    .selectFrom('orders')
    .select(['id'])
    .where('status', '=', 'dispatched')
    .where('escalation_level', '=', 0)
    .where('sla_due_at', '<', now)
    .where('target_type', '!=', 'institute')
    .execute();
}

export function dueForDefaultRating(db: DbOrTrx, before: string) {
  return db
    .selectFrom('orders')
    .select(['id', 'unit_id', 'number', 'accepted_volunteer_id'])
    .where('status', '=', 'completed')
    .where('completed_at', '<', before)
    .execute();
}

export function teamMember(db: DbOrTrx, teamId: string, volunteerId: string) {
  return db
    .selectFrom('team_members')
    .select('id')
    .where('team_id', '=', teamId)
    .where('volunteer_id', '=', volunteerId)
    .where('status', '=', 'active')
    .executeTakeFirst();
}

export function unitAdmins(db: DbOrTrx, unitId: string) {
  return adminsOf(db, unitId).execute();
}

/** The people administering a unit (institute or station admins, account not disabled), as a query not yet run. */
export function adminsOf(db: DbOrTrx, unitId: string) {
  return db
    .selectFrom('role_grants')
    .innerJoin('accounts', 'accounts.id', 'role_grants.account_id')
    .select(['accounts.person_id'])
    .where('role_grants.unit_id', '=', unitId)
    .where('role_grants.role', 'in', ['institute_admin', 'station_admin'])
    .where('accounts.disabled', '=', 0);
}

export function activeStationPoints(db: DbOrTrx) {
  return db.selectFrom('units').select(['id', 'lat', 'lng']).where('kind', '=', 'station').where('archived', '=', 0).execute();
}

export function stationPoints(db: DbOrTrx) {
  return db.selectFrom('units').select(['id', 'lat', 'lng']).where('kind', '=', 'station').execute();
}

export function personContact(db: DbOrTrx, personId: string) {
  return db.selectFrom('people').select(['id', 'name', 'phone']).where('id', '=', personId).executeTakeFirstOrThrow();
}

export function declinesOf(db: DbOrTrx, volunteerId: string, orderIds: string[]) {
  return db.selectFrom('order_declines').select('order_id').where('volunteer_id', '=', volunteerId).where('order_id', 'in', orderIds).execute();
}

export function activeTeamsOf(db: DbOrTrx, volunteerId: string) {
  return db.selectFrom('team_members').select('team_id').where('volunteer_id', '=', volunteerId).where('status', '=', 'active').execute();
}

export function unitNames(db: DbOrTrx, ids: string[]) {
  return db.selectFrom('units').select(['id', 'name']).where('id', 'in', ids).execute();
}

export function teamNames(db: DbOrTrx, ids: string[]) {
  return db.selectFrom('teams').select(['id', 'name']).where('id', 'in', ids).execute();
}

export function volunteerNames(db: DbOrTrx, ids: string[]) {
  return db
    .selectFrom('volunteers')
    .innerJoin('people', 'people.id', 'volunteers.person_id')
    .select(['volunteers.id', 'people.name'])
    .where('volunteers.id', 'in', ids)
    .execute();
}

export function heldOrderIds(db: DbOrTrx, volunteerId: string) {
  return db
    .selectFrom('orders')
    .select('id')
    .where('accepted_volunteer_id', '=', volunteerId)
    .where('status', 'in', ['accepted', 'in_service', 'completed', 'rated'])
    .execute();
}

export function teamUnit(db: DbOrTrx, teamId: string) {
  return db.selectFrom('teams').select(['unit_id']).where('id', '=', teamId).executeTakeFirst();
}

/** Certified volunteers of these stations with what matching weighs: skills, categories, availability, insurance. */
export function certifiedVolunteersIn(db: DbOrTrx, stationIds: string[]) {
  return db
    .selectFrom('volunteers')
    .innerJoin('people', 'people.id', 'volunteers.person_id')
    .select([
      'volunteers.id',
      'people.name',
      'volunteers.station_id',
      'volunteers.skills',
      'volunteers.service_categories',
      'volunteers.availability',
      'volunteers.insured_until',
    ])
    .where('volunteers.status', '=', 'certified')
    .where('volunteers.station_id', 'in', stationIds)
    .execute();
}

/** Hands an order not taken in time to the institute, once: only from dispatched at level 0. 1 = escalated now. */
export async function escalateOrder(db: DbOrTrx, id: string, patch: Pick<OrdersTable, 'target_type' | 'target_id' | 'sla_due_at' | 'updated_at'>) {
  const res = await db
    .updateTable('orders')
    .set({ ...patch, escalation_level: 1 })
    .where('id', '=', id)
    .where('status', '=', 'dispatched')
    .where('escalation_level', '=', 0)
    .executeTakeFirst();
  return Number(res.numUpdatedRows);
}

/**
 * For the assessment (考核): the orders the given units received in [from, to), rejected and
 * cancelled ones left out (not the station's doing). One statement.
 */
export function ordersOfUnitsReceived(db: DbOrTrx, unitIds: string[], from: string, to: string) {
  if (unitIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('orders')
    .select(['id', 'number', 'unit_id', 'title', 'status', 'created_at', 'dispatched_at', 'sla_due_at', 'accepted_at', 'completed_at', 'rating', 'rated_by'])
    .where('unit_id', 'in', unitIds)
    .where('created_at', '>=', from)
    .where('created_at', '<', to)
    .where('status', 'not in', ['rejected', 'cancelled'])
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

/** Orders not yet dispatched (submitted or under review) in some units. */
export async function countAwaitingDispatch(db: DbOrTrx, unitIds: string[]): Promise<number> {
  if (unitIds.length === 0) return 0;
  const r = await db
    .selectFrom('orders')
    .where('unit_id', 'in', unitIds)
    .where('status', 'in', ['submitted', 'reviewing'])
    .select((e) => e.fn.countAll<number>().as('n'))
    .executeTakeFirst();
  return Number(r?.n ?? 0);
}

/** For the reports (月报/年报): every order some units received in [from, to), whatever became of it. One statement. */
export function ordersPlacedForReport(db: DbOrTrx, unitIds: string[], from: string, to: string) {
  if (unitIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('orders')
    .where('unit_id', 'in', unitIds)
    .where('created_at', '>=', from)
    .where('created_at', '<', to)
    .select(['id', 'unit_id', 'status', 'created_at', 'accepted_at', 'sla_due_at', 'completed_at', 'rating', 'rated_by'])
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

/** 个人信息权利: orders a volunteer accepted (served). */
export function ordersServedBy(db: DbOrTrx, volunteerId: string) {
  return db
    .selectFrom('orders')
    .select(['number', 'title', 'status', 'created_at', 'accepted_at', 'completed_at', 'service_minutes', 'rating', 'rating_comment'])
    .where('accepted_volunteer_id', '=', volunteerId)
    .orderBy('created_at')
    .execute();
}

export function eraseRequester(db: DbOrTrx, personId: string, name: string, now: string) {
  return db
    .updateTable('orders')
    .set({ requester_name: name, requester_phone: null, requester_phone_enc: null, address: null, address_enc: null, lng: null, lat: null, updated_at: now })
    .where('requester_person_id', '=', personId)
    .execute();
}
