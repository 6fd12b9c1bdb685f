import { chinaDay } from '../../../shared/china-time';
import { randomUUID } from 'node:crypto';
import { maskPhone } from '../../../shared/mask';
import {
  type RegisterVolunteerInput,
  type UpdateVolunteerInput,
  VOLUNTEER_STATUSES,
  VOLUNTEER_TRANSITIONS,
  type VolunteerAction,
  type VolunteerListQuery,
  type VolunteerStatus,
  type VolunteerView,
} from '../../../shared/volunteers';
import type { VolunteersTable } from '../../db/schema';
import type { UnitTree } from '../../platform/access';
import { appendAudit, diffFields } from '../../platform/audit';
import { nextCounter } from '../../platform/counters.queries';
import { decrypt, hashPassword } from '../../platform/crypto';
import { isCommonPassword } from '../../platform/common-passwords';
import { passwordProblem } from '../../../shared/rules/password';
import { VOLUNTEER_FIELD_RULES, staffOnlyFieldIn } from '../../../shared/rules/volunteer-fields';
import { isUniqueViolation } from '../../platform/db';
import type { Ctx, Deps } from '../../platform/deps';
import { type Scope, unitTreeOf } from '../../platform/scope';
import { AppError, notFound } from '../../platform/errors';
import { grantVolunteerRole } from '../accounts/accounts.logins';
import { whoOf } from '../../platform/session';
import { canUseFile } from '../files/files.service';
import { notify } from '../notifications/notifications.service';
import * as q from './volunteers.queries';
import { present } from './volunteers.presenter';
import { checkIdentity, createVolunteer } from './volunteers.registration';
import { sealEmergencyPhone } from './volunteers.sealing';

async function assertStation(tree: UnitTree, stationId: string): Promise<void> {
  if (tree.nodes.get(stationId)?.kind !== 'station') throw new AppError('volunteer.not_station');
}

/**
 * Staff enter a person with the person's consent recorded (办法 第六条): how (signed form with a
 * photo, or a phone confirmation with a note), who recorded it and when. No consent, no record.
 */
export async function registerByStaff(deps: Deps, ctx: Ctx, input: RegisterVolunteerInput) {
  await assertStation(await ctx.scope.require('volunteers.manage', input.stationId), input.stationId);
  if (!input.consent || input.consent.method === 'self_online') throw new AppError('volunteer.consent_required');
  if (input.consent.method === 'signed_form') {
    if (!input.consent.evidenceFileId) throw new AppError('volunteer.consent_evidence_required');
    if (!(await canUseFile(deps, ctx, input.consent.evidenceFileId))) throw new AppError('volunteer.consent_evidence_required');
  }
  if (input.consent.method === 'phone_confirmation' && !input.consent.note)
    throw new AppError('volunteer.consent_required', { message: '电话确认同意的，请记录通话时间和对方的答复' });
  const identity = checkIdentity(input, chinaDay(deps.clock.now()));
  const { volunteerId } = await createVolunteer(deps, whoOf(ctx), ctx.scope, {
    input,
    identity,
    registeredBy: ctx.actor.accountId,
    consent: { method: input.consent.method, by: ctx.actor.accountId, fileId: input.consent.evidenceFileId ?? null, note: input.consent.note ?? null },
  });
  return getVolunteer(deps, ctx, volunteerId);
}

/** The person registers themself on the phone, ticking the consent box: a signed-in resident, or anyone with a new account. */
export async function registerSelf(deps: Deps, ctx: Ctx, input: RegisterVolunteerInput) {
  if (input.agree !== true) throw new AppError('volunteer.consent_required');
  await assertStation(await ctx.scope.tree(), input.stationId);
  if ((await ctx.scope.me()).volunteer) throw new AppError('volunteer.duplicate');
  const identity = checkIdentity(input, chinaDay(deps.clock.now()));
  const { volunteerId } = await createVolunteer(deps, whoOf(ctx), null, {
    input,
    identity,
    registeredBy: ctx.actor.accountId,
    personId: ctx.actor.personId,
    consent: { method: 'self_online', by: ctx.actor.accountId, fileId: null, note: null },
  });
  const now = deps.clock.now().toISOString();
  await grantVolunteerRole(deps.db, ctx.actor.accountId, input.stationId, now);
  return getVolunteer(deps, ctx, volunteerId);
}

/**
 * Someone without an account signs up on the phone in one step: the volunteer record, a login
 * (their phone number and a password they choose) and their consent, all in one transaction.
 */
export async function registerWithNewAccount(deps: Deps, meta: { ip: string; requestId: string }, input: RegisterVolunteerInput & { password: string }) {
  if (input.agree !== true) throw new AppError('volunteer.consent_required');
  const { password, ...rest } = input;
  const problem = passwordProblem(password, input.phone);
  if (problem) throw new AppError(problem);
  if (isCommonPassword(password)) throw new AppError('password.common');
  await assertStation(await unitTreeOf(deps.db), input.stationId);
  const identity = checkIdentity(rest, chinaDay(deps.clock.now()));
  if (await q.findPersonByPhone(deps.db, input.phone)) throw new AppError('volunteer.duplicate', { message: '该手机号已注册，请直接登录后再登记为志愿者' });
  const passwordHash = await hashPassword(password);
  await createVolunteer(deps, { actorAccountId: null, actorName: input.name, ip: meta.ip, requestId: meta.requestId }, null, {
    input: rest,
    identity,
    registeredBy: null,
    account: { username: `u${input.phone}`, passwordHash },
    consent: { method: 'self_online', by: null, fileId: null, note: null },
  });
}

/** Staff of the volunteer's station (or above) see the record; the person sees their own. Others: 404. */
async function requireVolunteer(deps: Deps, scope: Scope, id: string, action: 'volunteers.read' | 'volunteers.manage') {
  const row = await q.getVolunteer(deps.db, id);
  if (!row) throw notFound();
  if (!(action === 'volunteers.read' && row.person_id === scope.actor.personId)) await scope.require(action, row.station_id);
  return row;
}

export async function getVolunteer(deps: Deps, ctx: Ctx, id: string): Promise<VolunteerView> {
  const row = await requireVolunteer(deps, ctx.scope, id, 'volunteers.read');
  return (await present(deps, ctx.scope, [row]))[0];
}

/** A staff member opening someone's record is an access to personal data: it is logged (PIPL). */
export async function viewVolunteer(deps: Deps, ctx: Ctx, id: string) {
  const view = await getVolunteer(deps, ctx, id);
  const history = await q.listStatusLog(deps.db, id);
  if (ctx.actor.personId !== (await q.getVolunteer(deps.db, id))?.person_id) {
    await deps.db.transaction().execute((trx) =>
      appendAudit(trx, deps.config.keys.audit, deps.clock.now(), whoOf(ctx), {
        action: 'volunteers.viewed',
        objectType: 'volunteer',
        objectId: id,
        unitId: view.stationId,
      }),
    );
  }
  return {
    volunteer: view,
    history: history.map((h) => ({
      from: h.from_status,
      to: h.to_status,
      toLabel: VOLUNTEER_STATUSES[h.to_status as VolunteerStatus] ?? h.to_status,
      reason: h.reason,
      at: h.at,
      actorName: h.actor_name,
    })),
  };
}

export async function myVolunteer(deps: Deps, ctx: Ctx) {
  const me = (await ctx.scope.me()).volunteer;
  if (!me) throw new AppError('volunteer.not_found_self');
  return viewVolunteer(deps, ctx, me.id);
}

export async function listVolunteers(deps: Deps, ctx: Ctx, query: VolunteerListQuery) {
  const unitIds = await ctx.scope.units('volunteers.read');
  const tree = await ctx.scope.tree();
  let stations = [...unitIds].filter((id) => tree.nodes.get(id)?.kind === 'station');
  if (query.stationId) {
    if (!stations.includes(query.stationId)) throw notFound();
    stations = [query.stationId];
  }
  const today = chinaDay(deps.clock.now());
  const yearsBefore = (years: number) => `${Number(today.slice(0, 4)) - years}${today.slice(4)}`;
  let minMinutes = query.minHours !== undefined ? Math.round(query.minHours * 60) : undefined;
  let maxMinutes = query.maxHours !== undefined ? Math.round(query.maxHours * 60) + 1 : undefined;
  if (query.starLevel !== undefined) {
    // Star levels are the institute's: the first station's rules stand for the pool.
    const thresholds = stations[0] ? (await ctx.scope.rulesOf(stations[0]))['stars.thresholds'] : [];
    const lo = query.starLevel === 0 ? 0 : (thresholds[query.starLevel - 1] ?? Number.MAX_SAFE_INTEGER / 60) * 60;
    const hi = thresholds[query.starLevel] !== undefined ? thresholds[query.starLevel] * 60 : undefined;
    minMinutes = Math.max(minMinutes ?? 0, lo);
    maxMinutes = hi === undefined ? maxMinutes : Math.min(maxMinutes ?? hi, hi);
  }
  const { rows, total } = await q.listVolunteers(
    deps.db,
    {
      stationIds: stations,
      status: query.status,
      q: query.q,
      skill: query.skill,
      category: query.category,
      serviceCategory: query.serviceCategory,
      availability: query.availability,
      bornOnOrBefore: query.minAge !== undefined ? yearsBefore(query.minAge) : undefined,
      bornAfter: query.maxAge !== undefined ? yearsBefore(query.maxAge + 1) : undefined,
      minMinutes,
      maxMinutes,
    },
    query.pageSize,
    (query.page - 1) * query.pageSize,
  );
  return { items: await present(deps, ctx.scope, rows), total, page: query.page, pageSize: query.pageSize };
}

const EDITABLE = [
  'phone',
  'insured_until',
  'category',
  'political_status',
  'education',
  'ethnicity',
  'email',
  'employment',
  'residence_area',
  'skills',
  'service_categories',
  'availability',
  'emergency_name',
  'emergency_phone',
] as const;

/**
 * The person edits their own details, or their station's staff do; identity fields (name, ID) are not
 * editable here. Who may set which field is shared/rules/volunteer-fields.ts: the person setting a staff
 * field about themself (insurance cover) is refused, whatever roles they hold.
 */
export async function updateVolunteer(deps: Deps, ctx: Ctx, id: string, input: UpdateVolunteerInput) {
  const row = await q.getVolunteer(deps.db, id);
  if (!row) throw notFound();
  if (row.person_id !== ctx.actor.personId) await ctx.scope.require('volunteers.manage', row.station_id);
  else {
    const field = staffOnlyFieldIn(input);
    if (field) throw new AppError('volunteer.field_staff_only', { message: `「${VOLUNTEER_FIELD_RULES[field].label}」由工作人员登记，本人不能修改` });
  }
  if (input.phone && input.phone !== row.phone) {
    const clash = await q.findPersonByPhone(deps.db, input.phone);
    if (clash && clash.id !== row.person_id) throw new AppError('volunteer.duplicate');
  }
  const now = deps.clock.now();
  const patch: Partial<VolunteersTable> = {
    ...(input.category !== undefined && { category: input.category }),
    ...(input.politicalStatus !== undefined && { political_status: input.politicalStatus }),
    ...(input.education !== undefined && { education: input.education }),
    ...(input.ethnicity !== undefined && { ethnicity: input.ethnicity }),
    ...(input.email !== undefined && { email: input.email }),
    ...(input.employment !== undefined && { employment: input.employment }),
    ...(input.residenceArea !== undefined && { residence_area: input.residenceArea }),
    ...(input.insuredUntil !== undefined && { insured_until: input.insuredUntil }),
    ...(input.skills !== undefined && { skills: JSON.stringify(input.skills) }),
    ...(input.serviceCategories !== undefined && { service_categories: JSON.stringify(input.serviceCategories) }),
    ...(input.availability !== undefined && { availability: JSON.stringify(input.availability) }),
    ...(input.emergencyContact !== undefined && {
      emergency_name: input.emergencyContact?.name ?? null,
      ...sealEmergencyPhone(deps.config.keys, input.emergencyContact?.phone ?? null),
    }),
  };
  // The audit compares the masked phones: a changed number shows as changed, never in the clear.
  const before = { ...row, phone: maskPhone(row.phone), emergency_phone: row.emergency_phone_masked };
  const after = {
    ...row,
    ...patch,
    phone: maskPhone(input.phone ?? row.phone),
    emergency_phone: patch.emergency_phone_masked === undefined ? row.emergency_phone_masked : patch.emergency_phone_masked,
  };
  const changes = diffFields(before, after, [...EDITABLE]);
  if (Object.keys(changes).length > 0) {
    try {
      await deps.db.transaction().execute(async (trx) => {
        if (Object.keys(patch).length) await q.updateVolunteer(trx, id, { ...patch, updated_at: now.toISOString() });
        if (input.phone) await q.updatePerson(trx, row.person_id, { phone: input.phone, updated_at: now.toISOString() });
        await appendAudit(trx, deps.config.keys.audit, now, whoOf(ctx), {
          action: 'volunteers.updated',
          objectType: 'volunteer',
          objectId: id,
          unitId: row.station_id,
          changes,
        });
      });
    } catch (err) {
      if (isUniqueViolation(err)) throw new AppError('volunteer.duplicate');
      throw err;
    }
  }
  return getVolunteer(deps, ctx, id);
}

/**
 * Review and status changes: reviewing → certified | rejected; certified → suspended | exited →
 * reinstated. Certification assigns the volunteer number (志愿者编号). The person is told.
 */
export async function transitionVolunteer(deps: Deps, ctx: Ctx, id: string, action: VolunteerAction, reason?: string) {
  const row = await requireVolunteer(deps, ctx.scope, id, 'volunteers.manage');
  const t = VOLUNTEER_TRANSITIONS[action];
  if (!(t.from as readonly string[]).includes(row.status)) throw new AppError('volunteer.bad_transition');
  if (t.needsReason && !reason) throw new AppError('volunteer.reason_required');
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    const patch: Partial<VolunteersTable> = { status: t.to, status_reason: reason ?? null, updated_at: now.toISOString() };
    if (t.to === 'certified' && !row.volunteer_no) {
      const year = chinaDay(now).slice(0, 4);
      patch.volunteer_no = `SJ${year}${String(await nextCounter(trx, `volunteer_no:${year}`)).padStart(6, '0')}`;
      patch.certified_at = now.toISOString();
    }
    // A guarded update: a concurrent review of the same record cannot both succeed.
    const res = await q.moveVolunteer(trx, id, row.status, patch);
    if (Number(res.numUpdatedRows) !== 1) throw new AppError('volunteer.bad_transition');
    await q.insertStatusLog(trx, {
      id: randomUUID(),
      volunteer_id: id,
      from_status: row.status,
      to_status: t.to,
      reason: reason ?? null,
      actor_id: ctx.actor.accountId,
      at: now.toISOString(),
    });
    await appendAudit(trx, deps.config.keys.audit, now, whoOf(ctx), {
      action: `volunteers.${action}`,
      objectType: 'volunteer',
      objectId: id,
      unitId: row.station_id,
      changes: {
        status: { before: row.status, after: t.to },
        ...(reason ? { reason: { before: null, after: reason } } : {}),
        ...(patch.volunteer_no ? { volunteerNo: { before: null, after: patch.volunteer_no } } : {}),
      },
    });
    await notify(trx, now, row.person_id, {
      kind: `volunteer.${action}`,
      title: `志愿者登记：${t.label}`,
      body: reason ? `原因：${reason}` : action === 'certify' ? `您的志愿者编号是 ${patch.volunteer_no ?? row.volunteer_no}` : null,
      link: '/m/volunteer',
    });
  });
  return getVolunteer(deps, ctx, id);
}

/** The full ID number, only to the person, and each reveal is logged. */
export async function revealMyIdNumber(deps: Deps, ctx: Ctx): Promise<{ idNumber: string }> {
  const person = await q.personIdNumber(deps.db, ctx.actor.personId);
  if (!person?.id_number_enc) throw new AppError('volunteer.not_found_self');
  const idNumber = decrypt(deps.config.keys.encryption, person.id_number_enc);
  await deps.db.transaction().execute((trx) =>
    appendAudit(trx, deps.config.keys.audit, deps.clock.now(), whoOf(ctx), {
      action: 'volunteers.id_revealed',
      objectType: 'person',
      objectId: ctx.actor.personId,
    }),
  );
  return { idNumber };
}
