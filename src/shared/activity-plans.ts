import { z } from 'zod';
import { DateString, Id, PageQuery, Text } from './common';
import { NeedsCategory } from './needs';

/**
 * 活动计划 (工作方案: 社区分队"做好街道分队实践活动计划的匹配对接…负责活动计划承接落地"): the
 * institute's monthly or quarterly plan, passed down to its stations on publishing. Each target
 * station answers each item: accepts it, links the activity that carries it out, or says why it
 * was not held. "Held" is never typed in: it is read from the linked activity (ended or summarised).
 */
export const PERIOD_KINDS = { month: '月度', quarter: '季度' } as const;
export const PeriodKind = z.enum(['month', 'quarter'], { message: '请选择计划周期' });
export const PLAN_STATUSES = { draft: '草稿', published: '已下发' } as const;
export const PlanStatus = z.enum(['draft', 'published']);

/** What is stored for an assignment; `linked` becomes 已开展 once the activity is held. */
export const AssignmentStatus = z.enum(['pending', 'accepted', 'linked', 'not_held']);
export type AssignmentStatus = z.infer<typeof AssignmentStatus>;
/** What a person reads: the stored status with the linked activity's progress folded in. */
export const AssignmentState = z.enum(['pending', 'accepted', 'scheduled', 'held', 'not_held']);
export type AssignmentState = z.infer<typeof AssignmentState>;
export const ASSIGNMENT_STATES: Record<AssignmentState, string> = {
  pending: '待承接',
  accepted: '已承接',
  scheduled: '已安排活动',
  held: '已开展',
  not_held: '未开展',
};

export const PlanInput = z
  .strictObject({
    instituteId: Id,
    periodKind: PeriodKind,
    periodLabel: Text(30),
    periodStart: DateString,
    periodEnd: DateString,
    title: Text(60, 2),
  })
  .refine((p) => p.periodEnd >= p.periodStart, { message: '结束日期不能早于开始日期', path: ['periodEnd'] });

export const PlanItemInput = z.strictObject({
  title: Text(60, 2),
  programmeId: Id.optional(),
  category: NeedsCategory.optional(),
  /** A day in the period, or just its month (YYYY-MM). */
  suggestedDate: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?$/, { message: '建议时间格式应为 YYYY-MM 或 YYYY-MM-DD' })
    .optional(),
  description: Text(1000).optional(),
  /** Empty: every station of the institute. */
  stationIds: z.array(Id).max(100).default([]),
});

export const PlanListQuery = PageQuery.extend({ status: PlanStatus.optional() });

export const PlanItemView = z.object({
  id: Id,
  seq: z.number().int(),
  title: z.string(),
  programmeId: Id.nullable(),
  programmeName: z.string().nullable(),
  category: z.string().nullable(),
  suggestedDate: z.string().nullable(),
  description: z.string().nullable(),
  allStations: z.boolean(),
  stationIds: z.array(Id),
});
export type PlanItemView = z.infer<typeof PlanItemView>;

export const PlanView = z.object({
  id: Id,
  instituteId: Id,
  instituteName: z.string(),
  periodKind: PeriodKind,
  periodLabel: z.string(),
  periodStart: z.string(),
  periodEnd: z.string(),
  title: z.string(),
  status: PlanStatus,
  publishedAt: z.string().nullable(),
  itemCount: z.number().int(),
  canManage: z.boolean(),
});
export type PlanView = z.infer<typeof PlanView>;

export const PlanDetail = PlanView.extend({ items: z.array(PlanItemView) });
export type PlanDetail = z.infer<typeof PlanDetail>;

export const AssignmentView = z.object({
  id: Id,
  planId: Id,
  planTitle: z.string(),
  periodLabel: z.string(),
  periodEnd: z.string(),
  itemId: Id,
  itemTitle: z.string(),
  itemDescription: z.string().nullable(),
  programmeId: Id.nullable(),
  category: z.string().nullable(),
  suggestedDate: z.string().nullable(),
  stationId: Id,
  stationName: z.string(),
  status: AssignmentStatus,
  state: AssignmentState,
  note: z.string().nullable(),
  reason: z.string().nullable(),
  activity: z.object({ id: Id, title: z.string(), status: z.string(), startsAt: z.string() }).nullable(),
  /** The period has ended and the item was neither held nor explained. */
  overdue: z.boolean(),
  updatedAt: z.string(),
  canRespond: z.boolean(),
});
export type AssignmentView = z.infer<typeof AssignmentView>;

export const AssignmentListQuery = PageQuery.extend({
  planId: Id.optional(),
  stationId: Id.optional(),
  /** The stored status (a linked item is held or scheduled depending on its activity). */
  status: AssignmentStatus.optional(),
});

export const MatrixRow = z.object({
  item: PlanItemView,
  cells: z.array(AssignmentView),
});
export type MatrixRow = z.infer<typeof MatrixRow>;

export const MatrixView = z.object({
  stations: z.array(z.object({ id: Id, name: z.string() })),
  rows: z.array(MatrixRow),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  /** How many cells are in each state. */
  counts: z.object({
    pending: z.number().int(),
    accepted: z.number().int(),
    scheduled: z.number().int(),
    held: z.number().int(),
    not_held: z.number().int(),
  }),
  overdue: z.number().int(),
});

export const AcceptInput = z.strictObject({ note: Text(200).optional() });
export const LinkActivityInput = z.strictObject({ activityId: Id });
export const NotHeldInput = z.strictObject({ reason: Text(200, 2) });
