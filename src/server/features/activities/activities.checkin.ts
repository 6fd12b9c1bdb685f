import { chinaDay } from '../../../shared/china-time';
import { randomUUID } from 'node:crypto';
import { distanceMeters } from '../../../shared/rules/attendance';

import { appendAudit } from '../../platform/audit';
import type { Ctx, Deps } from '../../platform/deps';
import { AppError } from '../../platform/errors';
import { whoOf } from '../../platform/session';
import { requireActivity } from './activities.access';
import * as q from './activities.queries';
import { issueToken, verifyToken } from './checkin-token';

const CHECKIN_MARGIN_MS = 60 * 60_000;

/** The organiser's screen: a QR token that changes every 30 seconds, and the 6-digit fallback code. */
export async function checkinToken(deps: Deps, ctx: Ctx, activityId: string) {
  const { row } = await requireActivity(deps, ctx, activityId, 'staff');
  const t = issueToken(deps.config.keys.checkin, activityId, deps.clock.now());
  return { ...t, code: row.checkin_code, checkinPath: `/m/checkin?a=${activityId}&t=${encodeURIComponent(t.token)}` };
}

interface CheckArgs {
  method: 'qr' | 'code' | 'staff';
  token?: string;
  lat?: number;
  lng?: number;
  reason?: string;
  direction?: 'in' | 'out';
}

/**
 * One check-in or check-out. Open from an hour before the start to an hour after the end, by a
 * confirmed sign-up only; at most N pairs per person per day (settings); the optional geofence is
 * checked when the phone gives a location; a QR token is good for one use per person.
 */
async function recordCheck(deps: Deps, ctx: Ctx, row: q.ActivityRow, volunteerId: string, args: CheckArgs) {
  const now = deps.clock.now();
  const t = now.getTime();
  if (
    !['published', 'full', 'in_progress'].includes(row.status) ||
    t < Date.parse(row.starts_at) - CHECKIN_MARGIN_MS ||
    t > Date.parse(row.ends_at) + CHECKIN_MARGIN_MS
  ) {
    throw new AppError('checkins.not_open');
  }
  // Read before the transaction: on SQLite a second connection inside it would wait for it.
  const rules = await ctx.scope.rulesOf(row.unit_id);
  if (args.method !== 'staff' && row.geofence_m !== null && row.lat !== null && row.lng !== null && args.lat !== undefined && args.lng !== undefined) {
    const d = distanceMeters(Number(row.lat), Number(row.lng), args.lat, args.lng);
    if (d > Number(row.geofence_m))
      throw new AppError('checkins.too_far', { message: `您距离活动地点约 ${Math.round(d)} 米，超出 ${row.geofence_m} 米的签到范围` });
  }
  const day = chinaDay(now);
  const result = await deps.db.transaction().execute(async (trx) => {
    const state = await q.checkState(trx, row.id, volunteerId, args.token ?? null, day);
    if (state.signupStatus !== 'confirmed') throw new AppError('checkins.not_signed_up');
    if (state.tokenUsed) throw new AppError('checkins.token_used');
    const direction = args.direction ?? (state.openId ? 'out' : 'in');
    if (direction === 'out') {
      if (!state.openId) throw new AppError('activities.bad_transition', { message: '还没有签到，不能签退' });
      const closed = await q.closeCheckin(trx, state.openId, {
        out_at: now.toISOString(),
        out_method: args.method,
        out_token: args.token ?? null,
        ...(args.method === 'staff' ? { staff_reason: args.reason ?? null, by_account: ctx.actor.accountId } : {}),
      });
      // Closed by a concurrent check-out since it was read: this one has nothing left to close.
      if (closed !== 1) throw new AppError('activities.bad_transition', { message: '还没有签到，不能签退' });
    } else {
      if (state.openId) throw new AppError('activities.bad_transition', { message: '已经签到，请先签退' });
      if (state.pairs >= rules['checkins.maxPairsPerDay']) throw new AppError('checkins.too_many');
      await q.insertCheckin(trx, {
        id: randomUUID(),
        activity_id: row.id,
        volunteer_id: volunteerId,
        day,
        in_at: now.toISOString(),
        in_method: args.method,
        in_token: args.token ?? null,
        out_at: null,
        out_method: null,
        out_token: null,
        by_account: args.method === 'staff' ? ctx.actor.accountId : null,
        staff_reason: args.reason ?? null,
        lat: args.lat ?? null,
        lng: args.lng ?? null,
        flag: args.method !== 'staff' && row.geofence_m !== null && args.lat === undefined ? 'no_location' : null,
        created_at: now.toISOString(),
      });
    }
    // Once in progress it never goes back, so a row read as in progress needs no update.
    if (t >= Date.parse(row.starts_at) && row.status !== 'in_progress') await q.moveStatus(trx, row.id, ['published', 'full'], { status: 'in_progress' });
    await appendAudit(trx, deps.config.keys.audit, now, whoOf(ctx), {
      action: direction === 'in' ? 'activities.checked_in' : 'activities.checked_out',
      objectType: 'activity',
      objectId: row.id,
      unitId: row.unit_id,
      changes: { method: { before: null, after: args.method }, ...(args.reason ? { reason: { before: null, after: args.reason } } : {}) },
    });
    // The day's check-ins counted before, and the one this wrote (a check-out adds none).
    return { direction, pairs: state.pairs + (direction === 'in' ? 1 : 0) };
  });
  return { direction: result.direction, at: now.toISOString(), activityTitle: row.title, pairsToday: result.pairs };
}

export async function checkIn(deps: Deps, ctx: Ctx, activityId: string, input: { token?: string; code?: string; lat?: number; lng?: number }) {
  const { row } = await requireActivity(deps, ctx, activityId, 'read');
  const v = (await ctx.scope.me()).volunteer;
  if (!v) throw new AppError('volunteer.not_found_self');
  if (input.token) {
    if (!verifyToken(deps.config.keys.checkin, activityId, input.token, deps.clock.now())) throw new AppError('checkins.bad_token');
    return recordCheck(deps, ctx, row, v.id, { method: 'qr', token: input.token, lat: input.lat, lng: input.lng });
  }
  if (input.code) {
    if (input.code !== row.checkin_code) throw new AppError('checkins.bad_code');
    return recordCheck(deps, ctx, row, v.id, { method: 'code', lat: input.lat, lng: input.lng });
  }
  throw new AppError('checkins.bad_code', { message: '请扫描现场二维码或输入签到码' });
}

/** Staff check someone in or out on their behalf (no phone, phone dead), with the reason kept. */
export async function staffCheck(deps: Deps, ctx: Ctx, activityId: string, input: { volunteerId: string; direction: 'in' | 'out'; reason: string }) {
  const { row } = await requireActivity(deps, ctx, activityId, 'staff');
  return recordCheck(deps, ctx, row, input.volunteerId, { method: 'staff', direction: input.direction, reason: input.reason });
}
