/** 考核指标: the institute's indicator tree (category → item with content, standard and points). */
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { IndicatorInput, IndicatorPatch, IndicatorQuery, IndicatorView } from '../../../shared/assessment';
import { AUTO_DEFAULT_PARAMS, type AutoKind } from '../../../shared/rules/assessment';
import type { AssessmentIndicatorsTable } from '../../db/schema';
import { appendAudit, diffFields } from '../../platform/audit';
import type { Ctx, Deps } from '../../platform/deps';
import type { DbOrTrx } from '../../platform/db';
import { AppError, notFound } from '../../platform/errors';
import { whoOf } from '../../platform/session';
import { DEFAULT_TREE } from './assessment.defaults';
import * as q from './assessment.queries';

export function presentIndicator(r: AssessmentIndicatorsTable): IndicatorView {
  return {
    id: r.id,
    instituteId: r.institute_id,
    parentId: r.parent_id,
    level: Number(r.level),
    title: r.title,
    content: r.content,
    standard: r.standard,
    maxPoints: Number(r.max_points),
    mode: r.mode,
    autoKind: (r.auto_kind as AutoKind | null) ?? null,
    params: JSON.parse(r.params),
    sort: Number(r.sort),
    archived: Number(r.archived) === 1,
  };
}

export async function requireInstitute(ctx: Ctx, action: 'assessment.read' | 'assessment.manage', instituteId: string) {
  const tree = await ctx.scope.require(action, instituteId);
  if (tree.nodes.get(instituteId)?.kind !== 'institute') throw new AppError('assessment.not_institute');
  return tree;
}

export async function listIndicators(deps: Deps, ctx: Ctx, query: z.infer<typeof IndicatorQuery>) {
  let instituteIds: string[];
  if (query.instituteId) {
    await requireInstitute(ctx, 'assessment.read', query.instituteId);
    instituteIds = [query.instituteId];
  } else {
    const tree = await ctx.scope.tree();
    instituteIds = [...(await ctx.scope.units('assessment.read'))].filter((u) => tree.nodes.get(u)?.kind === 'institute');
  }
  const { rows, total } = await q.listIndicators(deps.db, {
    instituteIds,
    includeArchived: query.includeArchived === 'true',
    offset: (query.page - 1) * query.pageSize,
    limit: query.pageSize,
  });
  return { items: rows.map(presentIndicator), total, page: query.page, pageSize: query.pageSize };
}

/** A category has no points of its own and is never automatic; an item that is automatic names its kind. */
function shapeOf(level: number, v: { maxPoints: number; mode: 'auto' | 'manual'; autoKind: AutoKind | null; params: Record<string, number> }) {
  if (level === 1) return { max_points: 0, mode: 'manual' as const, auto_kind: null, params: '{}' };
  if (v.mode === 'auto' && !v.autoKind) throw new AppError('assessment.auto_kind_required');
  const auto = v.mode === 'auto' ? v.autoKind : null;
  return { max_points: v.maxPoints, mode: v.mode, auto_kind: auto, params: JSON.stringify(auto ? { ...AUTO_DEFAULT_PARAMS[auto], ...v.params } : {}) };
}

export async function createIndicator(deps: Deps, ctx: Ctx, input: z.infer<typeof IndicatorInput>) {
  await requireInstitute(ctx, 'assessment.manage', input.instituteId);
  let level = 1;
  if (input.parentId) {
    const parent = await q.getIndicator(deps.db, input.parentId);
    if (!parent || parent.institute_id !== input.instituteId || Number(parent.level) !== 1 || Number(parent.archived) === 1)
      throw new AppError('assessment.bad_parent');
    level = 2;
  }
  const now = deps.clock.now().toISOString();
  const row: AssessmentIndicatorsTable = {
    id: randomUUID(),
    institute_id: input.instituteId,
    parent_id: input.parentId,
    level,
    title: input.title,
    content: input.content,
    standard: input.standard,
    ...shapeOf(level, input),
    sort: input.sort,
    archived: 0,
    created_at: now,
    updated_at: now,
  };
  await deps.db.transaction().execute(async (trx) => {
    await q.insertIndicators(trx, [row]);
    await appendAudit(trx, deps.config.keys.audit, deps.clock.now(), whoOf(ctx), {
      action: 'assessment.indicator_created',
      objectType: 'assessment_indicator',
      objectId: row.id,
      unitId: row.institute_id,
      changes: diffFields(null, row, ['title', 'level', 'max_points', 'mode', 'auto_kind', 'params']),
    });
  });
  return presentIndicator(row);
}

export async function updateIndicator(deps: Deps, ctx: Ctx, id: string, patch: z.infer<typeof IndicatorPatch>) {
  const before = await q.getIndicator(deps.db, id);
  if (!before) throw notFound();
  await requireInstitute(ctx, 'assessment.manage', before.institute_id);
  const cur = presentIndicator(before);
  const level = Number(before.level);
  const next: AssessmentIndicatorsTable = {
    ...before,
    title: patch.title ?? before.title,
    content: patch.content ?? before.content,
    standard: patch.standard ?? before.standard,
    ...shapeOf(level, {
      maxPoints: patch.maxPoints ?? cur.maxPoints,
      mode: patch.mode ?? cur.mode,
      autoKind: patch.autoKind !== undefined ? patch.autoKind : cur.autoKind,
      params: patch.params ?? (patch.autoKind && patch.autoKind !== cur.autoKind ? {} : cur.params),
    }),
    sort: patch.sort ?? Number(before.sort),
    archived: patch.archived === undefined ? Number(before.archived) : patch.archived ? 1 : 0,
    updated_at: deps.clock.now().toISOString(),
  };
  await deps.db.transaction().execute(async (trx) => {
    await q.updateIndicator(trx, id, next);
    await appendAudit(trx, deps.config.keys.audit, deps.clock.now(), whoOf(ctx), {
      action: 'assessment.indicator_updated',
      objectType: 'assessment_indicator',
      objectId: id,
      unitId: before.institute_id,
      changes: diffFields(before, next, ['title', 'content', 'standard', 'max_points', 'mode', 'auto_kind', 'params', 'sort', 'archived']),
    });
  });
  return presentIndicator(next);
}

/** The default tree's rows for an institute (used by the console's "use the default" and the demo seed). */
export function defaultTreeRows(instituteId: string, at: string): AssessmentIndicatorsTable[] {
  const rows: AssessmentIndicatorsTable[] = [];
  DEFAULT_TREE.forEach((c, ci) => {
    const id = randomUUID();
    rows.push({
      id,
      institute_id: instituteId,
      parent_id: null,
      level: 1,
      title: c.title,
      content: '',
      standard: '',
      max_points: 0,
      mode: 'manual',
      auto_kind: null,
      params: '{}',
      sort: ci + 1,
      archived: 0,
      created_at: at,
      updated_at: at,
    });
    c.items.forEach((i, ii) => {
      rows.push({
        id: randomUUID(),
        institute_id: instituteId,
        parent_id: id,
        level: 2,
        title: i.title,
        content: i.content,
        standard: i.standard,
        ...shapeOf(2, { maxPoints: i.maxPoints, mode: i.autoKind ? 'auto' : 'manual', autoKind: i.autoKind, params: i.params ?? {} }),
        sort: ii + 1,
        archived: 0,
        created_at: at,
        updated_at: at,
      });
    });
  });
  return rows;
}

/** Writes the default tree for an institute that has none yet (inside the caller's transaction). */
export async function insertDefaultTree(trx: DbOrTrx, instituteId: string, at: string) {
  const rows = defaultTreeRows(instituteId, at);
  await q.insertIndicators(trx, rows);
  return rows;
}

export async function useDefaultTree(deps: Deps, ctx: Ctx, instituteId: string) {
  await requireInstitute(ctx, 'assessment.manage', instituteId);
  const rows = await deps.db.transaction().execute(async (trx) => {
    if ((await q.liveTree(trx, instituteId)).length > 0) throw new AppError('assessment.tree_exists');
    const rows = await insertDefaultTree(trx, instituteId, deps.clock.now().toISOString());
    await appendAudit(trx, deps.config.keys.audit, deps.clock.now(), whoOf(ctx), {
      action: 'assessment.default_tree_created',
      objectType: 'assessment_indicator',
      unitId: instituteId,
      changes: { indicators: { before: 0, after: rows.length } },
    });
    return rows;
  });
  return { items: rows.map(presentIndicator), total: rows.length, page: 1, pageSize: rows.length };
}
