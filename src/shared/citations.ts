import { z } from 'zod';

/**
 * A citation: one record or piece of evidence a computed figure rests on. The standards board and the
 * assessment show, for every automatic check and every point, the citations behind it; a person
 * clicks through to the record. Kinds are the records the platform keeps.
 */
export const CITATION_KINDS = [
  'activity',
  'order',
  'training_session',
  'volunteer',
  'team',
  'post',
  'brand',
  'programme',
  'venue',
  'document',
  'file',
  'meeting',
  'resolution',
  'plan_task',
  'fund_entry',
  'needs_record',
  'unit',
  'news',
] as const;
export type CitationKind = (typeof CITATION_KINDS)[number];

export const Citation = z.object({
  kind: z.enum(CITATION_KINDS),
  id: z.string(),
  /** What a person reads in the list: a title, a name, a date. */
  label: z.string(),
  /** When the record happened (ISO date or time), where it has a date. */
  at: z.string().nullable().optional(),
});
export type Citation = z.infer<typeof Citation>;

export const CITATION_KIND_LABELS: Record<CitationKind, string> = {
  activity: '活动',
  order: '点单',
  training_session: '培训',
  volunteer: '志愿者',
  team: '队伍',
  post: '岗位',
  brand: '品牌',
  programme: '项目',
  venue: '场所',
  document: '制度文件',
  file: '证明材料',
  meeting: '联席会议',
  resolution: '议定事项',
  plan_task: '工作任务',
  fund_entry: '经费支出',
  needs_record: '需求采集',
  unit: '单位',
  news: '新闻',
};

/** Where a citation opens in the console; null where the record has no page of its own (shown as text). */
export function citationHref(c: Pick<Citation, 'kind' | 'id'>): string | null {
  switch (c.kind) {
    case 'activity':
      return `/admin/activities/${c.id}`;
    case 'order':
      return `/admin/orders/${c.id}`;
    case 'volunteer':
      return `/admin/volunteers/${c.id}`;
    case 'team':
      return `/admin/teams/${c.id}`;
    case 'meeting':
      return `/admin/meetings/${c.id}`;
    case 'unit':
      return `/admin/org/${c.id}`;
    case 'file':
      return `/api/files/${c.id}`;
    default:
      return null;
  }
}
