/** 数据大屏: the figures for staff over their units, and for the public over one institute (counts only). */
import type { z } from 'zod';
import { chinaMonthEnd, chinaMonthStart, chinaToday } from '../../../shared/china-time';
import type { DashboardView, PublicDashboardQuery } from '../../../shared/dashboard';
import type { Db } from '../../platform/db';
import type { Ctx, Deps } from '../../platform/deps';
import { AppError, notFound } from '../../platform/errors';
import { unitTreeOf } from '../../platform/scope';
import { presentDashboard } from './dashboard.presenter';
import * as q from './dashboard.queries';

/** How many events the live feed shows. */
export const FEED_SIZE = 20;
/** How long one institute's public answer is served from memory: the screens poll every 30 s. */
export const PUBLIC_CACHE_MS = 30_000;

/** The staff screen: the units the viewer may read (a station its own, an institute its stations, the district all below). */
export async function viewDashboard(deps: Deps, ctx: Ctx, unitId?: string): Promise<DashboardView> {
  if (!ctx.scope.hasRole('dashboard.read')) throw new AppError('access.denied');
  let units = [...(await ctx.scope.units('dashboard.read'))];
  const tree = await ctx.scope.tree();
  // One street's screen, for the district's drill-down (issue 13): that unit's subtree, in scope or 404.
  if (unitId) units = (await ctx.scope.require('dashboard.read', unitId)).subtree(unitId);
  // The screen is titled by the top units in view (those whose parent is not in view).
  const inView = new Set(units);
  const tops = units.filter((u) => {
    const parent = tree.nodes.get(u)?.parent_id;
    return !parent || !inView.has(parent);
  });
  return figuresOf(deps, units, tops);
}

type PublicCache = Map<string, { at: number; view: DashboardView }>;
const publicCaches = new WeakMap<Db, PublicCache>();

/** The public screen of one institute (the first one when none is named); no personal data at all. */
export async function viewPublicDashboard(deps: Deps, query: z.infer<typeof PublicDashboardQuery>): Promise<DashboardView> {
  const tree = await unitTreeOf(deps.db);
  let instituteId = query.instituteId;
  if (!instituteId) {
    const institutes = [...tree.nodes.values()].filter((n) => n.kind === 'institute').map((n) => n.id);
    const first = institutes.length > 0 ? (await q.unitsIn(deps.db, institutes)).find((u) => !u.archived) : undefined;
    if (!first) throw notFound();
    instituteId = first.id;
  }
  if (tree.nodes.get(instituteId)?.kind !== 'institute') throw notFound();
  const now = deps.clock.now().getTime();
  let cache = publicCaches.get(deps.db);
  if (!cache) {
    cache = new Map();
    publicCaches.set(deps.db, cache);
  }
  const hit = cache.get(instituteId);
  if (hit && now - hit.at >= 0 && now - hit.at < PUBLIC_CACHE_MS) return hit.view;
  const view = await figuresOf(deps, tree.subtree(instituteId), [instituteId]);
  cache.set(instituteId, { at: now, view });
  return view;
}

/** The twelve China months ending with the current one, oldest first (`YYYY-MM`). */
export function lastTwelveMonths(today: string): string[] {
  let [y, m] = today.split('-').map(Number);
  const out: string[] = [];
  for (let i = 0; i < 12; i++) {
    out.unshift(`${y}-${String(m).padStart(2, '0')}`);
    m -= 1;
    if (m === 0) {
      m = 12;
      y -= 1;
    }
  }
  return out;
}

/** Every figure over `units`, in a fixed number of aggregate statements whatever their size. */
async function figuresOf(deps: Deps, units: string[], tops: string[]): Promise<DashboardView> {
  const now = deps.clock.now();
  const today = chinaToday(now);
  const months = lastTwelveMonths(today);
  const year = today.slice(0, 4);
  const yearFrom = chinaMonthStart(`${year}-01`);
  const yearTo = chinaMonthEnd(`${year}-12`);
  const db = deps.db;
  const ids = units.length > 0 ? units : ['00000000-0000-0000-0000-000000000000'];
  const [unitRows, byStation, categories, skills, stars, minutesByMonth, minutesTotal] = await Promise.all([
    q.unitsIn(db, ids),
    q.volunteersByStation(db, ids),
    q.volunteersByList(db, ids, 'service_categories'),
    q.volunteersByList(db, ids, 'skills'),
    q.volunteersByStar(db, ids),
    q.approvedMinutesByMonth(db, ids, `${months[0]}-01`),
    q.approvedMinutesTotal(db, ids),
  ]);
  const [byProgramme, byUnit, orders, venues, venueCount, moves, ordersDone, hoursApproved] = await Promise.all([
    q.activitiesByProgramme(db, ids, yearFrom, yearTo),
    q.activitiesByUnit(db, ids, yearFrom, yearTo),
    q.orderFigures(db, ids, now.toISOString()),
    q.venuesOnMap(db, ids),
    q.venueCount(db, ids),
    q.recentActivityMoves(db, ids, FEED_SIZE),
    q.recentOrdersDone(db, ids, FEED_SIZE),
    q.recentHoursApproved(db, ids, FEED_SIZE),
  ]);
  return presentDashboard({
    now,
    tops,
    months,
    units: unitRows,
    byStation,
    categories,
    skills,
    stars,
    minutesByMonth,
    minutesTotal,
    byProgramme,
    byUnit,
    orders,
    venues,
    venueCount,
    moves,
    ordersDone,
    hoursApproved,
  });
}
