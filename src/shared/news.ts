import { z } from 'zod';
import { Id, PageQuery, Text } from './common';
import { NEWS_CATEGORIES, type NewsCategory as Category } from './news-labels';

export { NEWS_CATEGORIES, NEWS_STATUS_LABELS, SUBMISSION_STATUS_LABELS } from './news-labels';

/**
 * 新闻宣传 (工作方案 五、(五) "加强…宣传报道"; 二、(三) "加大信息报送…在区'新时代文明实践'专栏唱响'马鞍声音'").
 * News items per unit (institute or station), published on the portal; each item may be submitted
 * (信息报送) to the district's column, which adopts or returns it.
 */
export const NewsCategory = z.enum(Object.keys(NEWS_CATEGORIES) as [Category, ...Category[]], { message: '请选择新闻类别' });
export type NewsCategory = Category;

export const NewsStatus = z.enum(['draft', 'published', 'withdrawn']);
export type NewsStatus = z.infer<typeof NewsStatus>;

export const SubmissionStatus = z.enum(['none', 'submitted', 'adopted', 'returned']);
export type SubmissionStatus = z.infer<typeof SubmissionStatus>;

/** The rich text as typed: at most this many characters before sanitising. */
export const NEWS_BODY_MAX = 60_000;

export const NewsInput = z.strictObject({
  unitId: Id,
  title: Text(80, 2),
  category: NewsCategory,
  /** HTML from the editor; the server keeps only the allowed tags and attributes. */
  body: z.string().max(NEWS_BODY_MAX, { message: `正文最多 ${NEWS_BODY_MAX} 个字符` }),
  summary: Text(200).optional(),
  coverFileId: Id.nullable().default(null),
  activityId: Id.nullable().default(null),
  programmeId: Id.nullable().default(null),
});
export type NewsInput = z.infer<typeof NewsInput>;

export const NewsUpdateInput = NewsInput.omit({ unitId: true });
export type NewsUpdateInput = z.infer<typeof NewsUpdateInput>;

export const NewsReasonInput = z.strictObject({ reason: Text(200, 2) });

export const NewsListQuery = PageQuery.extend({
  unitId: Id.optional(),
  category: NewsCategory.optional(),
  status: NewsStatus.optional(),
  submission: SubmissionStatus.optional(),
  q: z.string().trim().max(40).optional(),
});

export const NewsMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: '月份格式应为 YYYY-MM' });
export const NewsCountsQuery = z.strictObject({ month: NewsMonth });

export const NewsSubmissionEvent = z.object({
  status: z.enum(['submitted', 'adopted', 'returned']),
  reason: z.string().nullable(),
  byName: z.string(),
  at: z.string(),
});

export const NewsSummary = z.object({
  id: Id,
  unitId: Id,
  unitName: z.string(),
  title: z.string(),
  category: NewsCategory,
  categoryLabel: z.string(),
  summary: z.string().nullable(),
  coverFileId: Id.nullable(),
  status: NewsStatus,
  statusLabel: z.string(),
  submission: SubmissionStatus,
  submissionLabel: z.string(),
  publishedAt: z.string().nullable(),
  updatedAt: z.string(),
});
export type NewsSummary = z.infer<typeof NewsSummary>;

export const NewsView = NewsSummary.extend({
  body: z.string(),
  activityId: Id.nullable(),
  activityTitle: z.string().nullable(),
  programmeId: Id.nullable(),
  programmeName: z.string().nullable(),
  publishedByName: z.string().nullable(),
  withdrawnAt: z.string().nullable(),
  withdrawReason: z.string().nullable(),
  createdByName: z.string(),
  submissions: z.array(NewsSubmissionEvent),
  canEdit: z.boolean(),
  canReview: z.boolean(),
});
export type NewsView = z.infer<typeof NewsView>;

export const PublicNewsQuery = PageQuery.extend({ unitId: Id.optional(), category: NewsCategory.optional() });

export const PublicNewsSummary = z.object({
  id: Id,
  unitName: z.string(),
  title: z.string(),
  category: NewsCategory,
  categoryLabel: z.string(),
  summary: z.string().nullable(),
  coverUrl: z.string().nullable(),
  publishedAt: z.string(),
});
export type PublicNewsSummary = z.infer<typeof PublicNewsSummary>;

export const PublicNewsView = PublicNewsSummary.extend({
  /** Sanitised on the server when written; image sources point at the public image route. */
  body: z.string(),
  activityTitle: z.string().nullable(),
  programmeName: z.string().nullable(),
});
export type PublicNewsView = z.infer<typeof PublicNewsView>;

export const NewsCountsRow = z.object({ unitId: Id, unitName: z.string(), submitted: z.number().int(), adopted: z.number().int(), returned: z.number().int() });
export const NewsCountsView = z.object({
  month: z.string(),
  rows: z.array(NewsCountsRow),
  total: z.object({ submitted: z.number().int(), adopted: z.number().int(), returned: z.number().int() }),
});
export type NewsCountsView = z.infer<typeof NewsCountsView>;
