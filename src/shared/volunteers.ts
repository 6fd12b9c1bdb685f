import { z } from 'zod';
import { DateString, Id, Phone, Text } from './common';

export const VOLUNTEER_CATEGORIES = [
  '党员干部', '公职人员', '教师', '学生', '热心群众', '新乡贤', '五老', '返乡党员干部', '身边好人', '企业或社会组织负责人',
] as const;
export const VolunteerCategory = z.enum(VOLUNTEER_CATEGORIES, { message: '请选择志愿者类别' });

/** 服务类别: the national system's service areas, at most 4 per volunteer. */
export const SERVICE_CATEGORIES = [
  '理论宣讲', '教育服务', '文化惠民', '乡风文明', '健康促进', '体育服务', '扶贫济困', '助老助残', '关爱儿童',
  '妇女关爱', '法律服务', '环境保护', '文明交通', '应急救援', '社区治理', '科普宣传',
] as const;
export const ServiceCategory = z.enum(SERVICE_CATEGORIES, { message: '请选择服务类别' });

export const POLITICAL_STATUSES = ['中共党员', '中共预备党员', '共青团员', '民主党派', '群众'] as const;
export const EDUCATION_LEVELS = ['小学', '初中', '高中/中专', '大专', '本科', '硕士', '博士'] as const;

/** ID types of the national system's dictionary; only 01 carries a checksum we can validate. */
export const ID_TYPES = { '01': '居民身份证', '02': '港澳居民来往内地通行证', '03': '台湾居民来往大陆通行证', '04': '护照' } as const;
export const IdType = z.enum(['01', '02', '03', '04']);
/** The national format's gender codes. */
export const GENDER_CODES_FOR_EXPORT = { male: '1', female: '2' } as const;

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export const DAY_PARTS = ['am', 'pm', 'eve'] as const;
export const WEEKDAY_LABELS: Record<(typeof WEEKDAYS)[number], string> = { mon: '周一', tue: '周二', wed: '周三', thu: '周四', fri: '周五', sat: '周六', sun: '周日' };
export const DAY_PART_LABELS: Record<(typeof DAY_PARTS)[number], string> = { am: '上午', pm: '下午', eve: '晚上' };
/** "sat-am": Saturday morning. */
export const AvailabilitySlot = z.string().regex(/^(mon|tue|wed|thu|fri|sat|sun)-(am|pm|eve)$/, { message: '空闲时间格式不正确' });

export const CONSENT_METHODS = {
  self_online: '本人在线注册并同意',
  signed_form: '本人签字的登记表（拍照留存）',
  phone_confirmation: '电话确认本人同意',
} as const;
export const ConsentMethod = z.enum(['self_online', 'signed_form', 'phone_confirmation']);

export const VOLUNTEER_STATUSES = {
  reviewing: '待审核',
  certified: '已认证',
  rejected: '未通过',
  suspended: '暂停服务',
  exited: '已退出',
} as const;
export type VolunteerStatus = keyof typeof VOLUNTEER_STATUSES;
export const VolunteerStatus = z.enum(['reviewing', 'certified', 'rejected', 'suspended', 'exited']);

/** Review flow: reviewing → certified | rejected; certified → suspended | exited → (reinstate) certified. */
export const VOLUNTEER_TRANSITIONS = {
  certify: { from: ['reviewing'], to: 'certified', label: '审核通过', needsReason: false },
  reject: { from: ['reviewing'], to: 'rejected', label: '不予通过', needsReason: true },
  suspend: { from: ['certified'], to: 'suspended', label: '暂停服务', needsReason: true },
  exit: { from: ['certified', 'suspended'], to: 'exited', label: '退出', needsReason: true },
  reinstate: { from: ['suspended', 'exited'], to: 'certified', label: '恢复', needsReason: false },
} as const satisfies Record<string, { from: VolunteerStatus[]; to: VolunteerStatus; label: string; needsReason: boolean }>;
export type VolunteerAction = keyof typeof VOLUNTEER_TRANSITIONS;
export const VolunteerAction = z.enum(['certify', 'reject', 'suspend', 'exit', 'reinstate']);

export function allowedVolunteerActions(status: VolunteerStatus): VolunteerAction[] {
  return (Object.keys(VOLUNTEER_TRANSITIONS) as VolunteerAction[]).filter((a) => (VOLUNTEER_TRANSITIONS[a].from as readonly string[]).includes(status));
}

/** Age limits (PIPL 第三十一条; 志愿服务条例 第十五条): under 14 refused, 14–17 need a guardian's consent. */
export const MIN_VOLUNTEER_AGE = 14;
export const ADULT_AGE = 18;

const Guardian = z.strictObject({
  name: Text(32),
  phone: Phone,
  relation: Text(16),
  consentMethod: z.enum(['signed_form', 'phone_confirmation', 'in_person']),
});

export const RegisterVolunteerInput = z.strictObject({
  name: Text(32),
  idType: IdType.default('01'),
  idNumber: z.string().trim().min(5).max(32),
  /** Needed for ID types other than 01, derived from the number for 01. */
  gender: z.enum(['male', 'female']).optional(),
  birthDate: DateString.optional(),
  phone: Phone,
  stationId: Id,
  category: VolunteerCategory,
  politicalStatus: z.enum(POLITICAL_STATUSES).optional(),
  education: z.enum(EDUCATION_LEVELS).optional(),
  ethnicity: Text(16).optional(),
  email: z.email({ message: '邮箱格式不正确' }).optional(),
  employment: Text(20).optional(),
  /** 居住区域, county level; defaults to the district of the station. */
  residenceArea: Text(40).optional(),
  skills: z.array(Text(20)).max(10).default([]),
  serviceCategories: z.array(ServiceCategory).min(1, { message: '至少选择一个服务类别' }).max(4, { message: '服务类别最多选 4 个' }),
  availability: z.array(AvailabilitySlot).max(21).default([]),
  emergencyContact: z.strictObject({ name: Text(32), phone: Phone }).optional(),
  guardian: Guardian.optional(),
  /** Staff entering someone: how the person agreed, and the evidence file (signed form photo). */
  consent: z
    .strictObject({
      method: ConsentMethod,
      evidenceFileId: Id.optional(),
      note: Text(200).optional(),
    })
    .optional(),
  /** The person ticking "I agree" on the phone. */
  agree: z.literal(true).optional(),
});
export type RegisterVolunteerInput = z.infer<typeof RegisterVolunteerInput>;

export const UpdateVolunteerInput = z.strictObject({
  phone: Phone.optional(),
  category: VolunteerCategory.optional(),
  politicalStatus: z.enum(POLITICAL_STATUSES).nullable().optional(),
  education: z.enum(EDUCATION_LEVELS).nullable().optional(),
  ethnicity: Text(16).nullable().optional(),
  email: z.email().nullable().optional(),
  employment: Text(20).nullable().optional(),
  residenceArea: Text(40).nullable().optional(),
  /** 志愿服务条例 第十七条: insurance for risky services, recorded by staff. */
  insuredUntil: DateString.nullable().optional(),
  skills: z.array(Text(20)).max(10).optional(),
  serviceCategories: z.array(ServiceCategory).min(1).max(4).optional(),
  availability: z.array(AvailabilitySlot).max(21).optional(),
  emergencyContact: z.strictObject({ name: Text(32), phone: Phone }).nullable().optional(),
});
export type UpdateVolunteerInput = z.infer<typeof UpdateVolunteerInput>;

export const VolunteerTransitionInput = z.strictObject({ action: VolunteerAction, reason: Text(200).optional() });

export const StarProgress = z.object({
  approvedHours: z.number(),
  level: z.number().int(),
  nextLevel: z.number().int().nullable(),
  nextThresholdHours: z.number().nullable(),
  hoursToNext: z.number().nullable(),
  thresholds: z.array(z.number()),
  explanation: z.string(),
});
export type StarProgress = z.infer<typeof StarProgress>;

export const VolunteerView = z.object({
  id: Id,
  volunteerNo: z.string().nullable(),
  name: z.string(),
  gender: z.enum(['male', 'female']).nullable(),
  age: z.number().int().nullable(),
  birthDate: z.string().nullable(),
  idType: IdType.nullable(),
  idNumberMasked: z.string().nullable(),
  phone: z.string().nullable(),
  phoneMasked: z.boolean(),
  stationId: Id,
  stationName: z.string(),
  status: VolunteerStatus,
  statusReason: z.string().nullable(),
  category: z.string(),
  politicalStatus: z.string().nullable(),
  education: z.string().nullable(),
  ethnicity: z.string().nullable(),
  email: z.string().nullable(),
  employment: z.string().nullable(),
  residenceArea: z.string().nullable(),
  insuredUntil: z.string().nullable(),
  skills: z.array(z.string()),
  serviceCategories: z.array(z.string()),
  availability: z.array(z.string()),
  emergencyContact: z.object({ name: z.string(), phone: z.string() }).nullable(),
  isMinor: z.boolean(),
  guardian: z.object({ name: z.string(), relation: z.string(), consentMethod: z.string(), consentAt: z.string() }).nullable(),
  consent: z.object({ method: ConsentMethod, at: z.string(), byName: z.string().nullable(), hasEvidence: z.boolean() }),
  approvedHours: z.number(),
  starLevel: z.number().int(),
  allowedActions: z.array(VolunteerAction),
  createdAt: z.string(),
  certifiedAt: z.string().nullable(),
});
export type VolunteerView = z.infer<typeof VolunteerView>;

export const VolunteerListQuery = z.strictObject({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
  stationId: Id.optional(),
  status: VolunteerStatus.optional(),
  q: z.string().trim().max(32).optional(),
  skill: z.string().trim().max(20).optional(),
  category: VolunteerCategory.optional(),
  serviceCategory: ServiceCategory.optional(),
  availability: AvailabilitySlot.optional(),
  minAge: z.coerce.number().int().min(0).max(120).optional(),
  maxAge: z.coerce.number().int().min(0).max(120).optional(),
  starLevel: z.coerce.number().int().min(0).max(10).optional(),
  minHours: z.coerce.number().min(0).optional(),
  maxHours: z.coerce.number().min(0).optional(),
});
export type VolunteerListQuery = z.infer<typeof VolunteerListQuery>;
