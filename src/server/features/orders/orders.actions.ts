import { chinaDay } from '../../../shared/china-time';
import { randomUUID } from 'node:crypto';
import type { OrderActionInput } from '../../../shared/orders';

import { nextOrderStatus, type OrderAction, type OrderActor, type OrderStatus } from '../../../shared/rules/order-flow';
import type { RuleValues } from '../../../shared/settings';
import type { OrdersTable } from '../../db/schema';
import type { UnitTree } from '../../platform/access';
import { appendAudit } from '../../platform/audit';
import type { Trx } from '../../platform/db';
import type { Ctx, Deps } from '../../platform/deps';
import { AppError, notFound } from '../../platform/errors';
import { whoOf } from '../../platform/session';
import { recordOrderContact } from '../care/care.links';
import { canUseFile } from '../files/files.service';
import { recordVerifiedService } from '../hours/hours.ledger';
import { notify } from '../notifications/notifications.service';
import { creditGoodRating } from '../points/points.earning';
import { volunteerById } from '../volunteers/volunteers.lookup';
import { recordEvent } from './orders.events';
import { getOrder } from './orders.listing';
import * as q from './orders.queries';
import { canSee, type Roles, rolesFor, whoAmI } from './orders.roles';

/** Everything a step may look at: the order as read, who acts and as what, the input, the institute's rules. */
export interface StepContext {
  deps: Deps;
  ctx: Ctx;
  o: q.OrderRow;
  r: Roles;
  kind: OrderActor;
  input: OrderActionInput;
  tree: UnitTree;
  item: Awaited<ReturnType<typeof q.getItem>>;
  rules: RuleValues;
  now: Date;
}

/** What a step will write: the order's new columns, the note in its history, and who is told. */
export interface Plan {
  patch: Partial<OrdersTable>;
  note: string | null;
  tell: { personId: string; title: string; body?: string }[];
}

export interface Step {
  /** Whom the caller acts as for this step, or null when none of their roles may take it. */
  actor: (r: Roles) => OrderActor | null;
  /** Checks the input and fills in the plan; runs before the transaction. */
  prepare?: (c: StepContext, plan: Plan) => void | Promise<void>;
  /** The step's writes inside the transaction; by default the guarded status move. */
  write?: (trx: Trx, c: StepContext, plan: Plan) => Promise<void>;
}

const byStaff = (r: Roles): OrderActor | null => (r.staff ? 'staff' : null);
const byEligibleVolunteer = (r: Roles): OrderActor | null => (r.eligible ? 'volunteer' : null);
/** The volunteer doing the work, or staff on their behalf. */
const byWorker = (r: Roles): OrderActor | null => (r.assigned ? 'volunteer' : byStaff(r));
const byRequesterOrStaff = (r: Roles): OrderActor | null => (r.requester ? 'requester' : byStaff(r));

/** Only from the status we read: two volunteers grabbing one order, one wins. */
async function moveGuarded(trx: Trx, c: StepContext, plan: Plan) {
  const n = await q.moveOrder(trx, c.o.id, [c.o.status], plan.patch);
  if (n !== 1) throw new AppError('orders.bad_transition');
}

function requireReason(c: StepContext): string {
  if (!c.input.reason) throw new AppError('orders.reason_required');
  return c.input.reason;
}

/** 派单: to a unit, a team or a volunteer of the same institute, or the pool; the requester must have been verified; the SLA clock starts. */
async function prepareDispatch(c: StepContext, plan: Plan) {
  const { o, input, tree } = c;
  if (!input.target) throw new AppError('orders.target_required');
  if (!o.requester_verified && !input.verified) throw new AppError('orders.unverified');
  if (input.verified) plan.patch.requester_verified = 1;
  const t = input.target;
  if (t.type !== 'pool' && !t.id) throw new AppError('orders.target_required');
  const sameInstitute = (unitId: string) => tree.instituteOf(unitId) === tree.instituteOf(o.unit_id);
  if (t.type === 'institute' || t.type === 'station') {
    if (!t.id || tree.nodes.get(t.id)?.kind !== t.type || !sameInstitute(t.id)) throw notFound();
  } else if (t.type === 'team') {
    const team = await q.teamUnit(c.deps.db, t.id as string);
    if (!team || !sameInstitute(team.unit_id)) throw notFound();
  } else if (t.type === 'volunteer') {
    const v = await volunteerById(c.deps.db, t.id as string);
    if (!v || v.status !== 'certified' || !sameInstitute(v.station_id)) throw notFound();
    plan.tell.push({ personId: v.person_id, title: `有一张需求单派给您：${o.title}`, body: '请在规定时间内接单，也可以婉拒' });
  }
  const slaHours = c.item ? Number(c.item.sla_hours) : c.rules['orders.defaultSlaHours'];
  Object.assign(plan.patch, {
    target_type: t.type,
    target_id: t.id ?? null,
    dispatched_at: c.now.toISOString(),
    sla_due_at: new Date(c.now.getTime() + slaHours * 3600_000).toISOString(),
    accepted_volunteer_id: null,
    accepted_at: null,
  });
  plan.note = `${t.type}${input.note ? `：${input.note}` : ''}`;
}

/** 接单: only with the skills the item needs and, where it asks for it, insurance valid today. */
async function prepareAccept(c: StepContext, plan: Plan) {
  const v = await volunteerById(c.deps.db, c.r.volunteerId as string);
  if (!v) throw notFound();
  const required: string[] = c.item ? JSON.parse(c.item.required_skills) : [];
  if (required.some((s) => !JSON.parse(v.skills).includes(s))) throw new AppError('orders.not_qualified');
  if (c.item?.insurance_required && (!v.insured_until || v.insured_until < chinaDay(c.now))) throw new AppError('orders.insurance_required');
  Object.assign(plan.patch, { accepted_volunteer_id: v.id, accepted_at: c.now.toISOString() });
  if (c.o.requester_person_id) plan.tell.push({ personId: c.o.requester_person_id, title: `志愿者已接单：${c.o.title}`, body: `${v.name} 将为您服务` });
}

/** Declining is free (条例 第二十五条). When the named volunteer declines, staff are asked to re-dispatch. */
async function writeDecline(trx: Trx, c: StepContext) {
  await q.insertDecline(trx, {
    id: randomUUID(),
    order_id: c.o.id,
    volunteer_id: c.r.volunteerId as string,
    reason: c.input.reason ?? null,
    at: c.now.toISOString(),
  });
  if (c.o.target_type !== 'volunteer') return;
  for (const admin of await q.unitAdmins(trx, c.o.unit_id)) {
    await notify(trx, c.now, admin.person_id, {
      kind: 'orders.declined',
      title: `志愿者婉拒了需求单：${c.o.title}`,
      body: '请重新派单',
      link: `/admin/orders/${c.o.id}`,
    });
  }
}

/** 结项: a report (and photos the caller may use); the service time is what they say, else the item's typical time. */
async function prepareComplete(c: StepContext, plan: Plan) {
  const { input, item, o } = c;
  if (!input.report) throw new AppError('orders.report_required');
  for (const f of input.photoFileIds ?? []) if (!(await canUseFile(c.deps, c.ctx, f))) throw new AppError('hours.evidence_missing');
  const minutes = Math.round((input.serviceHours ?? (item ? Number(item.typical_minutes) / 60 : 1)) * 60);
  Object.assign(plan.patch, {
    completed_at: c.now.toISOString(),
    completion_report: input.report,
    completion_photo_ids: JSON.stringify(input.photoFileIds ?? []),
    service_minutes: minutes,
  });
  if (o.requester_person_id) plan.tell.push({ personId: o.requester_person_id, title: `服务已完成：${o.title}`, body: '请为这次服务评价' });
}

/** A completed order becomes a *verified* service record pending staff confirmation, and a contact with the care recipient it served. */
async function writeComplete(trx: Trx, c: StepContext, plan: Plan) {
  await moveGuarded(trx, c, plan);
  const { o, now } = c;
  if (o.accepted_volunteer_id) {
    await recordVerifiedService(trx, {
      volunteerId: o.accepted_volunteer_id,
      unitId: o.unit_id,
      orderId: o.id,
      title: `群众点单：${o.title}`,
      serviceDate: chinaDay(now),
      startAt: o.started_at ?? o.accepted_at,
      endAt: now.toISOString(),
      minutes: Number(plan.patch.service_minutes),
      // Not a care recipient's home address: the hours ledger is exported, their record is sealed.
      place: o.care_recipient_id ? '关爱对象住所' : o.address,
      content: o.description.slice(0, 200),
      organiserName: o.unit_name,
      personInCharge: null,
      entryMethod: '个人申请',
      evidenceFileIds: c.input.photoFileIds ?? [],
      reason: `需求单 ${o.number} 结项`,
      late: false,
      flag: null,
      at: now,
    });
  }
  if (o.care_recipient_id)
    await recordOrderContact(trx, { recipientId: o.care_recipient_id, orderId: o.id, at: now, note: c.input.report ?? null, byAccount: c.ctx.actor.accountId });
}

/** 评单: by the requester, or staff on their behalf; the volunteer hears how they did. */
function prepareRate(c: StepContext, plan: Plan) {
  const { input, o } = c;
  if (!input.rating) throw new AppError('orders.rating_required');
  Object.assign(plan.patch, {
    rating: input.rating,
    rating_comment: input.comment ?? null,
    rated_by: c.kind === 'requester' ? 'requester' : 'staff',
    rated_at: c.now.toISOString(),
  });
  plan.note = `${input.rating} 星${input.comment ? `：${input.comment}` : ''}`;
  if (o.volunteer_person_id)
    plan.tell.push({ personId: o.volunteer_person_id, title: `居民评价了您的服务：${input.rating} 星`, body: input.comment ?? undefined });
}

/** The rating's move, and a good one's points for the volunteer (积分) in the same transaction. */
async function writeRate(trx: Trx, c: StepContext, plan: Plan) {
  await moveGuarded(trx, c, plan);
  const { o } = c;
  const rating = { orderId: o.id, orderNumber: o.number, volunteerId: o.accepted_volunteer_id, unitId: o.unit_id, rating: Number(c.input.rating) };
  await creditGoodRating(trx, rating, c.rules, c.now);
}

/**
 * Every order action, one entry each: a new action in the state machine (src/shared) does not
 * compile until it has a row here.
 */
export const STEPS: Record<OrderAction, Step> = {
  review: {
    actor: byStaff,
    prepare: ({ input }, plan) => {
      if (!input.verified) return;
      plan.patch.requester_verified = 1;
      plan.patch.verify_note = input.note ?? '已电话核实';
    },
  },
  reject: {
    actor: byStaff,
    prepare: (c, plan) => {
      plan.patch.reject_reason = requireReason(c);
    },
  },
  dispatch: { actor: byStaff, prepare: prepareDispatch },
  redispatch: { actor: byStaff, prepare: prepareDispatch },
  escalate: { actor: byStaff },
  accept: { actor: byEligibleVolunteer, prepare: prepareAccept },
  decline: { actor: byEligibleVolunteer, write: writeDecline },
  start: {
    actor: byWorker,
    prepare: (c, plan) => {
      plan.patch.started_at = c.now.toISOString();
    },
  },
  note: {
    actor: byWorker,
    write: async () => {
      // A progress note changes nothing but the order's history.
    },
  },
  complete: { actor: byWorker, prepare: prepareComplete, write: writeComplete },
  rate: { actor: (r) => (r.assigned ? null : byRequesterOrStaff(r)), prepare: prepareRate, write: writeRate },
  close: { actor: byStaff },
  cancel: {
    actor: byRequesterOrStaff,
    prepare: (c, plan) => {
      plan.patch.cancel_reason = requireReason(c);
    },
  },
};

/** Reads the order and decides who the caller acts as; 404 when they may not see it. */
async function stepContext(deps: Deps, ctx: Ctx, id: string, input: OrderActionInput): Promise<StepContext & { to: OrderStatus }> {
  const o = await q.getOrder(deps.db, id);
  if (!o) throw notFound();
  const tree = await ctx.scope.tree();
  const r = rolesFor(ctx.actor, tree, o, await whoAmI(deps, ctx, [o.id]));
  if (!canSee(r, ctx.actor, tree, o)) throw notFound();
  if (input.action === 'rate' && r.assigned) throw new AppError('orders.own_work');
  const kind = STEPS[input.action].actor(r);
  if (!kind) throw new AppError(input.action === 'accept' || input.action === 'decline' ? 'orders.not_for_you' : 'access.denied');
  const to = nextOrderStatus(o.status as OrderStatus, input.action, kind);
  if (!to) throw new AppError('orders.bad_transition');
  const rules = await ctx.scope.rulesOf(o.unit_id);
  const item = o.item_id ? await q.getItem(deps.db, o.item_id) : undefined;
  return { deps, ctx, o, r, kind, input, tree, item, rules, now: deps.clock.now(), to };
}

/**
 * One step of the order. The state machine in src/shared decides what is allowed; the step's row
 * in STEPS checks and writes it (a guarded update unless it says otherwise), then the event, the
 * notices and the audit row go in the same transaction.
 */
export async function actOnOrder(deps: Deps, ctx: Ctx, id: string, input: OrderActionInput) {
  const c = await stepContext(deps, ctx, id, input);
  const { o, kind, to, now } = c;
  const step = STEPS[input.action];
  const plan: Plan = { patch: { status: to, updated_at: now.toISOString() }, note: input.note ?? input.reason ?? null, tell: [] };
  await step.prepare?.(c, plan);
  const after = input.action === 'note' ? o.status : to;
  await deps.db.transaction().execute(async (trx) => {
    await (step.write ?? moveGuarded)(trx, c, plan);
    await recordEvent(
      trx,
      id,
      now,
      kind,
      { accountId: ctx.actor.accountId, name: ctx.actor.displayName },
      input.action,
      o.status,
      input.action === 'decline' ? null : after,
      plan.note,
    );
    for (const t of plan.tell)
      await notify(trx, now, t.personId, { kind: `orders.${input.action}`, title: t.title, body: t.body ?? null, link: `/m/orders/${id}` });
    await appendAudit(trx, deps.config.keys.audit, now, whoOf(ctx), {
      action: `orders.${input.action}`,
      objectType: 'order',
      objectId: id,
      unitId: o.unit_id,
      changes: { status: { before: o.status, after }, ...(plan.note ? { note: { before: null, after: plan.note } } : {}) },
    });
  });
  return getOrder(deps, ctx, id);
}
