import { z } from 'zod';
import { Citation } from './citations';
import { DateString, Id, PageQuery, Text } from './common';
import { AUTO_KINDS } from './rules/assessment';

/** 工作方案 五、(二) 考核: the indicator tree, periods, a station's sheet, results and history. */
export const PeriodKind = z.enum(['month', 'quarter', 'year']);
export const PERIOD_KINDS = { month: '月度', quarter: '季度', year: '年度' } as const;
export const PeriodStatus = z.enum(['open', 'reviewing', 'published']);
export const PERIOD_STATUSES = { open: '自评中', reviewing: '审核中', published: '已公布' } as const;
export const IndicatorMode = z.enum(['auto', 'manual']);
export const INDICATOR_MODES = { auto: '自动计分', manual: '人工评分' } as const;
export const AutoKindSchema = z.enum(AUTO_KINDS);

const Points = z.number({ message: '请填写分数' });
const Params = z.record(z.string().max(20), z.number().min(0).max(1000)).refine((p) => Object.keys(p).length <= 5, { message: '参数过多' });

export const IndicatorInput = z.strictObject({
  instituteId: Id,
  /** A category (一级指标) has no parent; an item hangs under a category. */
  parentId: Id.nullable().default(null),
  title: Text(60, 2),
  content: Text(500).or(z.literal('')).default(''),
  standard: Text(500).or(z.literal('')).default(''),
  maxPoints: z.number().int({ message: '满分须为整数' }).min(0).max(100, { message: '满分最多 100 分' }).default(0),
  mode: IndicatorMode.default('manual'),
  autoKind: AutoKindSchema.nullable().default(null),
  params: Params.default({}),
  sort: z.number().int().min(0).max(10_000).default(0),
});

export const IndicatorPatch = z.strictObject({
  title: Text(60, 2).optional(),
  content: Text(500).or(z.literal('')).optional(),
  standard: Text(500).or(z.literal('')).optional(),
  maxPoints: z.number().int({ message: '满分须为整数' }).min(0).max(100, { message: '满分最多 100 分' }).optional(),
  mode: IndicatorMode.optional(),
  autoKind: AutoKindSchema.nullable().optional(),
  params: Params.optional(),
  sort: z.number().int().min(0).max(10_000).optional(),
  archived: z.boolean().optional(),
});

export const IndicatorQuery = PageQuery.extend({
  instituteId: Id.optional(),
  includeArchived: z.enum(['true', 'false']).optional(),
});

export const IndicatorView = z.object({
  id: Id,
  instituteId: Id,
  parentId: Id.nullable(),
  level: z.number().int(),
  title: z.string(),
  content: z.string(),
  standard: z.string(),
  maxPoints: z.number().int(),
  mode: IndicatorMode,
  autoKind: AutoKindSchema.nullable(),
  params: z.record(z.string(), z.number()),
  sort: z.number().int(),
  archived: z.boolean(),
});
export type IndicatorView = z.infer<typeof IndicatorView>;

/** The tree as a period keeps it: taken when the period opens, never changed by later edits. */
export const SnapshotItem = IndicatorView.pick({
  id: true,
  title: true,
  content: true,
  standard: true,
  maxPoints: true,
  mode: true,
  autoKind: true,
  params: true,
});
export type SnapshotItem = z.infer<typeof SnapshotItem>;
export const TreeSnapshot = z.array(z.object({ id: Id, title: z.string(), items: z.array(SnapshotItem) }));
export type TreeSnapshot = z.infer<typeof TreeSnapshot>;

export const PeriodInput = z.strictObject({
  instituteId: Id,
  kind: PeriodKind,
  label: Text(40, 2),
  startsOn: DateString,
  endsOn: DateString,
  selfDeadline: DateString,
});

export const PeriodQuery = PageQuery.extend({ status: PeriodStatus.optional() });

export const PeriodView = z.object({
  id: Id,
  instituteId: Id,
  instituteName: z.string(),
  kind: PeriodKind,
  label: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  selfDeadline: z.string(),
  status: PeriodStatus,
  openedAt: z.string(),
  publishedAt: z.string().nullable(),
  maxTotal: z.number(),
  canManage: z.boolean(),
});
export type PeriodView = z.infer<typeof PeriodView>;

export const StationRow = z.object({
  stationId: Id,
  stationName: z.string(),
  submittedAt: z.string().nullable(),
  /** Sum of the self scores entered so far (manual indicators). */
  selfTotal: z.number(),
  /** How many indicators the institute adjusted. */
  adjusted: z.number().int(),
  /** Automatic points plus self or reviewed manual points; null for another station's sheet before publishing. */
  total: z.number().nullable(),
  rank: z.number().int().nullable(),
});
export type StationRow = z.infer<typeof StationRow>;

export const PeriodDetail = PeriodView.extend({ stations: z.array(StationRow), tree: TreeSnapshot });
export type PeriodDetail = z.infer<typeof PeriodDetail>;

export const SheetParams = z.strictObject({ id: Id, stationId: Id });
export const StationParams = z.strictObject({ stationId: Id });

const Stamp = { by: z.string().nullable(), at: z.string() };
export const SheetRow = z.object({
  categoryId: Id,
  categoryTitle: z.string(),
  indicator: SnapshotItem,
  auto: z.object({ points: z.number(), explanation: z.string(), citations: z.array(Citation) }).nullable(),
  self: z.object({ points: z.number(), note: z.string().nullable(), evidenceFileIds: z.array(Id), ...Stamp }).nullable(),
  review: z.object({ points: z.number(), reason: z.string(), ...Stamp }).nullable(),
  final: z.number(),
  lost: z.number(),
});
export type SheetRow = z.infer<typeof SheetRow>;

export const Sheet = z.object({
  period: PeriodView,
  stationId: Id,
  stationName: z.string(),
  submittedAt: z.string().nullable(),
  rows: z.array(SheetRow),
  total: z.number(),
  maxTotal: z.number(),
  rank: z.number().int().nullable(),
  canSelf: z.boolean(),
  canReview: z.boolean(),
});
export type Sheet = z.infer<typeof Sheet>;

export const SelfScoreInput = z.strictObject({
  indicatorId: Id,
  points: Points,
  note: Text(500).or(z.literal('')).default(''),
  evidenceFileIds: z.array(Id).max(10, { message: '最多 10 个证明材料' }).default([]),
});

export const ReviewScoreInput = z.strictObject({
  indicatorId: Id,
  points: Points,
  reason: Text(500, 2),
});

export const Subtotal = z.object({ categoryId: Id, title: z.string(), points: z.number(), maxPoints: z.number() });
export const ResultRow = z.object({
  stationId: Id,
  stationName: z.string(),
  total: z.number(),
  rank: z.number().int(),
  /** Per category; null where the caller sees only the total (another station's result). */
  subtotals: z.array(Subtotal).nullable(),
});
export type ResultRow = z.infer<typeof ResultRow>;

export const HistoryRow = z.object({
  periodId: Id,
  label: z.string(),
  kind: PeriodKind,
  startsOn: z.string(),
  endsOn: z.string(),
  publishedAt: z.string(),
  total: z.number(),
  maxTotal: z.number(),
  rank: z.number().int(),
  stationCount: z.number().int(),
  subtotals: z.array(Subtotal),
});
export type HistoryRow = z.infer<typeof HistoryRow>;
