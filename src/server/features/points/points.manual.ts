/**
 * Staff's movements of points (工作方案 五、(二) 激励回馈): a grant or deduction with a reason, the undoing
 * (撤销) of one by a counter-entry, and an activity bonus to the attendees of a finished activity.
 * Scope: the volunteer's station (its admins and the institute's); out of scope is 404. Every action
 * writes its audit row in its own transaction.
 */
import type { ActivityBonusInput, PointsManualInput, PointsRevokeInput } from '../../../shared/points';
import { appendAudit } from '../../platform/audit';
import type { Trx } from '../../platform/db';
import type { Ctx, Deps } from '../../platform/deps';
import { AppError, notFound } from '../../platform/errors';
import { readRules } from '../../platform/scope';
import { whoOf } from '../../platform/session';
import { activitiesForPlanItems } from '../activities/activities.lookup';
import { notify } from '../notifications/notifications.service';
import { expiryOf } from './points.earning';
import { postPoints } from './points.ledger';
import { entryNet, getEntry } from './points.queries';
import * as s from './points.statement.queries';
import { volunteerStatement } from './points.statement';

async function volunteerInScope(deps: Deps, ctx: Ctx, volunteerId: string) {
  const v = await s.volunteerHead(deps.db, volunteerId);
  if (!v) throw notFound();
  await ctx.scope.require('points.write', v.station_id);
  return v;
}

async function tell(trx: Trx, personId: string, at: Date, title: string, body: string) {
  await notify(trx, at, personId, { kind: 'points.changed', title, body, link: '/m/points' });
}

export async function grantPoints(deps: Deps, ctx: Ctx, volunteerId: string, input: PointsManualInput, kind: 'grant' | 'deduct') {
  const v = await volunteerInScope(deps, ctx, volunteerId);
  const tree = await ctx.scope.tree();
  const now = deps.clock.now();
  const points = kind === 'grant' ? input.points : -input.points;
  await deps.db.transaction().execute(async (trx) => {
    const rules = await readRules(trx, tree.instituteOf(v.station_id) ?? '');
    const id = await postPoints(trx, {
      volunteerId,
      unitId: v.station_id,
      kind,
      points,
      reason: input.reason,
      expiresOn: kind === 'grant' ? expiryOf(rules, now) : null,
      createdBy: ctx.actor.accountId,
      at: now,
    });
    await appendAudit(trx, deps.config.keys.audit, now, whoOf(ctx), {
      action: kind === 'grant' ? 'points.granted' : 'points.deducted',
      objectType: 'point_entry',
      objectId: id,
      unitId: v.station_id,
      changes: { volunteer: { before: null, after: v.name }, points: { before: null, after: points }, reason: { before: null, after: input.reason } },
    });
    await tell(trx, v.person_id, now, kind === 'grant' ? `您获得 ${input.points} 积分` : `您被扣减 ${input.points} 积分`, input.reason);
  });
  return volunteerStatement(deps, ctx, volunteerId, { page: 1, pageSize: 20 });
}

/** 撤销: a counter-entry of a manual entry, at most what remains of it; the balance row is locked first so two at once cannot both take it. */
export async function revokeEntry(deps: Deps, ctx: Ctx, entryId: string, input: PointsRevokeInput) {
  const e = await getEntry(deps.db, entryId);
  if (!e) throw notFound();
  const v = await volunteerInScope(deps, ctx, e.volunteer_id);
  if ((e.kind !== 'grant' && e.kind !== 'deduct') || e.corrects_id) throw new AppError('points.not_revocable');
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    await s.lockBalance(trx, e.volunteer_id, deps.dialect === 'postgres');
    const net = await entryNet(trx, e.id);
    const left = Math.abs(net);
    const amount = input.points ?? left;
    if (left === 0 || amount > left) throw new AppError('points.revoke_exceeds');
    const points = net > 0 ? -amount : amount;
    const id = await postPoints(trx, {
      volunteerId: e.volunteer_id,
      unitId: e.unit_id,
      kind: 'correction',
      points,
      correctsId: e.id,
      reason: input.reason,
      createdBy: ctx.actor.accountId,
      at: now,
    });
    await appendAudit(trx, deps.config.keys.audit, now, whoOf(ctx), {
      action: 'points.revoked',
      objectType: 'point_entry',
      objectId: id,
      unitId: e.unit_id,
      changes: { corrects: { before: null, after: e.id }, points: { before: null, after: points }, reason: { before: null, after: input.reason } },
    });
    await tell(trx, v.person_id, now, `积分更正 ${points > 0 ? '+' : ''}${points}`, input.reason);
  });
  return volunteerStatement(deps, ctx, e.volunteer_id, { page: 1, pageSize: 20 });
}

const FINISHED = new Set(['ended', 'summarised']);

/** 活动奖励: the same points to every volunteer with approved service from a finished activity, once each. */
export async function grantActivityBonus(deps: Deps, ctx: Ctx, activityId: string, input: ActivityBonusInput) {
  const [a] = await activitiesForPlanItems(deps.db, [activityId]);
  if (!a) throw notFound();
  const tree = await ctx.scope.require('points.write', a.unit_id);
  if (!FINISHED.has(a.status)) throw new AppError('points.activity_not_finished');
  const attendees = await s.activityAttendees(deps.db, activityId);
  if (attendees.length === 0) throw new AppError('points.no_attendees');
  const now = deps.clock.now();
  let granted = 0;
  await deps.db.transaction().execute(async (trx) => {
    const rules = await readRules(trx, tree.instituteOf(a.unit_id) ?? '');
    for (const p of attendees) {
      const sourceId = `${activityId}/${p.volunteer_id}`;
      if (await s.entryBySource(trx, 'activity_bonus', 'activity', sourceId)) continue;
      await postPoints(trx, {
        volunteerId: p.volunteer_id,
        unitId: a.unit_id,
        kind: 'activity_bonus',
        points: input.points,
        sourceType: 'activity',
        sourceId,
        reason: `「${a.title}」：${input.reason}`,
        expiresOn: expiryOf(rules, now),
        createdBy: ctx.actor.accountId,
        at: now,
      });
      granted++;
    }
    await appendAudit(trx, deps.config.keys.audit, now, whoOf(ctx), {
      action: 'points.activity_bonus',
      objectType: 'activity',
      objectId: activityId,
      unitId: a.unit_id,
      changes: { points: { before: null, after: input.points }, volunteers: { before: null, after: granted }, reason: { before: null, after: input.reason } },
    });
  });
  return { activityId, granted, skipped: attendees.length - granted, points: input.points };
}
