/**
 * Who came to a training: staff mark a trainee present or absent on the console, or trainees sign in
 * on their phone with the room's rotating QR code (the meetings' mechanics). A volunteer's first
 * "present" writes their training record through the hours feature; "absent" after "present"
 * withdraws it there with a counter-entry — both in the mark's transaction with its audit row.
 */
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { chinaDay } from '../../../shared/china-time';
import type { AttendanceInput, TraineeView } from '../../../shared/training';
import type { TrainingAttendanceTable } from '../../db/schema';
import { appendAudit } from '../../platform/audit';
import { isUniqueViolation } from '../../platform/db';
import type { Ctx, Deps } from '../../platform/deps';
import { AppError, notFound } from '../../platform/errors';
import { whoOf } from '../../platform/session';
import { issueToken, verifyToken } from '../activities/checkin-token';
import { recordTraining, withdrawTraining } from '../hours/hours.training';
import { volunteerById } from '../volunteers/volunteers.lookup';
import * as q from './training.queries';
import { readable, staffOf } from './training.service';

/** Self sign-in opens an hour before the start and closes 12 hours after it. */
const OPENS_BEFORE_MS = 60 * 60_000;
const CLOSES_AFTER_MS = 12 * 3600_000;

/** The rotating token is the activities' one (HMAC over a 30-second window), bound to `training:<id>`. */
const subject = (sessionId: string) => `training:${sessionId}`;

interface Trainee {
  kind: TrainingAttendanceTable['kind'];
  refId: string;
  name: string;
  unitName: string;
}

/** The trainee, if they belong to the session's unit or one below it. */
async function traineeOf(deps: Deps, units: string[], input: { kind: Trainee['kind']; refId: string }): Promise<Trainee | null> {
  if (input.kind === 'staff') {
    const s = (await staffOf(deps, units)).find((a) => a.account_id === input.refId);
    return s ? { ...input, name: s.display_name, unitName: s.unit_name } : null;
  }
  const v = await volunteerById(deps.db, input.refId);
  return v && v.status === 'certified' && units.includes(v.station_id) ? { ...input, name: v.name, unitName: v.station_name } : null;
}

function viewOf(t: Trainee, row: Pick<TrainingAttendanceTable, 'status' | 'recorded_at' | 'method'> | undefined): TraineeView {
  return {
    kind: t.kind,
    refId: t.refId,
    name: t.name,
    unitName: t.unitName,
    status: row?.status ?? null,
    recordedAt: row?.recorded_at ?? null,
    method: row?.method ?? null,
  };
}

type Session = Awaited<ReturnType<typeof readable>>['s'];

/**
 * One mark, idempotent: the same status again changes nothing (`changed: false`). Guarded on the
 * status read, so of two parallel marks one moves the row and the other runs again and sees it.
 */
async function record(deps: Deps, ctx: Ctx, s: Session, t: Trainee, status: TrainingAttendanceTable['status'], method: 'self' | 'staff') {
  const now = deps.clock.now();
  const at = now.toISOString();
  const mark = () =>
    deps.db.transaction().execute(async (trx) => {
      const [before] = await q.attendanceOf(trx, s.id, t.kind, [t.refId]);
      if (before?.status === status) return { view: viewOf(t, before), changed: false };
      const was = before?.training_record_id ?? null;
      let recordId = was;
      if (t.kind === 'volunteer' && status === 'present' && !recordId) {
        recordId = await recordTraining(trx, {
          volunteerId: t.refId,
          name: s.topic,
          content: s.content,
          minutes: Number(s.minutes),
          organiser: s.unit_name,
          heldOn: chinaDay(s.starts_at),
          enteredBy: ctx.actor.accountId,
          now,
        });
      } else if (status === 'absent' && recordId) {
        await withdrawTraining(trx, { recordId, reason: `培训出勤改为缺席：${s.topic}`, enteredBy: ctx.actor.accountId, now });
        recordId = null;
      }
      const patch = { status, training_record_id: recordId, method: status === 'present' ? method : null, recorded_by: ctx.actor.accountId, recorded_at: at };
      if (before) {
        if ((await q.updateAttendance(trx, before.id, before.status, patch)) !== 1) throw new AppError('conflict');
      } else await q.insertAttendance(trx, { id: randomUUID(), session_id: s.id, kind: t.kind, ref_id: t.refId, ...patch });
      await q.markHeld(trx, s.id, at);
      await appendAudit(trx, deps.config.keys.audit, now, whoOf(ctx), {
        action: method === 'self' ? 'training.signed_in' : 'training.attendance_recorded',
        objectType: 'training_session',
        objectId: s.id,
        unitId: s.unit_id,
        changes: {
          [`${t.kind}:${t.refId}`]: { before: before?.status ?? null, after: status },
          ...(recordId !== was ? { trainingRecordId: { before: was, after: recordId } } : {}),
        },
      });
      return { view: viewOf(t, patch), changed: true };
    });
  try {
    return await mark();
  } catch (err) {
    // Two first marks at once: the loser meets the unique index (or the status guard) and rolls back
    // whole, training record included; run again, it now finds the winner's mark.
    if (isUniqueViolation(err) || (err instanceof AppError && err.code === 'conflict')) return await mark();
    throw err;
  }
}

/** Staff on the console: present or absent, idempotent. */
export async function markAttendance(deps: Deps, ctx: Ctx, id: string, input: z.infer<typeof AttendanceInput>): Promise<TraineeView> {
  const { s, tree } = await readable(deps, ctx, id, 'training.write');
  const trainee = await traineeOf(deps, tree.subtree(s.unit_id), input);
  if (!trainee) throw new AppError('training.bad_trainee');
  return (await record(deps, ctx, s, trainee, input.status, 'staff')).view;
}

/** The room's screen: a QR code (and link) that changes every 30 seconds. */
export async function signInToken(deps: Deps, ctx: Ctx, id: string) {
  await readable(deps, ctx, id, 'training.write');
  const t = issueToken(deps.config.keys.checkin, subject(id), deps.clock.now());
  return { ...t, signInPath: `/m/training/sign-in?s=${id}&t=${encodeURIComponent(t.token)}` };
}

/** The caller as a trainee of the session: a staff account of its unit or below, else their certified volunteer record there. */
async function callerAsTrainee(deps: Deps, ctx: Ctx, id: string) {
  const s = await q.getSession(deps.db, id);
  if (!s) throw notFound();
  const units = (await ctx.scope.tree()).subtree(s.unit_id);
  const volunteer = (await ctx.scope.me()).volunteer;
  const trainee =
    (await traineeOf(deps, units, { kind: 'staff', refId: ctx.actor.accountId })) ??
    (volunteer ? await traineeOf(deps, units, { kind: 'volunteer', refId: volunteer.id }) : null);
  return { s, trainee };
}

/** What the phone shows: the session and the caller's mark (absent when they are not a trainee). */
export async function mySeat(deps: Deps, ctx: Ctx, id: string) {
  const { s, trainee } = await callerAsTrainee(deps, ctx, id);
  if (!trainee) throw new AppError('training.not_trainee');
  const [mark] = await q.attendanceOf(deps.db, id, trainee.kind, [trainee.refId]);
  return {
    sessionId: s.id,
    topic: s.topic,
    unitName: s.unit_name,
    startsAt: s.starts_at,
    place: s.place,
    hours: Number(s.minutes) / 60,
    trainee: viewOf(trainee, mark),
  };
}

/** A trainee signs in on their phone with the room's token; a second scan keeps the first time. */
export async function signIn(deps: Deps, ctx: Ctx, id: string, token: string) {
  const { s, trainee } = await callerAsTrainee(deps, ctx, id);
  if (!trainee) throw new AppError('training.not_trainee');
  const now = deps.clock.now();
  if (!verifyToken(deps.config.keys.checkin, subject(id), token, now)) throw new AppError('training.bad_token');
  const start = Date.parse(s.starts_at);
  if (now.getTime() < start - OPENS_BEFORE_MS || now.getTime() > start + CLOSES_AFTER_MS) throw new AppError('training.sign_in_closed');
  const { view, changed } = await record(deps, ctx, s, trainee, 'present', 'self');
  return { sessionId: id, topic: s.topic, name: trainee.name, signedAt: view.recordedAt ?? now.toISOString(), firstTime: changed };
}
