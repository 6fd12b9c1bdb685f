/** 表彰嘉许 and 礼遇 (工作方案 五、(二) 激励回馈): awards, star milestones, benefits and public-list consent. */
import { z } from 'zod';
import { DateString, Id, PageQuery, Text } from './common';

export const AWARD_LEVELS = ['社区级', '街道级', '区级', '市级', '省级', '国家级'] as const;
export const AwardLevel = z.enum(AWARD_LEVELS, { message: '请选择表彰级别' });

export const GiveAwardInput = z
  .strictObject({
    volunteerId: Id.optional(),
    teamId: Id.optional(),
    title: Text(60),
    level: AwardLevel,
    grantedBy: Text(60),
    awardedOn: DateString,
    reason: Text(500),
  })
  .refine((v) => Boolean(v.volunteerId) !== Boolean(v.teamId), { message: '请选择一位志愿者或一支队伍（二选一）', path: ['volunteerId'] });
export type GiveAwardInput = z.infer<typeof GiveAwardInput>;

export const RevokeAwardInput = z.strictObject({ reason: Text(200) });

export const AwardView = z.object({
  id: Id,
  number: z.string(),
  recipientKind: z.enum(['volunteer', 'team']),
  volunteerId: Id.nullable(),
  teamId: Id.nullable(),
  recipientName: z.string(),
  unitId: Id,
  unitName: z.string(),
  title: z.string(),
  level: z.string(),
  grantedBy: z.string(),
  awardedOn: z.string(),
  reason: z.string(),
  createdAt: z.string(),
  revoked: z.boolean(),
  revokedAt: z.string().nullable(),
  revokeReason: z.string().nullable(),
  pdfUrl: z.string(),
});
export type AwardView = z.infer<typeof AwardView>;

export const Year = z.string().regex(/^\d{4}$/, { message: '年份格式应为 YYYY' });
export const AwardListQuery = PageQuery.extend({ year: Year.optional(), volunteerId: Id.optional() });
export const YearQuery = z.strictObject({ year: Year });

/** Who reached which star level when (a rise only). */
export const MilestoneView = z.object({
  volunteerId: Id,
  name: z.string(),
  stationName: z.string(),
  level: z.number().int(),
  previousLevel: z.number().int(),
  hours: z.number(),
  at: z.string(),
});
export type MilestoneView = z.infer<typeof MilestoneView>;

export const HonourListView = z.object({
  year: z.string(),
  awards: z.array(AwardView),
  milestones: z.array(MilestoneView),
});

export const BenefitInput = z
  .strictObject({
    title: Text(60),
    description: Text(300),
    provider: Text(60),
    minLevel: z.number().int().min(0, { message: '星级不能小于 0' }).max(10, { message: '星级不能大于 10' }),
    validFrom: DateString.nullable().optional(),
    validTo: DateString.nullable().optional(),
    active: z.boolean().default(true),
  })
  .refine((v) => !v.validFrom || !v.validTo || v.validFrom <= v.validTo, { message: '开始日期不能晚于结束日期', path: ['validTo'] });
export type BenefitInput = z.infer<typeof BenefitInput>;

export const BenefitView = z.object({
  id: Id,
  unitId: Id,
  title: z.string(),
  description: z.string(),
  provider: z.string(),
  minLevel: z.number().int(),
  validFrom: z.string().nullable(),
  validTo: z.string().nullable(),
  active: z.boolean(),
});
export type BenefitView = z.infer<typeof BenefitView>;

export const BenefitListQuery = z.strictObject({ unitId: Id.optional() });

/**
 * Consent to public lists. `masked`: listed as 张*明; `full_name`: listed with the full name;
 * `withdrawn`: not listed. No row at all means not listed.
 */
export const CONSENT_STATUSES = { masked: '同意公开（姓名隐去中间字）', full_name: '同意公开（显示全名）', withdrawn: '不公开' } as const;
export const ConsentStatus = z.enum(['masked', 'full_name', 'withdrawn'], { message: '请选择是否同意公开' });
export const MyConsentInput = z.strictObject({ status: ConsentStatus });
export const RecordConsentInput = z.strictObject({ status: ConsentStatus, note: Text(200) });

export const ConsentView = z.object({
  status: z.enum(['none', 'masked', 'full_name', 'withdrawn']),
  at: z.string().nullable(),
  bySelf: z.boolean().nullable(),
  note: z.string().nullable(),
});
export type ConsentView = z.infer<typeof ConsentView>;

export const MyHonoursView = z.object({
  volunteerId: Id,
  starLevel: z.number().int(),
  starName: z.string(),
  awards: z.array(AwardView),
  /** Awards to the teams the volunteer is an active member of now. */
  teamAwards: z.array(AwardView),
  benefits: z.array(BenefitView),
  nextLevel: z.number().int().nullable(),
  nextBenefits: z.array(BenefitView),
  consent: ConsentView,
});
export type MyHonoursView = z.infer<typeof MyHonoursView>;

export const PublicHonourView = z.object({
  number: z.string(),
  recipientKind: z.enum(['volunteer', 'team']),
  name: z.string(),
  title: z.string(),
  level: z.string(),
  grantedBy: z.string(),
  awardedOn: z.string(),
  unitName: z.string(),
});
export type PublicHonourView = z.infer<typeof PublicHonourView>;
export const PublicHonoursQuery = PageQuery.extend({ year: Year.optional(), number: z.string().trim().min(6).max(40).optional() });
