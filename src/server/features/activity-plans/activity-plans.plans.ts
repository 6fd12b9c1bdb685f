/** 活动计划: the institute drafts a monthly or quarterly plan, adds items and publishes it down to its stations. */
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { PlanDetail, PlanInput, PlanItemInput, PlanListQuery } from '../../../shared/activity-plans';
import { withinPeriod } from '../../../shared/rules/activity-plans';
import type { ActivityPlanAssignmentsTable } from '../../db/schema';
import { appendAudit } from '../../platform/audit';
import type { UnitTree } from '../../platform/access';
import type { Ctx, Deps } from '../../platform/deps';
import { AppError, notFound } from '../../platform/errors';
import { whoOf } from '../../platform/session';
import { programmeUnitOf } from '../programmes/programmes.lookup';
import { presentItem, presentPlan } from './activity-plans.presenter';
import * as q from './activity-plans.queries';

export async function listPlans(deps: Deps, ctx: Ctx, query: z.infer<typeof PlanListQuery>) {
  const tree = await ctx.scope.tree();
  const institutes = (u: Set<string>) => [...u].filter((id) => tree.nodes.get(id)?.kind === 'institute');
  const instituteIds = institutes(await ctx.scope.units('activity_plans.read'));
  const manageable = new Set(ctx.scope.hasRole('activity_plans.manage') ? institutes(await ctx.scope.units('activity_plans.manage')) : []);
  const { rows, total } = await q.listPlans(
    deps.db,
    { instituteIds, draftInstituteIds: [...manageable], status: query.status },
    { offset: (query.page - 1) * query.pageSize, limit: query.pageSize },
  );
  return { items: rows.map((p) => presentPlan(p, manageable.has(p.institute_id))), total, page: query.page, pageSize: query.pageSize };
}

/** A plan the caller may read: drafts only for those who manage it; anything else 404. */
export async function readablePlan(deps: Deps, ctx: Ctx, id: string) {
  const p = await q.getPlan(deps.db, id);
  if (!p) throw notFound();
  const tree = await ctx.scope.require('activity_plans.read', p.institute_id);
  const canManage = await ctx.scope.can('activity_plans.manage', p.institute_id);
  if (p.status === 'draft' && !canManage) throw notFound();
  return { p, tree, canManage };
}

export async function getPlan(deps: Deps, ctx: Ctx, id: string): Promise<PlanDetail> {
  const { p, canManage } = await readablePlan(deps, ctx, id);
  return { ...presentPlan(p, canManage), items: (await q.itemsOf(deps.db, id)).map(presentItem) };
}

export async function createPlan(deps: Deps, ctx: Ctx, input: z.infer<typeof PlanInput>) {
  const tree = await ctx.scope.require('activity_plans.manage', input.instituteId);
  if (tree.nodes.get(input.instituteId)?.kind !== 'institute') throw new AppError('activity_plans.bad_unit');
  const now = deps.clock.now();
  const id = randomUUID();
  await deps.db.transaction().execute(async (trx) => {
    await q.insertPlan(trx, {
      id,
      institute_id: input.instituteId,
      period_kind: input.periodKind,
      period_label: input.periodLabel,
      period_start: input.periodStart,
      period_end: input.periodEnd,
      title: input.title,
      status: 'draft',
      published_at: null,
      published_by: null,
      created_by: ctx.actor.accountId,
      created_at: now.toISOString(),
      updated_at: now.toISOString(),
    });
    await appendAudit(trx, deps.config.keys.audit, now, whoOf(ctx), {
      action: 'activity_plans.created',
      objectType: 'activity_plan',
      objectId: id,
      unitId: input.instituteId,
      changes: {
        title: { before: null, after: input.title },
        period: { before: null, after: `${input.periodKind} ${input.periodStart}~${input.periodEnd}` },
      },
    });
  });
  return getPlan(deps, ctx, id);
}

const stationsOf = (tree: UnitTree, instituteId: string) => tree.subtree(instituteId).filter((u) => tree.nodes.get(u)?.kind === 'station');

async function checkItem(deps: Deps, tree: UnitTree, p: q.PlanRow, input: z.infer<typeof PlanItemInput>) {
  const stations = new Set(stationsOf(tree, p.institute_id));
  if (input.stationIds.some((s) => !stations.has(s))) throw new AppError('activity_plans.bad_station');
  if (input.programmeId) {
    const prog = await programmeUnitOf(deps.db, input.programmeId);
    if (!prog || prog.archived || !tree.subtree(p.institute_id).includes(prog.unitId)) throw new AppError('activity_plans.bad_programme');
  }
  if (input.suggestedDate && !withinPeriod(input.suggestedDate, p.period_start, p.period_end)) throw new AppError('activity_plans.bad_date');
}

export async function addItem(deps: Deps, ctx: Ctx, planId: string, input: z.infer<typeof PlanItemInput>) {
  const p = await q.getPlan(deps.db, planId);
  if (!p) throw notFound();
  const tree = await ctx.scope.require('activity_plans.manage', p.institute_id);
  if (p.status !== 'draft') throw new AppError('activity_plans.not_draft');
  await checkItem(deps, tree, p, input);
  const now = deps.clock.now();
  const id = randomUUID();
  const stationIds = [...new Set(input.stationIds)];
  await deps.db.transaction().execute(async (trx) => {
    if ((await q.touchDraft(trx, planId, now.toISOString())) !== 1) throw new AppError('activity_plans.not_draft');
    await q.insertItem(trx, {
      id,
      plan_id: planId,
      seq: await q.nextItemSeq(trx, planId),
      title: input.title,
      programme_id: input.programmeId ?? null,
      category: input.category ?? null,
      suggested_date: input.suggestedDate ?? null,
      description: input.description ?? null,
      all_stations: stationIds.length ? 0 : 1,
      station_ids: JSON.stringify(stationIds),
      created_at: now.toISOString(),
    });
    await appendAudit(trx, deps.config.keys.audit, now, whoOf(ctx), {
      action: 'activity_plans.item_added',
      objectType: 'activity_plan',
      objectId: planId,
      unitId: p.institute_id,
      changes: { item: { before: null, after: input.title }, stations: { before: null, after: stationIds.length ? stationIds : 'all' } },
    });
  });
  return getPlan(deps, ctx, planId);
}

/** Publishing passes every item down: one pending assignment per item and target station, in one transaction. */
export async function publishPlan(deps: Deps, ctx: Ctx, planId: string) {
  const p = await q.getPlan(deps.db, planId);
  if (!p) throw notFound();
  const tree = await ctx.scope.require('activity_plans.manage', p.institute_id);
  if (p.status !== 'draft') throw new AppError('activity_plans.not_draft');
  const items = await q.itemsOf(deps.db, planId);
  if (items.length === 0) throw new AppError('activity_plans.no_items');
  const all = stationsOf(tree, p.institute_id);
  const now = deps.clock.now().toISOString();
  const rows: ActivityPlanAssignmentsTable[] = items.flatMap((i) => {
    const targets = i.all_stations === 1 ? all : (JSON.parse(i.station_ids) as string[]).filter((s) => all.includes(s));
    return targets.map((stationId) => ({
      id: randomUUID(),
      plan_id: planId,
      item_id: i.id,
      station_id: stationId,
      status: 'pending' as const,
      note: null,
      activity_id: null,
      reason: null,
      created_at: now,
      updated_at: now,
    }));
  });
  if (rows.length === 0) throw new AppError('activity_plans.no_stations');
  await deps.db.transaction().execute(async (trx) => {
    // Guarded on draft: of two publishes at once, the second changes nothing and is refused whole.
    if ((await q.publishPlan(trx, planId, ctx.actor.accountId, now)) !== 1) throw new AppError('activity_plans.not_draft');
    await q.insertAssignments(trx, rows);
    await appendAudit(trx, deps.config.keys.audit, deps.clock.now(), whoOf(ctx), {
      action: 'activity_plans.published',
      objectType: 'activity_plan',
      objectId: planId,
      unitId: p.institute_id,
      changes: { status: { before: 'draft', after: 'published' }, assignments: { before: null, after: rows.length } },
    });
  });
  return getPlan(deps, ctx, planId);
}
