/**
 * The stations' answers to the plan: accept an item, link the activity that carries it out, or say
 * why it was not held; and the institute's item × station matrix. Held is read from the activity.
 */
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { AcceptInput, AssignmentListQuery, AssignmentState, AssignmentView, LinkActivityInput, NotHeldInput } from '../../../shared/activity-plans';
import { ASSIGNMENT_STATES } from '../../../shared/activity-plans';
import { chinaToday } from '../../../shared/china-time';
import type { PageQuery } from '../../../shared/common';
import { type Answer, canAnswer } from '../../../shared/rules/activity-plans';
import type { ActivityPlanAssignmentsTable } from '../../db/schema';
import { appendAudit } from '../../platform/audit';
import type { Ctx, Deps } from '../../platform/deps';
import { isUniqueViolation } from '../../platform/db';
import { AppError, notFound } from '../../platform/errors';
import { whoOf } from '../../platform/session';
import { activitiesForPlanItems } from '../activities/activities.lookup';
import { readablePlan } from './activity-plans.plans';
import { type ActivityBrief, presentAssignment, presentItem } from './activity-plans.presenter';
import * as q from './activity-plans.queries';

/** The stations whose assignments the caller reads: their own, or every one below them. */
async function readableStations(ctx: Ctx): Promise<string[]> {
  const tree = await ctx.scope.tree();
  return [...(await ctx.scope.units('activity_plans.read'))].filter((u) => tree.nodes.get(u)?.kind === 'station');
}

async function present(deps: Deps, ctx: Ctx, rows: q.AssignmentRow[]): Promise<AssignmentView[]> {
  const acts = new Map<string, ActivityBrief>(
    (
      await activitiesForPlanItems(
        deps.db,
        rows.map((r) => r.activity_id).filter((id): id is string => !!id),
      )
    ).map((a) => [a.id, a]),
  );
  const today = chinaToday(deps.clock.now());
  const respond = new Map<string, boolean>();
  for (const s of new Set(rows.map((r) => r.station_id))) respond.set(s, await ctx.scope.can('activity_plans.respond', s));
  return rows.map((r) => presentAssignment(r, acts, today, respond.get(r.station_id) ?? false));
}

export async function listAssignments(deps: Deps, ctx: Ctx, query: z.infer<typeof AssignmentListQuery>) {
  let stationIds = await readableStations(ctx);
  if (query.stationId) {
    if (!stationIds.includes(query.stationId)) throw notFound();
    stationIds = [query.stationId];
  }
  const { rows, total } = await q.listAssignments(
    deps.db,
    { stationIds, planId: query.planId, status: query.status },
    { offset: (query.page - 1) * query.pageSize, limit: query.pageSize },
  );
  return { items: await present(deps, ctx, rows), total, page: query.page, pageSize: query.pageSize };
}

/** Items × stations of one plan, a page of items at a time; the counts and overdue cover the whole plan. */
export async function planMatrix(deps: Deps, ctx: Ctx, planId: string, query: z.infer<typeof PageQuery>) {
  await readablePlan(deps, ctx, planId);
  const stationIds = await readableStations(ctx);
  const all = await present(deps, ctx, await q.assignmentsOfPlan(deps.db, planId, stationIds));
  const { rows: items, total } = await q.pageItems(deps.db, planId, { offset: (query.page - 1) * query.pageSize, limit: query.pageSize });
  const stations = await q.unitsByIds(deps.db, [...new Set(all.map((a) => a.stationId))]);
  const counts = Object.fromEntries(Object.keys(ASSIGNMENT_STATES).map((s) => [s, 0])) as Record<AssignmentState, number>;
  for (const a of all) counts[a.state]++;
  return {
    stations,
    rows: items.map((i) => ({ item: presentItem(i), cells: all.filter((a) => a.itemId === i.id) })),
    total,
    page: query.page,
    pageSize: query.pageSize,
    counts,
    overdue: all.filter((a) => a.overdue).length,
  };
}

/** The assignment, if the caller may answer for its station (another station's → 404, the district → 403). */
async function answerable(deps: Deps, ctx: Ctx, id: string, answer: Answer) {
  const a = await q.getAssignment(deps.db, id);
  if (!a) throw notFound();
  await ctx.scope.require('activity_plans.respond', a.station_id);
  const act = a.activity_id ? (await activitiesForPlanItems(deps.db, [a.activity_id]))[0] : undefined;
  if (!canAnswer(answer, a.status, act?.status ?? null)) throw new AppError('activity_plans.bad_transition');
  return a;
}

/** One answer: the guarded move, its history row and the audit row, in one transaction. */
async function move(
  deps: Deps,
  ctx: Ctx,
  a: q.AssignmentRow,
  patch: Partial<ActivityPlanAssignmentsTable> & { status: ActivityPlanAssignmentsTable['status'] },
) {
  const now = deps.clock.now();
  const at = now.toISOString();
  try {
    await deps.db.transaction().execute(async (trx) => {
      if ((await q.moveAssignment(trx, a.id, a.status, { ...patch, updated_at: at })) !== 1) throw new AppError('conflict');
      await q.insertEvent(trx, {
        id: randomUUID(),
        assignment_id: a.id,
        from_status: a.status,
        to_status: patch.status,
        note: patch.reason ?? patch.note ?? null,
        activity_id: patch.activity_id ?? null,
        by_account: ctx.actor.accountId,
        by_name: ctx.actor.displayName,
        created_at: at,
      });
      await appendAudit(trx, deps.config.keys.audit, now, whoOf(ctx), {
        action: `activity_plans.${patch.status}`,
        objectType: 'activity_plan_assignment',
        objectId: a.id,
        unitId: a.station_id,
        changes: {
          status: { before: a.status, after: patch.status },
          ...(patch.activity_id ? { activityId: { before: a.activity_id, after: patch.activity_id } } : {}),
          ...(patch.reason ? { reason: { before: null, after: patch.reason } } : {}),
        },
      });
    });
  } catch (err) {
    // Two stations' admins cannot carry one activity: the unique index refuses the second link whole.
    if (isUniqueViolation(err)) throw new AppError('activity_plans.activity_taken');
    throw err;
  }
  const row = await q.getAssignment(deps.db, a.id);
  if (!row) throw notFound();
  return (await present(deps, ctx, [row]))[0];
}

export async function accept(deps: Deps, ctx: Ctx, id: string, input: z.infer<typeof AcceptInput>) {
  const a = await answerable(deps, ctx, id, 'accept');
  return move(deps, ctx, a, { status: 'accepted', note: input.note ?? null });
}

export async function linkActivity(deps: Deps, ctx: Ctx, id: string, input: z.infer<typeof LinkActivityInput>) {
  const a = await answerable(deps, ctx, id, 'link');
  const [act] = await activitiesForPlanItems(deps.db, [input.activityId]);
  if (!act || act.unit_id !== a.station_id || act.status === 'cancelled' || act.status === 'rejected') throw new AppError('activity_plans.bad_activity');
  const other = await q.assignmentOfActivity(deps.db, input.activityId);
  if (other && other.id !== a.id) throw new AppError('activity_plans.activity_taken');
  return move(deps, ctx, a, { status: 'linked', activity_id: input.activityId });
}

export async function markNotHeld(deps: Deps, ctx: Ctx, id: string, input: z.infer<typeof NotHeldInput>) {
  const a = await answerable(deps, ctx, id, 'not_held');
  return move(deps, ctx, a, { status: 'not_held', reason: input.reason });
}
