import { messageFor } from '../../../shared/errors';
import { LIMITS, PHONE_MESSAGE, PHONE_PATTERN } from '../../../shared/patterns';
import { chinaDay } from '../../../shared/china-time';
import { ageOn, birthDateFromId, genderFromId, idNumberProblem, normaliseIdNumber } from '../../../shared/rules/id-number';
import { passwordProblemText } from '../../lib/password-checks';
import type { SelfRegistration } from '../../lib/queries/volunteers';
import type { GUARDIAN_CONSENT_METHODS } from '../../lib/volunteer-labels';

// The registration draft and its checks: plain data and functions, so the three step components
// and the page share one definition (and the mobile bundle stays free of zod).

export type GuardianMethod = keyof typeof GUARDIAN_CONSENT_METHODS;

export interface Draft {
  name: string;
  idNumber: string;
  phone: string;
  stationId: string;
  category: string;
  serviceCategories: string[];
  skills: string;
  availability: string[];
  guardianName: string;
  guardianRelation: string;
  guardianPhone: string;
  guardianMethod: GuardianMethod;
  agree: boolean;
  password: string;
}

export type Field = keyof Draft | 'form';
export type Errors = Partial<Record<Field, string>>;
export type Step = 0 | 1 | 2;

export const EMPTY: Draft = {
  name: '',
  idNumber: '',
  phone: '',
  stationId: '',
  category: '',
  serviceCategories: [],
  skills: '',
  availability: [],
  guardianName: '',
  guardianRelation: '',
  guardianPhone: '',
  guardianMethod: 'in_person',
  agree: false,
  password: '',
};

export const STEPS = ['基本信息', '服务意向', '同意并提交'] as const;
export const MAX_SERVICE_CATEGORIES = 4;

/** Which step shows a field, so a server error can take the person back to it. */
export const STEP_OF: Record<keyof Draft, Step> = {
  name: 0,
  idNumber: 0,
  phone: 0,
  stationId: 1,
  category: 1,
  serviceCategories: 1,
  skills: 1,
  availability: 1,
  guardianName: 2,
  guardianRelation: 2,
  guardianPhone: 2,
  guardianMethod: 2,
  agree: 2,
  password: 2,
};

export const ID_PROBLEMS = {
  format: '身份证号应为 18 位，最后一位是数字或 X',
  birth_date: '身份证号中的出生日期不正确，请核对',
  checksum: messageFor('volunteer.bad_id_number'),
} as const;

export interface Identity {
  birthDate: string;
  age: number;
  gender: 'male' | 'female';
}

/** What the ID number tells us (GB 11643): birth date, age today in China, gender. */
export function readId(raw: string): Identity | null {
  const id = normaliseIdNumber(raw);
  if (idNumberProblem(id)) return null;
  const birthDate = birthDateFromId(id);
  if (!birthDate) return null;
  return { birthDate, age: ageOn(birthDate, chinaDay(new Date())), gender: genderFromId(id) };
}

export function splitSkills(text: string): string[] {
  return text
    .split(/[,，、;；\s]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

export function formatBirth(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** A server field path (`body.guardian.phone`) → the draft field that shows it. */
export function fieldOfPath(path: string): keyof Draft | null {
  const segments = path.split('.').filter((s) => s && s !== 'body' && !/^\d+$/.test(s));
  if (segments[0] === 'guardian') {
    const map: Record<string, keyof Draft> = { name: 'guardianName', phone: 'guardianPhone', relation: 'guardianRelation', consentMethod: 'guardianMethod' };
    return map[segments[1] ?? 'name'] ?? 'guardianName';
  }
  const last = segments.at(-1);
  return last && last in STEP_OF ? (last as keyof Draft) : null;
}

export const CODE_FIELD: Record<string, keyof Draft> = {
  'volunteer.bad_id_number': 'idNumber',
  'volunteer.too_young': 'idNumber',
  'volunteer.birth_gender_required': 'idNumber',
  'volunteer.guardian_required': 'guardianName',
  'volunteer.not_station': 'stationId',
  'volunteer.consent_required': 'agree',
  'volunteer.password_required': 'password',
};

/** Age bands the ID number puts the person in. */
export interface Standing {
  identity: Identity | null;
  tooYoung: boolean;
  minor: boolean;
  /** Signed in already: no password to set. */
  signedIn: boolean;
}

/** The problems of one step, by field. */
export function validateStep(which: Step, draft: Draft, { tooYoung, minor, signedIn }: Standing): Errors {
  const e: Errors = {};
  if (which === 0) {
    if (!draft.name.trim()) e.name = '请输入姓名';
    else if ([...draft.name.trim()].length > LIMITS.personName) e.name = `姓名最多 ${LIMITS.personName} 个字`;
    const id = normaliseIdNumber(draft.idNumber);
    if (!id) e.idNumber = '请输入身份证号';
    else {
      const problem = idNumberProblem(id);
      if (problem) e.idNumber = ID_PROBLEMS[problem];
      else if (tooYoung) e.idNumber = messageFor('volunteer.too_young');
    }
    if (!draft.phone.trim()) e.phone = '请输入手机号';
    else if (!PHONE_PATTERN.test(draft.phone.trim())) e.phone = PHONE_MESSAGE;
  }
  if (which === 1) {
    if (!draft.stationId) e.stationId = '请选择所在的实践站';
    if (!draft.category) e.category = '请选择志愿者类别';
    if (draft.serviceCategories.length === 0) e.serviceCategories = '至少选择一个服务类别';
    const skills = splitSkills(draft.skills);
    if (skills.length > 10) e.skills = '特长最多填写 10 项';
    else if (skills.some((s) => [...s].length > 20)) e.skills = '每项特长最多 20 个字';
  }
  if (which === 2) {
    if (minor) {
      if (!draft.guardianName.trim()) e.guardianName = '请输入监护人姓名';
      if (!draft.guardianRelation.trim()) e.guardianRelation = '请输入与监护人的关系';
      if (!PHONE_PATTERN.test(draft.guardianPhone.trim())) e.guardianPhone = '请输入监护人的 11 位手机号';
    }
    if (!draft.agree) e.agree = '请阅读并勾选同意后再提交';
    if (!signedIn) {
      const problem = draft.password ? passwordProblemText(draft.password, draft.phone.trim()) : '请设置登录密码';
      if (problem) e.password = problem;
    }
  }
  return e;
}

/** The draft → what the API takes (the guardian only for a minor). */
export function registrationOf(draft: Draft, minor: boolean): SelfRegistration {
  return {
    name: draft.name.trim(),
    idType: '01',
    idNumber: normaliseIdNumber(draft.idNumber),
    phone: draft.phone.trim(),
    stationId: draft.stationId,
    category: draft.category as SelfRegistration['category'],
    skills: splitSkills(draft.skills),
    serviceCategories: draft.serviceCategories as SelfRegistration['serviceCategories'],
    availability: draft.availability,
    ...(minor
      ? {
          guardian: {
            name: draft.guardianName.trim(),
            relation: draft.guardianRelation.trim(),
            phone: draft.guardianPhone.trim(),
            consentMethod: draft.guardianMethod,
          },
        }
      : {}),
    agree: true,
  };
}

/** Focus the first field with a problem (after React has shown its step). */
export function focusFirstError(e: Errors) {
  const first = (Object.keys(STEP_OF) as (keyof Draft)[]).find((k) => e[k]);
  if (first) window.setTimeout(() => document.getElementById(`reg-${first}`)?.focus(), 0);
}
