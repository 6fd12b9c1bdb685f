import { chinaDay } from '../../../shared/china-time';
import { randomUUID } from 'node:crypto';
import { type ActivityView, OPEN_STATUSES, type SignupView } from '../../../shared/activities';
import type { SignupsTable } from '../../db/schema';

import { ageOn } from '../../../shared/rules/id-number';
import { appendAudit } from '../../platform/audit';
import { nextCounter } from '../../platform/counters.queries';
import { isUniqueViolation, type Trx } from '../../platform/db';
import type { Ctx, Deps } from '../../platform/deps';
import { AppError, notFound } from '../../platform/errors';
import { whoOf } from '../../platform/session';
import { notify } from '../notifications/notifications.service';
import { volunteerById } from '../volunteers/volunteers.lookup';
import { checkActivity, LOCKED, requireActivity } from './activities.access';
import { getActivity, type LoadedViewData, presentActivities } from './activities.listing';
import { presentSignups } from './activities.presenter';
import * as q from './activities.queries';

/** The volunteer facts a sign-up checks and records, as `signupContext` reads them. */
interface Signer {
  id: string;
  status: string;
  name: string;
  person_id: string;
  birth_date: string | null;
  skills: string;
  insured_until: string | null;
}

/** An activity, its positions and a volunteer with their sign-up to it, from one statement (`q.signupContext`). */
interface SignupContext {
  row: q.ActivityRow;
  positions: LoadedViewData['positions'];
  v: Signer;
  existing: { id: string; status: SignupsTable['status'] } | null;
  channel: 'self' | 'staff';
}

/**
 * Whose sign-up this is — the caller's own, or, for staff, the volunteer they act for — read with
 * the activity and its positions in one statement, then checked as `requireActivity` would.
 */
async function loadContext(deps: Deps, ctx: Ctx, activityId: string, volunteerId?: string): Promise<SignupContext> {
  const rows = await q.signupContext(deps.db, activityId, volunteerId ? { volunteerId } : { personId: ctx.actor.personId });
  const first = await checkActivity(ctx, rows[0], 'read');
  if (volunteerId && !(await ctx.scope.can('activities.manage', first.unit_id))) throw new AppError('access.denied');
  if (!first.v_id) throw volunteerId ? notFound() : new AppError('volunteer.not_found_self');
  const positions = rows
    .filter((r) => r.p_id !== null)
    .map((r) => ({
      id: r.p_id as string,
      activity_id: activityId,
      name: r.p_name as string,
      headcount: Number(r.p_headcount),
      taken: Number(r.p_taken),
      sort: Number(r.p_sort),
      waitlisted: Number(r.p_waitlisted ?? 0),
    }));
  const v: Signer = {
    id: first.v_id,
    status: first.v_status as string,
    name: first.v_name as string,
    person_id: first.v_person_id as string,
    birth_date: first.v_birth_date,
    skills: first.v_skills ?? '[]',
    insured_until: first.v_insured_until,
  };
  const existing = first.s_id && first.s_status ? { id: first.s_id, status: first.s_status } : null;
  return { row: activityRowOf(first), positions, v, existing, channel: volunteerId ? 'staff' : 'self' };
}

/** The activity's own columns of a context row (the presenter and the audit see only those). */
function activityRowOf(r: q.ActivityRow & q.SignupContextRow): q.ActivityRow {
  const {
    p_id,
    p_name,
    p_headcount,
    p_taken,
    p_sort,
    p_waitlisted,
    v_id,
    v_status,
    v_skills,
    v_insured_until,
    v_person_id,
    v_name,
    v_birth_date,
    s_id,
    s_status,
    ...row
  } = r;
  return row;
}

/** Open for sign-up now, and the age, skill and insurance checks (条例 第十五、十七条). */
function checkEligible(row: q.ActivityRow, v: Signer, now: Date) {
  if (v.status !== 'certified') throw new AppError('activities.volunteer_not_certified');
  if (!OPEN_STATUSES.includes(row.status)) throw new AppError('activities.not_open');
  const opens = row.signup_opens_at ?? '';
  const closes = row.signup_closes_at ?? row.starts_at;
  if (now.toISOString() < opens || now.toISOString() >= closes) throw new AppError('activities.not_open');
  const day = chinaDay(new Date(row.starts_at));
  const age = v.birth_date ? ageOn(v.birth_date, day) : null;
  if (age !== null && ((row.min_age !== null && age < Number(row.min_age)) || (row.max_age !== null && age > Number(row.max_age)))) {
    throw new AppError('activities.age_mismatch', { message: `该活动要求年龄 ${row.min_age ?? '不限'}–${row.max_age ?? '不限'} 岁` });
  }
  const required: string[] = JSON.parse(row.required_skills);
  const has: string[] = JSON.parse(v.skills);
  const missing = required.filter((s) => !has.includes(s));
  if (missing.length) throw new AppError('activities.skill_mismatch', { message: `该活动需要以下技能：${missing.join('、')}` });
  if (row.insurance_required && (!v.insured_until || v.insured_until < day)) throw new AppError('activities.insurance_required');
}

type SignupStatus = 'pending' | 'confirmed' | 'waitlisted';
const ACTIVE: SignupsTable['status'][] = ['pending', 'confirmed', 'waitlisted'];

/** What the write did, for the response: the sign-up as written, the position's places, and whether the activity is now full. */
interface Taken {
  signup: SignupsTable;
  placesTaken: number | null;
  nowFull: boolean;
}

/**
 * Takes a place (or a waitlist number) and writes the sign-up, reusing a cancelled one; runs in the
 * caller's transaction. The sign-up was read before it: an active one was refused there, and a
 * concurrent change since is caught here (the reuse is conditional on the status read; a second
 * insert breaks the unique index), so the place taken is rolled back with it.
 */
async function takeSignup(trx: Trx, c: SignupContext, position: Position, s: { byAccount: string; now: Date }): Promise<Taken> {
  const { row, v, existing } = c;
  const got = await q.takePlace(trx, position.id);
  let status: SignupStatus;
  let seq: number | null = null;
  if (got) status = row.needs_approval ? 'pending' : 'confirmed';
  else if (row.waitlist) {
    status = 'waitlisted';
    seq = await nextCounter(trx, `waitlist:${row.id}`);
  } else throw new AppError('activities.full');
  const fields = {
    position_id: position.id,
    status,
    waitlist_seq: seq,
    channel: c.channel,
    by_account: s.byAccount,
    reason: null,
    reminded_at: null,
    updated_at: s.now.toISOString(),
  };
  let signup: SignupsTable;
  if (existing) {
    const n = await q.updateSignup(trx, existing.id, ['cancelled', 'rejected', 'no_show'], fields);
    if (n !== 1) throw new AppError('activities.already_signed_up');
    signup = { id: existing.id, activity_id: row.id, volunteer_id: v.id, created_at: s.now.toISOString(), ...fields };
  } else {
    signup = { id: randomUUID(), activity_id: row.id, volunteer_id: v.id, created_at: s.now.toISOString(), ...fields };
    await q.insertSignup(trx, signup);
  }
  const full = got !== null && got.taken >= got.headcount && !got.othersFree;
  const nowFull = full && (await q.moveStatus(trx, row.id, ['published'], { status: 'full' })) === 1;
  return { signup, placesTaken: got?.taken ?? null, nowFull };
}

type Position = LoadedViewData['positions'][number];

/** The activity as the caller sees it after their own sign-up, from the rows the sign-up read and wrote. */
async function presentAfterSignup(deps: Deps, ctx: Ctx, c: SignupContext, position: Position, t: Taken): Promise<ActivityView> {
  const positions = c.positions.map((p) =>
    p.id !== position.id ? p : t.placesTaken !== null ? { ...p, taken: t.placesTaken } : { ...p, waitlisted: p.waitlisted + 1 },
  );
  const row = t.nowFull ? { ...c.row, status: 'full' as const } : c.row;
  const waitlistPlaces = t.signup.status === 'waitlisted' ? await q.waitlistPlaces(deps.db, [t.signup.id]) : new Map<string, number>();
  return (await presentActivities(deps, ctx, [row], { positions, mySignups: [t.signup], waitlistPlaces }))[0];
}

/**
 * Sign-up (on the phone, or by staff on someone's behalf). The age, skill and insurance checks come
 * first (条例 第十五、十七条). A place is taken with a conditional update, so capacity holds under
 * concurrent requests on both databases; when none is left the person joins the waitlist in order.
 * The caller's own sign-up answers with the activity built from what the write has in hand.
 */
export async function signUp(deps: Deps, ctx: Ctx, activityId: string, input: { positionId?: string; volunteerId?: string }) {
  const c = await loadContext(deps, ctx, activityId, input.volunteerId);
  const { row, v, channel } = c;
  const now = deps.clock.now();
  checkEligible(row, v, now);
  const position = input.positionId ? c.positions.find((p) => p.id === input.positionId) : c.positions.length === 1 ? c.positions[0] : undefined;
  if (!position) throw input.positionId ? notFound() : new AppError('activities.position_required');
  if (c.existing && ACTIVE.includes(c.existing.status)) throw new AppError('activities.already_signed_up');
  let taken: Taken;
  try {
    taken = await deps.db.transaction().execute(async (trx) => {
      const t = await takeSignup(trx, c, position, { byAccount: ctx.actor.accountId, now });
      await appendAudit(trx, deps.config.keys.audit, now, whoOf(ctx), {
        action: 'activities.signed_up',
        objectType: 'activity',
        objectId: activityId,
        unitId: row.unit_id,
        changes: { volunteer: { before: null, after: v.name }, status: { before: null, after: t.signup.status }, channel: { before: null, after: channel } },
      });
      if (channel === 'staff')
        await notify(trx, now, v.person_id, { kind: 'activities.signed_up', title: `工作人员已为您报名：${row.title}`, link: `/m/activities/${activityId}` });
      return t;
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError('activities.already_signed_up');
    throw err;
  }
  // Staff signing someone else up see the activity as they do (their own sign-up, if any): read it again.
  const activity = channel === 'self' ? await presentAfterSignup(deps, ctx, c, position, taken) : await getActivity(deps, ctx, activityId);
  return { status: taken.signup.status as SignupStatus, activity };
}

/** Frees a place and hands it to the first on the waitlist, in one transaction. */
async function releaseAndPromote(trx: Trx, activity: q.ActivityRow, positionId: string, now: Date) {
  const next = await q.firstWaitlisted(trx, positionId);
  if (next) {
    const to = activity.needs_approval ? 'pending' : 'confirmed';
    await q.updateSignup(trx, next.id, ['waitlisted'], { status: to, waitlist_seq: null, updated_at: now.toISOString() });
    const v = await volunteerById(trx, next.volunteer_id);
    if (v)
      await notify(trx, now, v.person_id, {
        kind: 'activities.promoted',
        title: `候补成功：${activity.title}`,
        body: '有人取消了报名，您已从候补转为正式报名',
        link: `/m/activities/${activity.id}`,
      });
    return;
  }
  await q.releasePlace(trx, positionId);
  await q.moveStatus(trx, activity.id, ['full'], { status: 'published' });
}

/** The volunteer cancels before the cut-off, or staff cancel for them at any time before it runs; the place goes to the waitlist. */
export async function cancelSignup(deps: Deps, ctx: Ctx, activityId: string, volunteerId?: string) {
  const { row, v, channel } = await loadContext(deps, ctx, activityId, volunteerId);
  const now = deps.clock.now();
  const cutoff = row.cancel_cutoff_at ?? row.starts_at;
  if (channel === 'self' && now.toISOString() >= cutoff) throw new AppError('activities.cancel_closed');
  if (LOCKED.includes(row.status)) throw new AppError('activities.cancel_closed');
  await deps.db.transaction().execute(async (trx) => {
    const s = await q.getSignup(trx, activityId, v.id);
    if (!s || !['pending', 'confirmed', 'waitlisted'].includes(s.status)) throw new AppError('activities.not_signed_up');
    const n = await q.updateSignup(trx, s.id, [s.status], { status: 'cancelled', waitlist_seq: null, updated_at: now.toISOString() });
    if (n !== 1) throw new AppError('activities.not_signed_up');
    if (s.status !== 'waitlisted') await releaseAndPromote(trx, row, s.position_id, now);
    await appendAudit(trx, deps.config.keys.audit, now, whoOf(ctx), {
      action: 'activities.signup_cancelled',
      objectType: 'activity',
      objectId: activityId,
      unitId: row.unit_id,
      changes: { volunteer: { before: v.name, after: null } },
    });
  });
  return getActivity(deps, ctx, activityId);
}

/** For activities that need approval: the organiser accepts or turns down a sign-up; answers the decided sign-up. */
export async function decideSignup(deps: Deps, ctx: Ctx, activityId: string, signupId: string, approve: boolean, reason?: string): Promise<SignupView> {
  const { row } = await requireActivity(deps, ctx, activityId, 'staff');
  const s = await q.getSignupById(deps.db, signupId);
  if (!s || s.activity_id !== activityId) throw notFound();
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    const n = await q.updateSignup(trx, signupId, ['pending'], {
      status: approve ? 'confirmed' : 'rejected',
      reason: reason ?? null,
      updated_at: now.toISOString(),
    });
    if (n !== 1) throw new AppError('activities.bad_transition');
    if (!approve) await releaseAndPromote(trx, row, s.position_id, now);
    const v = await volunteerById(trx, s.volunteer_id);
    if (v)
      await notify(trx, now, v.person_id, {
        kind: 'activities.signup_decided',
        title: approve ? `报名已通过：${row.title}` : `报名未通过：${row.title}`,
        body: reason ?? null,
        link: `/m/activities/${activityId}`,
      });
    await appendAudit(trx, deps.config.keys.audit, now, whoOf(ctx), {
      action: approve ? 'activities.signup_approved' : 'activities.signup_rejected',
      objectType: 'activity',
      objectId: activityId,
      unitId: row.unit_id,
    });
  });
  return (await presentPage(deps, row, { signupId }))[0];
}

/** Sign-ups presented with their check-ins and waitlist places, in a fixed number of queries. */
async function presentPage(deps: Deps, row: q.ActivityRow, page: Parameters<typeof q.listSignups>[2]): Promise<SignupView[]> {
  const rows = await q.listSignups(deps.db, row.id, page);
  const checkins = await q.checkinsOf(
    deps.db,
    row.id,
    rows.map((s) => s.volunteer_id),
  );
  const places = await q.waitlistPlaces(
    deps.db,
    rows.filter((s) => s.status === 'waitlisted').map((s) => s.id),
  );
  return presentSignups(row.id, row.starts_at, rows, checkins, places);
}

/** The organiser's list of an activity's sign-ups, one page at a time. */
export async function listSignups(
  deps: Deps,
  ctx: Ctx,
  activityId: string,
  page: { page: number; pageSize: number },
): Promise<{ items: SignupView[]; total: number; page: number; pageSize: number }> {
  const { row } = await requireActivity(deps, ctx, activityId, 'staff');
  const total = await q.countSignups(deps.db, activityId);
  const items = await presentPage(deps, row, { limit: page.pageSize, offset: (page.page - 1) * page.pageSize });
  return { items, total, page: page.page, pageSize: page.pageSize };
}
