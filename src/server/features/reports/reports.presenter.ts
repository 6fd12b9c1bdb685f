/** The report from preloaded facts: pure, no database. Each part sums what its ledger gave, per station and in total. */
import { FUND_KINDS, summariseFunds, type SummedGroup } from '../../../shared/funds';
import { MEETING_KINDS } from '../../../shared/meetings';
import { reportTitle, type ReportPeriod, type ReportView } from '../../../shared/reports';
import { isOverdue, type ResolutionStatus } from '../../../shared/rules/meeting-flow';
import { STANDARDS } from '../../../shared/rules/standards';
import type { StandardResult } from '../../../shared/rules/standards';
import { STAR_NAMES } from '../../../shared/rules/stars';
import { coverageOf } from '../../../shared/rules/training-coverage';

interface Unit {
  id: string;
  name: string;
  kind: string;
}

export interface ReportFacts {
  institute: Unit;
  /** The institute first, then its active stations. */
  units: Unit[];
  period: ReportPeriod;
  now: Date;
  from: string;
  to: string;
  activities: { id: string; unit_id: string; programme_id: string | null; programme_name: string | null; participants: number }[];
  activityMinutes: { activity_id: string; minutes: number }[];
  volunteers: { id: string; station_id: string; status: string; certified_at: string | null }[];
  stars: Map<string, number>;
  hours: { unit_id: string; volunteer_id: string; minutes: number; records: number }[];
  orders: {
    unit_id: string;
    status: string;
    accepted_at: string | null;
    sla_due_at: string | null;
    rating: number | null;
    rated_by: string | null;
  }[];
  standardsAt: Date;
  standards: Map<string, StandardResult[]>;
  sessions: { id: string; unitName: string; topic: string; startsAt: string; minutes: number; present: number }[];
  training: { staff: { unit_id: string; account_id: string }[]; attended: { account_id: string }[] };
  funds: SummedGroup[];
  meetings: { id: string; unit_id: string; kind: string; title: string; starts_at: string }[];
  resolutions: { owner_unit_id: string; deadline: string; status: ResolutionStatus }[];
  /** Per volunteer of the stations: the period's points issued, spent and expired (points' ledger). */
  points: { issued: number; spent: number; expired: number }[];
}

const sum = <T>(rows: T[], f: (r: T) => number) => rows.reduce((s, r) => s + f(r), 0);

function activitiesPart(f: ReportFacts): ReportView['activities'] {
  const minutes = new Map(f.activityMinutes.map((m) => [m.activity_id, m.minutes]));
  const figures = (rows: ReportFacts['activities']) => ({
    count: rows.length,
    participants: sum(rows, (a) => a.participants),
    minutes: sum(rows, (a) => minutes.get(a.id) ?? 0),
  });
  const programmes = new Map<string, { id: string | null; name: string }>();
  for (const a of f.activities) programmes.set(a.programme_id ?? '', { id: a.programme_id, name: a.programme_name ?? '未归入项目' });
  return {
    total: figures(f.activities),
    byStation: f.units.map((u) => ({ unitId: u.id, unitName: u.name, ...figures(f.activities.filter((a) => a.unit_id === u.id)) })),
    byProgramme: [...programmes.entries()]
      .map(([key, p]) => ({ programmeId: p.id, programmeName: p.name, ...figures(f.activities.filter((a) => (a.programme_id ?? '') === key)) }))
      .sort((a, b) => b.count - a.count || a.programmeName.localeCompare(b.programmeName, 'zh')),
  };
}

function volunteersPart(f: ReportFacts): ReportView['volunteers'] {
  const registered = f.volunteers.filter((v) => v.status !== 'exited');
  const joined = f.volunteers.filter((v) => (v.certified_at ?? '') >= f.from);
  const active = (unitId?: string) => new Set(f.hours.filter((h) => h.minutes > 0 && (!unitId || h.unit_id === unitId)).map((h) => h.volunteer_id)).size;
  const levels = new Map<number, number>();
  for (const v of registered) {
    const level = f.stars.get(v.id) ?? 0;
    levels.set(level, (levels.get(level) ?? 0) + 1);
  }
  return {
    total: { registered: registered.length, joined: joined.length, active: active() },
    byStation: f.units.map((u) => ({
      unitId: u.id,
      unitName: u.name,
      registered: registered.filter((v) => v.station_id === u.id).length,
      joined: joined.filter((v) => v.station_id === u.id).length,
      active: active(u.id),
    })),
    byStar: [...levels.entries()].sort((a, b) => a[0] - b[0]).map(([level, count]) => ({ level, label: STAR_NAMES[level] ?? `${level}星`, count })),
  };
}

function hoursPart(f: ReportFacts): ReportView['hours'] {
  const figures = (rows: ReportFacts['hours']) => ({
    minutes: sum(rows, (h) => h.minutes),
    records: sum(rows, (h) => h.records),
    volunteers: new Set(rows.map((h) => h.volunteer_id)).size,
  });
  return {
    total: figures(f.hours),
    byStation: f.units.map((u) => ({ unitId: u.id, unitName: u.name, ...figures(f.hours.filter((h) => h.unit_id === u.id)) })),
  };
}

const DONE = new Set(['completed', 'rated', 'closed']);

function orderFigures(rows: ReportFacts['orders'], now: string) {
  const onTime = rows.map((r) => (r.accepted_at && r.sla_due_at ? r.accepted_at <= r.sla_due_at : r.sla_due_at && r.sla_due_at < now ? false : null));
  const judged = onTime.filter((x) => x !== null).length;
  const inTime = onTime.filter((x) => x === true).length;
  const ratings = rows.filter((r) => r.rating !== null && (r.rated_by === 'requester' || r.rated_by === 'staff')).map((r) => Number(r.rating));
  return {
    placed: rows.length,
    done: rows.filter((r) => DONE.has(r.status)).length,
    closedUndone: rows.filter((r) => r.status === 'rejected' || r.status === 'cancelled').length,
    judged,
    onTime: inTime,
    onTimePercent: judged ? Math.floor((inTime * 100) / judged) : null,
    rated: ratings.length,
    ratingAverage: ratings.length ? Math.round((sum(ratings, (x) => x) * 10) / ratings.length) / 10 : null,
  };
}

function ordersPart(f: ReportFacts): ReportView['orders'] {
  const now = f.now.toISOString();
  const rated = f.orders.filter((r) => r.rating !== null && (r.rated_by === 'requester' || r.rated_by === 'staff'));
  return {
    total: orderFigures(f.orders, now),
    byStation: f.units.map((u) => ({
      unitId: u.id,
      unitName: u.name,
      ...orderFigures(
        f.orders.filter((o) => o.unit_id === u.id),
        now,
      ),
    })),
    ratings: [5, 4, 3, 2, 1].map((stars) => ({ stars, count: rated.filter((r) => Number(r.rating) === stars).length })),
  };
}

function standardsPart(f: ReportFacts): ReportView['standards'] {
  return {
    asOf: f.standardsAt.toISOString(),
    byUnit: f.units.map((u) => {
      const list = f.standards.get(u.id) ?? [];
      return {
        unitId: u.id,
        unitName: u.name,
        met: list.filter((r) => r.status === 'met').length,
        partial: list.filter((r) => r.status === 'partial').length,
        total: list.length,
        missing: list.filter((r) => r.status !== 'met').map((r) => STANDARDS[r.standard].label),
      };
    }),
  };
}

function trainingPart(f: ReportFacts): ReportView['training'] {
  const trained = new Set(f.training.attended.map((a) => a.account_id));
  return {
    sessions: f.sessions,
    coverageYear: f.period.year,
    coverage: f.units.map((u) => {
      const staff = new Set(f.training.staff.filter((s) => s.unit_id === u.id).map((s) => s.account_id));
      const trainedCount = [...staff].filter((s) => trained.has(s)).length;
      return { unitId: u.id, unitName: u.name, staffCount: staff.size, trainedCount, percent: coverageOf(staff.size, trainedCount).percent };
    }),
  };
}

function fundsPart(f: ReportFacts): ReportView['funds'] {
  const s = summariseFunds(f.period.year, f.funds);
  const fig = (x: { budgetFen: number; spentFen: number; share: number | null }) => ({ budgetFen: x.budgetFen, spentFen: x.spentFen, share: x.share });
  const byUnit = new Map(s.byUnit.map((u) => [u.unitId, u]));
  return {
    year: f.period.year,
    total: fig(s.total),
    byKind: s.byKind.map((k) => ({ kind: k.kind, label: FUND_KINDS[k.kind], ...fig(k) })),
    byUnit: f.units.map((u) => ({ unitId: u.id, unitName: u.name, ...fig(byUnit.get(u.id) ?? { budgetFen: 0, spentFen: 0, share: null }) })),
  };
}

function meetingsPart(f: ReportFacts): ReportView['meetings'] {
  const names = new Map(f.units.map((u) => [u.id, u.name]));
  const r = f.resolutions;
  const due = r.filter((x) => x.status !== 'cancelled');
  return {
    held: f.meetings.length,
    joint: f.meetings.filter((m) => m.kind === 'joint').length,
    list: f.meetings.map((m) => ({
      id: m.id,
      unitName: names.get(m.unit_id) ?? '',
      kind: MEETING_KINDS[m.kind as keyof typeof MEETING_KINDS] ?? m.kind,
      title: m.title,
      startsAt: m.starts_at,
    })),
    resolutions: {
      due: due.length,
      done: due.filter((x) => x.status === 'done').length,
      overdue: due.filter((x) => isOverdue(x, f.now)).length,
      open: due.filter((x) => x.status === 'open' || x.status === 'in_progress').length,
      cancelled: r.length - due.length,
    },
  };
}

function pointsPart(f: ReportFacts): ReportView['points'] {
  return {
    issued: sum(f.points, (p) => p.issued),
    spent: sum(f.points, (p) => p.spent),
    expired: sum(f.points, (p) => p.expired),
    volunteers: f.points.filter((p) => p.issued !== 0).length,
  };
}

export function presentReport(f: ReportFacts): ReportView {
  return {
    instituteId: f.institute.id,
    instituteName: f.institute.name,
    kind: f.period.kind,
    period: f.period.period,
    periodLabel: f.period.label,
    title: reportTitle(f.institute.name, f.period),
    fromDay: f.period.fromDay,
    toDay: f.period.toDay,
    generatedAt: f.now.toISOString(),
    activities: activitiesPart(f),
    volunteers: volunteersPart(f),
    hours: hoursPart(f),
    orders: ordersPart(f),
    standards: standardsPart(f),
    training: trainingPart(f),
    funds: fundsPart(f),
    points: pointsPart(f),
    meetings: meetingsPart(f),
  };
}
