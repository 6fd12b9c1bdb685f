import type { UpdateVolunteerInput } from '../volunteers';

/**
 * Who may change each field of a volunteer's record, in one place (issue 12, 志愿服务条例 第十七条).
 * `self_or_staff`: the person themself or their station's staff (volunteers.manage).
 * `staff`: a fact staff record about the person (insurance cover); the person described may not
 * set it, even when they also hold a staff role — a station admin's own cover is recorded by a colleague.
 * Status, certification (volunteer number) and hours are not in the edit form at all: they move only
 * through review (transitionVolunteer) and the hours ledger, both staff-only.
 * The `satisfies` makes a new field of UpdateVolunteerInput fail to compile until it is classified here.
 */
export type FieldEditor = 'self_or_staff' | 'staff';

export const VOLUNTEER_FIELD_RULES = {
  phone: { editor: 'self_or_staff', label: '手机号' },
  category: { editor: 'self_or_staff', label: '志愿者类别' },
  politicalStatus: { editor: 'self_or_staff', label: '政治面貌' },
  education: { editor: 'self_or_staff', label: '学历' },
  ethnicity: { editor: 'self_or_staff', label: '民族' },
  email: { editor: 'self_or_staff', label: '电子邮箱' },
  employment: { editor: 'self_or_staff', label: '从业状况' },
  residenceArea: { editor: 'self_or_staff', label: '居住区域' },
  insuredUntil: { editor: 'staff', label: '志愿者保险有效期' },
  skills: { editor: 'self_or_staff', label: '技能特长' },
  serviceCategories: { editor: 'self_or_staff', label: '服务类别' },
  availability: { editor: 'self_or_staff', label: '空闲时间' },
  emergencyContact: { editor: 'self_or_staff', label: '紧急联系人' },
} as const satisfies Record<keyof UpdateVolunteerInput, { editor: FieldEditor; label: string }>;

export type VolunteerField = keyof typeof VOLUNTEER_FIELD_RULES;

/** The fields only staff may set: what the person's own form hides and the server refuses from them. */
export const STAFF_ONLY_VOLUNTEER_FIELDS = (Object.keys(VOLUNTEER_FIELD_RULES) as VolunteerField[]).filter((f) => VOLUNTEER_FIELD_RULES[f].editor === 'staff');

/** The first field of a patch the person may not set about themself, or undefined. */
export function staffOnlyFieldIn(patch: Partial<Record<VolunteerField, unknown>>): VolunteerField | undefined {
  return STAFF_ONLY_VOLUNTEER_FIELDS.find((f) => patch[f] !== undefined);
}
