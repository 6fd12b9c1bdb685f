/** Issue 13, 区级汇总: the district's streets side by side, from the same GROUP BYs the 数据大屏 runs. */
import type { z } from 'zod';
import { chinaMonthEnd, chinaMonthStart, chinaToday } from '../../../shared/china-time';
import type { DistrictSummaryQuery, DistrictSummaryView, StreetSummary } from '../../../shared/district';
import type { UnitTree } from '../../platform/access';
import type { Ctx, Deps } from '../../platform/deps';
import * as q from './dashboard.queries';

/** The month before `today`'s (YYYY-MM). */
export function lastFinishedMonth(today: string): string {
  const [y, m] = today.split('-').map(Number);
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

type Figures = Omit<StreetSummary, 'id' | 'name' | 'code' | 'monthlyRule'>;

/** Sums per-unit rows up to the street each unit belongs to. */
function rollUp(tree: UnitTree, rows: { unit: string; n: number }[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const r of rows) {
    const street = tree.instituteOf(r.unit);
    if (street) out.set(street, (out.get(street) ?? 0) + r.n);
  }
  return out;
}

/**
 * Every street in the caller's district: stations, certified volunteers, the year's approved hours,
 * activities and orders, and last month's monthly rule per station. Six aggregate statements over
 * the district, whatever the number of streets; the rules come from the per-request cache.
 */
export async function districtSummary(deps: Deps, ctx: Ctx, query: z.infer<typeof DistrictSummaryQuery>): Promise<DistrictSummaryView> {
  const units = [...(await ctx.scope.units('district.read'))];
  const tree = await ctx.scope.tree();
  const today = chinaToday(deps.clock.now());
  const year = query.year ?? Number(today.slice(0, 4));
  const yearFrom = chinaMonthStart(`${year}-01`);
  const yearTo = chinaMonthEnd(`${year}-12`);
  const month = lastFinishedMonth(today);
  const db = deps.db;
  const ids = units.length > 0 ? units : ['00000000-0000-0000-0000-000000000000'];
  const [unitRows, volunteers, minutes, activities, orders, monthActivities] = await Promise.all([
    q.unitsIn(db, ids),
    q.volunteersByStation(db, ids),
    q.approvedMinutesByUnit(db, ids, `${year}-01-01`, `${year + 1}-01-01`),
    q.activitiesByUnit(db, ids, yearFrom, yearTo),
    q.ordersByUnit(db, ids, yearFrom, yearTo),
    q.activitiesByUnit(db, ids, chinaMonthStart(month), chinaMonthEnd(month)),
  ]);
  const n = (v: unknown) => Number(v ?? 0);
  const vols = rollUp(
    tree,
    volunteers.map((r) => ({ unit: r.station_id, n: n(r.n) })),
  );
  const mins = rollUp(
    tree,
    minutes.map((r) => ({ unit: r.unit_id, n: n(r.minutes) })),
  );
  const acts = rollUp(
    tree,
    activities.map((r) => ({ unit: r.unit_id, n: n(r.n) })),
  );
  const placed = rollUp(
    tree,
    orders.map((r) => ({ unit: r.unit_id, n: n(r.placed) })),
  );
  const done = rollUp(
    tree,
    orders.map((r) => ({ unit: r.unit_id, n: n(r.done) })),
  );
  const heldInMonth = new Map(monthActivities.map((r) => [r.unit_id, n(r.n)]));
  const activeStations = unitRows.filter((u) => u.kind === 'station' && !u.archived);
  const streets: StreetSummary[] = [];
  for (const s of unitRows.filter((u) => u.kind === 'institute')) {
    const stations = activeStations.filter((u) => tree.instituteOf(u.id) === s.id);
    const minimum = (await ctx.scope.rulesOf(s.id))['activities.minPerStationPerMonth'];
    streets.push({
      id: s.id,
      name: s.name,
      code: s.code ?? null,
      stations: stations.length,
      volunteers: vols.get(s.id) ?? 0,
      approvedHours: Math.round(((mins.get(s.id) ?? 0) / 60) * 10) / 10,
      activities: acts.get(s.id) ?? 0,
      ordersPlaced: placed.get(s.id) ?? 0,
      ordersDone: done.get(s.id) ?? 0,
      monthlyRule: { month, minimum, stations: stations.length, stationsMeeting: stations.filter((u) => (heldInMonth.get(u.id) ?? 0) >= minimum).length },
    });
  }
  const sum = (f: (s: StreetSummary) => number) => streets.reduce((a, s) => a + f(s), 0);
  const totals: Figures = {
    stations: sum((s) => s.stations),
    volunteers: sum((s) => s.volunteers),
    approvedHours: Math.round(sum((s) => s.approvedHours) * 10) / 10,
    activities: sum((s) => s.activities),
    ordersPlaced: sum((s) => s.ordersPlaced),
    ordersDone: sum((s) => s.ordersDone),
  };
  return { year, streets, totals };
}
