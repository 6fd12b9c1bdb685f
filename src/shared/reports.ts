import { z } from 'zod';
import { Id } from './common';

/**
 * 工作报表: the institute's monthly (月报) and yearly (年报) report for the district, generated from
 * what was entered — activities, volunteers and hours, orders, the 八有 standards, training, funds and
 * the joint meetings. Nothing is typed twice: every figure is read from its feature's ledger.
 */
export const REPORT_KINDS = { month: '月报', year: '年报' } as const;
export type ReportKind = keyof typeof REPORT_KINDS;

/** `YYYY-MM` (月报) or `YYYY` (年报); checked by `parseReportPeriod` so a bad one answers `reports.bad_period`. */
export const PERIOD_PATTERN = /^(20\d{2})(?:-(0[1-9]|1[0-2]))?$/;

export interface ReportPeriod {
  kind: ReportKind;
  period: string;
  year: number;
  /** First and last China calendar day of the period. */
  fromDay: string;
  toDay: string;
  /** 2026年11月 / 2026年. */
  label: string;
}

function lastDayOf(year: number, month: number): string {
  const d = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** The period a text names, or null when it is neither `YYYY-MM` nor `YYYY`. */
export function parseReportPeriod(text: string): ReportPeriod | null {
  const m = PERIOD_PATTERN.exec(text);
  if (!m) return null;
  const year = Number(m[1]);
  if (!m[2]) return { kind: 'year', period: text, year, fromDay: `${year}-01-01`, toDay: `${year}-12-31`, label: `${year}年` };
  const month = Number(m[2]);
  return { kind: 'month', period: text, year, fromDay: `${text}-01`, toDay: lastDayOf(year, month), label: `${year}年${month}月` };
}

/** "马鞍街道新时代文明实践所 2026年11月 工作月报". */
export function reportTitle(instituteName: string, p: Pick<ReportPeriod, 'label' | 'kind'>): string {
  return `${instituteName} ${p.label} 工作${REPORT_KINDS[p.kind]}`;
}

export const ReportQuery = z.strictObject({
  instituteId: Id,
  period: z.string().max(16, { message: '报表期间格式应为 YYYY-MM（月报）或 YYYY（年报）' }),
});

const Unit = { unitId: Id, unitName: z.string() };

const ActivityFigures = z.object({ count: z.number().int(), participants: z.number().int(), minutes: z.number() });
const HourFigures = z.object({ minutes: z.number(), records: z.number().int(), volunteers: z.number().int() });
const VolunteerFigures = z.object({ registered: z.number().int(), joined: z.number().int(), active: z.number().int() });
const OrderFigures = z.object({
  placed: z.number().int(),
  done: z.number().int(),
  closedUndone: z.number().int(),
  judged: z.number().int(),
  onTime: z.number().int(),
  /** Accepted within the deadline among those judged, 0–100 (floored); null when none could be judged. */
  onTimePercent: z.number().nullable(),
  rated: z.number().int(),
  /** One decimal; null when nobody rated. */
  ratingAverage: z.number().nullable(),
});
const FundFigures = z.object({ budgetFen: z.number(), spentFen: z.number(), share: z.number().nullable() });

export const ReportView = z.object({
  instituteId: Id,
  instituteName: z.string(),
  kind: z.enum(['month', 'year']),
  period: z.string(),
  periodLabel: z.string(),
  title: z.string(),
  fromDay: z.string(),
  toDay: z.string(),
  generatedAt: z.string(),
  activities: z.object({
    total: ActivityFigures,
    byStation: z.array(ActivityFigures.extend(Unit)),
    byProgramme: z.array(ActivityFigures.extend({ programmeId: Id.nullable(), programmeName: z.string() })),
  }),
  volunteers: z.object({
    total: VolunteerFigures,
    byStation: z.array(VolunteerFigures.extend(Unit)),
    byStar: z.array(z.object({ level: z.number().int(), label: z.string(), count: z.number().int() })),
  }),
  hours: z.object({ total: HourFigures, byStation: z.array(HourFigures.extend(Unit)) }),
  orders: z.object({
    total: OrderFigures,
    byStation: z.array(OrderFigures.extend(Unit)),
    ratings: z.array(z.object({ stars: z.number().int(), count: z.number().int() })),
  }),
  standards: z.object({
    asOf: z.string(),
    byUnit: z.array(z.object({ ...Unit, met: z.number().int(), partial: z.number().int(), total: z.number().int(), missing: z.array(z.string()) })),
  }),
  training: z.object({
    sessions: z.array(z.object({ id: Id, unitName: z.string(), topic: z.string(), startsAt: z.string(), minutes: z.number(), present: z.number().int() })),
    coverageYear: z.number().int(),
    coverage: z.array(z.object({ ...Unit, staffCount: z.number().int(), trainedCount: z.number().int(), percent: z.number() })),
  }),
  funds: z.object({
    year: z.number().int(),
    total: FundFigures,
    byKind: z.array(FundFigures.extend({ kind: z.string(), label: z.string() })),
    byUnit: z.array(FundFigures.extend(Unit)),
  }),
  points: z.object({ issued: z.number().int(), spent: z.number().int(), expired: z.number().int(), volunteers: z.number().int() }),
  meetings: z.object({
    held: z.number().int(),
    joint: z.number().int(),
    list: z.array(z.object({ id: Id, unitName: z.string(), kind: z.string(), title: z.string(), startsAt: z.string() })),
    resolutions: z.object({ due: z.number().int(), done: z.number().int(), overdue: z.number().int(), open: z.number().int(), cancelled: z.number().int() }),
  }),
});
export type ReportView = z.infer<typeof ReportView>;

/** Minutes as hours with one decimal, the way the hours pages show them. */
export function hoursOf(minutes: number): number {
  return Math.round(minutes / 6) / 10;
}
