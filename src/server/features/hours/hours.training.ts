/** 办法 第八条 training and 第九条 awards on a volunteer's record, entered by their station's staff. */
import { randomUUID } from 'node:crypto';
import { minutesToHours } from '../../../shared/rules/stars';
import { appendAudit } from '../../platform/audit';
import type { DbOrTrx } from '../../platform/db';
import type { Ctx, Deps } from '../../platform/deps';
import { notFound } from '../../platform/errors';
import { whoOf } from '../../platform/session';
import { notify } from '../notifications/notifications.service';
import { volunteerById } from '../volunteers/volunteers.lookup';
import { requireVolunteerReadable } from './hours.access';
import * as q from './hours.queries';

/** 办法 第八条 training and 第九条 awards, entered by the volunteer's station staff. */
export async function addTraining(
  deps: Deps,
  ctx: Ctx,
  volunteerId: string,
  input: { name: string; content?: string; hours: number; organiser: string; heldOn: string },
) {
  const v = await volunteerById(deps.db, volunteerId);
  if (!v) throw notFound();
  await ctx.scope.require('volunteers.manage', v.station_id);
  const now = deps.clock.now();
  const id = randomUUID();
  await deps.db.transaction().execute(async (trx) => {
    await q.insertTraining(trx, {
      id,
      volunteer_id: volunteerId,
      name: input.name,
      content: input.content ?? null,
      minutes: Math.round(input.hours * 60),
      organiser: input.organiser,
      held_on: input.heldOn,
      entered_by: ctx.actor.accountId,
      created_at: now.toISOString(),
      corrects_id: null,
    });
    await appendAudit(trx, deps.config.keys.audit, now, whoOf(ctx), {
      action: 'hours.training_added',
      objectType: 'training_record',
      objectId: id,
      unitId: v.station_id,
      changes: { name: { before: null, after: input.name } },
    });
  });
  return { id, name: input.name, content: input.content ?? null, hours: input.hours, organiser: input.organiser, heldOn: input.heldOn };
}

export async function listTraining(deps: Deps, ctx: Ctx, volunteerId: string, { page, pageSize }: { page: number; pageSize: number }) {
  await requireVolunteerReadable(deps, ctx.scope, volunteerId);
  const { rows, total } = await q.pageTraining(deps.db, volunteerId, { limit: pageSize, offset: (page - 1) * pageSize });
  return {
    items: rows.map((r) => ({
      id: r.id,
      name: r.name,
      content: r.content,
      hours: minutesToHours(Number(r.minutes)),
      organiser: r.organiser,
      heldOn: r.held_on,
    })),
    total,
    page,
    pageSize,
  };
}

export async function addAward(deps: Deps, ctx: Ctx, volunteerId: string, input: { name: string; level?: string; issuer: string; awardedOn: string }) {
  const v = await volunteerById(deps.db, volunteerId);
  if (!v) throw notFound();
  await ctx.scope.require('volunteers.manage', v.station_id);
  const now = deps.clock.now();
  const id = randomUUID();
  await deps.db.transaction().execute(async (trx) => {
    await q.insertAward(trx, {
      id,
      volunteer_id: volunteerId,
      name: input.name,
      level: input.level ?? null,
      issuer: input.issuer,
      awarded_on: input.awardedOn,
      entered_by: ctx.actor.accountId,
      created_at: now.toISOString(),
    });
    await appendAudit(trx, deps.config.keys.audit, now, whoOf(ctx), {
      action: 'hours.award_added',
      objectType: 'award',
      objectId: id,
      unitId: v.station_id,
      changes: { name: { before: null, after: input.name } },
    });
    await notify(trx, now, v.person_id, { kind: 'awards.added', title: `您获得了表彰：${input.name}`, body: input.issuer, link: '/m/volunteer' });
  });
  return { id, name: input.name, level: input.level ?? null, issuer: input.issuer, awardedOn: input.awardedOn };
}

export async function listAwards(deps: Deps, ctx: Ctx, volunteerId: string, { page, pageSize }: { page: number; pageSize: number }) {
  await requireVolunteerReadable(deps, ctx.scope, volunteerId);
  const { rows, total } = await q.pageAwards(deps.db, volunteerId, { limit: pageSize, offset: (page - 1) * pageSize });
  return {
    items: rows.map((r) => ({ id: r.id, name: r.name, level: r.level, issuer: r.issuer, awardedOn: r.awarded_on })),
    total,
    page,
    pageSize,
  };
}

/**
 * A volunteer's training record written by another feature's use case (a training they attended),
 * inside that use case's transaction; the caller audits the change. Returns the record's id.
 */
export async function recordTraining(
  trx: DbOrTrx,
  input: { volunteerId: string; name: string; content: string | null; minutes: number; organiser: string; heldOn: string; enteredBy: string | null; now: Date },
): Promise<string> {
  const id = randomUUID();
  await q.insertTraining(trx, {
    id,
    volunteer_id: input.volunteerId,
    name: input.name,
    content: input.content,
    minutes: input.minutes,
    organiser: input.organiser,
    held_on: input.heldOn,
    entered_by: input.enteredBy,
    created_at: input.now.toISOString(),
    corrects_id: null,
  });
  return id;
}

/**
 * Withdraws a training record written by another feature's use case (a trainee marked absent after
 * being marked present), inside that use case's transaction: a counter-entry with the minutes
 * negated pointing at the original, never an UPDATE or DELETE of it. At most once per record (a
 * unique index); withdrawing it again answers the existing counter-entry. The caller audits.
 */
export async function withdrawTraining(trx: DbOrTrx, input: { recordId: string; reason: string; enteredBy: string | null; now: Date }): Promise<string> {
  const done = await q.trainingCounterEntryOf(trx, input.recordId);
  if (done) return done.id;
  const original = await q.getTrainingRecord(trx, input.recordId);
  if (!original || original.corrects_id) throw notFound();
  const id = randomUUID();
  await q.insertTraining(trx, {
    id,
    volunteer_id: original.volunteer_id,
    name: `撤销：${original.name}`,
    content: input.reason,
    minutes: -original.minutes,
    organiser: original.organiser,
    held_on: original.held_on,
    entered_by: input.enteredBy,
    created_at: input.now.toISOString(),
    corrects_id: original.id,
  });
  return id;
}

/**
 * A 第九条 award on a volunteer's record written by another feature's use case (recognition's
 * 表彰), inside that use case's transaction, with the volunteer told; the caller audits. Returns its id.
 */
export async function recordAward(
  trx: DbOrTrx,
  input: { volunteerId: string; personId: string; name: string; level: string | null; issuer: string; awardedOn: string; enteredBy: string | null; now: Date },
): Promise<string> {
  const id = randomUUID();
  await q.insertAward(trx, {
    id,
    volunteer_id: input.volunteerId,
    name: input.name,
    level: input.level,
    issuer: input.issuer,
    awarded_on: input.awardedOn,
    entered_by: input.enteredBy,
    created_at: input.now.toISOString(),
  });
  await notify(trx, input.now, input.personId, { kind: 'awards.added', title: `您获得了表彰：${input.name}`, body: input.issuer, link: '/m/honours' });
  return id;
}
