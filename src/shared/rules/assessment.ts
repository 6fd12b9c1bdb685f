/**
 * 工作方案 五、(二) 考核: the pure scoring rules. Each automatic kind is one scorer over plain facts
 * (the records themselves, so every point is traceable to what it cites); adding a kind is one entry
 * in AUTO_SCORERS (the compiler asks for it) and one fact gatherer on the server. Points are kept in
 * tenths (integers) so sums never drift; manual scores step by 0.5. Logins and clicks are never scored.
 */
import type { Citation } from '../citations';

export const AUTO_KINDS = [
  'activity_months',
  'orders_completed',
  'orders_on_time',
  'resident_rating',
  'training_coverage',
  'volunteer_growth',
  'summaries_on_time',
  'standards_met',
  'news_adopted',
] as const;
export type AutoKind = (typeof AUTO_KINDS)[number];

export const AUTO_KIND_LABELS: Record<AutoKind, string> = {
  activity_months: '按月开展活动',
  orders_completed: '群众点单办结率',
  orders_on_time: '点单按时接单率',
  resident_rating: '群众评价平均分',
  training_coverage: '工作人员培训覆盖率',
  volunteer_growth: '新增注册志愿者',
  summaries_on_time: '活动总结按时提交率',
  standards_met: '“八有”建设标准达标',
  news_adopted: '信息报送采用',
};

/** A held activity (in progress, ended or summarised) that started in the period. */
export interface HeldActivity {
  id: string;
  title: string;
  startsAt: string;
  /** The China month it started in, `YYYY-MM`. */
  month: string;
}

/** An order the station received in the period (rejected and cancelled ones are not the station's doing and are left out). */
export interface OrderFact {
  id: string;
  number: string;
  title: string;
  createdAt: string;
  completed: boolean;
  /** Taken (accepted) before its deadline; null when it was never dispatched with a deadline. */
  onTime: boolean | null;
  /** 1–5 from the resident (or staff on their behalf); never the system's default rating. */
  rating: number | null;
}

export interface StaffFact {
  accountId: string;
  name: string;
  /** The trainings they attended in the window, empty when none. */
  sessions: { id: string; topic: string; startsAt: string }[];
}

export interface VolunteerFact {
  id: string;
  name: string;
  certifiedAt: string;
}

/** An activity that ended in the period, and whether its summary came in on time. */
export interface SummaryFact {
  id: string;
  title: string;
  endsAt: string;
  summarisedAt: string | null;
  late: boolean;
}

/** One of the eight construction standards (八有) as the standards board judged it at the period's end. */
export interface StandardFact {
  /** The standard's name, e.g. 统一标识. */
  label: string;
  status: 'met' | 'partial' | 'missing';
  reason: string;
  /** What the board cites for it (posts, teams, activities, documents, confirmed evidence…). */
  citations: Citation[];
}

/** A news item of the station the district's column adopted in the period (信息报送). */
export interface NewsFact {
  id: string;
  title: string;
  adoptedAt: string;
}

export interface AutoFacts {
  /** The period's China months, `YYYY-MM`, in order. */
  months: string[];
  activities: HeldActivity[];
  orders: OrderFact[];
  staff: StaffFact[];
  volunteers: VolunteerFact[];
  summaries: SummaryFact[];
  /** The station's eight standards; empty when the indicator tree does not ask for them. */
  standards: StandardFact[];
  /** 信息报送 adopted in the period. */
  news: NewsFact[];
}

export type AutoParams = Record<string, number>;

/** Each kind's parameters with their defaults; an institute may override them per indicator. */
export const AUTO_DEFAULT_PARAMS: Record<AutoKind, AutoParams> = {
  activity_months: { perMonth: 1 },
  orders_completed: {},
  orders_on_time: {},
  resident_rating: { fullAt: 5, zeroAt: 1 },
  training_coverage: {},
  volunteer_growth: { target: 5 },
  summaries_on_time: {},
  standards_met: {},
  news_adopted: { target: 2 },
};

export interface AutoScore {
  /** Tenths of a point. */
  tenths: number;
  explanation: string;
  citations: Citation[];
}

/** Points as text: 6.7, 10, 0. */
export function pointsText(tenths: number): string {
  return String(Math.round(tenths) / 10);
}

/** max × share, rounded to a tenth of a point, never above max nor below 0. */
export function shareOf(maxPoints: number, share: number): number {
  const s = Number.isFinite(share) ? Math.min(1, Math.max(0, share)) : 0;
  return Math.round(maxPoints * 10 * s);
}

const got = (tenths: number, max: number) => `得 ${pointsText(tenths)}/${max} 分`;
const param = (p: AutoParams, kind: AutoKind, key: string) => p[key] ?? AUTO_DEFAULT_PARAMS[kind][key] ?? 0;

const activityCite = (a: HeldActivity): Citation => ({ kind: 'activity', id: a.id, label: a.title, at: a.startsAt });
const orderCite = (o: OrderFact, what: string): Citation => ({ kind: 'order', id: o.id, label: `${o.number} ${o.title}${what}`, at: o.createdAt });

type Scorer = (f: AutoFacts, p: AutoParams, max: number) => AutoScore;

function activityMonths(f: AutoFacts, p: AutoParams, max: number): AutoScore {
  const perMonth = Math.max(1, param(p, 'activity_months', 'perMonth'));
  const held = f.months.filter((m) => f.activities.filter((a) => a.month === m).length >= perMonth);
  const tenths = f.months.length ? shareOf(max, held.length / f.months.length) : 0;
  const need = perMonth > 1 ? `开展了至少 ${perMonth} 次活动` : '开展了活动';
  return {
    tenths,
    explanation: `${f.months.length} 个月中 ${held.length} 个月${need}（共 ${f.activities.length} 次），${got(tenths, max)}`,
    citations: f.activities.map(activityCite),
  };
}

function ordersCompleted(f: AutoFacts, _p: AutoParams, max: number): AutoScore {
  const done = f.orders.filter((o) => o.completed);
  if (f.orders.length === 0) return { tenths: 0, explanation: `本期未收到群众点单，${got(0, max)}`, citations: [] };
  const tenths = shareOf(max, done.length / f.orders.length);
  return {
    tenths,
    explanation: `收到点单 ${f.orders.length} 个，办结 ${done.length} 个，${got(tenths, max)}`,
    citations: f.orders.map((o) => orderCite(o, o.completed ? '（已办结）' : '（未办结）')),
  };
}

function ordersOnTime(f: AutoFacts, _p: AutoParams, max: number): AutoScore {
  const timed = f.orders.filter((o) => o.onTime !== null);
  const onTime = timed.filter((o) => o.onTime);
  if (timed.length === 0) return { tenths: 0, explanation: `本期没有派出的点单，${got(0, max)}`, citations: [] };
  const tenths = shareOf(max, onTime.length / timed.length);
  return {
    tenths,
    explanation: `派出点单 ${timed.length} 个，按时接单 ${onTime.length} 个，${got(tenths, max)}`,
    citations: timed.map((o) => orderCite(o, o.onTime ? '（按时）' : '（超时）')),
  };
}

function residentRating(f: AutoFacts, p: AutoParams, max: number): AutoScore {
  const rated = f.orders.filter((o): o is OrderFact & { rating: number } => o.rating !== null);
  if (rated.length === 0) return { tenths: 0, explanation: `本期没有群众评价，${got(0, max)}`, citations: [] };
  const avg = rated.reduce((s, o) => s + o.rating, 0) / rated.length;
  const full = param(p, 'resident_rating', 'fullAt');
  const zero = param(p, 'resident_rating', 'zeroAt');
  const tenths = shareOf(max, full > zero ? (avg - zero) / (full - zero) : 0);
  return {
    tenths,
    explanation: `${rated.length} 个评价平均 ${avg.toFixed(1)} 星（${zero} 星不得分，${full} 星满分），${got(tenths, max)}`,
    citations: rated.map((o) => orderCite(o, `（${o.rating} 星）`)),
  };
}

function trainingCoverage(f: AutoFacts, _p: AutoParams, max: number): AutoScore {
  if (f.staff.length === 0) return { tenths: 0, explanation: `本站尚无工作人员账号，${got(0, max)}`, citations: [] };
  const trained = f.staff.filter((s) => s.sessions.length > 0);
  const tenths = shareOf(max, trained.length / f.staff.length);
  const sessions = new Map<string, { topic: string; startsAt: string; names: string[] }>();
  for (const s of trained)
    for (const t of s.sessions) {
      const entry = sessions.get(t.id) ?? { topic: t.topic, startsAt: t.startsAt, names: [] };
      entry.names.push(s.name);
      sessions.set(t.id, entry);
    }
  return {
    tenths,
    explanation: `工作人员 ${f.staff.length} 人，本年度截至期末参加培训 ${trained.length} 人，${got(tenths, max)}`,
    citations: [...sessions].map(([id, t]) => ({ kind: 'training_session', id, label: `${t.topic}（参训：${t.names.join('、')}）`, at: t.startsAt })),
  };
}

function volunteerGrowth(f: AutoFacts, p: AutoParams, max: number): AutoScore {
  const target = Math.max(1, param(p, 'volunteer_growth', 'target'));
  const tenths = shareOf(max, f.volunteers.length / target);
  return {
    tenths,
    explanation: `新增注册志愿者 ${f.volunteers.length} 人（目标 ${target} 人），${got(tenths, max)}`,
    citations: f.volunteers.map((v) => ({ kind: 'volunteer', id: v.id, label: v.name, at: v.certifiedAt })),
  };
}

function summariesOnTime(f: AutoFacts, _p: AutoParams, max: number): AutoScore {
  if (f.summaries.length === 0) return { tenths: 0, explanation: `本期没有结束的活动，${got(0, max)}`, citations: [] };
  const good = f.summaries.filter((s) => s.summarisedAt !== null && !s.late);
  const tenths = shareOf(max, good.length / f.summaries.length);
  const state = (s: SummaryFact) => (s.summarisedAt === null ? '（未提交总结）' : s.late ? '（逾期提交）' : '（按时提交）');
  return {
    tenths,
    explanation: `结束活动 ${f.summaries.length} 次，按时提交总结 ${good.length} 次，${got(tenths, max)}`,
    citations: f.summaries.map((s) => ({ kind: 'activity', id: s.id, label: `${s.title}${state(s)}`, at: s.endsAt })),
  };
}

/**
 * 八有: a standard met counts whole, a partly met one half; the points are the share of the eight.
 * It cites what the board cites for the standards it counts, so each point leads to its records.
 */
function standardsMet(f: AutoFacts, _p: AutoParams, max: number): AutoScore {
  if (f.standards.length === 0) return { tenths: 0, explanation: `没有“八有”标准的判定结果，${got(0, max)}`, citations: [] };
  const met = f.standards.filter((s) => s.status === 'met');
  const partial = f.standards.filter((s) => s.status === 'partial');
  const missing = f.standards.filter((s) => s.status === 'missing');
  const tenths = shareOf(max, (met.length + partial.length / 2) / f.standards.length);
  const names = (list: StandardFact[]) => list.map((s) => s.label).join('、');
  const lost = [partial.length ? `部分达标：${names(partial)}` : '', missing.length ? `未达标：${names(missing)}` : ''].filter(Boolean).join('；');
  return {
    tenths,
    explanation: `${f.standards.length} 项标准中达标 ${met.length} 项、部分达标 ${partial.length} 项，${got(tenths, max)}${lost ? `（${lost}）` : ''}`,
    citations: [...met, ...partial].flatMap((s) => s.citations),
  };
}

/** 信息报送: items the column adopted in the period against a target (a rule per indicator, default 2). */
function newsAdopted(f: AutoFacts, p: AutoParams, max: number): AutoScore {
  const target = Math.max(1, param(p, 'news_adopted', 'target'));
  const tenths = shareOf(max, f.news.length / target);
  return {
    tenths,
    explanation: `信息报送被采用 ${f.news.length} 篇（目标 ${target} 篇），${got(tenths, max)}`,
    citations: f.news.map((n) => ({ kind: 'news', id: n.id, label: n.title, at: n.adoptedAt })),
  };
}

/** One scorer per automatic kind: a missing kind does not compile. */
export const AUTO_SCORERS: Record<AutoKind, Scorer> = {
  activity_months: activityMonths,
  orders_completed: ordersCompleted,
  orders_on_time: ordersOnTime,
  resident_rating: residentRating,
  training_coverage: trainingCoverage,
  volunteer_growth: volunteerGrowth,
  summaries_on_time: summariesOnTime,
  standards_met: standardsMet,
  news_adopted: newsAdopted,
};

export function scoreAuto(kind: AutoKind, facts: AutoFacts, params: AutoParams, maxPoints: number): AutoScore {
  return AUTO_SCORERS[kind](facts, params, maxPoints);
}

/** The China months `YYYY-MM` a date span [start, end] (inclusive days) touches. */
export function monthsOf(startDay: string, endDay: string): string[] {
  const out: string[] = [];
  let [y, m] = startDay.slice(0, 7).split('-').map(Number);
  const last = endDay.slice(0, 7);
  for (let i = 0; i < 24; i++) {
    const key = `${y}-${String(m).padStart(2, '0')}`;
    if (key > last) break;
    out.push(key);
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
  return out;
}

export type ManualScoreError = 'assessment.bad_points';

/** A hand score: 0 … max in steps of 0.5. Returns tenths, or the error. */
export function validateManualPoints(points: number, maxPoints: number): { tenths: number } | { error: ManualScoreError } {
  if (!Number.isFinite(points) || points < 0 || points > maxPoints) return { error: 'assessment.bad_points' };
  const tenths = Math.round(points * 10);
  if (Math.abs(points * 10 - tenths) > 1e-9 || tenths % 5 !== 0) return { error: 'assessment.bad_points' };
  return { tenths };
}

/** What an indicator finally counts for: the review if the institute adjusted it, else the automatic or the self score. */
export function finalTenths(s: { mode: 'auto' | 'manual'; auto: number | null; self: number | null; review: number | null }): number {
  if (s.review !== null) return s.review;
  return (s.mode === 'auto' ? s.auto : s.self) ?? 0;
}

/** Standard competition ranking (1, 1, 3): equal totals share a rank. Input order is kept for equal totals. */
export function rankByTotal<T extends { total: number }>(rows: T[]): (T & { rank: number })[] {
  const sorted = [...rows].sort((a, b) => b.total - a.total);
  return sorted.map((r, i) => {
    let first = i;
    while (first > 0 && sorted[first - 1].total === r.total) first--;
    return { ...r, rank: first + 1 };
  });
}

export type PeriodStatus = 'open' | 'reviewing' | 'published';
/** The period's one-way flow: open (self-assessment) → reviewing (the institute) → published. */
export const PERIOD_NEXT: Record<PeriodStatus, PeriodStatus | null> = { open: 'reviewing', reviewing: 'published', published: null };
