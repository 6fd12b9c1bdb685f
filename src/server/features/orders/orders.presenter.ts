import type { OrderView } from '../../../shared/orders';
import { allowedOrderActions, type OrderAction } from '../../../shared/rules/order-flow';
import type { OrderEventsTable } from '../../db/schema';
import type { UnitTree } from '../../platform/access';
import type { Actor } from '../../platform/deps';
import type { OrderRow } from './orders.queries';
import { type Me, type Roles, rolesFor } from './orders.roles';

/**
 * What leaves the server about an order. Pure: names, events and duplicate hints are loaded before
 * (see `orderViews`). The requester's phone is masked for everyone but the unit's staff and the
 * volunteer doing the work; the care recipient link is for staff only.
 */
export interface OrderViewData {
  actor: Actor;
  tree: UnitTree;
  me: Me;
  /** Names of dispatch targets (units, teams, volunteers), by id. */
  names: Map<string, string>;
  events: OrderEventsTable[];
  /** An earlier order from the same person for the same item, by order id (staff only). */
  duplicates: Map<string, string | null>;
  /** Now, ISO: whether the SLA has passed. */
  now: string;
  /** The order's phone and address in the clear, opened when sealed (an order for a care recipient, orders.sealing.ts). */
  contact: (o: OrderRow) => { phone: string | null; address: string | null };
}

/** What this caller may do next: the state machine's actions for each role they hold; a volunteer never rates their own work. */
export function actionsFor(status: OrderRow['status'], r: Roles): OrderAction[] {
  const actions = new Set<OrderAction>();
  if (r.staff) for (const a of allowedOrderActions(status, 'staff')) actions.add(a);
  if (r.requester) for (const a of allowedOrderActions(status, 'requester')) actions.add(a);
  if (r.eligible) for (const a of allowedOrderActions(status, 'volunteer')) if (a === 'accept' || a === 'decline') actions.add(a);
  if (r.assigned) for (const a of allowedOrderActions(status, 'volunteer')) if (!['accept', 'decline'].includes(a)) actions.add(a);
  if (r.assigned) actions.delete('rate');
  return [...actions];
}

const masked = (phone: string | null) => (phone ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : null);

export function presentOrder(o: OrderRow, d: OrderViewData): OrderView {
  const r = rolesFor(d.actor, d.tree, o, d.me);
  const targetName = o.target_type === 'pool' ? '抢单池' : o.target_id ? (d.names.get(o.target_id) ?? null) : null;
  const showPhone = r.staff || r.assigned;
  const contact = d.contact(o);
  // A care recipient's address is theirs to give: the unit's staff, the volunteer doing the work and the requester see it.
  const showAddress = !o.care_recipient_id || showPhone || r.requester;
  return {
    id: o.id,
    number: o.number,
    unitId: o.unit_id,
    unitName: o.unit_name,
    itemId: o.item_id,
    itemName: o.item_name,
    title: o.title,
    description: o.description,
    photoFileIds: JSON.parse(o.photo_file_ids),
    requesterName: o.requester_name,
    requesterPhone: showPhone ? contact.phone : masked(contact.phone),
    requesterVerified: Boolean(o.requester_verified),
    careRecipientId: r.staff ? o.care_recipient_id : null,
    address: showAddress ? contact.address : null,
    preferredAt: o.preferred_at,
    channel: o.channel,
    status: o.status,
    rejectReason: o.reject_reason,
    cancelReason: o.cancel_reason,
    target: o.target_type ? { type: o.target_type, id: o.target_id, name: targetName } : null,
    dispatchedAt: o.dispatched_at,
    slaDueAt: o.sla_due_at,
    overdue: o.status === 'dispatched' && o.sla_due_at !== null && o.sla_due_at < d.now,
    escalationLevel: Number(o.escalation_level),
    volunteer: o.accepted_volunteer_id ? { id: o.accepted_volunteer_id, name: o.volunteer_name ?? '' } : null,
    acceptedAt: o.accepted_at,
    completedAt: o.completed_at,
    completionReport: o.completion_report,
    completionPhotoIds: o.completion_photo_ids ? JSON.parse(o.completion_photo_ids) : [],
    rating: o.rating === null ? null : Number(o.rating),
    ratingComment: o.rating_comment,
    ratedBy: o.rated_by,
    createdAt: o.created_at,
    allowedActions: actionsFor(o.status, r),
    duplicateOf: (r.staff && d.duplicates.get(o.id)) || null,
    events: d.events
      .filter((e) => e.order_id === o.id)
      .map((e) => ({
        at: e.at,
        actorKind: e.actor_kind,
        actorName: e.actor_name,
        action: e.action,
        fromStatus: e.from_status,
        toStatus: e.to_status,
        note: e.note,
      })),
  };
}
