import { z } from 'zod';
import { DateString, Id, PageQuery, Text } from './common';

/**
 * 评选 (工作方案 三 共享邻里情: "'十星文明户'、'福美院落'、'清洁户'创建评选", "'身边好人'、'道德模范'、
 * '评乡贤学乡贤用乡贤'"; 七加一: 善行义举榜, 乡贤榜). A campaign per institute and year; stations
 * nominate, the institute reviews, publishes for 公示, handles objections and finalises.
 */
export const CAMPAIGN_KINDS = {
  ten_star: { label: '十星文明户', subject: 'household' },
  fumei_yard: { label: '福美院落', subject: 'household' },
  clean_household: { label: '清洁户', subject: 'household' },
  good_person: { label: '身边好人', subject: 'person' },
  moral_model: { label: '道德模范', subject: 'person' },
  sage: { label: '乡贤', subject: 'person' },
} as const;
export type CampaignKind = keyof typeof CAMPAIGN_KINDS;
export const CampaignKind = z.enum(Object.keys(CAMPAIGN_KINDS) as [CampaignKind, ...CampaignKind[]], { message: '请选择评选类别' });

export const CAMPAIGN_STATUS_LABELS = { open: '推荐评审中', notice: '公示中', final: '已公布结果' } as const;
export const CampaignStatus = z.enum(['open', 'notice', 'final']);

export const GENDERS = { male: '男', female: '女' } as const;
export const AGE_BANDS = ['18岁以下', '18-35岁', '36-59岁', '60-79岁', '80岁及以上'] as const;

export const CampaignInput = z
  .strictObject({
    instituteId: Id,
    year: z.number().int({ message: '年份须为整数' }).min(2000, { message: '年份不正确' }).max(2100, { message: '年份不正确' }),
    kind: CampaignKind,
    title: Text(60),
    criteria: Text(2000),
    criteriaItems: z.array(Text(100)).max(20, { message: '评选条件最多 20 条' }).default([]),
    nominateFrom: DateString,
    nominateUntil: DateString,
    quotaPerStation: z.number().int().min(1, { message: '名额至少为 1' }).max(100, { message: '名额最多 100' }).nullable().default(null),
  })
  .refine((v) => v.nominateFrom <= v.nominateUntil, { message: '推荐截止日期不能早于开始日期', path: ['nominateUntil'] });
export type CampaignInput = z.infer<typeof CampaignInput>;

export const NominationInput = z.strictObject({
  stationId: Id,
  nomineeName: Text(40),
  /** Households: address and members count. */
  address: Text(120).optional(),
  members: z.number().int().min(1, { message: '家庭人数至少为 1' }).max(30, { message: '家庭人数最多 30' }).optional(),
  /** People: gender and age band. */
  gender: z.enum(['male', 'female'], { message: '请选择性别' }).optional(),
  ageBand: z.enum(AGE_BANDS, { message: '请选择年龄段' }).optional(),
  deeds: Text(2000),
  evidence: Text(2000),
  photoFileIds: z.array(Id).max(9, { message: '照片最多 9 张' }).default([]),
  /** The nominee agreed to be published (公示 and the result): required, with who recorded it. */
  consent: z.literal(true, { message: '须确认被推荐人同意公示' }),
  consentRecordedBy: Text(40),
  consentOn: DateString,
});
export type NominationInput = z.infer<typeof NominationInput>;

export const WithdrawNominationInput = z.strictObject({ reason: Text(200, 2) });
export const DecisionInput = z.strictObject({ selected: z.boolean(), reason: Text(500, 2) });
export const ResolveObjectionInput = z.strictObject({ upheld: z.boolean(), reply: Text(1000, 2) });

export const ObjectionInput = z.strictObject({
  nominationId: Id,
  name: Text(40).optional(),
  contact: Text(60, 5),
  content: Text(1000, 5),
});

export const CampaignListQuery = PageQuery.extend({ year: z.coerce.number().int().min(2000).max(2100).optional() });

export const CampaignSummary = z.object({
  id: Id,
  instituteId: Id,
  year: z.number().int(),
  kind: CampaignKind,
  kindLabel: z.string(),
  subject: z.enum(['household', 'person']),
  title: z.string(),
  nominateFrom: z.string(),
  nominateUntil: z.string(),
  quotaPerStation: z.number().int().nullable(),
  status: CampaignStatus,
  noticeEndsOn: z.string().nullable(),
  nominations: z.number().int(),
});
export type CampaignSummary = z.infer<typeof CampaignSummary>;

export const NominationView = z.object({
  id: Id,
  stationId: Id,
  stationName: z.string(),
  nomineeName: z.string(),
  address: z.string().nullable(),
  members: z.number().int().nullable(),
  gender: z.string().nullable(),
  ageBand: z.string().nullable(),
  deeds: z.string(),
  evidence: z.string(),
  photoFileIds: z.array(Id),
  consentRecordedBy: z.string(),
  consentOn: z.string(),
  createdByName: z.string(),
  createdAt: z.string(),
  withdrawn: z.object({ reason: z.string(), byName: z.string(), at: z.string() }).nullable(),
  decision: z.object({ selected: z.boolean(), reason: z.string(), byName: z.string(), at: z.string() }).nullable(),
  /** Removed from the result by an upheld objection: the reply given. */
  removed: z.string().nullable(),
});
export type NominationView = z.infer<typeof NominationView>;

export const ObjectionView = z.object({
  id: Id,
  nominationId: Id,
  nomineeName: z.string(),
  name: z.string().nullable(),
  contact: z.string(),
  content: z.string(),
  createdAt: z.string(),
  resolution: z.object({ upheld: z.boolean(), reply: z.string(), byName: z.string(), at: z.string() }).nullable(),
});
export type ObjectionView = z.infer<typeof ObjectionView>;

export const CampaignView = CampaignSummary.extend({
  criteria: z.string(),
  criteriaItems: z.array(z.string()),
  publishedAt: z.string().nullable(),
  finalisedAt: z.string().nullable(),
  /** Live nominations of the stations the caller sees (the institute: all), withdrawn ones after. */
  nominationList: z.array(NominationView),
  /** The institute's admins only; empty for others. */
  objections: z.array(ObjectionView),
  canManage: z.boolean(),
  /** The stations the caller may nominate for (open campaigns inside the window). */
  nominateStations: z.array(z.object({ id: Id, name: z.string() })),
});
export type CampaignView = z.infer<typeof CampaignView>;

/** What anyone sees: no evidence, no photos, no objector's contact. */
export const PublicNominee = z.object({
  id: Id,
  name: z.string(),
  stationName: z.string(),
  deeds: z.string(),
});
export const PublicCampaign = z.object({
  id: Id,
  instituteName: z.string(),
  year: z.number().int(),
  kind: CampaignKind,
  kindLabel: z.string(),
  title: z.string(),
  criteria: z.string(),
  status: z.enum(['notice', 'final']),
  noticeEndsOn: z.string().nullable(),
  /** Whether objections are taken today. */
  objectionsOpen: z.boolean(),
  nominees: z.array(PublicNominee),
});
export type PublicCampaign = z.infer<typeof PublicCampaign>;
export const PublicCampaignsView = z.object({
  /** Campaigns in 公示. */
  notices: z.array(PublicCampaign),
  /** Finalised results, newest year first. */
  results: z.array(PublicCampaign),
});
export type PublicCampaignsView = z.infer<typeof PublicCampaignsView>;
export const ObjectionReceipt = z.object({ ok: z.literal(true), message: z.string() });
