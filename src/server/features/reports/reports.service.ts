/**
 * 工作报表 (月报/年报): gathers each part's facts for an institute and a period through the other
 * features' lookups (a fixed number of statements whatever the number of stations), then the pure
 * presenter turns them into the report. Nothing here is typed in; the hours are the ledger's.
 */
import type { z } from 'zod';
import { chinaDayEnd, chinaDayStart } from '../../../shared/china-time';
import { parseReportPeriod, type ReportPeriod, type ReportQuery, type ReportView } from '../../../shared/reports';
import { AppError, notFound } from '../../platform/errors';
import type { Ctx, Deps } from '../../platform/deps';
import { heldActivitiesForReport } from '../activities/activities.lookup';
import { fundGroupsOfYear } from '../funds/funds.lookup';
import { approvedMinutesOfActivities, approvedMinutesOfUnits, starLevelsAsOf } from '../hours/hours.lookup';
import { heldMeetingsForReport, resolutionsDueForReport } from '../meetings/meetings.lookup';
import { ordersPlacedForReport } from '../orders/orders.lookup';
import { pointTotalsOfStations } from '../points/points.lookup';
import { activeUnitsAmong } from '../org/org.lookup';
import { standardsAsOf } from '../standards/standards.board';
import { heldSessionsForReport, staffTrainingForAssessment } from '../training/training.lookup';
import { volunteersCertifiedBefore } from '../volunteers/volunteers.lookup';
import { presentReport, type ReportFacts } from './reports.presenter';

/** The period the query names, or `reports.bad_period` (400, with the Chinese message) before anything is read. */
export function periodOf(text: string): ReportPeriod {
  const p = parseReportPeriod(text);
  if (!p) throw new AppError('reports.bad_period');
  return p;
}

/** The institute (scope checked: `reports.read`, 404 outside, 403 for a role that never reads reports) and its active stations. */
async function unitsOf(deps: Deps, ctx: Ctx, instituteId: string) {
  const tree = await ctx.scope.require('reports.read', instituteId);
  if (tree.nodes.get(instituteId)?.kind !== 'institute') throw new AppError('reports.not_institute');
  const units = await activeUnitsAmong(deps.db, tree.subtree(instituteId));
  const institute = units.find((u) => u.id === instituteId);
  if (!institute) throw notFound();
  return { institute, units: [institute, ...units.filter((u) => u.id !== instituteId)] };
}

async function gather(deps: Deps, ids: string[], p: ReportPeriod): Promise<Omit<ReportFacts, 'institute' | 'units' | 'period' | 'now'>> {
  const db = deps.db;
  const from = chinaDayStart(p.fromDay);
  const to = chinaDayEnd(p.toDay);
  const now = deps.clock.now();
  const activities = await heldActivitiesForReport(db, ids, from, to);
  const activityMinutes = await approvedMinutesOfActivities(
    db,
    activities.map((a) => a.id),
  );
  const volunteers = await volunteersCertifiedBefore(db, ids, to);
  const stars = await starLevelsAsOf(db, ids, to);
  const hours = await approvedMinutesOfUnits(db, ids, p.fromDay, p.toDay);
  const orders = await ordersPlacedForReport(db, ids, from, to);
  const standardsAt = new Date(Math.min(Date.parse(to), now.getTime()));
  const standards = await standardsAsOf(db, ids, standardsAt);
  const sessions = await heldSessionsForReport(db, ids, from, to);
  const training = await staffTrainingForAssessment(db, ids, chinaDayStart(`${p.year}-01-01`), to);
  const funds = await fundGroupsOfYear(db, p.year, ids);
  const meetings = await heldMeetingsForReport(db, ids, from, to);
  const resolutions = await resolutionsDueForReport(db, ids, p.fromDay, p.toDay);
  const points = await pointTotalsOfStations(db, ids, from, to);
  return {
    from,
    to,
    activities,
    activityMinutes,
    volunteers,
    stars,
    hours,
    orders,
    standardsAt,
    standards,
    sessions,
    training,
    funds,
    meetings,
    resolutions,
    points,
  };
}

/** The report as JSON: the page's preview and the source of both downloads. */
export async function buildReport(deps: Deps, ctx: Ctx, query: z.infer<typeof ReportQuery>): Promise<ReportView> {
  const period = periodOf(query.period);
  const { institute, units } = await unitsOf(deps, ctx, query.instituteId);
  const facts = await gather(
    deps,
    units.map((u) => u.id),
    period,
  );
  return presentReport({ ...facts, institute, units, period, now: deps.clock.now() });
}
