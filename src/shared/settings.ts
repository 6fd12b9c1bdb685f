import { z } from 'zod';
import { DateString, Id } from './common';

/**
 * The plan's numbers as rules. Each institute may change them; Ma'an's values are the defaults.
 * `source` names where the number comes from so staff can see why it is what it is.
 * `editor` tells the console which input to show.
 */
const IntRule = (min: number, max: number) => z.number().int().min(min).max(max);
const RangeRule = z
  .strictObject({ min: z.number().int().min(0).max(100), max: z.number().int().min(0).max(100) })
  .refine((v) => v.min <= v.max, { message: '下限不能大于上限' });
const Thresholds = z
  .array(z.number().int().min(1).max(100000))
  .min(1)
  .max(10)
  .refine((a) => a.every((v, i) => i === 0 || v > a[i - 1]), { message: '各级门槛必须逐级递增' });
const DateList = z.array(DateString).max(400);
/** Staff roles that must sign in with a second factor; volunteers and residents never do. */
export const TOTP_ROLE_CHOICES = ['institute_admin', 'station_admin', 'team_leader', 'district_viewer'] as const;
const TotpRoles = z
  .array(z.enum(TOTP_ROLE_CHOICES))
  .max(TOTP_ROLE_CHOICES.length)
  .refine((a) => new Set(a).size === a.length, { message: '角色不能重复' });

export const RULES = {
  'activities.minPerStationPerMonth': {
    label: '每个实践站每月至少开展文明实践活动（次）',
    source: '工作方案 二、（二）6 有活动项目',
    editor: 'integer',
    unit: '次',
    schema: IntRule(0, 100),
    default: 1,
  },
  'staffing.institute': {
    label: '实践所工作人员配备（人）',
    source: '工作方案 二、（二）3 有工作人员',
    editor: 'range',
    unit: '人',
    schema: RangeRule,
    default: { min: 2, max: 3 },
  },
  'staffing.station': {
    label: '实践站工作人员配备（人）',
    source: '工作方案 二、（二）3 有工作人员',
    editor: 'range',
    unit: '人',
    schema: RangeRule,
    default: { min: 1, max: 1 },
  },
  'stars.thresholds': {
    label: '星级志愿者门槛（累计认定服务时长，小时；一星至五星）',
    source: '工作方案 五、（二）四 激励制度；星级志愿者通行标准',
    editor: 'thresholds',
    unit: '小时',
    schema: Thresholds,
    default: [100, 300, 600, 1000, 1500],
  },
  'points.perApprovedHour': {
    label: '每认定 1 小时服务时长获得积分',
    source: '工作方案 五、（二）四 激励回馈',
    editor: 'integer',
    unit: '分',
    schema: IntRule(0, 100),
    default: 1,
  },
  'hours.recordDeadlineWorkingDays': {
    label: '活动结束后录入服务记录的期限（工作日）',
    source: '《志愿服务记录与证明出具办法（试行）》第十一条',
    editor: 'integer',
    unit: '个工作日',
    schema: IntRule(1, 60),
    default: 10,
  },
  'hours.minAttendancePercent': {
    label: '签到时长达到活动时长的百分比才计入服务时长',
    source: '志愿服务平台通行做法（签到时长 ≥ 60%）',
    editor: 'integer',
    unit: '%',
    schema: IntRule(1, 100),
    default: 60,
  },
  'checkins.maxPairsPerDay': {
    label: '每人每天最多签到签退次数（对）',
    source: '志愿服务平台通行做法',
    editor: 'integer',
    unit: '对',
    schema: IntRule(1, 10),
    default: 3,
  },
  'activities.summaryDeadlineWorkingDays': {
    label: '活动结束后提交活动总结的期限（工作日）',
    source: '《志愿服务记录与证明出具办法（试行）》第十一条（参照）',
    editor: 'integer',
    unit: '个工作日',
    schema: IntRule(1, 60),
    default: 10,
  },
  'orders.defaultSlaHours': {
    label: '派单后须在多少小时内接单（服务清单未设置时）',
    source: '工作方案 四、（一）群众点单与志愿者接单相衔接',
    editor: 'integer',
    unit: '小时',
    schema: IntRule(1, 720),
    default: 24,
  },
  'orders.defaultRatingDays': {
    label: '结项后多少天未评价视为默认好评',
    source: '志愿服务平台通行做法',
    editor: 'integer',
    unit: '天',
    schema: IntRule(1, 90),
    default: 7,
  },
  'orders.duplicateWindowDays': {
    label: '同一居民重复点同一服务的提示期（天）',
    source: '志愿服务平台通行做法',
    editor: 'integer',
    unit: '天',
    schema: IntRule(1, 90),
    default: 7,
  },
  'care.noContactDays': {
    label: '关爱对象超过多少天未联系即提醒',
    source: '工作方案 三、（二）精准关爱帮扶',
    editor: 'integer',
    unit: '天',
    schema: IntRule(1, 365),
    default: 30,
  },
  'calendar.holidays': {
    label: '法定节假日（不计工作日）',
    source: '国务院办公厅节假日安排',
    editor: 'dates',
    unit: '',
    schema: DateList,
    default: [
      '2026-01-01',
      '2026-01-02',
      '2026-01-03',
      '2026-02-15',
      '2026-02-16',
      '2026-02-17',
      '2026-02-18',
      '2026-02-19',
      '2026-02-20',
      '2026-02-21',
      '2026-02-22',
      '2026-02-23',
      '2026-04-04',
      '2026-04-05',
      '2026-04-06',
      '2026-05-01',
      '2026-05-02',
      '2026-05-03',
      '2026-05-04',
      '2026-05-05',
      '2026-06-19',
      '2026-06-20',
      '2026-06-21',
      '2026-09-25',
      '2026-09-26',
      '2026-09-27',
      '2026-10-01',
      '2026-10-02',
      '2026-10-03',
      '2026-10-04',
      '2026-10-05',
      '2026-10-06',
      '2026-10-07',
    ],
  },
  'calendar.makeupWorkdays': {
    label: '调休上班日（周末按工作日计）',
    source: '国务院办公厅节假日安排',
    editor: 'dates',
    unit: '',
    schema: DateList,
    default: ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'],
  },
  'campaigns.noticeWorkingDays': {
    label: '评选结果公示期（工作日）',
    source: '工作方案 三 共享邻里情（评选结果公示通行做法）',
    editor: 'integer',
    unit: '个工作日',
    schema: IntRule(1, 30),
    default: 5,
  },
  'points.perGoodRating': {
    label: '点单服务获好评（4 星及以上）奖励积分',
    source: '工作方案 五、（二）四 激励回馈',
    editor: 'integer',
    unit: '分',
    schema: IntRule(0, 100),
    default: 2,
  },
  'points.expiryMonths': {
    label: '获得的积分多少个月后过期（0 为不过期）',
    source: '工作方案 五、（二）四 激励回馈',
    editor: 'integer',
    unit: '个月',
    schema: IntRule(0, 120),
    default: 0,
  },
  'market.reservationDays': {
    label: '爱心超市预约保留天数（逾期未领取自动取消并退回积分）',
    source: '工作方案 五、（二）四 激励回馈',
    editor: 'integer',
    unit: '天',
    schema: IntRule(1, 60),
    default: 7,
  },
  'security.totpRequiredRoles': {
    label: '须启用双因素登录（密码 + 身份验证器验证码）的角色',
    source: '等保 2.0 第三级 身份鉴别 d（两种及以上鉴别技术）；ASVS 6.3.2',
    editor: 'roles',
    unit: '',
    schema: TotpRoles,
    default: ['institute_admin', 'station_admin'],
  },
} as const;

export type RuleKey = keyof typeof RULES;
export const RULE_KEYS = Object.keys(RULES) as RuleKey[];
export type RuleValue<K extends RuleKey> = z.infer<(typeof RULES)[K]['schema']>;
export type RuleValues = { [K in RuleKey]: RuleValue<K> };

export function isRuleKey(key: string): key is RuleKey {
  return Object.hasOwn(RULES, key);
}

export const RuleView = z.object({
  key: z.string(),
  label: z.string(),
  source: z.string(),
  editor: z.enum(['integer', 'range', 'thresholds', 'dates', 'roles']),
  unit: z.string(),
  value: z.unknown(),
  defaultValue: z.unknown(),
  isDefault: z.boolean(),
  updatedAt: z.string().nullable(),
  updatedBy: z.string().nullable(),
  /**
   * Issue 13: where the value comes from — the unit's own setting, the district's default (an
   * institute that has not set its own), or the plan's default.
   */
  origin: z.enum(['own', 'district', 'plan']),
  /** What the value would be without the unit's own setting: the district's default, else the plan's (what a reset returns to). */
  inheritedValue: z.unknown(),
});
export type RuleView = z.infer<typeof RuleView>;

export const SettingsView = z.object({
  unitId: Id,
  unitName: z.string(),
  canEdit: z.boolean(),
  rules: z.array(RuleView),
  /** Issue 13: an institute's rules, or a district's defaults for its streets. */
  level: z.enum(['institute', 'district']),
  /** The district whose defaults apply, when there is one. */
  districtName: z.string().nullable(),
});
export type SettingsView = z.infer<typeof SettingsView>;

export const UpdateRuleInput = z.strictObject({ value: z.unknown() });
export const RuleParams = z.strictObject({ unitId: Id, key: z.string().max(64) });
