/** 工作方案 五、(三) 培训: sessions held by the district or an institute, and who attended them. */
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { chinaDay } from '../../../shared/china-time';
import type { AttendanceInput, TraineeQuery, TraineeView, TrainingListQuery, TrainingSessionInput, TrainingSessionView } from '../../../shared/training';
import type { TrainingSessionsTable } from '../../db/schema';
import { appendAudit, diffFields } from '../../platform/audit';
import type { Ctx, Deps } from '../../platform/deps';
import { isUniqueViolation } from '../../platform/db';
import { AppError, notFound } from '../../platform/errors';
import { whoOf } from '../../platform/session';
import { canUseFile } from '../files/files.service';
import { recordTraining } from '../hours/hours.training';
import { volunteerById } from '../volunteers/volunteers.lookup';
import * as q from './training.queries';

async function present(ctx: Ctx, r: q.SessionRow): Promise<TrainingSessionView> {
  const [canWrite, canSeeAttendance] = await Promise.all([ctx.scope.can('training.write', r.unit_id), ctx.scope.can('training.coverage', r.unit_id)]);
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
    materialFileIds: JSON.parse(r.material_file_ids),
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
  return { items: await Promise.all(rows.map((r) => present(ctx, r))), total, page: query.page, pageSize: query.pageSize };
}

async function readable(deps: Deps, ctx: Ctx, id: string, action: 'training.read' | 'training.write' | 'training.coverage') {
  const s = await q.getSession(deps.db, id);
  if (!s) throw notFound();
  const tree = await ctx.scope.require(action, s.unit_id);
  return { s, tree };
}

export async function getSession(deps: Deps, ctx: Ctx, id: string) {
  return present(ctx, (await readable(deps, ctx, id, 'training.read')).s);
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
async function staffOf(deps: Deps, unitIds: string[]) {
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
  }));
  return { items, total, page: query.page, pageSize: query.pageSize };
}

/** The trainee, if they belong to the session's unit or one below it. */
async function traineeOf(deps: Deps, units: string[], input: z.infer<typeof AttendanceInput>) {
  if (input.kind === 'staff') {
    const s = (await staffOf(deps, units)).find((a) => a.account_id === input.refId);
    return s ? { name: s.display_name, unitName: s.unit_name } : null;
  }
  const v = await volunteerById(deps.db, input.refId);
  return v && v.status === 'certified' && units.includes(v.station_id) ? { name: v.name, unitName: v.station_name } : null;
}

/**
 * Present or absent, idempotent: the same mark again changes nothing. A volunteer's first "present"
 * writes their training record through the hours feature, in the same transaction as the audit row.
 */
export async function markAttendance(deps: Deps, ctx: Ctx, id: string, input: z.infer<typeof AttendanceInput>): Promise<TraineeView> {
  const { s, tree } = await readable(deps, ctx, id, 'training.write');
  const trainee = await traineeOf(deps, tree.subtree(s.unit_id), input);
  if (!trainee) throw new AppError('training.bad_trainee');
  const now = deps.clock.now();
  const at = now.toISOString();
  const view = { kind: input.kind, refId: input.refId, name: trainee.name, unitName: trainee.unitName, status: input.status };
  const mark = () =>
    deps.db.transaction().execute(async (trx) => {
      const [before] = await q.attendanceOf(trx, id, input.kind, [input.refId]);
      if (before?.status === input.status) return { ...view, recordedAt: before.recorded_at };
      let recordId = before?.training_record_id ?? null;
      if (input.kind === 'volunteer' && input.status === 'present' && !recordId) {
        recordId = await recordTraining(trx, {
          volunteerId: input.refId,
          name: s.topic,
          content: s.content,
          minutes: Number(s.minutes),
          organiser: s.unit_name,
          heldOn: chinaDay(s.starts_at),
          enteredBy: ctx.actor.accountId,
          now,
        });
      }
      const patch = { status: input.status, training_record_id: recordId, recorded_by: ctx.actor.accountId, recorded_at: at };
      if (before) await q.updateAttendance(trx, before.id, patch);
      else await q.insertAttendance(trx, { id: randomUUID(), session_id: id, kind: input.kind, ref_id: input.refId, ...patch });
      await q.markHeld(trx, id, at);
      await appendAudit(trx, deps.config.keys.audit, now, whoOf(ctx), {
        action: 'training.attendance_recorded',
        objectType: 'training_session',
        objectId: id,
        unitId: s.unit_id,
        changes: {
          [`${input.kind}:${input.refId}`]: { before: before?.status ?? null, after: input.status },
          ...(recordId !== (before?.training_record_id ?? null) ? { trainingRecordId: { before: null, after: recordId } } : {}),
        },
      });
      return { ...view, recordedAt: at };
    });
  try {
    return await mark();
  } catch (err) {
    // Two first marks at once: the second insert meets the unique index and rolls back whole (its
    // training record too); run again, it now finds the first mark and answers idempotently.
    if (isUniqueViolation(err)) return await mark();
    throw err;
  }
}
