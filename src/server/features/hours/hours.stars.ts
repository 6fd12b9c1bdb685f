/** Star levels from approved hours, a volunteer's hours summary, and the recognition list. */
import { randomUUID } from 'node:crypto';
import type { HoursSummaryView } from '../../../shared/hours';
import { minutesToHours, STAR_NAMES, starLevel, starProgress } from '../../../shared/rules/stars';
import type { DbOrTrx } from '../../platform/db';
import type { Ctx, Deps } from '../../platform/deps';
import { AppError } from '../../platform/errors';
import { notify } from '../notifications/notifications.service';
import { volunteerById } from '../volunteers/volunteers.lookup';
import { requireVolunteerReadable } from './hours.access';
import * as q from './hours.queries';

/**
 * Recomputes a volunteer's star level after their approved hours change, recording each change
 * and telling them when they move up (and it lands on the institute's recognition list).
 */
export async function recomputeStars(trx: DbOrTrx, at: Date, volunteerId: string, thresholds: number[]): Promise<void> {
  // The running total the ledger moved in this same transaction.
  const total = (await q.totalsOf(trx, volunteerId)).approved;
  const level = starLevel(total, thresholds);
  const last = Number((await q.lastStarLevel(trx, volunteerId))?.level ?? 0);
  if (level === last) return;
  await q.insertStarLevel(trx, {
    id: randomUUID(),
    volunteer_id: volunteerId,
    level,
    previous_level: last,
    minutes: total,
    thresholds: JSON.stringify(thresholds),
    at: at.toISOString(),
  });
  if (level > last) {
    const v = await volunteerById(trx, volunteerId);
    if (v) {
      await notify(trx, at, v.person_id, {
        kind: 'stars.level_up',
        title: `恭喜您成为${STAR_NAMES[level]}志愿者`,
        body: `累计认定服务时长 ${minutesToHours(total)} 小时。感谢您的奉献！`,
        link: '/m/volunteer',
      });
    }
  }
}

export async function hoursSummary(deps: Deps, ctx: Ctx, volunteerId: string): Promise<HoursSummaryView> {
  const { v } = await requireVolunteerReadable(deps, ctx.scope, volunteerId);
  const thresholds = (await ctx.scope.rulesOf(v.station_id))['stars.thresholds'];
  const [{ approved, pending }, years, history] = await Promise.all([q.totalsOf(deps.db, v.id), q.minutesByYear(deps.db, v.id), q.starHistory(deps.db, v.id)]);
  const stars = starProgress(approved, thresholds);
  return {
    volunteerId: v.id,
    // The same figure the star explanation shows, so the page never says 100.1 beside 累计 100.
    approvedHours: stars.approvedHours,
    pendingHours: minutesToHours(pending),
    byYear: years.map((y) => ({ year: String(y.year), hours: minutesToHours(Number(y.minutes)), records: Number(y.records) })),
    stars,
    starHistory: history.map((h) => ({ level: Number(h.level), previousLevel: Number(h.previous_level), hours: minutesToHours(Number(h.minutes)), at: h.at })),
  };
}

export async function mySummary(deps: Deps, ctx: Ctx) {
  const v = (await ctx.scope.me()).volunteer;
  if (!v) throw new AppError('volunteer.not_found_self');
  return hoursSummary(deps, ctx, v.id);
}

export async function recognitionList(deps: Deps, ctx: Ctx, { page, pageSize }: { page: number; pageSize: number }) {
  const unitIds = await ctx.scope.units('volunteers.read');
  const tree = await ctx.scope.tree();
  const stations = [...unitIds].filter((u) => tree.nodes.get(u)?.kind === 'station');
  const { rows, total } = await q.pageRecognitions(deps.db, stations, { limit: pageSize, offset: (page - 1) * pageSize });
  return {
    items: rows.map((r) => ({
      volunteerId: r.volunteer_id,
      name: r.name,
      volunteerNo: r.volunteer_no,
      stationName: r.station_name,
      level: Number(r.level),
      levelName: STAR_NAMES[Number(r.level)] ?? '',
      hours: minutesToHours(Number(r.minutes)),
      at: r.at,
    })),
    total,
    page,
    pageSize,
  };
}
