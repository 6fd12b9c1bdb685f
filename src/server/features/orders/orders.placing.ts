import { chinaDay } from '../../../shared/china-time';
import { randomUUID } from 'node:crypto';
import type { PlaceOrderInput } from '../../../shared/orders';
import { distanceMeters } from '../../../shared/rules/attendance';

import type { OrderActor } from '../../../shared/rules/order-flow';
import type { OrderEventsTable, OrdersTable } from '../../db/schema';
import type { UnitTree } from '../../platform/access';
import { appendAudit, type AuditWho } from '../../platform/audit';
import { nextCounter } from '../../platform/counters.queries';
import type { Trx } from '../../platform/db';
import type { Ctx, Deps } from '../../platform/deps';
import { AppError } from '../../platform/errors';
import { unitTreeOf } from '../../platform/scope';
import { whoOf } from '../../platform/session';
import { canUseFile } from '../files/files.service';
import { notifyAll } from '../notifications/notifications.service';
import { personIdByPhone } from '../volunteers/volunteers.lookup';
import { recordEvent } from './orders.events';
import { presentPlaced } from './orders.listing';
import type { ItemRow } from './orders.menu';
import { requireRecipientForOrder } from '../care/care.links';
import * as q from './orders.queries';
import { orderContactColumns } from './orders.sealing';

/** The station an order goes to: the chosen one, else the nearest to the location, else the requester's own. */
function routeStation(
  tree: UnitTree,
  stations: { id: string; lat: number | null; lng: number | null }[],
  chosen: string | undefined,
  lat: number | undefined,
  lng: number | undefined,
  own: string | null,
): string | null {
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
  const day = chinaDay(now).replaceAll('-', '');
  return `D${day}-${String(await nextCounter(trx, `order:${day}`)).padStart(4, '0')}`;
}

/** An order as placed, whichever the channel (app, staff, portal, Open311). */
export interface NewOrder {
  unitId: string;
  item: ItemRow | null;
  title: string;
  description: string;
  photos: string[];
  /** As entered (staff, portal, Open311), or `ownRecord`: a resident for themself, named from their person record as the order is written. */
  requester: { personId: string | null; name: string; phone: string | null; verified: boolean } | { ownRecord: string };
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
  return (await writeNewOrder(deps, now, o, who, kind)).row.id;
}

/**
 * Writes the order, its first history line, the audit row and the station admins' notices in one
 * transaction; returns the rows written and the station's name.
 */
async function writeNewOrder(
  deps: Pick<Deps, 'db' | 'config'>,
  now: Date,
  o: NewOrder,
  who: AuditWho,
  kind: OrderActor,
): Promise<{ row: OrdersTable; event: OrderEventsTable; unitName: string }> {
  const id = randomUUID();
  const own = 'ownRecord' in o.requester ? o.requester.ownRecord : null;
  // The own-record requester's name and phone are filled in by the INSERT (q.insertOrder).
  const requester = 'ownRecord' in o.requester ? { personId: o.requester.ownRecord, name: '', phone: null, verified: false } : o.requester;
  return deps.db.transaction().execute(async (trx) => {
    const number = await orderNumber(trx, now);
    const row: OrdersTable = {
      id,
      number,
      unit_id: o.unitId,
      item_id: o.item?.id ?? null,
      title: o.title,
      description: o.description,
      photo_file_ids: JSON.stringify(o.photos),
      requester_person_id: requester.personId,
      requester_name: requester.name,
      requester_verified: requester.verified ? 1 : 0,
      verify_note: requester.verified ? '工作人员代为点单时已核实' : null,
      care_recipient_id: o.careRecipientId,
      // A care recipient's phone and address are sealed on the order as on their record (orders.sealing.ts).
      ...orderContactColumns(deps.config.keys, o.careRecipientId !== null, { phone: requester.phone, address: o.address }),
      lng: o.lng,
      lat: o.lat,
      preferred_at: o.preferredAt,
      channel: o.channel,
      entered_by: o.enteredBy,
      status: 'submitted',
      reject_reason: null,
      cancel_reason: null,
      target_type: null,
      target_id: null,
      dispatched_at: null,
      sla_due_at: null,
      escalation_level: 0,
      accepted_volunteer_id: null,
      accepted_at: null,
      started_at: null,
      completed_at: null,
      completion_report: null,
      completion_photo_ids: null,
      service_minutes: null,
      rating: null,
      rating_comment: null,
      rated_by: null,
      rated_at: null,
      open311_key_id: o.open311KeyId ?? null,
      created_at: now.toISOString(),
      updated_at: now.toISOString(),
    };
    const written = await q.insertOrder(trx, row, own);
    if (own && !written.personFound) throw new AppError('auth.required');
    row.requester_name = written.requesterName;
    row.requester_phone = written.requesterPhone;
    const event = await recordEvent(trx, id, now, kind, { accountId: who.actorAccountId, name: who.actorName }, 'submit', null, 'submitted', o.channel);
    await appendAudit(trx, deps.config.keys.audit, now, who, {
      action: 'orders.placed',
      objectType: 'order',
      objectId: id,
      unitId: o.unitId,
      changes: { number: { before: null, after: number }, channel: { before: null, after: o.channel } },
    });
    await notifyAll(trx, now, q.adminsOf(trx, o.unitId), {
      kind: 'orders.new',
      title: `新的群众点单：${o.title}`,
      body: o.description.slice(0, 60),
      link: `/admin/orders/${id}`,
    });
    return { row, event, unitName: written.unitName };
  });
}

/**
 * 群众点单: a resident on the phone, or staff for a resident after a call or a door-to-door visit
 * (the channel is recorded). Routed to the chosen station, the nearest one, or the resident's own.
 */
export async function placeOrder(deps: Deps, ctx: Ctx, input: PlaceOrderInput) {
  const tree = await ctx.scope.tree();
  // The stations' points only when the order is routed by its location.
  const chosen = input.stationId && tree.nodes.get(input.stationId)?.kind === 'station';
  const stations = !chosen && input.lat !== undefined && input.lng !== undefined ? await q.activeStationPoints(deps.db) : [];
  const own = ctx.actor.grants.find((g) => tree.nodes.get(g.unitId)?.kind === 'station')?.unitId ?? null;
  const unitId = routeStation(tree, stations, input.stationId, input.lat, input.lng, own);
  if (!unitId) throw new AppError('volunteer.not_station');
  const item = input.itemId ? ((await q.getItem(deps.db, input.itemId)) ?? null) : null;
  if (input.itemId && (!item || item.archived || !tree.ancestry(unitId).includes(item.unit_id))) throw new AppError('orders.item_not_found');
  for (const f of input.photoFileIds) if (!(await canUseFile(deps, ctx, f))) throw new AppError('hours.evidence_missing');
  let requester: NewOrder['requester'];
  let channel: OrdersTable['channel'] = 'app';
  let kind: OrderActor = 'requester';
  let address = input.address ?? null;
  if (input.onBehalf) {
    await ctx.scope.require('orders.manage', unitId);
    // A care recipient's record is sealed; the order takes its phone and address when the form left them out.
    const cared = input.onBehalf.careRecipientId
      ? await requireRecipientForOrder(deps.db, deps.config.keys, ctx, input.onBehalf.careRecipientId, unitId)
      : { phone: null, address: null };
    const phone = input.onBehalf.phone ?? cared.phone;
    address = input.address ?? cared.address;
    const known = phone ? await personIdByPhone(deps.db, phone) : undefined;
    requester = { personId: known ?? null, name: input.onBehalf.name, phone, verified: true };
    channel = input.onBehalf.channel;
    kind = 'staff';
  } else {
    // Their name and phone from their person record, in the order's INSERT (auth.required if it is gone).
    requester = { ownRecord: ctx.actor.personId };
  }
  const placed = await writeNewOrder(
    deps,
    deps.clock.now(),
    {
      unitId,
      item,
      title: input.title ?? item?.name ?? input.description.slice(0, 20),
      description: input.description,
      photos: input.photoFileIds,
      requester,
      careRecipientId: input.onBehalf?.careRecipientId ?? null,
      address,
      lat: input.lat ?? null,
      lng: input.lng ?? null,
      preferredAt: input.preferredAt ?? null,
      channel,
      enteredBy: ctx.actor.accountId,
    },
    whoOf(ctx),
    kind,
  );
  // The answer from the rows just written: a new order has no volunteer, no target and one history line.
  const row = { ...placed.row, unit_name: placed.unitName, item_name: item?.name ?? null, volunteer_name: null, volunteer_person_id: null };
  return presentPlaced(deps, ctx, tree, row, placed.event);
}

/** The public portal form: no account; the station calls back to verify. */
export async function placePortalOrder(
  deps: Deps,
  meta: { ip: string; requestId: string },
  input: { stationId: string; itemId?: string; name: string; phone: string; description: string; address?: string; preferredAt?: string },
) {
  const tree = await unitTreeOf(deps.db);
  if (tree.nodes.get(input.stationId)?.kind !== 'station') throw new AppError('volunteer.not_station');
  const item = input.itemId ? ((await q.getItem(deps.db, input.itemId)) ?? null) : null;
  if (input.itemId && (!item || item.archived || !tree.ancestry(input.stationId).includes(item.unit_id))) throw new AppError('orders.item_not_found');
  const { row } = await writeNewOrder(
    deps,
    deps.clock.now(),
    {
      unitId: input.stationId,
      item,
      title: item?.name ?? input.description.slice(0, 20),
      description: input.description,
      photos: [],
      requester: { personId: null, name: input.name, phone: input.phone, verified: false },
      careRecipientId: null,
      address: input.address ?? null,
      lat: null,
      lng: null,
      preferredAt: input.preferredAt ?? null,
      channel: 'portal',
      enteredBy: null,
    },
    { actorAccountId: null, actorName: input.name, ip: meta.ip, requestId: meta.requestId },
    'requester',
  );
  return { number: row.number, status: 'submitted' as const };
}
