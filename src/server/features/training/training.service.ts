/** 工作方案 五、(三) 培训: sessions held by the district or an institute, and who attended them. */
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { MaterialsInput, TraineeQuery, TraineeView, TrainingListQuery, TrainingSessionInput, TrainingSessionView } from '../../../shared/training';
import type { TrainingSessionsTable } from '../../db/schema';
import { appendAudit, diffFields } from '../../platform/audit';
import type { Ctx, Deps } from '../../platform/deps';
import { AppError, notFound } from '../../platform/errors';
import { whoOf } from '../../platform/session';
import { canUseFile } from '../files/files.service';
import * as q from './training.queries';

type FileRow = Awaited<ReturnType<typeof q.filesByIds>>[number];

async function present(ctx: Ctx, r: q.SessionRow, files: Map<string, FileRow>): Promise<TrainingSessionView> {
  const [canWrite, canSeeAttendance] = await Promise.all([ctx.scope.can('training.write', r.unit_id), ctx.scope.can('training.coverage', r.unit_id)]);
  const materialFileIds: string[] = JSON.parse(r.material_file_ids);
  return {
    id: r.id,
    unitId: r.unit_id,
    unitName: r.unit_name,
    topic: r.topic,
    content: r.content,
    trainer: r.trainer,
    hours: Number(r.minutes) / 60,
    place: r.place,
    startsAt: r.starts_at,
    status: r.status,
    materialFileIds,
    materials: materialFileIds.flatMap((id) => {
      const f = files.get(id);
      return f ? [{ id: f.id, name: f.original_name, mime: f.mime, size: Number(f.size) }] : [];
    }),
    presentCount: Number(r.present_count ?? 0),
    canWrite,
    canSeeAttendance,
  };
}

export async function listSessions(deps: Deps, ctx: Ctx, query: z.infer<typeof TrainingListQuery>) {
  const units = await ctx.scope.units('training.read');
  const { rows, total } = await q.listSessions(deps.db, {
    unitIds: [...units],
    status: query.status,
    offset: (query.page - 1) * query.pageSize,
    limit: query.pageSize,
  });
  const files = await filesOf(deps, rows);
  return { items: await Promise.all(rows.map((r) => present(ctx, r, files))), total, page: query.page, pageSize: query.pageSize };
}

/** The material files of the given sessions, in one query. */
async function filesOf(deps: Deps, rows: q.SessionRow[]) {
  const ids = [...new Set(rows.flatMap((r) => JSON.parse(r.material_file_ids) as string[]))];
  return new Map((await q.filesByIds(deps.db, ids)).map((f) => [f.id, f]));
}

/** The session, after the caller's right to `action` on its unit: 404 outside their scope. */
export async function readable(deps: Deps, ctx: Ctx, id: string, action: 'training.read' | 'training.write' | 'training.coverage') {
  const s = await q.getSession(deps.db, id);
  if (!s) throw notFound();
  const tree = await ctx.scope.require(action, s.unit_id);
  return { s, tree };
}

export async function getSession(deps: Deps, ctx: Ctx, id: string) {
  const { s } = await readable(deps, ctx, id, 'training.read');
  return present(ctx, s, await filesOf(deps, [s]));
}

export async function createSession(deps: Deps, ctx: Ctx, input: z.infer<typeof TrainingSessionInput>) {
  const tree = await ctx.scope.require('training.write', input.unitId);
  if (tree.nodes.get(input.unitId)?.kind === 'station') throw new AppError('training.bad_unit');
  for (const id of input.materialFileIds) if (!(await canUseFile(deps, ctx, id))) throw new AppError('training.bad_file');
  const now = deps.clock.now();
  const row: TrainingSessionsTable = {
    id: randomUUID(),
    unit_id: input.unitId,
    topic: input.topic,
    content: input.content,
    trainer: input.trainer,
    minutes: Math.round(input.hours * 60),
    place: input.place,
    starts_at: new Date(input.startsAt).toISOString(),
    material_file_ids: JSON.stringify(input.materialFileIds),
    status: 'planned',
    created_by: ctx.actor.accountId,
    created_at: now.toISOString(),
    updated_at: now.toISOString(),
  };
  await deps.db.transaction().execute(async (trx) => {
    await q.insertSession(trx, row);
    await appendAudit(trx, deps.config.keys.audit, now, whoOf(ctx), {
      action: 'training.created',
      objectType: 'training_session',
      objectId: row.id,
      unitId: row.unit_id,
      changes: diffFields(null, row, ['topic', 'trainer', 'minutes', 'place', 'starts_at']),
    });
  });
  return getSession(deps, ctx, row.id);
}

/** The staff accounts of the unit and those below it, each once. */
export async function staffOf(deps: Deps, unitIds: string[]) {
  const seen = new Set<string>();
  return (await q.staffAccounts(deps.db, unitIds)).filter((s) => !seen.has(s.account_id) && seen.add(s.account_id));
}

export async function listTrainees(deps: Deps, ctx: Ctx, id: string, query: z.infer<typeof TraineeQuery>) {
  const { s, tree } = await readable(deps, ctx, id, 'training.coverage');
  const units = tree.subtree(s.unit_id);
  const offset = (query.page - 1) * query.pageSize;
  let people: { id: string; name: string; unit_name: string }[];
  let total: number;
  if (query.kind === 'staff') {
    const all = await staffOf(deps, units);
    total = all.length;
    people = all.slice(offset, offset + query.pageSize).map((a) => ({ id: a.account_id, name: a.display_name, unit_name: a.unit_name }));
  } else {
    const stations = units.filter((u) => tree.nodes.get(u)?.kind === 'station');
    ({ rows: people, total } = await q.volunteersOf(deps.db, stations, { offset, limit: query.pageSize }));
  }
  const marks = new Map(
    (
      await q.attendanceOf(
        deps.db,
        s.id,
        query.kind,
        people.map((p) => p.id),
      )
    ).map((a) => [a.ref_id, a]),
  );
  const items: TraineeView[] = people.map((p) => ({
    kind: query.kind,
    refId: p.id,
    name: p.name,
    unitName: p.unit_name,
    status: marks.get(p.id)?.status ?? null,
    recordedAt: marks.get(p.id)?.recorded_at ?? null,
    method: marks.get(p.id)?.method ?? null,
  }));
  return { items, total, page: query.page, pageSize: query.pageSize };
}

/**
 * 培训材料: the holding unit's staff set the list of uploaded files (slides, handouts), in order. A
 * file already on the list stays usable by whoever set it; a new one must be the caller's to use.
 */
export async function setMaterials(deps: Deps, ctx: Ctx, id: string, input: z.infer<typeof MaterialsInput>) {
  const { s } = await readable(deps, ctx, id, 'training.write');
  const before: string[] = JSON.parse(s.material_file_ids);
  const after = [...new Set(input.fileIds)];
  for (const f of after) if (!before.includes(f) && !(await canUseFile(deps, ctx, f))) throw new AppError('training.bad_file');
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    await q.setMaterials(trx, id, JSON.stringify(after), now.toISOString());
    await appendAudit(trx, deps.config.keys.audit, now, whoOf(ctx), {
      action: 'training.materials_set',
      objectType: 'training_session',
      objectId: id,
      unitId: s.unit_id,
      changes: { materialFileIds: { before, after } },
    });
  });
  return getSession(deps, ctx, id);
}
