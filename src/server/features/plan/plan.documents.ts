import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { DocumentInput, DocumentListQuery, MilestoneDoneInput, MilestoneInput, MilestoneListQuery } from '../../../shared/plan';
import { appendAudit } from '../../platform/audit';
import type { Ctx, Deps } from '../../platform/deps';
import { AppError, notFound } from '../../platform/errors';
import { whoOf } from '../../platform/session';
import { canUseFile } from '../files/files.service';
import { presentDocument, presentMilestone } from './plan.presenter';
import * as q from './plan.queries';

/** 实施步骤 of the institutes in the caller's scope, by due date. */
export async function listMilestones(deps: Deps, ctx: Ctx, query: z.infer<typeof MilestoneListQuery>) {
  const units = await ctx.scope.units('plan.read');
  const { rows, total } = await q.listMilestones(deps.db, {
    unitIds: [...units],
    unitId: query.unitId,
    offset: (query.page - 1) * query.pageSize,
    limit: query.pageSize,
  });
  return { items: rows.map(presentMilestone), total, page: query.page, pageSize: query.pageSize };
}

export async function createMilestone(deps: Deps, ctx: Ctx, input: z.infer<typeof MilestoneInput>) {
  const tree = await ctx.scope.require('plan.manage', input.unitId);
  if (tree.nodes.get(input.unitId)?.kind !== 'institute') throw new AppError('plan.not_institute');
  const now = deps.clock.now();
  const id = randomUUID();
  await deps.db.transaction().execute(async (trx) => {
    await q.insertMilestone(trx, {
      id,
      unit_id: input.unitId,
      title: input.title,
      due_on: input.dueOn,
      done_on: null,
      created_at: now.toISOString(),
      updated_at: now.toISOString(),
    });
    await appendAudit(trx, deps.config.keys.audit, now, whoOf(ctx), {
      action: 'plan.milestone_created',
      objectType: 'plan_milestone',
      objectId: id,
      unitId: input.unitId,
      changes: { title: { before: null, after: input.title }, dueOn: { before: null, after: input.dueOn } },
    });
  });
  const m = await q.getMilestone(deps.db, id);
  if (!m) throw notFound();
  return presentMilestone(m);
}

export async function setMilestoneDone(deps: Deps, ctx: Ctx, id: string, input: z.infer<typeof MilestoneDoneInput>) {
  const before = await q.getMilestone(deps.db, id);
  if (!before) throw notFound();
  await ctx.scope.require('plan.manage', before.unit_id);
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    await q.setMilestoneDone(trx, id, input.doneOn, now.toISOString());
    await appendAudit(trx, deps.config.keys.audit, now, whoOf(ctx), {
      action: 'plan.milestone_done',
      objectType: 'plan_milestone',
      objectId: id,
      unitId: before.unit_id,
      changes: { doneOn: { before: before.done_on, after: input.doneOn } },
    });
  });
  const m = await q.getMilestone(deps.db, id);
  if (!m) throw notFound();
  return presentMilestone(m);
}

/** 制度文件 of the caller's units; by default the latest version of each title. */
export async function listDocuments(deps: Deps, ctx: Ctx, query: z.infer<typeof DocumentListQuery>) {
  const units = await ctx.scope.units('plan.read');
  const { rows, total } = await q.listDocuments(deps.db, {
    unitIds: [...units],
    unitId: query.unitId,
    latestOnly: query.versions !== 'all',
    offset: (query.page - 1) * query.pageSize,
    limit: query.pageSize,
  });
  return { items: rows.map(presentDocument), total, page: query.page, pageSize: query.pageSize };
}

/** A unit's admins register a document uploaded through the files feature; a new version is a new row. */
export async function addDocument(deps: Deps, ctx: Ctx, input: z.infer<typeof DocumentInput>) {
  const tree = await ctx.scope.require('plan.write', input.unitId);
  const unit = tree.nodes.get(input.unitId);
  if (!unit || unit.kind === 'district') throw new AppError('plan.bad_unit');
  if (!(await canUseFile(deps, ctx, input.fileId))) throw new AppError('plan.bad_file');
  const now = deps.clock.now();
  const id = randomUUID();
  await deps.db.transaction().execute(async (trx) => {
    await q.insertDocument(trx, {
      id,
      unit_id: input.unitId,
      type: input.type,
      title: input.title,
      version: input.version,
      effective_on: input.effectiveOn,
      file_id: input.fileId,
      by_account: ctx.actor.accountId,
      by_name: ctx.actor.displayName,
      created_at: now.toISOString(),
    });
    await appendAudit(trx, deps.config.keys.audit, now, whoOf(ctx), {
      action: 'plan.document_added',
      objectType: 'rules_document',
      objectId: id,
      unitId: input.unitId,
      changes: {
        title: { before: null, after: input.title },
        version: { before: null, after: input.version },
        type: { before: null, after: input.type },
        file: { before: null, after: input.fileId },
      },
    });
  });
  const d = await q.getDocument(deps.db, id);
  if (!d) throw notFound();
  return presentDocument(d);
}
