import { z } from 'zod';
import { Id, PageQuery, Paged, Text } from './common';

/**
 * 积分 (工作方案 五、(二) 激励回馈): a volunteer's points are a ledger of signed entries, each with
 * its source. Earning: approved service hours (minutes × the rule's points per hour ÷ 60, rounded
 * down — the entry's reason says so), a good rating of an order, an activity bonus, a staff grant.
 * Staff deduct with a reason; a manual entry is undone (撤销) by a counter-entry, at most its net.
 */
export { POINT_KINDS } from './rules/points';
export const PointKind = z.enum(['hours', 'activity_bonus', 'order_rating', 'grant', 'deduct', 'correction', 'redeem', 'redeem_refund', 'expire']);
export type PointKind = z.infer<typeof PointKind>;

export const MAX_MANUAL_POINTS = 10_000;

const ManualPoints = z
  .number({ message: '请输入积分' })
  .int({ message: '积分应为整数' })
  .min(1, { message: '积分应大于 0' })
  .max(MAX_MANUAL_POINTS, { message: `单次不超过 ${MAX_MANUAL_POINTS} 分` });
const Reason = Text(200, 2);

export const PointsManualInput = z.strictObject({ points: ManualPoints, reason: Reason });
export type PointsManualInput = z.infer<typeof PointsManualInput>;

/** 撤销: a counter-entry of a manual entry; `points` defaults to everything that remains of it. */
export const PointsRevokeInput = z.strictObject({ points: ManualPoints.optional(), reason: Reason });
export type PointsRevokeInput = z.infer<typeof PointsRevokeInput>;

export const ActivityBonusInput = z.strictObject({ points: ManualPoints, reason: Reason });
export type ActivityBonusInput = z.infer<typeof ActivityBonusInput>;

export const PointMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: '月份格式应为 YYYY-MM' });

export const PointEntryView = z.object({
  id: Id,
  volunteerId: Id,
  volunteerName: z.string(),
  unitId: Id,
  unitName: z.string(),
  kind: PointKind,
  /** Signed. */
  points: z.number().int(),
  sourceType: z.string().nullable(),
  sourceId: z.string().nullable(),
  /** What the source is, in words (服务记录「…」, 需求单…). */
  sourceLabel: z.string(),
  /** Where the record behind the entry is shown, for the person reading the statement; null without one. */
  link: z.string().nullable(),
  correctsId: Id.nullable(),
  reason: z.string().nullable(),
  expiresOn: z.string().nullable(),
  /** For a manual entry: what is left of it after its counter-entries (what 撤销 may still take). */
  net: z.number().int(),
  revocable: z.boolean(),
  createdAt: z.string(),
  createdByName: z.string().nullable(),
});
export type PointEntryView = z.infer<typeof PointEntryView>;

export const PointTotals = z.object({
  balance: z.number().int(),
  issued: z.number().int(),
  spent: z.number().int(),
  expired: z.number().int(),
});
export type PointTotals = z.infer<typeof PointTotals>;

export const PointStatementView = z.object({
  volunteerId: Id,
  volunteerName: z.string(),
  stationId: Id,
  stationName: z.string(),
  totals: PointTotals,
  entries: Paged(PointEntryView),
  canWrite: z.boolean(),
});
export type PointStatementView = z.infer<typeof PointStatementView>;

export const PointStatementQuery = PageQuery.extend({ kind: PointKind.optional() });

export const PointHolderView = z.object({
  volunteerId: Id,
  name: z.string(),
  volunteerNo: z.string().nullable(),
  stationId: Id,
  stationName: z.string(),
  ...PointTotals.shape,
});
export type PointHolderView = z.infer<typeof PointHolderView>;

export const PointHolderQuery = PageQuery.extend({ q: z.string().trim().max(30).optional(), unitId: Id.optional() });

export const PointLedgerQuery = PageQuery.extend({ unitId: Id.optional(), month: PointMonth.optional(), kind: PointKind.optional() });
export const PointLedgerExportQuery = z.strictObject({ unitId: Id.optional(), month: PointMonth.optional(), kind: PointKind.optional() });

export const ActivityBonusView = z.object({ activityId: Id, granted: z.number().int(), skipped: z.number().int(), points: z.number().int() });

export const PointsVerifyView = z.object({
  ok: z.boolean(),
  volunteers: z.number().int(),
  issued: z.number().int(),
  spent: z.number().int(),
  expired: z.number().int(),
  balance: z.number().int(),
  entriesSum: z.number().int(),
  mismatches: z.array(z.object({ volunteerId: Id, name: z.string(), balance: z.number().int(), entriesSum: z.number().int() })),
});
export type PointsVerifyView = z.infer<typeof PointsVerifyView>;
