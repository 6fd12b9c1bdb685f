import { z } from 'zod';
import { DateString, Id, Phone, Text } from './common';
import {
  ADULT_AGE,
  DAY_PART_LABELS,
  DAY_PARTS,
  MIN_VOLUNTEER_AGE,
  SERVICE_CATEGORIES,
  VOLUNTEER_CATEGORIES,
  VOLUNTEER_STATUSES,
  WEEKDAY_LABELS,
  WEEKDAYS,
} from './labels';
import { LIMITS } from './patterns';

export { ADULT_AGE, DAY_PART_LABELS, DAY_PARTS, MIN_VOLUNTEER_AGE, SERVICE_CATEGORIES, VOLUNTEER_CATEGORIES, VOLUNTEER_STATUSES, WEEKDAY_LABELS, WEEKDAYS };

export const VolunteerCategory = z.enum(VOLUNTEER_CATEGORIES, { message: '请选择志愿者类别' });

export const ServiceCategory = z.enum(SERVICE_CATEGORIES, { message: '请选择服务类别' });

export const POLITICAL_STATUSES = ['中共党员', '中共预备党员', '共青团员', '民主党派', '群众'] as const;
export const EDUCATION_LEVELS = ['小学', '初中', '高中/中专', '大专', '本科', '硕士', '博士'] as const;

/** ID types of the national system's dictionary; only 01 carries a checksum we can validate. */
export const ID_TYPES = { '01': '居民身份证', '02': '港澳居民来往内地通行证', '03': '台湾居民来往大陆通行证', '04': '护照' } as const;
export const IdType = z.enum(['01', '02', '03', '04']);
/** The national format's gender codes. */
export const GENDER_CODES_FOR_EXPORT = { male: '1', female: '2' } as const;

/** "sat-am": Saturday morning. */
export const AvailabilitySlot = z.string().regex(/^(mon|tue|wed|thu|fri|sat|sun)-(am|pm|eve)$/, { message: '空闲时间格式不正确' });

export const CONSENT_METHODS = {
  self_online: '本人在线注册并同意',
  signed_form: '本人签字的登记表（拍照留存）',
  phone_confirmation: '电话确认本人同意',
} as const;
export const ConsentMethod = z.enum(['self_online', 'signed_form', 'phone_confirmation']);

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

const Guardian = z.strictObject({
  name: Text(32),
  phone: Phone,
  relation: Text(16),
  consentMethod: z.enum(['signed_form', 'phone_confirmation', 'in_person']),
});

export const RegisterVolunteerInput = z.strictObject({
  name: Text(32),
  idType: IdType.default('01'),
  idNumber: z.string().trim().min(LIMITS.idNumber.min).max(LIMITS.idNumber.max),
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

/** Signing up on the phone without an account: the registration plus the password of the new login (the phone number). */
export const SignUpVolunteerInput = RegisterVolunteerInput.extend({ password: z.string().min(1).max(128) });
export type SignUpVolunteerInput = z.infer<typeof SignUpVolunteerInput>;

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
  emergencyContact: z
    .strictObject({ name: Text(32), phone: Phone })
    .nullable()
    .optional(),
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
  consent: z.object({ method: ConsentMethod, at: z.string(), byName: z.string().nullable(), hasEvidence: z.boolean(), evidenceFileId: Id.nullable() }),
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

export const VolunteerStatusChange = z.object({
  from: z.string().nullable(),
  to: z.string(),
  toLabel: z.string(),
  reason: z.string().nullable(),
  at: z.string(),
  actorName: z.string().nullable(),
});
/** `GET /api/volunteers/:id` and `GET /api/volunteers/me`. */
export const VolunteerDetail = z.object({ volunteer: VolunteerView, history: z.array(VolunteerStatusChange) });
export type VolunteerDetail = z.infer<typeof VolunteerDetail>;

export const IdNumberView = z.object({ idNumber: z.string() });

export const ImportReport = z.object({
  dryRun: z.boolean(),
  total: z.number().int(),
  valid: z.number().int(),
  invalid: z.number().int(),
  imported: z.number().int(),
  /** Rows of people already registered (matched by ID number): skipped, not errors — a national export read back. */
  existing: z.number().int(),
  /** Imported volunteers joined to their 所属队伍. */
  joinedTeams: z.number().int(),
  headerProblems: z.array(z.string()),
  rows: z.array(
    z.object({
      rowNumber: z.number().int(),
      name: z.string(),
      /** new: will be (or was) registered; existing: already registered, skipped; invalid: see problems. */
      status: z.enum(['new', 'existing', 'invalid']),
      problems: z.array(z.string()),
    }),
  ),
});
export type ImportReport = z.infer<typeof ImportReport>;

/** The roster for the national system, with full numbers: why it is taken goes into the audit log (issue 12). */
export const NationalExportInput = z.strictObject({
  reason: z.string().trim().min(4, { message: '请填写导出原因（至少 4 个字）' }).max(200, { message: '导出原因最多 200 字' }),
  stationId: z.uuid().optional(),
  status: VolunteerStatus.optional(),
});
export type NationalExportInput = z.infer<typeof NationalExportInput>;
