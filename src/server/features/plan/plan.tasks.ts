import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { chinaDay } from '../../../shared/china-time';
import type { TaskInput, TaskListQuery, TaskNoteInput } from '../../../shared/plan';
import { canMoveTask } from '../../../shared/rules/plan-flow';
import { appendAudit } from '../../platform/audit';
import type { Ctx, Deps } from '../../platform/deps';
import { AppError, notFound } from '../../platform/errors';
import { whoOf } from '../../platform/session';
import { canUseFile } from '../files/files.service';
import { presentNote, presentTask } from './plan.presenter';
import * as q from './plan.queries';

/** 任务分解表: what the caller's units own, open tasks first, by deadline. */
export async function listTasks(deps: Deps, ctx: Ctx, query: z.infer<typeof TaskListQuery>) {
  const units = await ctx.scope.units('plan.read');
  const now = deps.clock.now();
  const today = chinaDay(now);
  const { rows, total } = await q.listTasks(deps.db, {
    unitIds: [...units],
    unitId: query.unitId,
    status: query.status,
    overdueBefore: query.overdue === 'true' ? today : undefined,
    notOverdueBefore: query.overdue === 'false' ? today : undefined,
    offset: (query.page - 1) * query.pageSize,
    limit: query.pageSize,
  });
  return { items: rows.map((r) => presentTask(r, now)), total, page: query.page, pageSize: query.pageSize };
}

async function detailOf(deps: Deps, id: string) {
  const t = await q.getTask(deps.db, id);
  if (!t) throw notFound();
  const notes = await q.notesOf(deps.db, id);
  return { ...presentTask(t, deps.clock.now()), notes: notes.map(presentNote) };
}

export async function getTask(deps: Deps, ctx: Ctx, id: string) {
  const t = await q.getTask(deps.db, id);
  if (!t) throw notFound();
  await ctx.scope.require('plan.read', t.unit_id);
  return detailOf(deps, id);
}

/** The institute's admins give a task to the institute itself or one of its stations. */
export async function createTask(deps: Deps, ctx: Ctx, input: z.infer<typeof TaskInput>) {
  const tree = await ctx.scope.require('plan.manage', input.unitId);
  const unit = tree.nodes.get(input.unitId);
  if (!unit || unit.kind === 'district') throw new AppError('plan.bad_unit');
  const now = deps.clock.now().toISOString();
  const id = randomUUID();
  await deps.db.transaction().execute(async (trx) => {
    await q.insertTask(trx, {
      id,
      unit_id: input.unitId,
      title: input.title,
      detail: input.detail ?? null,
      section: input.section,
      lead_name: input.leadName,
      deadline: input.deadline,
      overdue_notified_at: null,
      status: 'not_started',
      done_at: null,
      created_by: ctx.actor.accountId,
      created_at: now,
      updated_at: now,
    });
    await appendAudit(trx, deps.config.keys.audit, deps.clock.now(), whoOf(ctx), {
      action: 'plan.task_created',
      objectType: 'plan_task',
      objectId: id,
      unitId: input.unitId,
      changes: {
        title: { before: null, after: input.title },
        section: { before: null, after: input.section },
        leadName: { before: null, after: input.leadName },
        deadline: { before: null, after: input.deadline },
      },
    });
  });
  return detailOf(deps, id);
}

/** A progress note (append-only), optionally moving the status and citing evidence files. */
export async function addNote(deps: Deps, ctx: Ctx, id: string, input: z.infer<typeof TaskNoteInput>) {
  const t = await q.getTask(deps.db, id);
  if (!t) throw notFound();
  // The owner unit's admins and the institute's; another station's admins get 404.
  await ctx.scope.require('plan.write', t.unit_id);
  if (t.status === 'done') throw new AppError('plan.task_done');
  const to = input.status && input.status !== t.status ? input.status : null;
  if (to && !canMoveTask(t.status, to)) throw new AppError('plan.bad_transition');
  for (const f of input.evidenceFileIds) if (!(await canUseFile(deps, ctx, f))) throw new AppError('plan.bad_file');
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    // Guarded on the status we read: a parallel move makes this one a conflict.
    const n = await q.moveTask(trx, id, t.status, {
      updated_at: now.toISOString(),
      ...(to && { status: to }),
      ...(to === 'done' && { done_at: now.toISOString() }),
    });
    if (n !== 1) throw new AppError('conflict');
    await q.insertNote(trx, {
      id: randomUUID(),
      task_id: id,
      seq: await q.nextNoteSeq(trx, id),
      note: input.note,
      status_from: to ? t.status : null,
      status_to: to,
      evidence_file_ids: JSON.stringify(input.evidenceFileIds),
      by_account: ctx.actor.accountId,
      by_name: ctx.actor.displayName,
      created_at: now.toISOString(),
    });
    await appendAudit(trx, deps.config.keys.audit, now, whoOf(ctx), {
      action: 'plan.task_noted',
      objectType: 'plan_task',
      objectId: id,
      unitId: t.unit_id,
      changes: {
        note: { before: null, after: input.note },
        ...(to ? { status: { before: t.status, after: to } } : {}),
        ...(input.evidenceFileIds.length ? { evidence: { before: null, after: input.evidenceFileIds } } : {}),
      },
    });
  });
  return detailOf(deps, id);
}
