import { randomBytes, randomUUID } from 'node:crypto';
import { appendAudit } from '../../platform/audit';
import { sha256Hex } from '../../platform/crypto';
import type { Ctx, Deps } from '../../platform/deps';
import { AppError, notFound } from '../../platform/errors';
import { unitTreeOf } from '../../platform/scope';
import { whoOf } from '../../platform/session';
import { VISIBLE_TO_PUBLIC } from './activities.access';
import * as q from './activities.queries';

/** A private calendar feed of the volunteer's own activities; a new link revokes the old one. */
export async function issueIcalToken(deps: Deps, ctx: Ctx) {
  const v = (await ctx.scope.me()).volunteer;
  if (!v) throw new AppError('volunteer.not_found_self');
  const token = randomBytes(24).toString('base64url');
  const now = deps.clock.now().toISOString();
  await deps.db.transaction().execute(async (trx) => {
    await q.revokeIcalTokens(trx, v.id, now);
    await q.insertIcalToken(trx, { id: randomUUID(), volunteer_id: v.id, token_hash: sha256Hex(token), created_at: now });
    await appendAudit(trx, deps.config.keys.audit, new Date(now), whoOf(ctx), {
      action: 'activities.ical_token_issued',
      objectType: 'volunteer',
      objectId: v.id,
    });
  });
  return { path: `/ical/volunteers/${token}.ics` };
}

export async function revokeIcal(deps: Deps, ctx: Ctx) {
  const v = (await ctx.scope.me()).volunteer;
  if (!v) throw new AppError('volunteer.not_found_self');
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    await q.revokeIcalTokens(trx, v.id, now.toISOString());
    await appendAudit(trx, deps.config.keys.audit, now, whoOf(ctx), {
      action: 'activities.ical_token_revoked',
      objectType: 'volunteer',
      objectId: v.id,
    });
  });
  return { ok: true as const };
}

const FEED_PAST_DAYS = 92;

/**
 * A unit's public calendar: what the portal shows, never drafts. A station's feed is its own; the
 * institute's is the whole street (its own and every station's), so one subscription covers it.
 */
export async function unitFeedActivities(deps: Deps, unitId: string) {
  const unit = await q.feedUnit(deps.db, unitId);
  if (!unit || unit.kind === 'district') throw notFound();
  const unitIds = unit.kind === 'institute' ? (await unitTreeOf(deps.db)).subtree(unitId) : [unitId];
  // What a calendar app keeps: the last three months and everything ahead (the oldest first would,
  // after a year or two, fill the feed's 1000 with the past).
  const from = new Date(deps.clock.now().getTime() - FEED_PAST_DAYS * 86_400_000).toISOString();
  const { rows } = await q.listActivities(deps.db, { unitIds, statuses: VISIBLE_TO_PUBLIC, from }, 1000, 0);
  return { name: unit.name, rows };
}

export async function volunteerFeedActivities(deps: Deps, token: string) {
  const t = await q.findIcalToken(deps.db, sha256Hex(token));
  if (!t) throw new AppError('ical.bad_token');
  const signups = (await q.signupsOfVolunteer(deps.db, t.volunteer_id)).filter((s) => ['pending', 'confirmed', 'waitlisted'].includes(s.status));
  const units = (await q.allUnitIds(deps.db)).map((u) => u.id);
  const { rows } = await q.listActivities(deps.db, { unitIds: units, ids: signups.map((s) => s.activity_id) }, 1000, 0);
  return { name: '我的志愿活动', rows };
}
