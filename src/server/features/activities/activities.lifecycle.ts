import { chinaDay } from '../../../shared/china-time';
import { randomInt, randomUUID } from 'node:crypto';
import type { z } from 'zod';
import {
  ACTIVITY_ACTIONS,
  ACTIVITY_TYPES,
  type ActivityAction,
  type ActivityInput,
  type ActivityStatus,
  type UpdateActivityInput,
} from '../../../shared/activities';
import { isLateEntry } from '../../../shared/rules/hours';
import type { ActivitiesTable, PositionsTable } from '../../db/schema';
import type { UnitTree } from '../../platform/access';
import { appendAudit } from '../../platform/audit';
import type { Trx } from '../../platform/db';
import type { Ctx, Deps } from '../../platform/deps';
import { AppError, notFound } from '../../platform/errors';
import { whoOf } from '../../platform/session';
import { canUseFile } from '../files/files.service';
import { notify } from '../notifications/notifications.service';
import { roomById, roomClashes, type Venue, venueById } from '../venues/venues.lookup';
import { LOCKED, requireActivity } from './activities.access';
import { closeActivity } from './activities.closing';
import { getActivity } from './activities.listing';
import * as q from './activities.queries';

function addMonths(iso: string, n: number): string {
  const d = new Date(iso);
  d.setUTCMonth(d.getUTCMonth() + n);
  return d.toISOString();
}

/** Books a room for [start, end) unless another activity holds it; runs inside the caller's transaction. */
async function bookRoom(trx: Trx, roomId: string, activityId: string, start: string, end: string) {
  const clash = await roomClashes(trx, roomId, start, end, activityId);
  if (clash.length) {
    const c = clash[0];
    throw new AppError('venues.room_conflict', { message: `该功能室在这段时间已被“${c.title}”预订（${chinaDay(new Date(c.starts_at))}）` });
  }
  await q.insertBooking(trx, { id: randomUUID(), room_id: roomId, activity_id: activityId, starts_at: start, ends_at: end });
}

async function tellSignedUp(trx: Trx, at: Date, activityId: string, n: { kind: string; title: string; body?: string }) {
  for (const s of await q.activeSignups(trx, activityId)) await notify(trx, at, s.person_id, { ...n, link: `/m/activities/${activityId}` });
}

/** The venue, room and programme must belong to the unit's line (its institute, itself or its stations); the room must seat everyone. */
async function checkPlace(deps: Deps, tree: UnitTree, input: z.infer<typeof ActivityInput>): Promise<Venue | undefined> {
  const line = tree.ancestry(input.unitId).concat(tree.subtree(input.unitId));
  let venue: Venue | undefined;
  if (input.venueId) {
    venue = await venueById(deps.db, input.venueId);
    if (!venue || !line.includes(venue.unit_id)) throw notFound();
  }
  if (input.roomId) {
    const room = await roomById(deps.db, input.roomId);
    if (!room || !venue || room.venue_id !== venue.id) throw notFound();
    const seats = input.positions.reduce((s, p) => s + p.headcount, 0);
    if (Number(room.capacity) < seats)
      throw new AppError('venues.room_too_small', { message: `功能室“${room.name}”最多容纳 ${room.capacity} 人，活动招募 ${seats} 人` });
  }
  if (input.programmeId) {
    const p = await q.programmeUnit(deps.db, input.programmeId);
    if (!p || !line.includes(p.unit_id)) throw notFound();
  }
  return venue;
}

/** Occurrence `i` of a (possibly repeating) activity, as a draft row. */
function occurrence(
  input: z.infer<typeof ActivityInput>,
  i: number,
  o: { venue: Venue | undefined; seriesId: string | null; creditMinutes: number; createdBy: string; now: string },
): ActivitiesTable {
  const shift = (iso: string | undefined) =>
    iso === undefined
      ? null
      : input.repeat?.rule === 'monthly'
        ? addMonths(new Date(iso).toISOString(), i)
        : new Date(Date.parse(iso) + i * 7 * 86_400_000).toISOString();
  const { venue } = o;
  return {
    id: randomUUID(),
    unit_id: input.unitId,
    series_id: o.seriesId,
    programme_id: input.programmeId ?? null,
    type: input.type,
    title: input.title,
    content: input.content ?? null,
    venue_id: input.venueId ?? null,
    room_id: input.roomId ?? null,
    address: input.address ?? venue?.address ?? null,
    lng: input.lng ?? (venue?.lng === undefined || venue?.lng === null ? null : Number(venue.lng)),
    lat: input.lat ?? (venue?.lat === undefined || venue?.lat === null ? null : Number(venue.lat)),
    geofence_m: input.geofenceMeters ?? null,
    starts_at: shift(input.startsAt) as string,
    ends_at: shift(input.endsAt) as string,
    credit_minutes: o.creditMinutes,
    min_age: input.minAge ?? null,
    max_age: input.maxAge ?? null,
    required_skills: JSON.stringify(input.requiredSkills),
    insurance_required: input.insuranceRequired ? 1 : 0,
    signup_opens_at: shift(input.signupOpensAt),
    signup_closes_at: shift(input.signupClosesAt),
    cancel_cutoff_at: shift(input.cancelCutoffAt),
    needs_approval: input.needsApproval ? 1 : 0,
    waitlist: input.waitlist ? 1 : 0,
    contact_name: input.contactName ?? null,
    contact_phone: input.contactPhone ?? null,
    status: 'draft',
    status_reason: null,
    checkin_code: String(randomInt(0, 1_000_000)).padStart(6, '0'),
    created_by: o.createdBy,
    reminded_at: null,
    hours_written_at: null,
    created_at: o.now,
    updated_at: o.now,
  };
}

/**
 * Institute or station staff, or a team leader for their team's unit, plan an activity (or a
 * weekly/monthly series, all in one transaction). A room is booked for it; a clash refuses the whole
 * series. Types that are not volunteer service never credit hours (办法 第十九条).
 */
export async function createActivity(deps: Deps, ctx: Ctx, input: z.infer<typeof ActivityInput>) {
  const tree = await ctx.scope.require('activities.create', input.unitId);
  const kind = tree.nodes.get(input.unitId)?.kind;
  if (kind !== 'institute' && kind !== 'station') throw notFound();
  const venue = await checkPlace(deps, tree, input);
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
      const row = occurrence(input, i, { venue, seriesId, creditMinutes, createdBy: ctx.actor.accountId, now: now.toISOString() });
      ids.push(row.id);
      await q.insertActivity(trx, row);
      await q.insertPositions(
        trx,
        input.positions.map((p, k): PositionsTable => ({ id: randomUUID(), activity_id: row.id, name: p.name, headcount: p.headcount, taken: 0, sort: k })),
      );
      if (input.roomId) await bookRoom(trx, input.roomId, row.id, row.starts_at, row.ends_at);
    }
    await appendAudit(trx, deps.config.keys.audit, now, whoOf(ctx), {
      action: 'activities.created',
      objectType: 'activity',
      objectId: ids[0],
      unitId: input.unitId,
      changes: { title: { before: null, after: input.title }, startsAt: { before: null, after: input.startsAt }, occurrences: { before: null, after: count } },
    });
  });
  return { items: await Promise.all(ids.map((id) => getActivity(deps, ctx, id))) };
}

const UPDATE_COLUMNS = {
  title: 'title',
  content: 'content',
  programmeId: 'programme_id',
  startsAt: 'starts_at',
  endsAt: 'ends_at',
  address: 'address',
  contactName: 'contact_name',
  contactPhone: 'contact_phone',
} as const;

type Edit = z.infer<typeof UpdateActivityInput>;

/** New headcounts and positions; a headcount never drops below the places already taken. Moves the activity between published and full. */
async function editPositions(trx: Trx, activityId: string, positions: NonNullable<Edit['positions']>) {
  const existing = await q.listPositions(trx, [activityId]);
  for (const [k, p] of positions.entries()) {
    const cur = p.id ? existing.find((e) => e.id === p.id) : undefined;
    if (p.id && !cur) throw notFound();
    if (cur) {
      if (p.headcount < Number(cur.taken)) throw new AppError('validation.failed', { message: `岗位“${cur.name}”已有 ${cur.taken} 人报名，名额不能少于此数` });
      await q.updatePosition(trx, cur.id, { name: p.name, headcount: p.headcount, sort: k });
    } else await q.insertPositions(trx, [{ id: randomUUID(), activity_id: activityId, name: p.name, headcount: p.headcount, taken: 0, sort: k }]);
  }
  const full = !(await q.hasFreePlace(trx, activityId));
  await q.moveStatus(trx, activityId, full ? ['published'] : ['full'], { status: full ? 'full' : 'published' });
}

/** One occurrence's edit: times shifted by the same amount as the edited one, the room moved with it, those signed up told. */
async function editOccurrence(
  trx: Trx,
  row: q.ActivityRow,
  t: { id: string; starts_at: string; ends_at: string; status: string },
  input: Edit,
  shifts: { start: number; end: number },
  now: Date,
) {
  const starts = new Date(Date.parse(t.starts_at) + shifts.start).toISOString();
  const ends = new Date(Date.parse(t.ends_at) + shifts.end).toISOString();
  if (ends <= starts) throw new AppError('validation.failed', { message: '结束时间必须晚于开始时间' });
  const patch: Partial<ActivitiesTable> = {
    ...(input.title !== undefined && { title: input.title }),
    ...(input.content !== undefined && { content: input.content }),
    ...(input.programmeId !== undefined && { programme_id: input.programmeId }),
    ...(input.address !== undefined && { address: input.address }),
    ...(input.contactName !== undefined && { contact_name: input.contactName }),
    ...(input.contactPhone !== undefined && { contact_phone: input.contactPhone }),
    starts_at: starts,
    ends_at: ends,
    updated_at: now.toISOString(),
  };
  await q.updateActivity(trx, t.id, patch);
  if (row.room_id && (shifts.start || shifts.end)) {
    await q.deleteBooking(trx, t.id);
    await bookRoom(trx, row.room_id, t.id, starts, ends);
  }
  if (input.positions && t.id === row.id) await editPositions(trx, t.id, input.positions);
  if (['published', 'full'].includes(t.status)) {
    await tellSignedUp(trx, now, t.id, {
      kind: 'activities.changed',
      title: `活动有变动：${input.title ?? row.title}`,
      body: `时间：${chinaDay(new Date(starts))}，请留意最新安排`,
    });
  }
}

/** Edits before the activity starts; a series edit can reach the later occurrences too. Those signed up are told. */
export async function updateActivity(deps: Deps, ctx: Ctx, id: string, input: Edit) {
  const { row } = await requireActivity(deps, ctx, id, 'manage');
  if (LOCKED.includes(row.status)) throw new AppError('activities.locked');
  const targets =
    input.scope === 'following' && row.series_id
      ? (await q.seriesActivities(deps.db, row.series_id, row.starts_at)).filter((a) => !LOCKED.includes(a.status as ActivityStatus))
      : [row];
  const now = deps.clock.now();
  const shifts = {
    start: input.startsAt ? Date.parse(input.startsAt) - Date.parse(row.starts_at) : 0,
    end: input.endsAt ? Date.parse(input.endsAt) - Date.parse(row.ends_at) : 0,
  };
  await deps.db.transaction().execute(async (trx) => {
    for (const t of targets) await editOccurrence(trx, row, t, input, shifts, now);
    await appendAudit(trx, deps.config.keys.audit, now, whoOf(ctx), {
      action: 'activities.updated',
      objectType: 'activity',
      objectId: id,
      unitId: row.unit_id,
      changes: Object.fromEntries(
        (Object.entries(UPDATE_COLUMNS) as [keyof typeof UPDATE_COLUMNS, keyof q.ActivityRow][])
          .filter(([k]) => input[k] !== undefined)
          .map(([k, col]) => [k, { before: row[col] ?? null, after: input[k] }]),
      ),
    });
  });
  return getActivity(deps, ctx, id);
}

/** Submit, publish, turn back, cancel, end: the moves in ACTIVITY_ACTIONS; ending also writes the hours. */
export async function transitionActivity(deps: Deps, ctx: Ctx, id: string, action: ActivityAction, reason?: string) {
  const { row, tree } = await requireActivity(deps, ctx, id, 'manage');
  const t = ACTIVITY_ACTIONS[action];
  if ((action === 'publish' || action === 'reject' || action === 'end') && !(await ctx.scope.can('activities.manage', row.unit_id)))
    throw new AppError('access.denied');
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
      action: `activities.${action}`,
      objectType: 'activity',
      objectId: id,
      unitId: row.unit_id,
      changes: { status: { before: row.status, after: t.to }, ...(reason ? { reason: { before: null, after: reason } } : {}) },
    });
  });
  return getActivity(deps, ctx, id);
}

/** 活动总结 within the deadline (working days after the end); a late one is flagged. */
export async function submitSummary(deps: Deps, ctx: Ctx, activityId: string, input: { servedCount: number; notes: string; photoFileIds: string[] }) {
  const { row } = await requireActivity(deps, ctx, activityId, 'staff');
  if (row.status !== 'ended') throw new AppError(row.status === 'summarised' ? 'activities.summary_exists' : 'activities.bad_transition');
  for (const f of input.photoFileIds) if (!(await canUseFile(deps, ctx, f))) throw new AppError('hours.evidence_missing');
  const rules = await ctx.scope.rulesOf(row.unit_id);
  const now = deps.clock.now();
  const late = isLateEntry(chinaDay(new Date(row.ends_at)), chinaDay(now), rules['activities.summaryDeadlineWorkingDays'], {
    holidays: rules['calendar.holidays'],
    makeupWorkdays: rules['calendar.makeupWorkdays'],
  });
  await deps.db.transaction().execute(async (trx) => {
    const n = await q.moveStatus(trx, activityId, ['ended'], { status: 'summarised', updated_at: now.toISOString() });
    if (n !== 1) throw new AppError('activities.summary_exists');
    await q.insertSummary(trx, {
      activity_id: activityId,
      served_count: input.servedCount,
      notes: input.notes,
      photo_file_ids: JSON.stringify(input.photoFileIds),
      late: late ? 1 : 0,
      submitted_by: ctx.actor.accountId,
      submitted_at: now.toISOString(),
    });
    await appendAudit(trx, deps.config.keys.audit, now, whoOf(ctx), {
      action: 'activities.summarised',
      objectType: 'activity',
      objectId: activityId,
      unitId: row.unit_id,
      changes: { servedCount: { before: null, after: input.servedCount }, late: { before: null, after: late } },
    });
  });
  return getActivity(deps, ctx, activityId);
}

export async function getSummary(deps: Deps, ctx: Ctx, activityId: string) {
  await requireActivity(deps, ctx, activityId, 'read');
  const s = await q.getSummary(deps.db, activityId);
  if (!s) throw notFound();
  return {
    servedCount: Number(s.served_count),
    notes: s.notes,
    photoFileIds: JSON.parse(s.photo_file_ids) as string[],
    late: Boolean(s.late),
    submittedAt: s.submitted_at,
  };
}
