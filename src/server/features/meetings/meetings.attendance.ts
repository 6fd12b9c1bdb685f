import type { z } from 'zod';
import type { MarkAttendanceInput } from '../../../shared/meetings';
import { appendAudit } from '../../platform/audit';
import type { Ctx, Deps } from '../../platform/deps';
import { AppError, notFound } from '../../platform/errors';
import { whoOf } from '../../platform/session';
import { issueToken, verifyToken } from '../activities/checkin-token';
import { readableMeeting } from './meetings.service';
import { presentAttendee } from './meetings.presenter';
import * as q from './meetings.queries';

/** Self sign-in opens an hour before the start and closes 12 hours after it, or when the minutes are out. */
const OPENS_BEFORE_MS = 60 * 60_000;
const CLOSES_AFTER_MS = 12 * 3600_000;

/** The rotating token is the activities' one (HMAC over a 30-second window), bound to `meeting:<id>`. */
const subject = (meetingId: string) => `meeting:${meetingId}`;

function selfSignInOpen(m: q.MeetingRow, now: Date): boolean {
  if (m.status === 'published') return false;
  const start = Date.parse(m.starts_at);
  return now.getTime() >= start - OPENS_BEFORE_MS && now.getTime() <= start + CLOSES_AFTER_MS;
}

/** The screen in the meeting room: a QR code (and link) that changes every 30 seconds. */
export async function signInToken(deps: Deps, ctx: Ctx, meetingId: string) {
  const m = await readableMeeting(deps, ctx, meetingId, 'meetings.write');
  if (m.status === 'published') throw new AppError('meetings.sign_in_closed');
  const t = issueToken(deps.config.keys.checkin, subject(meetingId), deps.clock.now());
  return { ...t, signInPath: `/m/meetings/sign-in?m=${meetingId}&t=${encodeURIComponent(t.token)}` };
}

async function attendableMeeting(deps: Deps, ctx: Ctx, meetingId: string) {
  const m = await q.getMeeting(deps.db, meetingId);
  if (!m) throw notFound();
  // Staff of the institute or of a station below it; a volunteer or resident is never on the list.
  await ctx.scope.require('meetings.attend', m.unit_id);
  return m;
}

/** What the phone shows: the meeting and this person's seat (null when not on the list). */
export async function mySeat(deps: Deps, ctx: Ctx, meetingId: string) {
  const m = await attendableMeeting(deps, ctx, meetingId);
  const seat = await q.attendeeByPerson(deps.db, meetingId, ctx.actor.personId);
  return {
    meetingId: m.id,
    title: m.title,
    kind: m.kind,
    startsAt: m.starts_at,
    place: m.place,
    status: m.status,
    attendee: seat ? presentAttendee(seat) : undefined,
  };
}

/** An attendee signs in on their phone with the room's token. A second scan keeps the first time. */
export async function signIn(deps: Deps, ctx: Ctx, meetingId: string, token: string) {
  const m = await attendableMeeting(deps, ctx, meetingId);
  const now = deps.clock.now();
  if (!verifyToken(deps.config.keys.checkin, subject(meetingId), token, now)) throw new AppError('meetings.bad_token');
  if (!selfSignInOpen(m, now)) throw new AppError('meetings.sign_in_closed');
  const seat = await q.attendeeByPerson(deps.db, meetingId, ctx.actor.personId);
  if (!seat) throw new AppError('meetings.not_attendee');
  const firstTime = await deps.db.transaction().execute(async (trx) => {
    // Guarded: of two parallel scans only one moves the seat and writes the audit row.
    const n = await q.signInSeat(trx, seat.id, now.toISOString());
    if (n === 1)
      await appendAudit(trx, deps.config.keys.audit, now, whoOf(ctx), {
        action: 'meetings.signed_in',
        objectType: 'meeting',
        objectId: meetingId,
        unitId: m.unit_id,
        changes: { attendee: { before: seat.status, after: 'present' }, method: { before: null, after: 'self' } },
      });
    return n === 1;
  });
  const after = await q.getAttendee(deps.db, meetingId, seat.id);
  return { meetingId, meetingTitle: m.title, name: seat.name, signedAt: after?.signed_at ?? now.toISOString(), firstTime };
}

/** Staff sign someone in on the console, mark them absent with the reason, or undo either. */
export async function markAttendance(deps: Deps, ctx: Ctx, meetingId: string, attendeeId: string, input: z.infer<typeof MarkAttendanceInput>) {
  const m = await readableMeeting(deps, ctx, meetingId, 'meetings.write');
  const seat = await q.getAttendee(deps.db, meetingId, attendeeId);
  if (!seat) throw notFound();
  if (m.status === 'published') throw new AppError('meetings.bad_status', { message: '会议纪要已发布，签到情况不能再修改' });
  if (input.status === 'absent' && !input.reason) throw new AppError('meetings.reason_required', { message: '请填写缺席原因' });
  const now = deps.clock.now();
  const patch =
    input.status === 'present'
      ? {
          status: 'present' as const,
          signed_at: seat.status === 'present' ? seat.signed_at : now.toISOString(),
          method: seat.status === 'present' ? seat.method : ('staff' as const),
          absent_reason: null,
        }
      : input.status === 'absent'
        ? { status: 'absent' as const, signed_at: null, method: null, absent_reason: input.reason ?? null }
        : { status: 'pending' as const, signed_at: null, method: null, absent_reason: null };
  await deps.db.transaction().execute(async (trx) => {
    await q.updateAttendee(trx, seat.id, { ...patch, recorded_by: ctx.actor.accountId });
    await appendAudit(trx, deps.config.keys.audit, now, whoOf(ctx), {
      action: 'meetings.attendance_marked',
      objectType: 'meeting',
      objectId: meetingId,
      unitId: m.unit_id,
      changes: {
        attendee: { before: seat.status, after: input.status },
        name: { before: null, after: seat.name },
        ...(input.reason ? { reason: { before: null, after: input.reason } } : {}),
      },
    });
  });
  const after = await q.getAttendee(deps.db, meetingId, seat.id);
  return presentAttendee(after ?? seat);
}
