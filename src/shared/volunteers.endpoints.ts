import { SessionView } from './accounts';
import { IdParams, Paged } from './common';
import { routes } from './routes';
import { defineEndpoint } from './endpoint';
import type { ErrorCode } from './errors';
import { named } from './openapi';
import {
  IdNumberView,
  RegisterVolunteerInput,
  SignUpVolunteerInput,
  UpdateVolunteerInput,
  VolunteerDetail,
  VolunteerListQuery,
  VolunteerStatusChange,
  VolunteerTransitionInput,
  VolunteerView,
} from './volunteers';

/*
 * Volunteers: registration (by staff with the person's consent, self-registration, sign-up with a
 * new login), the talent pool, review and status changes. The roster template, import and exports
 * are declared with the other downloads (downloads.endpoints.ts) and re-exported here.
 */
export { exportVolunteersCsv, exportVolunteersNational, exportVolunteersXlsx, importVolunteers, volunteerImportTemplate } from './downloads.endpoints';

named({ VolunteerView, VolunteerDetail, VolunteerStatusChange });
const tags = ['volunteers'];

/** What checking a registration's identity and writing it can answer with (volunteers.registration.ts). */
const REGISTRATION_ERRORS = [
  'volunteer.not_station',
  'volunteer.consent_required',
  'volunteer.bad_id_number',
  'volunteer.birth_gender_required',
  'volunteer.too_young',
  'volunteer.guardian_required',
  'volunteer.duplicate',
] as const satisfies readonly ErrorCode[];

export const listVolunteers = defineEndpoint({
  ...routes.listVolunteers,
  summary: '志愿者人才库（筛选、分页）',
  description: '有志愿者查看权限的工作人员：管辖范围内各实践站的志愿者，可按实践站、状态、关键词、技能、类别、空闲时间、年龄、星级和时长筛选（分页）。',
  tags,
  query: VolunteerListQuery,
  responses: { 200: Paged(VolunteerView) },
  errors: ['not_found'],
});

export const registerVolunteer = defineEndpoint({
  ...routes.registerVolunteer,
  summary: '工作人员代为登记（须有本人同意的证据）',
  description:
    '有志愿者管理权限的工作人员为本人管辖的实践站登记一名志愿者；须记录本人同意的方式：签字登记表（附扫描件）或电话确认（附记录）。登记后待审核，记入审计。',
  tags,
  body: RegisterVolunteerInput,
  responses: { 201: VolunteerView },
  errors: ['not_found', 'access.denied', ...REGISTRATION_ERRORS, 'volunteer.consent_evidence_required'],
});

export const signUpVolunteer = defineEndpoint({
  ...routes.signUpVolunteer,
  summary: '手机端注册志愿者（同时创建登录账号，以手机号登录）',
  description:
    '无需登录：没有账号的人在手机上勾选同意后登记为志愿者，同时以手机号和自设密码创建登录账号并登录（设置会话 Cookie）。登记待实践站审核。每个地址每分钟限 10 次。',
  tags,
  access: 'public',
  body: SignUpVolunteerInput,
  responses: { 201: SessionView },
  errors: [
    ...REGISTRATION_ERRORS,
    'password.too_short',
    'password.too_long',
    'password.too_simple',
    'password.common',
    'password.contains_username',
    'auth.rate_limited',
  ],
});

export const registerSelf = defineEndpoint({
  ...routes.registerMyself,
  selfService: true,
  summary: '已登录居民登记为志愿者',
  description: '已登录的居民勾选同意后登记为所选实践站的志愿者（每人一次），并获得志愿者角色；登记待实践站审核。',
  tags,
  body: RegisterVolunteerInput,
  responses: { 201: VolunteerView },
  errors: REGISTRATION_ERRORS,
});

export const myVolunteer = defineEndpoint({
  ...routes.viewMyVolunteer,
  summary: '我的志愿者登记信息与审核进度',
  description: '当前登录者本人的志愿者登记信息与状态变更记录；尚未登记时答 404 volunteer.not_found_self。',
  tags,
  responses: { 200: VolunteerDetail },
  errors: ['volunteer.not_found_self'],
});

export const revealMyIdNumber = defineEndpoint({
  ...routes.revealMyIdNumber,
  selfService: true,
  summary: '查看本人完整证件号码（记入审计）',
  description: '当前登录者查看本人完整的证件号码（平时脱敏显示）；每次查看记入审计。',
  tags,
  responses: { 200: IdNumberView },
  errors: ['volunteer.not_found_self'],
});

export const getVolunteer = defineEndpoint({
  ...routes.getVolunteer,
  summary: '志愿者详情（查看记入审计）',
  description: '管辖该志愿者所在实践站的工作人员或本人：志愿者信息与状态变更记录；工作人员查看他人信息记入审计。范围外答 404。',
  tags,
  params: IdParams,
  responses: { 200: VolunteerDetail },
  errors: ['not_found', 'access.denied'],
});

export const updateVolunteer = defineEndpoint({
  ...routes.updateVolunteer,
  selfService: true,
  summary: '修改志愿者信息',
  description:
    '本人或其实践站有志愿者管理权限的工作人员修改联系方式、技能、空闲时间等；姓名与证件不在此修改。保险有效期等由工作人员登记的事实本人不能修改（各字段谁可修改见 shared/rules/volunteer-fields.ts）。手机号不能与他人重复，记入审计。',
  tags,
  params: IdParams,
  body: UpdateVolunteerInput,
  responses: { 200: VolunteerView },
  errors: ['not_found', 'access.denied', 'volunteer.duplicate', 'volunteer.field_staff_only'],
});

export const transitionVolunteer = defineEndpoint({
  ...routes.transitionVolunteer,
  summary: '审核与状态变更：通过、不通过、暂停、退出、恢复',
  description: '有志愿者管理权限的工作人员审核登记或变更状态；不予通过、暂停服务、退出须写原因。通过时分配志愿者编号，本人收到通知，记入审计。',
  tags,
  params: IdParams,
  body: VolunteerTransitionInput,
  responses: { 200: VolunteerView },
  errors: ['not_found', 'access.denied', 'volunteer.bad_transition', 'volunteer.reason_required'],
});
