import { z } from 'zod';
import { DateString, Id, PageQuery, Text } from './common';
import { SHOWCASE_KINDS } from './showcase-kinds';

export { SHOWCASE_KINDS };
export const SHOWCASE_KIND_KEYS = Object.keys(SHOWCASE_KINDS) as [keyof typeof SHOWCASE_KINDS, ...(keyof typeof SHOWCASE_KINDS)[]];
export const ShowcaseKind = z.enum(SHOWCASE_KIND_KEYS, { message: '请选择展示类别' });
export type ShowcaseKind = z.infer<typeof ShowcaseKind>;

export const SHOWCASE_MEDIA_MIMES = {
  image: ['image/jpeg', 'image/png'],
  video: ['video/mp4', 'video/webm'],
  pdf: ['application/pdf'],
} as const;

export const SHOWCASE_STATUS_LABELS = { draft: '草稿', published: '已发布', withdrawn: '已撤下' } as const;
export const ShowcaseStatus = z.enum(['draft', 'published', 'withdrawn']);
export type ShowcaseStatus = z.infer<typeof ShowcaseStatus>;

export const PERSON_KINDS = { volunteer: '志愿者', resident: '居民' } as const;

/**
 * A person who appears in the item (in a photo, a video, named in the text). Shown by name only with
 * their recorded consent (who recorded it, on what date, for what); without one, either shown masked
 * (张*明) or the item cannot be published (条例 第二十一条: no publication without consent).
 */
export const ShowcasePersonInput = z.strictObject({
  name: Text(40),
  kind: z.enum(['volunteer', 'resident'], { message: '请选择身份' }),
  /** Listed as 张*明 on the portal; no consent needed. */
  masked: z.boolean().default(false),
  consent: z
    .strictObject({
      recordedBy: Text(40),
      on: DateString,
      scope: Text(100),
    })
    .nullable()
    .default(null),
});
export type ShowcasePersonInput = z.infer<typeof ShowcasePersonInput>;

export const ShowcaseMediaInput = z.strictObject({ fileId: Id, caption: Text(100).optional() });

export const ShowcaseInput = z.strictObject({
  unitId: Id,
  kind: ShowcaseKind,
  title: Text(60),
  description: Text(3000).optional(),
  coverFileId: Id.nullable().default(null),
  /** In display order. */
  media: z.array(ShowcaseMediaInput).max(30, { message: '最多 30 个文件' }).default([]),
  /** 精品活动: the activity shown (its summary and photos come along). */
  activityId: Id.nullable().default(null),
  /** 品牌: the programme or brand it presents. */
  programmeId: Id.nullable().default(null),
  sort: z.number().int().min(0, { message: '排序须为 0–999' }).max(999, { message: '排序须为 0–999' }).default(0),
  featured: z.boolean().default(false),
  people: z.array(ShowcasePersonInput).max(50, { message: '最多 50 人' }).default([]),
});
export type ShowcaseInput = z.infer<typeof ShowcaseInput>;

/** Editing a draft or withdrawn item: the same fields but the unit and kind. */
export const ShowcaseUpdate = ShowcaseInput.omit({ unitId: true, kind: true });
export type ShowcaseUpdate = z.infer<typeof ShowcaseUpdate>;

export const WithdrawShowcaseInput = z.strictObject({ reason: Text(200, 2) });

export const ShowcaseListQuery = PageQuery.extend({
  kind: ShowcaseKind.optional(),
  status: ShowcaseStatus.optional(),
});
export const PublicShowcaseQuery = PageQuery.extend({ kind: ShowcaseKind.optional() });

export const ShowcaseMedia = z.object({ fileId: Id, caption: z.string().nullable(), mime: z.string(), name: z.string() });
export type ShowcaseMedia = z.infer<typeof ShowcaseMedia>;

export const ShowcasePerson = z.object({
  id: Id,
  name: z.string(),
  kind: z.enum(['volunteer', 'resident']),
  masked: z.boolean(),
  consent: z.object({ recordedBy: z.string(), on: z.string(), scope: z.string() }).nullable(),
});
export type ShowcasePerson = z.infer<typeof ShowcasePerson>;

export const ShowcaseActivity = z.object({
  id: Id,
  title: z.string(),
  startsAt: z.string(),
  /** From the activity's closing summary, when it has one. */
  summary: z.string().nullable(),
  servedCount: z.number().int().nullable(),
  photos: z.array(Id),
});
export type ShowcaseActivity = z.infer<typeof ShowcaseActivity>;

export const ShowcaseItemView = z.object({
  id: Id,
  unitId: Id,
  unitName: z.string(),
  kind: ShowcaseKind,
  kindLabel: z.string(),
  title: z.string(),
  description: z.string().nullable(),
  coverFileId: Id.nullable(),
  media: z.array(ShowcaseMedia),
  activityId: Id.nullable(),
  programmeId: Id.nullable(),
  sort: z.number().int(),
  featured: z.boolean(),
  status: ShowcaseStatus,
  people: z.array(ShowcasePerson),
  publishedAt: z.string().nullable(),
  withdrawal: z.object({ reason: z.string(), byName: z.string(), at: z.string() }).nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ShowcaseItemView = z.infer<typeof ShowcaseItemView>;

/** What anyone sees: no consent records, people by name only with consent (else masked). */
export const PublicShowcaseItem = z.object({
  id: Id,
  unitName: z.string(),
  kind: ShowcaseKind,
  kindLabel: z.string(),
  title: z.string(),
  description: z.string().nullable(),
  coverFileId: Id.nullable(),
  media: z.array(z.object({ fileId: Id, caption: z.string().nullable(), mime: z.string() })),
  activity: ShowcaseActivity.nullable(),
  featured: z.boolean(),
  people: z.array(z.string()),
  publishedAt: z.string(),
});
export type PublicShowcaseItem = z.infer<typeof PublicShowcaseItem>;

/** 张三丰 → 张*丰, 李四 → 李*. */
export function maskPersonName(name: string): string {
  const chars = [...name];
  if (chars.length <= 1) return '*';
  if (chars.length === 2) return `${chars[0]}*`;
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars[chars.length - 1]}`;
}

/** A person stops publication unless masked or with a consent record. */
export function lacksConsent(p: { masked: boolean; consent: unknown }): boolean {
  return !p.masked && !p.consent;
}
