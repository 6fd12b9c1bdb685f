import { z } from 'zod';
import { DateString, Id, PageQuery, Phone, Text } from './common';
import { SERVICE_CATEGORIES } from './labels';

/**
 * 群众需求信息采集 (工作方案: 实践站"负责做好群众需求信息采集"): what residents asked for on a visit,
 * a survey, a talk or a call. The categories are the service menu's (服务类别), so the counts can be
 * set beside the menu. A record is evidence: a mistake is withdrawn with a reason, never edited.
 */
export const NEEDS_CATEGORIES = SERVICE_CATEGORIES;
export const NeedsCategory = z.enum(NEEDS_CATEGORIES, { message: '请选择需求类别' });
export type NeedsCategory = z.infer<typeof NeedsCategory>;

export const NEEDS_METHODS = { visit: '入户走访', survey: '问卷调查', forum: '座谈会', phone: '电话', other: '其他' } as const;
export const NeedsMethod = z.enum(['visit', 'survey', 'forum', 'phone', 'other'], { message: '请选择采集方式' });
export type NeedsMethod = z.infer<typeof NeedsMethod>;

export const NeedsRecordInput = z.strictObject({
  stationId: Id,
  collectedOn: DateString,
  method: NeedsMethod,
  place: Text(100),
  respondentName: Text(32),
  respondentPhone: Phone.optional(),
  careRecipientId: Id.optional(),
  category: NeedsCategory,
  description: Text(1000),
  people: z.number().int({ message: '人数须为整数' }).min(1, { message: '人数至少为 1' }).max(10000, { message: '人数最多 10000' }),
});
export type NeedsRecordInput = z.infer<typeof NeedsRecordInput>;

export const WithdrawNeedsInput = z.strictObject({ reason: Text(200, 2) });

const Month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: '月份格式应为 YYYY-MM' });

export const NeedsListQuery = PageQuery.extend({
  stationId: Id.optional(),
  category: NeedsCategory.optional(),
  month: Month.optional(),
  /** Withdrawn records are left out unless asked for. */
  withdrawn: z.enum(['true', 'false']).optional(),
});

export const NeedsExportQuery = z.strictObject({
  stationId: Id.optional(),
  category: NeedsCategory.optional(),
  month: Month.optional(),
});

export const NeedsRecordView = z.object({
  id: Id,
  stationId: Id,
  stationName: z.string(),
  collectedOn: z.string(),
  method: NeedsMethod,
  place: z.string(),
  collectorName: z.string(),
  respondentName: z.string(),
  /** Always masked (`139****0001`): the list is read by the district too. */
  respondentPhone: z.string().nullable(),
  careLinked: z.boolean(),
  /** The linked care recipient: only for those who serve them (the station's and the institute's admins). */
  careRecipient: z.object({ id: Id, name: z.string() }).nullable(),
  category: z.string(),
  description: z.string(),
  people: z.number().int(),
  createdAt: z.string(),
  withdrawn: z.object({ reason: z.string(), byName: z.string(), at: z.string() }).nullable(),
  canWithdraw: z.boolean(),
});
export type NeedsRecordView = z.infer<typeof NeedsRecordView>;

/** Counts over a period (default: the last 90 days up to today), withdrawn records left out. */
export const NeedsCountsQuery = z.strictObject({
  stationId: Id.optional(),
  from: DateString.optional(),
  to: DateString.optional(),
});

const CountCell = z.object({ category: z.string(), records: z.number().int(), people: z.number().int() });
export const NeedsCountsView = z.object({
  from: z.string(),
  to: z.string(),
  /** Per category over all the stations read, most records first. */
  byCategory: z.array(CountCell),
  /** Per station and category, in the stations' order. */
  byStation: z.array(CountCell.extend({ stationId: Id, stationName: z.string() })),
  total: z.object({ records: z.number().int(), people: z.number().int() }),
});
export type NeedsCountsView = z.infer<typeof NeedsCountsView>;

/** The default counting window: the 90 days up to and including `today`. */
export const NEEDS_RECENT_DAYS = 90;
