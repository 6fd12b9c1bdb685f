/** The screen's figures from the aggregate rows: pure, so what leaves the server is decided here (no names of people). */
import type { DashboardView, FeedKind } from '../../../shared/dashboard';
import { minutesToHours, STAR_NAMES } from '../../../shared/rules/stars';

type Counted = { n: number | string | bigint };
interface UnitRow {
  id: string;
  name: string;
  kind: string;
  lat: number | null;
  lng: number | null;
  archived: number;
}
export interface DashboardRows {
  now: Date;
  tops: string[];
  months: string[];
  units: UnitRow[];
  byStation: ({ station_id: string } & Counted)[];
  categories: ({ list: string } & Counted)[];
  skills: ({ list: string } & Counted)[];
  stars: ({ level: number } & Counted)[];
  minutesByMonth: { month: string; minutes: number | string | null }[];
  minutesTotal: number;
  byProgramme: ({ programme_id: string | null; name: string | null } & Counted)[];
  byUnit: ({ unit_id: string } & Counted)[];
  orders: {
    placed: number;
    dispatched: number;
    accepted: number;
    done: number;
    rated: number;
    due: number;
    inTime: number;
    ratedByPeople: number;
    ratingSum: number;
  };
  venues: { id: string; name: string; unit_id: string; lat: number | null; lng: number | null }[];
  venueCount: number;
  moves: { at: string; action: string; title: string; unit_id: string }[];
  ordersDone: { completed_at: string | null; unit_id: string; item_name: string | null }[];
  hoursApproved: { decided_at: string | null; title: string; unit_id: string; minutes: number }[];
}

/** How many skills the screen lists (the most common ones). */
const TOP_SKILLS = 10;

const byCountDesc = (a: { name: string; count: number }, b: { name: string; count: number }) => b.count - a.count || a.name.localeCompare(b.name, 'zh');

/** Spreads counts per distinct JSON list over its items: a volunteer counts once under each of their categories. */
export function spreadLists(rows: { list: string; n: number | string | bigint }[]): { name: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const r of rows) {
    let items: unknown;
    try {
      items = JSON.parse(r.list);
    } catch {
      items = [];
    }
    if (!Array.isArray(items)) continue;
    for (const item of new Set(items.filter((x): x is string => typeof x === 'string' && x.trim() !== '')))
      counts.set(item, (counts.get(item) ?? 0) + Number(r.n));
  }
  return [...counts].map(([name, count]) => ({ name, count })).sort(byCountDesc);
}

export function presentDashboard(d: DashboardRows): DashboardView {
  const units = new Map(d.units.map((u) => [u.id, u]));
  const nameOf = (id: string) => units.get(id)?.name ?? '—';
  const stations = d.units.filter((u) => u.kind === 'station' && !u.archived);
  const volunteersAt = new Map(d.byStation.map((r) => [r.station_id, Number(r.n)]));
  const volunteers = [...volunteersAt.values()].reduce((a, b) => a + b, 0);
  const starCounts = new Map(d.stars.map((r) => [Number(r.level), Number(r.n)]));
  const starred = [...starCounts.values()].reduce((a, b) => a + b, 0);
  const topLevel = Math.max(5, ...starCounts.keys());
  const monthMinutes = new Map(d.minutesByMonth.map((r) => [r.month, Number(r.minutes ?? 0)]));
  const activitiesAt = new Map(d.byUnit.map((r) => [r.unit_id, Number(r.n)]));
  const o = d.orders;
  return {
    title: d.tops.map(nameOf).join('、'),
    generatedAt: d.now.toISOString(),
    totals: {
      volunteers,
      approvedHours: minutesToHours(d.minutesTotal),
      activitiesThisYear: [...activitiesAt.values()].reduce((a, b) => a + b, 0),
      ordersDone: o.done,
      stations: stations.length,
      venues: d.venueCount,
    },
    // Every station in view, with none counted as 0, then any other unit that has volunteers.
    volunteersByStation: [
      ...stations.map((s) => ({ name: s.name, count: volunteersAt.get(s.id) ?? 0 })),
      ...[...volunteersAt].filter(([id]) => !stations.some((s) => s.id === id)).map(([id, count]) => ({ name: nameOf(id), count })),
    ],
    volunteersByCategory: spreadLists(d.categories),
    volunteersBySkill: spreadLists(d.skills).slice(0, TOP_SKILLS),
    volunteersByStar: Array.from({ length: topLevel + 1 }, (_, level) => ({
      level,
      name: STAR_NAMES[level] ?? `${level}星`,
      count: level === 0 ? Math.max(0, volunteers - starred + (starCounts.get(0) ?? 0)) : (starCounts.get(level) ?? 0),
    })),
    hoursByMonth: d.months.map((month) => ({ month, hours: minutesToHours(monthMinutes.get(month) ?? 0) })),
    activitiesByProgramme: d.byProgramme.map((r) => ({ name: r.programme_id ? (r.name ?? '—') : '未归入项目', count: Number(r.n) })).sort(byCountDesc),
    activitiesByStation: [...activitiesAt].map(([id, count]) => ({ name: nameOf(id), count })).sort(byCountDesc),
    orderFunnel: { placed: o.placed, dispatched: o.dispatched, accepted: o.accepted, done: o.done, rated: o.rated },
    timeliness: { due: o.due, inTime: o.inTime, share: o.due > 0 ? Math.round((o.inTime / o.due) * 1000) / 1000 : null },
    satisfaction: { rated: o.ratedByPeople, average: o.ratedByPeople > 0 ? Math.round((o.ratingSum / o.ratedByPeople) * 100) / 100 : null },
    venues: d.venues.flatMap((v) =>
      v.lat === null || v.lng === null ? [] : [{ id: v.id, name: v.name, lat: Number(v.lat), lng: Number(v.lng), stationName: nameOf(v.unit_id) }],
    ),
    stations: stations.map((s) => ({ id: s.id, name: s.name, lat: s.lat === null ? null : Number(s.lat), lng: s.lng === null ? null : Number(s.lng) })),
    feed: feedOf(d, nameOf),
  };
}

function feedOf(d: DashboardRows, nameOf: (id: string) => string): DashboardView['feed'] {
  const items: DashboardView['feed'] = [
    ...d.moves.map((m) => ({
      at: m.at,
      kind: (m.action === 'activities.end' ? 'activity_ended' : 'activity_published') as FeedKind,
      title: m.title,
      unitName: nameOf(m.unit_id),
      hours: null,
    })),
    ...d.ordersDone.map((r) => ({
      at: r.completed_at ?? '',
      kind: 'order_done' as const,
      title: r.item_name ?? '群众点单服务',
      unitName: nameOf(r.unit_id),
      hours: null,
    })),
    ...d.hoursApproved.map((r) => ({
      at: r.decided_at ?? '',
      kind: 'hours_approved' as const,
      title: r.title,
      unitName: nameOf(r.unit_id),
      hours: minutesToHours(Number(r.minutes)),
    })),
  ];
  return items.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0)).slice(0, 20);
}
