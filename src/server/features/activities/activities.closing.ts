import { chinaDay } from '../../../shared/china-time';
import { ACTIVITY_TYPES } from '../../../shared/activities';
import { creditFor } from '../../../shared/rules/attendance';
import { isLateEntry } from '../../../shared/rules/hours';
import type { RuleValues } from '../../../shared/settings';
import type { CheckinsTable } from '../../db/schema';
import type { UnitTree } from '../../platform/access';
import { type AuditWho, appendAudit } from '../../platform/audit';
import type { Trx } from '../../platform/db';
import type { Deps } from '../../platform/deps';
import { AppError, notFound } from '../../platform/errors';
import { readRules } from '../../platform/scope';
import { recordVerifiedService } from '../hours/hours.ledger';
import * as q from './activities.queries';

/** One volunteer's attendance turned into a verified record, if it meets the attendance share. Returns whether one was written. */
async function creditAttendance(trx: Trx, row: q.ActivityRow, volunteerId: string, mine: CheckinsTable[], rules: RuleValues, now: Date): Promise<boolean> {
  const credit = creditFor(
    mine.map((c) => ({ inAt: c.in_at, outAt: c.out_at })),
    row.starts_at,
    row.ends_at,
    Number(row.credit_minutes),
    rules['hours.minAttendancePercent'] / 100,
  );
  if (!credit.meetsThreshold || credit.creditedMinutes <= 0) return false;
  const cal = { holidays: rules['calendar.holidays'], makeupWorkdays: rules['calendar.makeupWorkdays'] };
  const serviceDay = chinaDay(new Date(row.starts_at));
  await recordVerifiedService(trx, {
    volunteerId,
    unitId: row.unit_id,
    activityId: row.id,
    title: row.title,
    serviceDate: serviceDay,
    startAt: row.starts_at,
    endAt: row.ends_at,
    minutes: credit.creditedMinutes,
    place: row.address,
    content: row.content,
    organiserName: row.unit_name,
    personInCharge: row.contact_name,
    entryMethod: '扫码打卡',
    evidenceFileIds: [],
    reason: `签到时长 ${credit.presentMinutes} 分钟（${mine.length} 次签到签退）`,
    late: isLateEntry(serviceDay, chinaDay(now), rules['hours.recordDeadlineWorkingDays'], cal),
    flag: mine.some((c) => c.flag === 'auto_closed') ? 'auto_closed' : null,
    at: now,
  });
  return true;
}

/**
 * Closes an activity: forgotten check-outs close at the end (flagged), confirmed sign-ups without a
 * check-in become no-shows, and time present turns into *verified* hour records pending the
 * organiser's confirmation — only for volunteer service, only at ≥ the attendance share, capped.
 */
export async function closeActivity(deps: Pick<Deps, 'config'>, trx: Trx, tree: UnitTree, activityId: string, now: Date, who: AuditWho) {
  const row = await q.getActivity(trx, activityId);
  if (!row) throw notFound();
  const n = await q.moveStatus(trx, activityId, ['published', 'full', 'in_progress'], {
    status: 'ended',
    hours_written_at: now.toISOString(),
    updated_at: now.toISOString(),
  });
  if (n !== 1) throw new AppError('activities.bad_transition');
  // Through the transaction, uncached: a second connection would wait for it on SQLite.
  const rules = await readRules(trx, tree.instituteOf(row.unit_id) ?? '');
  const endAt = row.ends_at < now.toISOString() ? row.ends_at : now.toISOString();
  for (const c of (await q.checkinsFor(trx, activityId)).filter((x) => !x.out_at)) {
    await q.closeCheckin(trx, c.id, { out_at: endAt > c.in_at ? endAt : c.in_at, out_method: 'auto', flag: 'auto_closed' });
  }
  const closed = await q.checkinsFor(trx, activityId);
  let written = 0;
  let noShows = 0;
  for (const s of await q.activeSignups(trx, activityId)) {
    if (s.status !== 'confirmed') continue;
    const mine = closed.filter((c) => c.volunteer_id === s.volunteer_id);
    if (mine.length === 0) {
      await q.updateSignup(trx, s.id, ['confirmed'], { status: 'no_show', updated_at: now.toISOString() });
      noShows++;
    } else if (ACTIVITY_TYPES[row.type].creditsHours && (await creditAttendance(trx, row, s.volunteer_id, mine, rules, now))) written++;
  }
  await appendAudit(trx, deps.config.keys.audit, now, who, {
    action: 'activities.end',
    objectType: 'activity',
    objectId: activityId,
    unitId: row.unit_id,
    changes: { status: { before: row.status, after: 'ended' }, hoursRecords: { before: null, after: written }, noShows: { before: null, after: noShows } },
  });
}
