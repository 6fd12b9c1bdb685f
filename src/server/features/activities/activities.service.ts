import { randomBytes, randomInt, randomUUID } from 'node:crypto';
import type { z } from 'zod';
import {
  ACTIVITY_ACTIONS,
  ACTIVITY_TYPES,
  type ActivityAction,
  type ActivityInput,
  type ActivityListQuery,
  type ActivityStatus,
  type ActivityView,
  allowedActivityActions,
  type MonthlyTableView,
  OPEN_STATUSES,
  type SignupView,
  type UpdateActivityInput,
} from '../../../shared/activities';
import { maskPhone } from '../../../shared/mask';
import { creditFor, distanceMeters } from '../../../shared/rules/attendance';
import { isLateEntry, recordDeadline, shanghaiDay } from '../../../shared/rules/hours';
import { ageOn } from '../../../shared/rules/id-number';
import type { RuleValues } from '../../../shared/settings';
import type { ActivitiesTable, PositionsTable } from '../../db/schema';
import { loadUnitTree, requireAccess, type UnitTree, unitsInScope } from '../../platform/access';
import { appendAudit } from '../../platform/audit';
import { nextCounter } from '../../platform/counters.queries';
import { sha256Hex } from '../../platform/crypto';
import { type DbOrTrx, isUniqueViolation, type Trx } from '../../platform/db';
import type { Actor, Ctx, Deps } from '../../platform/deps';
import { AppError, notFound } from '../../platform/errors';
import { whoOf } from '../accounts/auth.service';
import { canUseFile } from '../files/files.service';
import { notify } from '../notifications/notifications.service';
import { instituteOf, rulesFor } from '../settings/settings.service';
import * as vq from '../volunteers/volunteers.queries';
import * as vnq from '../venues/venues.queries';
import { issueToken, verifyToken } from './checkin-token';
import * as q from './activities.queries';

const VISIBLE_TO_PUBLIC: ActivityStatus[] = ['published', 'full', 'in_progress', 'ended', 'summarised', 'cancelled'];
const CHECKIN_MARGIN_MS = 60 * 60_000;
const LOCKED: ActivityStatus[] = ['in_progress', 'ended', 'summarised', 'cancelled'];

async function rulesOfUnit(db: DbOrTrx, tree: UnitTree, unitId: string): Promise<RuleValues> {
  return rulesFor(db, instituteOf(tree, unitId) ?? tree.subtree(unitId).find((u) => tree.nodes.get(u)?.kind === 'institute') ?? '');
}

function canManage(actor: Actor, tree: UnitTree, a: Pick<ActivitiesTable, 'unit_id' | 'created_by' | 'status'>): boolean {
  if (unitsInScope(tree, actor, 'activities.manage').has(a.unit_id)) return true;
  // A team leader keeps their own draft until it is published.
  return a.created_by === actor.accountId && ['draft', 'rejected', 'submitted'].includes(a.status);
}

/** Units whose activities a person sees: staff by scope; everyone else the whole institute of their station. */
async function visibleUnits(_deps: Deps, actor: Actor, tree: UnitTree): Promise<{ units: string[]; staff: boolean }> {
  const scope = unitsInScope(tree, actor, 'activities.read');
  if (scope.size > 0) return { units: [...scope], staff: true };
  const units = new Set<string>();
  for (const g of actor.grants) {
    const inst = instituteOf(tree, g.unitId);
    if (inst) for (const u of tree.subtree(inst)) units.add(u);
  }
  return { units: [...units], staff: false };
}

async function present(deps: Deps, actor: Actor, tree: UnitTree, rows: q.ActivityRow[]): Promise<ActivityView[]> {
  const positions = await q.listPositions(deps.db, rows.map((r) => r.id));
  const me = await vq.getVolunteerByPerson(deps.db, actor.personId);
  const mine = me ? await q.signupsOfVolunteer(deps.db, me.id, rows.map((r) => r.id)) : [];
  const today = shanghaiDay(deps.clock.now());
  const rulesCache = new Map<string, RuleValues>();
  const out: ActivityView[] = [];
  for (const r of rows) {
    const inst = instituteOf(tree, r.unit_id) ?? '';
    if (!rulesCache.has(inst)) rulesCache.set(inst, await rulesFor(deps.db, inst));
    const rules = rulesCache.get(inst) as RuleValues;
    const cal = { holidays: rules['calendar.holidays'], makeupWorkdays: rules['calendar.makeupWorkdays'] };
    const endDay = shanghaiDay(new Date(r.ends_at));
    const overdue = r.status === 'ended' && !r.summarised_at && today > recordDeadline(endDay, rules['activities.summaryDeadlineWorkingDays'], cal);
    const mySignup = mine.find((s) => s.activity_id === r.id && s.status !== 'cancelled');
    const manage = canManage(actor, tree, r);
    out.push({
      id: r.id, unitId: r.unit_id, unitName: r.unit_name, seriesId: r.series_id, programmeId: r.programme_id, programmeName: r.programme_name,
      type: r.type, title: r.title, content: r.content, venueId: r.venue_id, venueName: r.venue_name, roomId: r.room_id, roomName: r.room_name,
      address: r.address, lng: r.lng === null ? null : Number(r.lng), lat: r.lat === null ? null : Number(r.lat), geofenceMeters: r.geofence_m === null ? null : Number(r.geofence_m),
      startsAt: r.starts_at, endsAt: r.ends_at, creditHours: Number(r.credit_minutes) / 60,
      positions: positions.filter((p) => p.activity_id === r.id).map((p) => ({ id: p.id, name: p.name, headcount: Number(p.headcount), taken: Number(p.taken), waitlisted: Number(p.waitlisted ?? 0) })),
      minAge: r.min_age === null ? null : Number(r.min_age), maxAge: r.max_age === null ? null : Number(r.max_age), requiredSkills: JSON.parse(r.required_skills),
      insuranceRequired: Boolean(r.insurance_required), signupOpensAt: r.signup_opens_at, signupClosesAt: r.signup_closes_at, cancelCutoffAt: r.cancel_cutoff_at,
      needsApproval: Boolean(r.needs_approval), waitlist: Boolean(r.waitlist), contactName: r.contact_name, contactPhone: r.contact_phone,
      status: r.status, statusReason: r.status_reason, allowedActions: manage ? allowedActivityActions(r.status).filter((a) => a !== 'publish' && a !== 'reject' ? true : unitsInScope(tree, actor, 'activities.manage').has(r.unit_id)) : [],
      canManage: manage, summarised: Boolean(r.summarised_at), summaryOverdue: overdue,
      mySignup: mySignup
        ? { id: mySignup.id, status: mySignup.status, positionId: mySignup.position_id, waitlistPosition: mySignup.status === 'waitlisted' && mySignup.waitlist_seq !== null ? await q.waitlistPosition(deps.db, mySignup.position_id, Number(mySignup.waitlist_seq)) : null }
        : null,
    });
  }
  return out;
}

export async function listActivities(deps: Deps, ctx: Ctx, query: z.infer<typeof ActivityListQuery>) {
  const tree = await loadUnitTree(deps);
  const { units, staff } = await visibleUnits(deps, ctx.actor, tree);
  let unitIds = units;
  if (query.unitId) {
    if (!units.includes(query.unitId)) throw notFound();
    unitIds = tree.subtree(query.unitId).filter((u) => units.includes(u));
  }
  let ids: string[] | undefined;
  if (query.mine === 'true') {
    const me = await vq.getVolunteerByPerson(deps.db, ctx.actor.personId);
    ids = me ? (await q.signupsOfVolunteer(deps.db, me.id)).filter((s) => s.status !== 'cancelled').map((s) => s.activity_id) : [];
  }
  const statuses = query.status ? [query.status] : staff ? undefined : VISIBLE_TO_PUBLIC;
  if (!staff && query.status && !VISIBLE_TO_PUBLIC.includes(query.status)) return { items: [], total: 0, page: query.page, pageSize: query.pageSize };
  const { rows, total } = await q.listActivities(
    deps.db,
    {
      unitIds, statuses, programmeId: query.programmeId, q: query.q, ids,
      from: query.from ? new Date(`${query.from}T00:00:00+08:00`).toISOString() : undefined,
      to: query.to ? new Date(new Date(`${query.to}T00:00:00+08:00`).getTime() + 86_400_000).toISOString() : undefined,
    },
    query.pageSize,
    (query.page - 1) * query.pageSize,
  );
  return { items: await present(deps, ctx.actor, tree, rows), total, page: query.page, pageSize: query.pageSize };
}

async function requireActivity(deps: Deps, actor: Actor, id: string, mode: 'read' | 'manage' | 'staff') {
  const row = await q.getActivity(deps.db, id);
  if (!row) throw notFound();
  const tree = await loadUnitTree(deps);
  const { units, staff } = await visibleUnits(deps, actor, tree);
  if (!units.includes(row.unit_id)) throw notFound();
  if (!staff && !VISIBLE_TO_PUBLIC.includes(row.status)) throw notFound();
  if (mode === 'manage' && !canManage(actor, tree, row)) throw new AppError('access.denied');
  if (mode === 'staff' && !unitsInScope(tree, actor, 'activities.manage').has(row.unit_id)) throw new AppError('access.denied');
  return { row, tree };
}

export async function getActivity(deps: Deps, ctx: Ctx, id: string): Promise<ActivityView> {
  const { row, tree } = await requireActivity(deps, ctx.actor, id, 'read');
  return (await present(deps, ctx.actor, tree, [row]))[0];
}

function addMonths(iso: string, n: number): string {
  const d = new Date(iso);
  d.setUTCMonth(d.getUTCMonth() + n);
  return d.toISOString();
}

/** Books a room for [start, end) unless another activity holds it; runs inside the caller's transaction. */
async function bookRoom(trx: Trx, roomId: string, activityId: string, start: string, end: string) {
  const clash = await vnq.overlappingBookings(trx, roomId, start, end, activityId);
  if (clash.length) {
    const c = clash[0];
    throw new AppError('venues.room_conflict', { message: `该功能室在这段时间已被“${c.title}”预订（${shanghaiDay(new Date(c.starts_at))}）` });
  }
  await q.insertBooking(trx, { id: randomUUID(), room_id: roomId, activity_id: activityId, starts_at: start, ends_at: end });
}

/**
 * Institute or station staff, or a team leader for their team's unit, plan an activity (or a
 * weekly/monthly series, all in one transaction). A room is booked for it; a clash refuses the whole
 * series. Types that are not volunteer service never credit hours (办法 第十九条).
 */
export async function createActivity(deps: Deps, ctx: Ctx, input: z.infer<typeof ActivityInput>) {
  const tree = await requireAccess(deps, ctx.actor, 'activities.create', input.unitId);
  const kind = tree.nodes.get(input.unitId)?.kind;
  if (kind !== 'institute' && kind !== 'station') throw notFound();
  let venue: Awaited<ReturnType<typeof vnq.getVenue>> | undefined;
  if (input.venueId) {
    venue = await vnq.getVenue(deps.db, input.venueId);
    if (!venue || !tree.ancestry(input.unitId).concat(tree.subtree(input.unitId)).includes(venue.unit_id)) throw notFound();
  }
  if (input.roomId) {
    const room = await vnq.getRoom(deps.db, input.roomId);
    if (!room || !venue || room.venue_id !== venue.id) throw notFound();
    const seats = input.positions.reduce((s, p) => s + p.headcount, 0);
    if (Number(room.capacity) < seats) throw new AppError('venues.room_too_small', { message: `功能室“${room.name}”最多容纳 ${room.capacity} 人，活动招募 ${seats} 人` });
  }
  if (input.programmeId) {
    const p = await q.programmeUnit(deps.db, input.programmeId);
    if (!p || !tree.ancestry(input.unitId).concat(tree.subtree(input.unitId)).includes(p.unit_id)) throw notFound();
  }
  const durationMin = Math.round((Date.parse(input.endsAt) - Date.parse(input.startsAt)) / 60_000);
  const credits = ACTIVITY_TYPES[input.type].creditsHours;
  const creditMinutes = credits ? Math.min(Math.round((input.creditHours ?? durationMin / 60) * 60), durationMin, 24 * 60) : 0;
  const now = deps.clock.now();
  const count = input.repeat?.count ?? 1;
  const seriesId = input.repeat ? randomUUID() : null;
  const ids: string[] = [];
  await deps.db.transaction().execute(async (trx) => {
    if (seriesId && input.repeat) await q.insertSeries(trx, { id: seriesId, rule: input.repeat.rule, count, created_at: now.toISOString() });
    for (let i = 0; i < count; i++) {
      const shift = (iso: string | undefined) =>
        iso === undefined ? null : input.repeat?.rule === 'monthly' ? addMonths(new Date(iso).toISOString(), i) : new Date(Date.parse(iso) + i * 7 * 86_400_000).toISOString();
      const id = randomUUID();
      ids.push(id);
      const row: ActivitiesTable = {
        id, unit_id: input.unitId, series_id: seriesId, programme_id: input.programmeId ?? null, type: input.type, title: input.title, content: input.content ?? null,
        venue_id: input.venueId ?? null, room_id: input.roomId ?? null, address: input.address ?? venue?.address ?? null,
        lng: input.lng ?? (venue?.lng === undefined || venue?.lng === null ? null : Number(venue.lng)), lat: input.lat ?? (venue?.lat === undefined || venue?.lat === null ? null : Number(venue.lat)),
        geofence_m: input.geofenceMeters ?? null, starts_at: shift(input.startsAt) as string, ends_at: shift(input.endsAt) as string, credit_minutes: creditMinutes,
        min_age: input.minAge ?? null, max_age: input.maxAge ?? null, required_skills: JSON.stringify(input.requiredSkills), insurance_required: input.insuranceRequired ? 1 : 0,
        signup_opens_at: shift(input.signupOpensAt), signup_closes_at: shift(input.signupClosesAt), cancel_cutoff_at: shift(input.cancelCutoffAt),
        needs_approval: input.needsApproval ? 1 : 0, waitlist: input.waitlist ? 1 : 0, contact_name: input.contactName ?? null, contact_phone: input.contactPhone ?? null,
        status: 'draft', status_reason: null, checkin_code: String(randomInt(0, 1_000_000)).padStart(6, '0'), created_by: ctx.actor.accountId,
        reminded_at: null, hours_written_at: null, created_at: now.toISOString(), updated_at: now.toISOString(),
      };
      await q.insertActivity(trx, row);
      await q.insertPositions(trx, input.positions.map((p, k): PositionsTable => ({ id: randomUUID(), activity_id: id, name: p.name, headcount: p.headcount, taken: 0, sort: k })));
      if (input.roomId) await bookRoom(trx, input.roomId, id, row.starts_at, row.ends_at);
    }
    await appendAudit(trx, deps.config.keys.audit, now, whoOf(ctx), {
      action: 'activities.created', objectType: 'activity', objectId: ids[0], unitId: input.unitId,
      changes: { title: { before: null, after: input.title }, startsAt: { before: null, after: input.startsAt }, occurrences: { before: null, after: count } },
    });
  });
  return { items: await Promise.all(ids.map((id) => getActivity(deps, ctx, id))) };
}

async function tellSignedUp(trx: Trx, at: Date, activityId: string, n: { kind: string; title: string; body?: string }) {
  for (const s of await q.activeSignups(trx, activityId)) await notify(trx, at, s.person_id, { ...n, link: `/m/activities/${activityId}` });
}

const UPDATE_COLUMNS = {
  title: 'title', content: 'content', programmeId: 'programme_id', startsAt: 'starts_at', endsAt: 'ends_at', address: 'address', contactName: 'contact_name', contactPhone: 'contact_phone',
} as const;

/** Edits before the activity starts; a series edit can reach the later occurrences too. Those signed up are told. */
export async function updateActivity(deps: Deps, ctx: Ctx, id: string, input: z.infer<typeof UpdateActivityInput>) {
  const { row } = await requireActivity(deps, ctx.actor, id, 'manage');
  if (LOCKED.includes(row.status)) throw new AppError('activities.locked');
  const targets = input.scope === 'following' && row.series_id ? (await q.seriesActivities(deps.db, row.series_id, row.starts_at)).filter((a) => !LOCKED.includes(a.status as ActivityStatus)) : [row];
  const now = deps.clock.now();
  const startShift = input.startsAt ? Date.parse(input.startsAt) - Date.parse(row.starts_at) : 0;
  const endShift = input.endsAt ? Date.parse(input.endsAt) - Date.parse(row.ends_at) : 0;
  await deps.db.transaction().execute(async (trx) => {
    for (const t of targets) {
      const starts = new Date(Date.parse(t.starts_at) + startShift).toISOString();
      const ends = new Date(Date.parse(t.ends_at) + endShift).toISOString();
      if (ends <= starts) throw new AppError('validation.failed', { message: '结束时间必须晚于开始时间' });
      const patch: Partial<ActivitiesTable> = {
        ...(input.title !== undefined && { title: input.title }),
        ...(input.content !== undefined && { content: input.content }),
        ...(input.programmeId !== undefined && { programme_id: input.programmeId }),
        ...(input.address !== undefined && { address: input.address }),
        ...(input.contactName !== undefined && { contact_name: input.contactName }),
        ...(input.contactPhone !== undefined && { contact_phone: input.contactPhone }),
        starts_at: starts, ends_at: ends, updated_at: now.toISOString(),
      };
      await q.updateActivity(trx, t.id, patch);
      if (row.room_id && (startShift || endShift)) {
        await q.deleteBooking(trx, t.id);
        await bookRoom(trx, row.room_id, t.id, starts, ends);
      }
      if (input.positions && t.id === row.id) {
        const existing = await q.listPositions(trx, [t.id]);
        for (const [k, p] of input.positions.entries()) {
          const cur = p.id ? existing.find((e) => e.id === p.id) : undefined;
          if (p.id && !cur) throw notFound();
          if (cur) {
            if (p.headcount < Number(cur.taken)) throw new AppError('validation.failed', { message: `岗位“${cur.name}”已有 ${cur.taken} 人报名，名额不能少于此数` });
            await q.updatePosition(trx, cur.id, { name: p.name, headcount: p.headcount, sort: k });
          } else await q.insertPositions(trx, [{ id: randomUUID(), activity_id: t.id, name: p.name, headcount: p.headcount, taken: 0, sort: k }]);
        }
        const full = !(await q.hasFreePlace(trx, t.id));
        await q.moveStatus(trx, t.id, full ? ['published'] : ['full'], { status: full ? 'full' : 'published' });
      }
      if (['published', 'full'].includes(t.status)) {
        await tellSignedUp(trx, now, t.id, { kind: 'activities.changed', title: `活动有变动：${input.title ?? row.title}`, body: `时间：${shanghaiDay(new Date(starts))}，请留意最新安排` });
      }
    }
    await appendAudit(trx, deps.config.keys.audit, now, whoOf(ctx), {
      action: 'activities.updated', objectType: 'activity', objectId: id, unitId: row.unit_id,
      changes: Object.fromEntries(
        (Object.entries(UPDATE_COLUMNS) as [keyof typeof UPDATE_COLUMNS, keyof q.ActivityRow][])
          .filter(([k]) => input[k] !== undefined)
          .map(([k, col]) => [k, { before: row[col] ?? null, after: input[k] }]),
      ),
    });
  });
  return getActivity(deps, ctx, id);
}

export async function transitionActivity(deps: Deps, ctx: Ctx, id: string, action: ActivityAction, reason?: string) {
  const { row, tree } = await requireActivity(deps, ctx.actor, id, 'manage');
  const t = ACTIVITY_ACTIONS[action];
  if ((action === 'publish' || action === 'reject' || action === 'end') && !unitsInScope(tree, ctx.actor, 'activities.manage').has(row.unit_id)) throw new AppError('access.denied');
  if (!(t.from as readonly string[]).includes(row.status)) throw new AppError('activities.bad_transition');
  if (t.needsReason && !reason) throw new AppError('activities.reason_required');
  const now = deps.clock.now();
  if (action === 'end') {
    await deps.db.transaction().execute((trx) => closeActivity(deps, trx, tree, id, now, whoOf(ctx)));
    return getActivity(deps, ctx, id);
  }
  await deps.db.transaction().execute(async (trx) => {
    const n = await q.moveStatus(trx, id, [row.status], { status: t.to, status_reason: reason ?? null, updated_at: now.toISOString() });
    if (n !== 1) throw new AppError('activities.bad_transition');
    if (action === 'cancel') {
      await q.deleteBooking(trx, id);
      await tellSignedUp(trx, now, id, { kind: 'activities.cancelled', title: `活动已取消：${row.title}`, body: `原因：${reason}` });
    }
    if (action === 'publish' && !(await q.hasFreePlace(trx, id))) await q.moveStatus(trx, id, ['published'], { status: 'full' });
    await appendAudit(trx, deps.config.keys.audit, now, whoOf(ctx), {
      action: `activities.${action}`, objectType: 'activity', objectId: id, unitId: row.unit_id,
      changes: { status: { before: row.status, after: t.to }, ...(reason ? { reason: { before: null, after: reason } } : {}) },
    });
  });
  return getActivity(deps, ctx, id);
}

/** Whose sign-up this is: the caller's own, or, for staff, the volunteer they sign up on someone's behalf. */
async function volunteerFor(deps: Deps, ctx: Ctx, tree: UnitTree, activity: q.ActivityRow, volunteerId?: string) {
  if (volunteerId) {
    if (!unitsInScope(tree, ctx.actor, 'activities.manage').has(activity.unit_id)) throw new AppError('access.denied');
    const v = await vq.getVolunteer(deps.db, volunteerId);
    if (!v) throw notFound();
    return { v, channel: 'staff' as const };
  }
  const v = await vq.getVolunteerByPerson(deps.db, ctx.actor.personId);
  if (!v) throw new AppError('volunteer.not_found_self');
  return { v, channel: 'self' as const };
}

/**
 * Sign-up (on the phone, or by staff on someone's behalf). The age, skill and insurance checks come
 * first (条例 第十五、十七条). A place is taken with a conditional update, so capacity holds under
 * concurrent requests on both databases; when none is left the person joins the waitlist in order.
 */
export async function signUp(deps: Deps, ctx: Ctx, activityId: string, input: { positionId?: string; volunteerId?: string }) {
  const { row, tree } = await requireActivity(deps, ctx.actor, activityId, 'read');
  const { v, channel } = await volunteerFor(deps, ctx, tree, row, input.volunteerId);
  const now = deps.clock.now();
  if (v.status !== 'certified') throw new AppError('activities.volunteer_not_certified');
  if (!OPEN_STATUSES.includes(row.status)) throw new AppError('activities.not_open');
  const opens = row.signup_opens_at ?? '';
  const closes = row.signup_closes_at ?? row.starts_at;
  if (now.toISOString() < opens || now.toISOString() >= closes) throw new AppError('activities.not_open');
  const day = shanghaiDay(new Date(row.starts_at));
  const age = v.birth_date ? ageOn(v.birth_date, day) : null;
  if (age !== null && ((row.min_age !== null && age < Number(row.min_age)) || (row.max_age !== null && age > Number(row.max_age)))) {
    throw new AppError('activities.age_mismatch', { message: `该活动要求年龄 ${row.min_age ?? '不限'}–${row.max_age ?? '不限'} 岁` });
  }
  const required: string[] = JSON.parse(row.required_skills);
  const has: string[] = JSON.parse(v.skills);
  const missing = required.filter((s) => !has.includes(s));
  if (missing.length) throw new AppError('activities.skill_mismatch', { message: `该活动需要以下技能：${missing.join('、')}` });
  if (row.insurance_required && (!v.insured_until || v.insured_until < day)) throw new AppError('activities.insurance_required');
  const positions = await q.listPositions(deps.db, [activityId]);
  const position = input.positionId ? positions.find((p) => p.id === input.positionId) : positions.length === 1 ? positions[0] : undefined;
  if (!position) throw input.positionId ? notFound() : new AppError('activities.position_required');
  let status: 'pending' | 'confirmed' | 'waitlisted' = 'confirmed';
  try {
    await deps.db.transaction().execute(async (trx) => {
      const existing = await q.getSignup(trx, activityId, v.id);
      if (existing && ['pending', 'confirmed', 'waitlisted'].includes(existing.status)) throw new AppError('activities.already_signed_up');
      const got = await q.takePlace(trx, position.id);
      let seq: number | null = null;
      if (got) status = row.needs_approval ? 'pending' : 'confirmed';
      else if (row.waitlist) {
        status = 'waitlisted';
        seq = await nextCounter(trx, `waitlist:${activityId}`);
      } else throw new AppError('activities.full');
      const fields = { position_id: position.id, status, waitlist_seq: seq, channel, by_account: ctx.actor.accountId, reason: null, reminded_at: null, updated_at: now.toISOString() };
      if (existing) await q.updateSignup(trx, existing.id, ['cancelled', 'rejected', 'no_show'], fields);
      else await q.insertSignup(trx, { id: randomUUID(), activity_id: activityId, volunteer_id: v.id, created_at: now.toISOString(), ...fields });
      if (got && !(await q.hasFreePlace(trx, activityId))) await q.moveStatus(trx, activityId, ['published'], { status: 'full' });
      await appendAudit(trx, deps.config.keys.audit, now, whoOf(ctx), {
        action: 'activities.signed_up', objectType: 'activity', objectId: activityId, unitId: row.unit_id,
        changes: { volunteer: { before: null, after: v.name }, status: { before: null, after: status }, channel: { before: null, after: channel } },
      });
      if (channel === 'staff') await notify(trx, now, v.person_id, { kind: 'activities.signed_up', title: `工作人员已为您报名：${row.title}`, link: `/m/activities/${activityId}` });
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError('activities.already_signed_up');
    throw err;
  }
  return { status, activity: await getActivity(deps, ctx, activityId) };
}

/** Frees a place and hands it to the first on the waitlist, in one transaction. */
async function releaseAndPromote(_deps: Deps, trx: Trx, activity: q.ActivityRow, positionId: string, now: Date) {
  const next = await q.firstWaitlisted(trx, positionId);
  if (next) {
    const to = activity.needs_approval ? 'pending' : 'confirmed';
    await q.updateSignup(trx, next.id, ['waitlisted'], { status: to, waitlist_seq: null, updated_at: now.toISOString() });
    const v = await vq.getVolunteer(trx, next.volunteer_id);
    if (v) await notify(trx, now, v.person_id, { kind: 'activities.promoted', title: `候补成功：${activity.title}`, body: '有人取消了报名，您已从候补转为正式报名', link: `/m/activities/${activity.id}` });
    return;
  }
  await q.releasePlace(trx, positionId);
  await q.moveStatus(trx, activity.id, ['full'], { status: 'published' });
}

export async function cancelSignup(deps: Deps, ctx: Ctx, activityId: string, volunteerId?: string) {
  const { row, tree } = await requireActivity(deps, ctx.actor, activityId, 'read');
  const { v, channel } = await volunteerFor(deps, ctx, tree, row, volunteerId);
  const now = deps.clock.now();
  const cutoff = row.cancel_cutoff_at ?? row.starts_at;
  if (channel === 'self' && now.toISOString() >= cutoff) throw new AppError('activities.cancel_closed');
  if (LOCKED.includes(row.status)) throw new AppError('activities.cancel_closed');
  await deps.db.transaction().execute(async (trx) => {
    const s = await q.getSignup(trx, activityId, v.id);
    if (!s || !['pending', 'confirmed', 'waitlisted'].includes(s.status)) throw new AppError('activities.not_signed_up');
    const n = await q.updateSignup(trx, s.id, [s.status], { status: 'cancelled', waitlist_seq: null, updated_at: now.toISOString() });
    if (n !== 1) throw new AppError('activities.not_signed_up');
    if (s.status !== 'waitlisted') await releaseAndPromote(deps, trx, row, s.position_id, now);
    await appendAudit(trx, deps.config.keys.audit, now, whoOf(ctx), {
      action: 'activities.signup_cancelled', objectType: 'activity', objectId: activityId, unitId: row.unit_id, changes: { volunteer: { before: v.name, after: null } },
    });
  });
  return getActivity(deps, ctx, activityId);
}

/** For activities that need approval: the organiser accepts or turns down a sign-up. */
export async function decideSignup(deps: Deps, ctx: Ctx, activityId: string, signupId: string, approve: boolean, reason?: string) {
  const { row } = await requireActivity(deps, ctx.actor, activityId, 'staff');
  const s = await q.getSignupById(deps.db, signupId);
  if (!s || s.activity_id !== activityId) throw notFound();
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    const n = await q.updateSignup(trx, signupId, ['pending'], { status: approve ? 'confirmed' : 'rejected', reason: reason ?? null, updated_at: now.toISOString() });
    if (n !== 1) throw new AppError('activities.bad_transition');
    if (!approve) await releaseAndPromote(deps, trx, row, s.position_id, now);
    const v = await vq.getVolunteer(trx, s.volunteer_id);
    if (v) await notify(trx, now, v.person_id, { kind: 'activities.signup_decided', title: approve ? `报名已通过：${row.title}` : `报名未通过：${row.title}`, body: reason ?? null, link: `/m/activities/${activityId}` });
    await appendAudit(trx, deps.config.keys.audit, now, whoOf(ctx), { action: approve ? 'activities.signup_approved' : 'activities.signup_rejected', objectType: 'activity', objectId: activityId, unitId: row.unit_id });
  });
  return listSignups(deps, ctx, activityId);
}

export async function listSignups(deps: Deps, ctx: Ctx, activityId: string): Promise<{ items: SignupView[] }> {
  const { row } = await requireActivity(deps, ctx.actor, activityId, 'staff');
  const rows = await q.listSignups(deps.db, activityId);
  const checkins = await q.checkinsFor(deps.db, activityId);
  const day = shanghaiDay(new Date(row.starts_at));
  const positions = new Map<string, number>();
  return {
    items: rows.map((s) => {
      let waitlistPosition: number | null = null;
      if (s.status === 'waitlisted') {
        waitlistPosition = (positions.get(s.position_id) ?? 0) + 1;
        positions.set(s.position_id, waitlistPosition);
      }
      return {
        id: s.id, activityId, positionId: s.position_id, positionName: s.position_name, volunteerId: s.volunteer_id, volunteerName: s.name, volunteerNo: s.volunteer_no,
        age: s.birth_date ? ageOn(s.birth_date, day) : null, phoneMasked: maskPhone(s.phone), status: s.status, waitlistPosition, channel: s.channel, createdAt: s.created_at,
        checkins: checkins.filter((c) => c.volunteer_id === s.volunteer_id).map((c) => ({ inAt: c.in_at, outAt: c.out_at, inMethod: c.in_method, outMethod: c.out_method, flag: c.flag })),
      };
    }),
  };
}

/** The organiser's screen: a QR token that changes every 30 seconds, and the 6-digit fallback code. */
export async function checkinToken(deps: Deps, ctx: Ctx, activityId: string) {
  const { row } = await requireActivity(deps, ctx.actor, activityId, 'staff');
  const t = issueToken(deps.config.keys.checkin, activityId, deps.clock.now());
  return { ...t, code: row.checkin_code, checkinPath: `/m/checkin?a=${activityId}&t=${encodeURIComponent(t.token)}` };
}

interface CheckArgs {
  method: 'qr' | 'code' | 'staff';
  token?: string;
  lat?: number;
  lng?: number;
  reason?: string;
  direction?: 'in' | 'out';
}

/**
 * One check-in or check-out. Open from an hour before the start to an hour after the end, by a
 * confirmed sign-up only; at most N pairs per person per day (settings); the optional geofence is
 * checked when the phone gives a location; a QR token is good for one use per person.
 */
async function recordCheck(deps: Deps, ctx: Ctx, row: q.ActivityRow, tree: UnitTree, volunteerId: string, args: CheckArgs) {
  const now = deps.clock.now();
  const t = now.getTime();
  if (!['published', 'full', 'in_progress'].includes(row.status) || t < Date.parse(row.starts_at) - CHECKIN_MARGIN_MS || t > Date.parse(row.ends_at) + CHECKIN_MARGIN_MS) {
    throw new AppError('checkins.not_open');
  }
  const rules = await rulesOfUnit(deps.db, tree, row.unit_id);
  if (args.method !== 'staff' && row.geofence_m !== null && row.lat !== null && row.lng !== null && args.lat !== undefined && args.lng !== undefined) {
    const d = distanceMeters(Number(row.lat), Number(row.lng), args.lat, args.lng);
    if (d > Number(row.geofence_m)) throw new AppError('checkins.too_far', { message: `您距离活动地点约 ${Math.round(d)} 米，超出 ${row.geofence_m} 米的签到范围` });
  }
  const day = shanghaiDay(now);
  const result = await deps.db.transaction().execute(async (trx) => {
    const signup = await q.getSignup(trx, row.id, volunteerId);
    if (!signup || signup.status !== 'confirmed') throw new AppError('checkins.not_signed_up');
    if (args.token && (await q.tokenUsed(trx, volunteerId, args.token))) throw new AppError('checkins.token_used');
    const open = (await q.checkinsFor(trx, row.id, volunteerId)).find((c) => !c.out_at);
    const direction = args.direction ?? (open ? 'out' : 'in');
    if (direction === 'out') {
      if (!open) throw new AppError('activities.bad_transition', { message: '还没有签到，不能签退' });
      await q.closeCheckin(trx, open.id, { out_at: now.toISOString(), out_method: args.method, out_token: args.token ?? null, ...(args.method === 'staff' ? { staff_reason: args.reason ?? null, by_account: ctx.actor.accountId } : {}) });
    } else {
      if (open) throw new AppError('activities.bad_transition', { message: '已经签到，请先签退' });
      if ((await q.pairsOnDay(trx, volunteerId, day)) >= rules['checkins.maxPairsPerDay']) throw new AppError('checkins.too_many');
      await q.insertCheckin(trx, {
        id: randomUUID(), activity_id: row.id, volunteer_id: volunteerId, day, in_at: now.toISOString(), in_method: args.method, in_token: args.token ?? null,
        out_at: null, out_method: null, out_token: null, by_account: args.method === 'staff' ? ctx.actor.accountId : null, staff_reason: args.reason ?? null,
        lat: args.lat ?? null, lng: args.lng ?? null, flag: args.method !== 'staff' && row.geofence_m !== null && args.lat === undefined ? 'no_location' : null, created_at: now.toISOString(),
      });
    }
    if (t >= Date.parse(row.starts_at)) await q.moveStatus(trx, row.id, ['published', 'full'], { status: 'in_progress' });
    await appendAudit(trx, deps.config.keys.audit, now, whoOf(ctx), {
      action: direction === 'in' ? 'activities.checked_in' : 'activities.checked_out', objectType: 'activity', objectId: row.id, unitId: row.unit_id,
      changes: { method: { before: null, after: args.method }, ...(args.reason ? { reason: { before: null, after: args.reason } } : {}) },
    });
    return { direction, pairs: await q.pairsOnDay(trx, volunteerId, day) };
  });
  return { direction: result.direction, at: now.toISOString(), activityTitle: row.title, pairsToday: result.pairs };
}

export async function checkIn(deps: Deps, ctx: Ctx, activityId: string, input: { token?: string; code?: string; lat?: number; lng?: number }) {
  const { row, tree } = await requireActivity(deps, ctx.actor, activityId, 'read');
  const v = await vq.getVolunteerByPerson(deps.db, ctx.actor.personId);
  if (!v) throw new AppError('volunteer.not_found_self');
  if (input.token) {
    if (!verifyToken(deps.config.keys.checkin, activityId, input.token, deps.clock.now())) throw new AppError('checkins.bad_token');
    return recordCheck(deps, ctx, row, tree, v.id, { method: 'qr', token: input.token, lat: input.lat, lng: input.lng });
  }
  if (input.code) {
    if (input.code !== row.checkin_code) throw new AppError('checkins.bad_code');
    return recordCheck(deps, ctx, row, tree, v.id, { method: 'code', lat: input.lat, lng: input.lng });
  }
  throw new AppError('checkins.bad_code', { message: '请扫描现场二维码或输入签到码' });
}

/** Staff check someone in or out on their behalf (no phone, phone dead), with the reason kept. */
export async function staffCheck(deps: Deps, ctx: Ctx, activityId: string, input: { volunteerId: string; direction: 'in' | 'out'; reason: string }) {
  const { row, tree } = await requireActivity(deps, ctx.actor, activityId, 'staff');
  return recordCheck(deps, ctx, row, tree, input.volunteerId, { method: 'staff', direction: input.direction, reason: input.reason });
}

/**
 * Closes an activity: forgotten check-outs close at the end (flagged), confirmed sign-ups without a
 * check-in become no-shows, and time present turns into *verified* hour records pending the
 * organiser's confirmation — only for volunteer service, only at ≥ the attendance share, capped.
 */
export async function closeActivity(deps: Pick<Deps, 'config'>, trx: Trx, tree: UnitTree, activityId: string, now: Date, who: Parameters<typeof appendAudit>[3]) {
  const row = await q.getActivity(trx, activityId);
  if (!row) throw notFound();
  const n = await q.moveStatus(trx, activityId, ['published', 'full', 'in_progress'], { status: 'ended', hours_written_at: now.toISOString(), updated_at: now.toISOString() });
  if (n !== 1) throw new AppError('activities.bad_transition');
  const rules = await rulesOfUnit(trx, tree, row.unit_id);
  const endAt = row.ends_at < now.toISOString() ? row.ends_at : now.toISOString();
  const checkins = await q.checkinsFor(trx, activityId);
  for (const c of checkins.filter((x) => !x.out_at)) {
    await q.closeCheckin(trx, c.id, { out_at: endAt > c.in_at ? endAt : c.in_at, out_method: 'auto', flag: 'auto_closed' });
  }
  const closed = await q.checkinsFor(trx, activityId);
  let written = 0;
  let noShows = 0;
  for (const s of await q.activeSignups(trx, activityId)) {
    if (s.status !== 'confirmed') continue;
    const mine = closed.filter((c) => c.volunteer_id === s.volunteer_id);
    if (mine.length === 0) {
      await q.updateSignup(trx, s.id, ['confirmed'], { status: 'no_show', updated_at: now.toISOString() });
      noShows++;
      continue;
    }
    if (!ACTIVITY_TYPES[row.type].creditsHours) continue;
    const credit = creditFor(mine.map((c) => ({ inAt: c.in_at, outAt: c.out_at })), row.starts_at, row.ends_at, Number(row.credit_minutes), rules['hours.minAttendancePercent'] / 100);
    if (!credit.meetsThreshold || credit.creditedMinutes <= 0) continue;
    const autoClosed = mine.some((c) => c.flag === 'auto_closed');
    const cal = { holidays: rules['calendar.holidays'], makeupWorkdays: rules['calendar.makeupWorkdays'] };
    const serviceDay = shanghaiDay(new Date(row.starts_at));
    await trx
      .insertInto('service_records')
      .values({
        id: randomUUID(), volunteer_id: s.volunteer_id, unit_id: row.unit_id, source: 'verified', activity_id: activityId, order_id: null, title: row.title,
        service_date: serviceDay, start_at: row.starts_at, end_at: row.ends_at, minutes: credit.creditedMinutes, place: row.address, content: row.content,
        organiser_name: row.unit_name, person_in_charge: row.contact_name, entry_method: '扫码打卡', evidence_file_ids: '[]',
        reason: `签到时长 ${credit.presentMinutes} 分钟（${mine.length} 次签到签退）`, status: 'pending',
        late: isLateEntry(serviceDay, shanghaiDay(now), rules['hours.recordDeadlineWorkingDays'], cal) ? 1 : 0,
        flag: autoClosed ? 'auto_closed' : null, corrects_id: null, entered_by: null, entered_at: now.toISOString(), decided_by: null, decided_at: null, decision_note: null,
      })
      .execute();
    written++;
  }
  await appendAudit(trx, deps.config.keys.audit, now, who, {
    action: 'activities.end', objectType: 'activity', objectId: activityId, unitId: row.unit_id,
    changes: { status: { before: row.status, after: 'ended' }, hoursRecords: { before: null, after: written }, noShows: { before: null, after: noShows } },
  });
}

/** What the clock moves: starts, ends (with hours), and the day-before reminders. Safe to run in every process. */
export async function tick(deps: Deps): Promise<{ started: number; ended: number; reminded: number }> {
  const now = deps.clock.now();
  const iso = now.toISOString();
  let started = 0;
  let ended = 0;
  for (const a of await q.dueToStart(deps.db, iso)) started += await q.moveStatus(deps.db, a.id, ['published', 'full'], { status: 'in_progress', updated_at: iso });
  const due = await q.dueToEnd(deps.db, iso);
  if (due.length) {
    const tree = await loadUnitTree(deps);
    for (const a of due) {
      try {
        await deps.db.transaction().execute((trx) => closeActivity(deps, trx, tree, a.id, now, { actorAccountId: null, actorName: '系统', ip: null, requestId: null }));
        ended++;
      } catch (err) {
        if (!(err instanceof AppError)) throw err;
      }
    }
  }
  const remind = await q.dueForReminder(deps.db, iso, new Date(now.getTime() + 24 * 3600_000).toISOString());
  for (const r of remind) {
    await deps.db.transaction().execute(async (trx) => {
      const n = await q.updateSignup(trx, r.id, ['confirmed'], { reminded_at: iso });
      if (n === 1) await notify(trx, now, r.person_id, { kind: 'activities.reminder', title: `明天有活动：${r.title}`, body: `开始时间 ${new Date(r.starts_at).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai' })}`, link: `/m/activities/${r.activity_id}` });
    });
  }
  return { started, ended, reminded: remind.length };
}

/** 活动总结 within the deadline (working days after the end); a late one is flagged. */
export async function submitSummary(deps: Deps, ctx: Ctx, activityId: string, input: { servedCount: number; notes: string; photoFileIds: string[] }) {
  const { row, tree } = await requireActivity(deps, ctx.actor, activityId, 'staff');
  if (row.status !== 'ended') throw new AppError(row.status === 'summarised' ? 'activities.summary_exists' : 'activities.bad_transition');
  for (const f of input.photoFileIds) if (!(await canUseFile(deps, ctx, f))) throw new AppError('hours.evidence_missing');
  const rules = await rulesOfUnit(deps.db, tree, row.unit_id);
  const now = deps.clock.now();
  const late = isLateEntry(shanghaiDay(new Date(row.ends_at)), shanghaiDay(now), rules['activities.summaryDeadlineWorkingDays'], { holidays: rules['calendar.holidays'], makeupWorkdays: rules['calendar.makeupWorkdays'] });
  await deps.db.transaction().execute(async (trx) => {
    const n = await q.moveStatus(trx, activityId, ['ended'], { status: 'summarised', updated_at: now.toISOString() });
    if (n !== 1) throw new AppError('activities.summary_exists');
    await q.insertSummary(trx, { activity_id: activityId, served_count: input.servedCount, notes: input.notes, photo_file_ids: JSON.stringify(input.photoFileIds), late: late ? 1 : 0, submitted_by: ctx.actor.accountId, submitted_at: now.toISOString() });
    await appendAudit(trx, deps.config.keys.audit, now, whoOf(ctx), { action: 'activities.summarised', objectType: 'activity', objectId: activityId, unitId: row.unit_id, changes: { servedCount: { before: null, after: input.servedCount }, late: { before: null, after: late } } });
  });
  return getActivity(deps, ctx, activityId);
}

export async function getSummary(deps: Deps, ctx: Ctx, activityId: string) {
  await requireActivity(deps, ctx.actor, activityId, 'read');
  const s = await q.getSummary(deps.db, activityId);
  if (!s) throw notFound();
  return { servedCount: Number(s.served_count), notes: s.notes, photoFileIds: JSON.parse(s.photo_file_ids) as string[], late: Boolean(s.late), submittedAt: s.submitted_at };
}

/** The plan's monthly rule (二、（二）6): practice activities held per station per month, against the minimum. */
export async function monthlyTable(deps: Deps, ctx: Ctx, months: number): Promise<MonthlyTableView> {
  const tree = await loadUnitTree(deps);
  const scope = unitsInScope(tree, ctx.actor, 'activities.read');
  if (scope.size === 0) throw new AppError('access.denied');
  const stations = (await q.activeStations(deps.db)).filter((s) => scope.has(s.id));
  const today = shanghaiDay(deps.clock.now());
  const labels: string[] = [];
  const [y, m] = today.split('-').map(Number);
  for (let i = months - 1; i >= 0; i--) {
    const d = new Date(Date.UTC(y, m - 1 - i, 1));
    labels.push(d.toISOString().slice(0, 7));
  }
  const from = new Date(`${labels[0]}-01T00:00:00+08:00`).toISOString();
  const to = new Date(Date.UTC(y, m, 1) - 8 * 3600_000).toISOString();
  const held = await q.heldPerMonth(deps.db, stations.map((s) => s.id), from, to);
  const inst = stations[0] ? instituteOf(tree, stations[0].id) : null;
  const minimum = inst ? (await rulesFor(deps.db, inst))['activities.minPerStationPerMonth'] : 1;
  const current = today.slice(0, 7);
  return {
    months: labels,
    minimum,
    rows: stations.map((s) => {
      const counts = labels.map((label) => held.filter((h) => h.unit_id === s.id && shanghaiDay(new Date(h.starts_at)).slice(0, 7) === label).length);
      // The running month is not yet below the rule: it still has days left.
      return { unitId: s.id, unitName: s.name, counts, below: counts.map((c, i) => labels[i] !== current && c < minimum) };
    }),
  };
}

/** A private calendar feed of the volunteer's own activities; a new link revokes the old one. */
export async function issueIcalToken(deps: Deps, ctx: Ctx) {
  const v = await vq.getVolunteerByPerson(deps.db, ctx.actor.personId);
  if (!v) throw new AppError('volunteer.not_found_self');
  const token = randomBytes(24).toString('base64url');
  const now = deps.clock.now().toISOString();
  await deps.db.transaction().execute(async (trx) => {
    await q.revokeIcalTokens(trx, v.id, now);
    await q.insertIcalToken(trx, { id: randomUUID(), volunteer_id: v.id, token_hash: sha256Hex(token), created_at: now });
    await appendAudit(trx, deps.config.keys.audit, new Date(now), whoOf(ctx), { action: 'activities.ical_token_issued', objectType: 'volunteer', objectId: v.id });
  });
  return { path: `/ical/volunteers/${token}.ics` };
}

export async function revokeIcal(deps: Deps, ctx: Ctx) {
  const v = await vq.getVolunteerByPerson(deps.db, ctx.actor.personId);
  if (!v) throw new AppError('volunteer.not_found_self');
  await q.revokeIcalTokens(deps.db, v.id, deps.clock.now().toISOString());
  return { ok: true as const };
}

export async function unitFeedActivities(deps: Deps, unitId: string) {
  const unit = await q.feedUnit(deps.db, unitId);
  if (!unit || unit.kind === 'district') throw notFound();
  const { rows } = await q.listActivities(deps.db, { unitIds: [unitId], statuses: VISIBLE_TO_PUBLIC }, 1000, 0);
  return { name: unit.name, rows };
}

export async function volunteerFeedActivities(deps: Deps, token: string) {
  const t = await q.findIcalToken(deps.db, sha256Hex(token));
  if (!t) throw new AppError('ical.bad_token');
  const signups = (await q.signupsOfVolunteer(deps.db, t.volunteer_id)).filter((s) => ['pending', 'confirmed', 'waitlisted'].includes(s.status));
  const units = (await q.allUnitIds(deps.db)).map((u) => u.id);
  const { rows } = await q.listActivities(deps.db, { unitIds: units, ids: signups.map((s) => s.activity_id) }, 1000, 0);
  return { name: '我的志愿活动', rows };
}

