import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { OrderActionInput, OrderListQuery, OrderView, PlaceOrderInput, ServiceItemInput, ServiceItemView } from '../../../shared/orders';
import { distanceMeters } from '../../../shared/rules/attendance';
import { shanghaiDay } from '../../../shared/rules/hours';
import { type Candidate, rankCandidates, slotOf } from '../../../shared/rules/matching';
import { allowedOrderActions, nextOrderStatus, type OrderAction, type OrderActor, type OrderStatus } from '../../../shared/rules/order-flow';
import type { OrdersTable, ServiceItemsTable } from '../../db/schema';
import { loadUnitTree, requireAccess, type UnitTree, unitsInScope } from '../../platform/access';
import { appendAudit, type AuditWho } from '../../platform/audit';
import { nextCounter } from '../../platform/counters.queries';
import type { DbOrTrx, Trx } from '../../platform/db';
import type { Actor, Ctx, Deps } from '../../platform/deps';
import { AppError, notFound } from '../../platform/errors';
import { whoOf } from '../accounts/auth.service';
import * as cq from '../care/care.queries';
import { canUseFile } from '../files/files.service';
import { notify } from '../notifications/notifications.service';
import { instituteOf, rulesFor } from '../settings/settings.service';
import * as vq from '../volunteers/volunteers.queries';
import * as q from './orders.queries';

type ItemRow = ServiceItemsTable & { unit_name: string };

function presentItem(r: ItemRow): ServiceItemView {
  return {
    id: r.id, unitId: r.unit_id, unitName: r.unit_name, code: r.code, programmeId: r.programme_id, name: r.name, description: r.description, whoMayAsk: r.who_may_ask,
    typicalHours: Number(r.typical_minutes) / 60, requiredSkills: JSON.parse(r.required_skills), serviceCategory: r.service_category,
    insuranceRequired: Boolean(r.insurance_required), slaHours: Number(r.sla_hours), archived: Boolean(r.archived),
  };
}

/** The service menu of a unit and the institute above it: what a resident there may ask for. */
export async function menuFor(deps: Deps, stationId?: string) {
  const tree = await loadUnitTree(deps);
  const units = stationId ? tree.ancestry(stationId).filter((u) => tree.nodes.get(u)?.kind !== 'district') : null;
  return { items: (await q.listItems(deps.db, units, false)).map(presentItem) };
}

export async function listItemsForStaff(deps: Deps, ctx: Ctx) {
  const tree = await loadUnitTree(deps);
  const scope = unitsInScope(tree, ctx.actor, 'orders.read');
  const units = new Set(scope);
  for (const u of scope) for (const a of tree.ancestry(u)) units.add(a);
  return { items: (await q.listItems(deps.db, [...units], true)).map(presentItem) };
}

export async function createItem(deps: Deps, ctx: Ctx, input: z.infer<typeof ServiceItemInput>) {
  await requireAccess(deps, ctx.actor, 'orders.manage', input.unitId);
  const now = deps.clock.now().toISOString();
  const id = randomUUID();
  await deps.db.transaction().execute(async (trx) => {
    const code = `S${String(await nextCounter(trx, 'service_item')).padStart(4, '0')}`;
    await q.insertItem(trx, {
      id, unit_id: input.unitId, code, programme_id: input.programmeId ?? null, name: input.name, description: input.description ?? null, who_may_ask: input.whoMayAsk ?? null,
      typical_minutes: Math.round(input.typicalHours * 60), required_skills: JSON.stringify(input.requiredSkills), service_category: input.serviceCategory ?? null,
      insurance_required: input.insuranceRequired ? 1 : 0, sla_hours: input.slaHours, archived: 0, sort: 100, created_at: now, updated_at: now,
    });
    await appendAudit(trx, deps.config.keys.audit, new Date(now), whoOf(ctx), { action: 'orders.item_created', objectType: 'service_item', objectId: id, unitId: input.unitId, changes: { name: { before: null, after: input.name } } });
  });
  return presentItem((await q.getItem(deps.db, id)) as ItemRow);
}

export async function archiveItem(deps: Deps, ctx: Ctx, id: string, archived: boolean) {
  const item = await q.getItem(deps.db, id);
  if (!item) throw notFound();
  await requireAccess(deps, ctx.actor, 'orders.manage', item.unit_id);
  const now = deps.clock.now().toISOString();
  await deps.db.transaction().execute(async (trx) => {
    await q.updateItem(trx, id, { archived: archived ? 1 : 0, updated_at: now });
    await appendAudit(trx, deps.config.keys.audit, new Date(now), whoOf(ctx), { action: 'orders.item_updated', objectType: 'service_item', objectId: id, unitId: item.unit_id, changes: { archived: { before: Boolean(item.archived), after: archived } } });
  });
  return presentItem((await q.getItem(deps.db, id)) as ItemRow);
}

/** The station an order goes to: the chosen one, else the nearest to the location, else the requester's own. */
function routeStation(tree: UnitTree, stations: { id: string; lat: number | null; lng: number | null }[], chosen: string | undefined, lat: number | undefined, lng: number | undefined, own: string | null): string | null {
  if (chosen && tree.nodes.get(chosen)?.kind === 'station') return chosen;
  if (lat !== undefined && lng !== undefined) {
    let best: { id: string; d: number } | null = null;
    for (const s of stations) {
      if (s.lat === null || s.lng === null) continue;
      const d = distanceMeters(lat, lng, Number(s.lat), Number(s.lng));
      if (!best || d < best.d) best = { id: s.id, d };
    }
    if (best) return best.id;
  }
  return own;
}

async function orderNumber(trx: Trx, now: Date): Promise<string> {
  const day = shanghaiDay(now).replaceAll('-', '');
  return `D${day}-${String(await nextCounter(trx, `order:${day}`)).padStart(4, '0')}`;
}

async function event(trx: Trx, orderId: string, at: Date, kind: OrderActor, who: { accountId: string | null; name: string | null }, action: string, from: string | null, to: string | null, note?: string | null) {
  await q.insertEvent(trx, { id: randomUUID(), order_id: orderId, at: at.toISOString(), actor_kind: kind, actor_account_id: who.accountId, actor_name: who.name, action, from_status: from, to_status: to, note: note ?? null });
}

interface NewOrder {
  unitId: string;
  item: ItemRow | null;
  title: string;
  description: string;
  photos: string[];
  requester: { personId: string | null; name: string; phone: string | null; verified: boolean };
  careRecipientId: string | null;
  address: string | null;
  lat: number | null;
  lng: number | null;
  preferredAt: string | null;
  channel: OrdersTable['channel'];
  enteredBy: string | null;
  open311KeyId?: string | null;
}

export async function insertNewOrder(deps: Pick<Deps, 'db' | 'config'>, now: Date, o: NewOrder, who: AuditWho, kind: OrderActor): Promise<string> {
  const id = randomUUID();
  await deps.db.transaction().execute(async (trx) => {
    const number = await orderNumber(trx, now);
    await q.insertOrder(trx, {
      id, number, unit_id: o.unitId, item_id: o.item?.id ?? null, title: o.title, description: o.description, photo_file_ids: JSON.stringify(o.photos),
      requester_person_id: o.requester.personId, requester_name: o.requester.name, requester_phone: o.requester.phone, requester_verified: o.requester.verified ? 1 : 0,
      verify_note: o.requester.verified ? '工作人员代为点单时已核实' : null, care_recipient_id: o.careRecipientId, address: o.address, lng: o.lng, lat: o.lat,
      preferred_at: o.preferredAt, channel: o.channel, entered_by: o.enteredBy, status: 'submitted', reject_reason: null, cancel_reason: null, target_type: null, target_id: null,
      dispatched_at: null, sla_due_at: null, escalation_level: 0, accepted_volunteer_id: null, accepted_at: null, started_at: null, completed_at: null, completion_report: null,
      completion_photo_ids: null, service_minutes: null, rating: null, rating_comment: null, rated_by: null, rated_at: null, open311_key_id: o.open311KeyId ?? null,
      created_at: now.toISOString(), updated_at: now.toISOString(),
    });
    await event(trx, id, now, kind, { accountId: who.actorAccountId, name: who.actorName }, 'submit', null, 'submitted', o.channel);
    await appendAudit(trx, deps.config.keys.audit, now, who, { action: 'orders.placed', objectType: 'order', objectId: id, unitId: o.unitId, changes: { number: { before: null, after: number }, channel: { before: null, after: o.channel } } });
    for (const admin of await q.unitAdmins(trx, o.unitId)) await notify(trx, now, admin.person_id, { kind: 'orders.new', title: `新的群众点单：${o.title}`, body: o.description.slice(0, 60), link: `/admin/orders/${id}` });
  });
  return id;
}

/**
 * 群众点单: a resident on the phone, or staff for a resident after a call or a door-to-door visit
 * (the channel is recorded). Routed to the chosen station, the nearest one, or the resident's own.
 */
export async function placeOrder(deps: Deps, ctx: Ctx, input: PlaceOrderInput) {
  const tree = await loadUnitTree(deps);
  const stations = await q.activeStationPoints(deps.db);
  const own = ctx.actor.grants.find((g) => tree.nodes.get(g.unitId)?.kind === 'station')?.unitId ?? null;
  const unitId = routeStation(tree, stations, input.stationId, input.lat, input.lng, own);
  if (!unitId) throw new AppError('volunteer.not_station');
  const item = input.itemId ? ((await q.getItem(deps.db, input.itemId)) ?? null) : null;
  if (input.itemId && (!item || item.archived || !tree.ancestry(unitId).includes(item.unit_id))) throw new AppError('orders.item_not_found');
  for (const f of input.photoFileIds) if (!(await canUseFile(deps, ctx, f))) throw new AppError('hours.evidence_missing');
  let requester: NewOrder['requester'];
  let channel: OrdersTable['channel'] = 'app';
  let kind: OrderActor = 'requester';
  if (input.onBehalf) {
    await requireAccess(deps, ctx.actor, 'orders.manage', unitId);
    const known = input.onBehalf.phone ? await vq.findPersonByPhone(deps.db, input.onBehalf.phone) : undefined;
    requester = { personId: known?.id ?? null, name: input.onBehalf.name, phone: input.onBehalf.phone ?? null, verified: true };
    channel = input.onBehalf.channel;
    kind = 'staff';
  } else {
    const me = await q.personContact(deps.db, ctx.actor.personId);
    requester = { personId: me.id, name: me.name, phone: me.phone, verified: false };
  }
  const id = await insertNewOrder(
    deps,
    deps.clock.now(),
    {
      unitId, item, title: input.title ?? item?.name ?? input.description.slice(0, 20), description: input.description, photos: input.photoFileIds, requester,
      careRecipientId: input.onBehalf?.careRecipientId ?? null, address: input.address ?? null, lat: input.lat ?? null, lng: input.lng ?? null, preferredAt: input.preferredAt ?? null,
      channel, enteredBy: ctx.actor.accountId,
    },
    whoOf(ctx),
    kind,
  );
  return getOrder(deps, ctx, id);
}

/** The public portal form: no account; the station calls back to verify. */
export async function placePortalOrder(deps: Deps, meta: { ip: string; requestId: string }, input: { stationId: string; itemId?: string; name: string; phone: string; description: string; address?: string; preferredAt?: string }) {
  const tree = await loadUnitTree(deps);
  if (tree.nodes.get(input.stationId)?.kind !== 'station') throw new AppError('volunteer.not_station');
  const item = input.itemId ? ((await q.getItem(deps.db, input.itemId)) ?? null) : null;
  if (input.itemId && (!item || item.archived || !tree.ancestry(input.stationId).includes(item.unit_id))) throw new AppError('orders.item_not_found');
  const id = await insertNewOrder(
    deps,
    deps.clock.now(),
    {
      unitId: input.stationId, item, title: item?.name ?? input.description.slice(0, 20), description: input.description, photos: [],
      requester: { personId: null, name: input.name, phone: input.phone, verified: false }, careRecipientId: null, address: input.address ?? null, lat: null, lng: null,
      preferredAt: input.preferredAt ?? null, channel: 'portal', enteredBy: null,
    },
    { actorAccountId: null, actorName: input.name, ip: meta.ip, requestId: meta.requestId },
    'requester',
  );
  const row = await q.getOrder(deps.db, id);
  return { number: row?.number ?? '', status: 'submitted' as const };
}

interface Roles {
  /** A volunteer who declined it still sees it (and that they declined). */
  declined: boolean;
  staff: boolean;
  requester: boolean;
  volunteerId: string | null;
  assigned: boolean;
  eligible: boolean;
}

/** What we need to know about the caller once per request, not once per order. */
interface Me {
  volunteer: Awaited<ReturnType<typeof vq.getVolunteerByPerson>> | undefined;
  declined: Set<string>;
  teams: Set<string>;
}

async function whoAmI(deps: Deps, actor: Actor, orderIds: string[]): Promise<Me> {
  const volunteer = await vq.getVolunteerByPerson(deps.db, actor.personId);
  if (!volunteer) return { volunteer, declined: new Set(), teams: new Set() };
  const declined = orderIds.length
    ? await q.declinesOf(deps.db, volunteer.id, orderIds)
    : [];
  const teams = await q.activeTeamsOf(deps.db, volunteer.id);
  return { volunteer, declined: new Set(declined.map((d) => d.order_id)), teams: new Set(teams.map((t) => t.team_id)) };
}

/** Who the caller is to this order: staff of its unit (or the institute), the requester, the assigned or an eligible volunteer. */
function rolesFor(actor: Actor, tree: UnitTree, o: q.OrderRow, me: Me): Roles {
  const manage = unitsInScope(tree, actor, 'orders.manage');
  const staff = manage.has(o.unit_id) || (o.target_type === 'institute' && o.target_id !== null && manage.has(o.target_id));
  const requester = o.requester_person_id !== null && o.requester_person_id === actor.personId;
  const v = me.volunteer;
  const volunteerId = v && v.status === 'certified' ? v.id : null;
  const assigned = volunteerId !== null && o.accepted_volunteer_id === volunteerId;
  const declined = volunteerId !== null && me.declined.has(o.id);
  let eligible = false;
  if (volunteerId && v && o.status === 'dispatched' && !declined) {
    switch (o.target_type) {
      case 'volunteer':
        eligible = o.target_id === volunteerId;
        break;
      case 'team':
        eligible = o.target_id !== null && me.teams.has(o.target_id);
        break;
      case 'station':
        eligible = o.target_id === v.station_id;
        break;
      case 'institute':
      case 'pool':
        eligible = instituteOf(tree, v.station_id) === instituteOf(tree, o.unit_id);
        break;
      default:
        eligible = false;
    }
  }
  return { declined, staff, requester, volunteerId, assigned, eligible };
}

function canSee(r: Roles, actor: Actor, tree: UnitTree, o: q.OrderRow) {
  return r.staff || r.requester || r.assigned || r.eligible || r.declined || unitsInScope(tree, actor, 'orders.read').has(o.unit_id);
}

async function present(deps: Deps, actor: Actor, tree: UnitTree, rows: q.OrderRow[], withEvents: boolean): Promise<OrderView[]> {
  const events = withEvents ? await q.listEvents(deps.db, rows.map((r) => r.id)) : [];
  const now = deps.clock.now().toISOString();
  const me = await whoAmI(deps, actor, rows.map((r) => r.id));
  const ids = (type: string) => [...new Set(rows.filter((r) => r.target_type === type && r.target_id).map((r) => r.target_id as string))];
  const names = new Map<string, string>();
  const unitIds = [...ids('institute'), ...ids('station')];
  if (unitIds.length) for (const u of await q.unitNames(deps.db, unitIds)) names.set(u.id, u.name);
  if (ids('team').length) for (const t of await q.teamNames(deps.db, ids('team'))) names.set(t.id, t.name);
  if (ids('volunteer').length) {
    for (const v of await q.volunteerNames(deps.db, ids('volunteer'))) names.set(v.id, v.name);
  }
  const out: OrderView[] = [];
  for (const o of rows) {
    const r = rolesFor(actor, tree, o, me);
    const actions = new Set<OrderAction>();
    if (r.staff) for (const a of allowedOrderActions(o.status, 'staff')) actions.add(a);
    if (r.requester) for (const a of allowedOrderActions(o.status, 'requester')) actions.add(a);
    if (r.eligible) for (const a of allowedOrderActions(o.status, 'volunteer')) if (a === 'accept' || a === 'decline') actions.add(a);
    if (r.assigned) for (const a of allowedOrderActions(o.status, 'volunteer')) if (!['accept', 'decline'].includes(a)) actions.add(a);
    // A volunteer never rates their own work.
    if (r.assigned) actions.delete('rate');
    const targetName = o.target_type === 'pool' ? '抢单池' : o.target_id ? (names.get(o.target_id) ?? null) : null;
    let duplicateOf: string | null = null;
    if (withEvents && o.item_id && r.staff) {
      const rules = await rulesFor(deps.db, instituteOf(tree, o.unit_id) ?? '');
      const since = new Date(Date.parse(o.created_at) - rules['orders.duplicateWindowDays'] * 86_400_000).toISOString();
      duplicateOf = (await q.recentSameRequest(deps.db, o.item_id, o.requester_person_id, o.requester_phone, since, o.id))?.number ?? null;
    }
    const showPhone = r.staff || r.assigned;
    out.push({
      id: o.id, number: o.number, unitId: o.unit_id, unitName: o.unit_name, itemId: o.item_id, itemName: o.item_name, title: o.title, description: o.description,
      photoFileIds: JSON.parse(o.photo_file_ids), requesterName: o.requester_name, requesterPhone: showPhone ? o.requester_phone : o.requester_phone ? `${o.requester_phone.slice(0, 3)}****${o.requester_phone.slice(-4)}` : null,
      requesterVerified: Boolean(o.requester_verified), careRecipientId: r.staff ? o.care_recipient_id : null, address: o.address, preferredAt: o.preferred_at, channel: o.channel,
      status: o.status, rejectReason: o.reject_reason, cancelReason: o.cancel_reason,
      target: o.target_type ? { type: o.target_type, id: o.target_id, name: targetName } : null, dispatchedAt: o.dispatched_at, slaDueAt: o.sla_due_at,
      overdue: o.status === 'dispatched' && o.sla_due_at !== null && o.sla_due_at < now, escalationLevel: Number(o.escalation_level),
      volunteer: o.accepted_volunteer_id ? { id: o.accepted_volunteer_id, name: o.volunteer_name ?? '' } : null, acceptedAt: o.accepted_at, completedAt: o.completed_at,
      completionReport: o.completion_report, completionPhotoIds: o.completion_photo_ids ? JSON.parse(o.completion_photo_ids) : [], rating: o.rating === null ? null : Number(o.rating),
      ratingComment: o.rating_comment, ratedBy: o.rated_by, createdAt: o.created_at, allowedActions: [...actions], duplicateOf,
      events: events.filter((e) => e.order_id === o.id).map((e) => ({ at: e.at, actorKind: e.actor_kind, actorName: e.actor_name, action: e.action, fromStatus: e.from_status, toStatus: e.to_status, note: e.note })),
    });
  }
  return out;
}

export async function getOrder(deps: Deps, ctx: Ctx, id: string): Promise<OrderView> {
  const o = await q.getOrder(deps.db, id);
  if (!o) throw notFound();
  const tree = await loadUnitTree(deps);
  const r = rolesFor(ctx.actor, tree, o, await whoAmI(deps, ctx.actor, [o.id]));
  if (!canSee(r, ctx.actor, tree, o)) throw notFound();
  return (await present(deps, ctx.actor, tree, [o], true))[0];
}

/** Staff work queues by state, with SLA timers. */
export async function listOrders(deps: Deps, ctx: Ctx, query: z.infer<typeof OrderListQuery>) {
  const tree = await loadUnitTree(deps);
  const scope = unitsInScope(tree, ctx.actor, 'orders.read');
  if (scope.size === 0) throw new AppError('access.denied');
  let units = [...scope];
  if (query.unitId) {
    if (!scope.has(query.unitId)) throw notFound();
    units = tree.subtree(query.unitId).filter((u) => scope.has(u));
  }
  // Orders escalated to an institute show in its queue too.
  const escalated = await q.escalatedTo(deps.db, units);
  const { rows, total } = await q.listOrders(
    deps.db,
    {
      unitIds: units, statuses: query.status ? [query.status] : undefined, overdueAt: query.overdue === 'true' ? deps.clock.now().toISOString() : undefined, q: query.q,
      from: query.from ? new Date(`${query.from}T00:00:00+08:00`).toISOString() : undefined,
      to: query.to ? new Date(Date.parse(`${query.to}T00:00:00+08:00`) + 86_400_000).toISOString() : undefined,
    },
    query.pageSize,
    (query.page - 1) * query.pageSize,
  );
  const extra = escalated.length && !query.status ? (await q.listOrders(deps.db, { ids: escalated.map((e) => e.id) }, 50, 0)).rows.filter((e) => !rows.some((r) => r.id === e.id)) : [];
  return { items: await present(deps, ctx.actor, tree, [...rows, ...extra], false), total: total + extra.length, page: query.page, pageSize: query.pageSize };
}

/** The requester follows their orders on the phone. */
export async function myOrders(deps: Deps, ctx: Ctx) {
  const tree = await loadUnitTree(deps);
  const { rows } = await q.listOrders(deps.db, { requesterPersonId: ctx.actor.personId }, 100, 0);
  return { items: await present(deps, ctx.actor, tree, rows, true) };
}

/** A volunteer's task list: orders they may take (named, team, station, pool) and the ones they hold. */
export async function myTasks(deps: Deps, ctx: Ctx) {
  const v = await vq.getVolunteerByPerson(deps.db, ctx.actor.personId);
  if (!v) throw new AppError('volunteer.not_found_self');
  const tree = await loadUnitTree(deps);
  const inst = instituteOf(tree, v.station_id);
  const units = inst ? tree.subtree(inst) : [v.station_id];
  const open = (await q.listOrders(deps.db, { unitIds: units, statuses: ['dispatched'] }, 200, 0)).rows;
  const mine = (await q.heldOrderIds(deps.db, v.id)).map((x) => x.id);
  const held = mine.length ? (await q.listOrders(deps.db, { ids: mine }, 100, 0)).rows : [];
  const views = await present(deps, ctx.actor, tree, [...held, ...open], false);
  return { items: views.filter((o) => o.volunteer?.id === v.id || o.allowedActions.includes('accept')) };
}

/** Ranked suggestions with reasons for dispatching (see rules/matching.ts). */
export async function suggestVolunteers(deps: Deps, ctx: Ctx, id: string) {
  const o = await q.getOrder(deps.db, id);
  if (!o) throw notFound();
  const tree = await loadUnitTree(deps);
  if (!rolesFor(ctx.actor, tree, o, await whoAmI(deps, ctx.actor, [o.id])).staff) throw notFound();
  const inst = instituteOf(tree, o.unit_id);
  const stations = await q.stationPoints(deps.db);
  const coords = new Map(stations.map((s) => [s.id, s]));
  const vols = await deps.db
    .selectFrom('volunteers')
    .innerJoin('people', 'people.id', 'volunteers.person_id')
    .select(['volunteers.id', 'people.name', 'volunteers.station_id', 'volunteers.skills', 'volunteers.service_categories', 'volunteers.availability', 'volunteers.insured_until'])
    .where('volunteers.status', '=', 'certified')
    .where('volunteers.station_id', 'in', inst ? tree.subtree(inst) : [o.unit_id])
    .execute();
  const loads = new Map((await q.openLoads(deps.db)).map((l) => [l.accepted_volunteer_id, Number(l.n)]));
  const ratings = new Map((await q.ratingsByVolunteer(deps.db)).map((r) => [r.accepted_volunteer_id, { avg: Number(r.avg), n: Number(r.n) }]));
  const item = o.item_id ? await q.getItem(deps.db, o.item_id) : undefined;
  const declined = new Set((await q.declinedBy(deps.db, id)).map((d) => d.volunteer_id));
  const day = shanghaiDay(deps.clock.now());
  const candidates: Candidate[] = vols
    .filter((v) => !declined.has(v.id))
    .filter((v) => !item?.insurance_required || (v.insured_until !== null && v.insured_until >= day))
    .map((v) => {
      const st = coords.get(v.station_id);
      const rt = ratings.get(v.id);
      return {
        volunteerId: v.id, name: v.name, stationId: v.station_id, skills: JSON.parse(v.skills), serviceCategories: JSON.parse(v.service_categories), availability: JSON.parse(v.availability),
        lat: st?.lat === null || st?.lat === undefined ? null : Number(st.lat), lng: st?.lng === null || st?.lng === undefined ? null : Number(st.lng),
        openOrders: loads.get(v.id) ?? 0, averageRating: rt ? rt.avg : null, ratedOrders: rt?.n ?? 0,
      };
    });
  const station = coords.get(o.unit_id);
  const need = {
    stationId: o.unit_id, requiredSkills: item ? JSON.parse(item.required_skills) : [], serviceCategory: item?.service_category ?? null,
    lat: o.lat !== null ? Number(o.lat) : station?.lat !== null && station?.lat !== undefined ? Number(station.lat) : null,
    lng: o.lng !== null ? Number(o.lng) : station?.lng !== null && station?.lng !== undefined ? Number(station.lng) : null,
    slot: o.preferred_at ? slotOf(o.preferred_at) : null,
  };
  return { items: rankCandidates(need, candidates, 10) };
}

function pickActor(action: OrderAction, r: Roles): OrderActor | null {
  switch (action) {
    case 'accept':
    case 'decline':
      return r.eligible ? 'volunteer' : null;
    case 'start':
    case 'note':
    case 'complete':
      return r.assigned ? 'volunteer' : r.staff ? 'staff' : null;
    case 'rate':
      if (r.assigned) return null;
      return r.requester ? 'requester' : r.staff ? 'staff' : null;
    case 'cancel':
      return r.requester ? 'requester' : r.staff ? 'staff' : null;
    default:
      return r.staff ? 'staff' : null;
  }
}

/**
 * One step of the order. The state machine in src/shared decides what is allowed; this applies
 * it with a guarded update (two volunteers grabbing one order: one wins), records the event and
 * the audit row, tells the people concerned, and on completion writes the verified hours.
 */
export async function actOnOrder(deps: Deps, ctx: Ctx, id: string, input: OrderActionInput) {
  const o = await q.getOrder(deps.db, id);
  if (!o) throw notFound();
  const tree = await loadUnitTree(deps);
  const r = rolesFor(ctx.actor, tree, o, await whoAmI(deps, ctx.actor, [o.id]));
  if (!canSee(r, ctx.actor, tree, o)) throw notFound();
  if (input.action === 'rate' && r.assigned) throw new AppError('orders.own_work');
  const kind = pickActor(input.action, r);
  if (!kind) throw new AppError(input.action === 'accept' || input.action === 'decline' ? 'orders.not_for_you' : 'access.denied');
  const to = nextOrderStatus(o.status as OrderStatus, input.action, kind);
  if (!to) throw new AppError('orders.bad_transition');
  const now = deps.clock.now();
  const iso = now.toISOString();
  const rules = await rulesFor(deps.db, instituteOf(tree, o.unit_id) ?? '');
  const item = o.item_id ? await q.getItem(deps.db, o.item_id) : undefined;
  const patch: Partial<OrdersTable> = { status: to, updated_at: iso };
  const tell: { personId: string; title: string; body?: string }[] = [];
  let note: string | null = input.note ?? input.reason ?? null;

  switch (input.action) {
    case 'review':
      if (input.verified) {
        patch.requester_verified = 1;
        patch.verify_note = input.note ?? '已电话核实';
      }
      break;
    case 'reject':
    case 'cancel':
      if (!input.reason) throw new AppError('orders.reason_required');
      if (input.action === 'reject') patch.reject_reason = input.reason;
      else patch.cancel_reason = input.reason;
      break;
    case 'dispatch':
    case 'redispatch': {
      if (!input.target) throw new AppError('orders.target_required');
      if (!o.requester_verified && !input.verified) throw new AppError('orders.unverified');
      if (input.verified) patch.requester_verified = 1;
      const t = input.target;
      if (t.type !== 'pool' && !t.id) throw new AppError('orders.target_required');
      if (t.type === 'institute' || t.type === 'station') {
        if (!t.id || tree.nodes.get(t.id)?.kind !== t.type || instituteOf(tree, t.id) !== instituteOf(tree, o.unit_id)) throw notFound();
      } else if (t.type === 'team') {
        const team = await q.teamUnit(deps.db, t.id as string);
        if (!team || instituteOf(tree, team.unit_id) !== instituteOf(tree, o.unit_id)) throw notFound();
      } else if (t.type === 'volunteer') {
        const v = await vq.getVolunteer(deps.db, t.id as string);
        if (!v || v.status !== 'certified' || instituteOf(tree, v.station_id) !== instituteOf(tree, o.unit_id)) throw notFound();
        tell.push({ personId: v.person_id, title: `有一张需求单派给您：${o.title}`, body: '请在规定时间内接单，也可以婉拒' });
      }
      const slaHours = item ? Number(item.sla_hours) : rules['orders.defaultSlaHours'];
      Object.assign(patch, { target_type: t.type, target_id: t.id ?? null, dispatched_at: iso, sla_due_at: new Date(now.getTime() + slaHours * 3600_000).toISOString(), accepted_volunteer_id: null, accepted_at: null });
      note = `${t.type}${input.note ? `：${input.note}` : ''}`;
      break;
    }
    case 'accept': {
      const v = await vq.getVolunteer(deps.db, r.volunteerId as string);
      if (!v) throw notFound();
      const required: string[] = item ? JSON.parse(item.required_skills) : [];
      if (required.some((s) => !JSON.parse(v.skills).includes(s))) throw new AppError('orders.not_qualified');
      if (item?.insurance_required && (!v.insured_until || v.insured_until < shanghaiDay(now))) throw new AppError('orders.insurance_required');
      Object.assign(patch, { accepted_volunteer_id: v.id, accepted_at: iso });
      if (o.requester_person_id) tell.push({ personId: o.requester_person_id, title: `志愿者已接单：${o.title}`, body: `${v.name} 将为您服务` });
      break;
    }
    case 'decline':
      break;
    case 'start':
      patch.started_at = iso;
      break;
    case 'complete': {
      if (!input.report) throw new AppError('orders.report_required');
      for (const f of input.photoFileIds ?? []) if (!(await canUseFile(deps, ctx, f))) throw new AppError('hours.evidence_missing');
      const minutes = Math.round((input.serviceHours ?? (item ? Number(item.typical_minutes) / 60 : 1)) * 60);
      Object.assign(patch, { completed_at: iso, completion_report: input.report, completion_photo_ids: JSON.stringify(input.photoFileIds ?? []), service_minutes: minutes });
      if (o.requester_person_id) tell.push({ personId: o.requester_person_id, title: `服务已完成：${o.title}`, body: '请为这次服务评价' });
      break;
    }
    case 'rate':
      if (!input.rating) throw new AppError('orders.rating_required');
      Object.assign(patch, { rating: input.rating, rating_comment: input.comment ?? null, rated_by: kind === 'requester' ? 'requester' : 'staff', rated_at: iso });
      note = `${input.rating} 星${input.comment ? `：${input.comment}` : ''}`;
      if (o.volunteer_person_id) tell.push({ personId: o.volunteer_person_id, title: `居民评价了您的服务：${input.rating} 星`, body: input.comment ?? undefined });
      break;
    case 'close':
    case 'note':
    case 'escalate':
      break;
    default:
      break;
  }

  await deps.db.transaction().execute(async (trx) => {
    if (input.action === 'decline') {
      await q.insertDecline(trx, { id: randomUUID(), order_id: id, volunteer_id: r.volunteerId as string, reason: input.reason ?? null, at: iso });
      // Declining is free (条例 第二十五条). When the named volunteer declines, staff are asked to re-dispatch.
      if (o.target_type === 'volunteer') {
        for (const admin of await q.unitAdmins(trx, o.unit_id)) await notify(trx, now, admin.person_id, { kind: 'orders.declined', title: `志愿者婉拒了需求单：${o.title}`, body: '请重新派单', link: `/admin/orders/${id}` });
      }
    } else if (input.action !== 'note') {
      const n = await q.moveOrder(trx, id, [o.status], patch);
      if (n !== 1) throw new AppError('orders.bad_transition');
    }
    await event(trx, id, now, kind, { accountId: ctx.actor.accountId, name: ctx.actor.displayName }, input.action, o.status, input.action === 'note' ? o.status : input.action === 'decline' ? null : to, note);
    if (input.action === 'complete' && o.accepted_volunteer_id) await writeOrderHours(trx, o, now, Number(patch.service_minutes));
    if (input.action === 'complete' && o.care_recipient_id) {
      await cq.insertVisit(trx, { id: randomUUID(), recipient_id: o.care_recipient_id, kind: 'order', at: iso, note: input.report ?? null, order_id: id, activity_id: null, by_account: ctx.actor.accountId, created_at: iso });
      await cq.updateRecipient(trx, o.care_recipient_id, { last_contact_at: iso });
    }
    for (const t of tell) await notify(trx, now, t.personId, { kind: `orders.${input.action}`, title: t.title, body: t.body ?? null, link: `/m/orders/${id}` });
    await appendAudit(trx, deps.config.keys.audit, now, whoOf(ctx), {
      action: `orders.${input.action}`, objectType: 'order', objectId: id, unitId: o.unit_id,
      changes: { status: { before: o.status, after: input.action === 'note' ? o.status : to }, ...(note ? { note: { before: null, after: note } } : {}) },
    });
  });
  return getOrder(deps, ctx, id);
}

/** A completed order becomes a *verified* service record for the volunteer, pending staff confirmation. */
async function writeOrderHours(trx: DbOrTrx, o: q.OrderRow, now: Date, minutes: number) {
  await trx
    .insertInto('service_records')
    .values({
      id: randomUUID(), volunteer_id: o.accepted_volunteer_id as string, unit_id: o.unit_id, source: 'verified', activity_id: null, order_id: o.id,
      title: `群众点单：${o.title}`, service_date: shanghaiDay(now), start_at: o.started_at ?? o.accepted_at, end_at: now.toISOString(), minutes, place: o.address,
      content: o.description.slice(0, 200), organiser_name: o.unit_name, person_in_charge: null, entry_method: '个人申请', evidence_file_ids: o.completion_photo_ids ?? '[]',
      reason: `需求单 ${o.number} 结项`, status: 'pending', late: 0, flag: null, corrects_id: null, entered_by: null, entered_at: now.toISOString(), decided_by: null, decided_at: null, decision_note: null,
    })
    .execute();
}

/** The clock's part: an order not taken within its SLA goes up to the institute; a completed one unrated for N days gets the default rating. */
export async function tickOrders(deps: Deps): Promise<{ escalated: number; defaultRated: number }> {
  const now = deps.clock.now();
  const iso = now.toISOString();
  const tree = await loadUnitTree(deps);
  let escalated = 0;
  for (const { id } of await q.dueForEscalation(deps.db, iso)) {
    const o = await q.getOrder(deps.db, id);
    if (!o) continue;
    const inst = instituteOf(tree, o.unit_id);
    if (!inst) continue;
    const rules = await rulesFor(deps.db, inst);
    await deps.db.transaction().execute(async (trx) => {
      const n = await trx
        .updateTable('orders')
        .set({ target_type: 'institute', target_id: inst, escalation_level: 1, sla_due_at: new Date(now.getTime() + rules['orders.defaultSlaHours'] * 3600_000).toISOString(), updated_at: iso })
        .where('id', '=', id)
        .where('status', '=', 'dispatched')
        .where('escalation_level', '=', 0)
        .executeTakeFirst();
      if (Number(n.numUpdatedRows) !== 1) return;
      await event(trx, id, now, 'system', { accountId: null, name: '系统' }, 'escalate', 'dispatched', 'dispatched', '超过接单时限，上报实践所');
      for (const admin of [...(await q.unitAdmins(trx, inst)), ...(await q.unitAdmins(trx, o.unit_id))]) {
        await notify(trx, now, admin.person_id, { kind: 'orders.escalated', title: `需求单超时未接，已上报实践所：${o.title}`, body: `单号 ${o.number}`, link: `/admin/orders/${id}` });
      }
      await appendAudit(trx, deps.config.keys.audit, now, { actorAccountId: null, actorName: '系统', ip: null, requestId: null }, {
        action: 'orders.escalate', objectType: 'order', objectId: id, unitId: o.unit_id, changes: { target: { before: `${o.target_type}:${o.target_id}`, after: `institute:${inst}` } },
      });
      escalated++;
    });
  }
  let defaultRated = 0;
  const institutes = [...tree.nodes.values()].filter((n) => n.kind === 'institute');
  for (const inst of institutes) {
    const days = (await rulesFor(deps.db, inst.id))['orders.defaultRatingDays'];
    for (const o of await q.dueForDefaultRating(deps.db, new Date(now.getTime() - days * 86_400_000).toISOString())) {
      if (instituteOf(tree, o.unit_id) !== inst.id) continue;
      await deps.db.transaction().execute(async (trx) => {
        const n = await q.moveOrder(trx, o.id, ['completed'], { status: 'rated', rating: 5, rating_comment: '超过评价期限，默认好评', rated_by: 'system', rated_at: iso, updated_at: iso });
        if (n !== 1) return;
        await event(trx, o.id, now, 'system', { accountId: null, name: '系统' }, 'rate', 'completed', 'rated', `${days} 天未评价，默认好评`);
        defaultRated++;
      });
    }
  }
  return { escalated, defaultRated };
}

