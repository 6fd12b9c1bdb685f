import { IdParams, OkView, PageQuery, Paged } from './common';
import { defineEndpoint, MIME } from './endpoint';
import type { ErrorCode } from './errors';
import {
  ActivityInput,
  ActivityListQuery,
  ActivitySummaryView,
  ActivityView,
  CheckinInput,
  CheckinResult,
  CheckinTokenView,
  CreatedActivitiesView,
  DecideSignupInput,
  IcalTokenView,
  MonthlyQuery,
  MonthlyTableView,
  PositionView,
  PublicActivityQuery,
  PublicActivityView,
  PublicProgrammeView,
  SignupInput,
  SignupListQuery,
  SignupParams,
  SignupResultView,
  SignupView,
  StaffCheckinInput,
  SummaryInput,
  TransitionInput,
  UpdateActivityInput,
  VolunteerSignupParams,
} from './activities';
import { named } from './openapi';
import { routes } from './routes';

/*
 * The activities feature: planning and the lifecycle, sign-ups, on-site check-in, the summary, the
 * monthly table and the private calendar link. The two iCalendar feeds (public files) are declared
 * with the other downloads in downloads.endpoints.ts.
 */

named({ ActivityView, PositionView, SignupView, CheckinResult, ActivitySummaryView, MonthlyTableView, CheckinTokenView });
const tags = ['activities'];

/** Everything a check-in or check-out can be refused for, whoever records it. */
const CHECK_ERRORS = [
  'not_found',
  'checkins.not_open',
  'checkins.not_signed_up',
  'checkins.too_many',
  'activities.bad_transition',
] as const satisfies readonly ErrorCode[];

export const listActivities = defineEndpoint({
  ...routes.listActivities,
  summary: '活动列表（日历、筛选）',
  description:
    '本人可见单位的活动（分页），可按单位、状态、项目、日期范围、关键词和“我报名的”筛选。工作人员看到管辖范围内所有状态的活动（含草稿）；志愿者和群众只看到已发布及以后的活动。',
  tags,
  query: ActivityListQuery,
  responses: { 200: Paged(ActivityView) },
  errors: ['not_found'],
});

export const createActivity = defineEndpoint({
  ...routes.createActivity,
  summary: '新建活动（可按周/按月重复）',
  description:
    '实践所、实践站的工作人员（或队长为本队所在单位）新建活动草稿，可按周或按月重复生成一组活动；选了功能室的同时预订，任一场次冲突则整组都不建。返回新建的各场活动。',
  tags,
  body: ActivityInput,
  responses: { 201: CreatedActivitiesView },
  errors: ['not_found', 'access.denied', 'venues.room_too_small', 'venues.room_conflict'],
});

export const monthlyTable = defineEndpoint({
  ...routes.viewMonthlyActivityTable,
  summary: '各实践站每月开展文明实践活动情况',
  description:
    '工作人员查看管辖范围内各实践站若干个月（默认截至本月的 6 个月，最多 24 个月；可用 until 选择截至的月份，往前或往后）已开展的活动场次和已发布待开展的计划场次，并标出已结束月份低于每月最低场次要求、本月及以后计划不足的情况。',
  tags,
  query: MonthlyQuery,
  responses: { 200: MonthlyTableView },
  errors: ['access.denied'],
});

export const getActivity = defineEndpoint({
  ...routes.getActivity,
  summary: '活动详情',
  description: '本人可见的一场活动：岗位与名额、本人的报名情况、当前可进行的操作。志愿者和群众看不到草稿和待审核的活动。',
  tags,
  params: IdParams,
  responses: { 200: ActivityView },
  errors: ['not_found'],
});

export const updateActivity = defineEndpoint({
  ...routes.updateActivity,
  summary: '修改活动（单次或本次及以后）',
  description:
    '能管理这场活动的工作人员（或仍在草稿阶段的创建人）在活动开始前修改；系列活动可只改本场或改本场及以后各场，功能室预订随时间调整，已报名的人会收到通知。',
  tags,
  params: IdParams,
  body: UpdateActivityInput,
  responses: { 200: ActivityView },
  errors: ['not_found', 'access.denied', 'activities.locked', 'venues.room_conflict'],
});

export const transitionActivity = defineEndpoint({
  ...routes.transitionActivity,
  summary: '提交、发布、退回、取消、结束',
  description:
    '按活动流程推进一场活动：创建人可提交审核或取消；发布、退回和结束只能由管辖单位的管理员进行。退回和取消须填写原因；结束时按签到记录生成待确认的服务时长。',
  tags,
  params: IdParams,
  body: TransitionInput,
  responses: { 200: ActivityView },
  errors: ['not_found', 'access.denied', 'activities.bad_transition', 'activities.reason_required'],
});

export const signUp = defineEndpoint({
  ...routes.signUpForActivity,
  selfService: true,
  summary: '报名（本人，或工作人员代为报名）',
  description:
    '已认证的志愿者本人报名，或管辖单位的管理员代没有智能手机的志愿者报名（volunteerId）。检查报名时间、年龄、技能和保险要求；名额已满时进入候补（活动允许候补时）。返回报名结果和更新后的活动。',
  tags,
  params: IdParams,
  body: SignupInput,
  responses: { 201: SignupResultView },
  errors: [
    'not_found',
    'access.denied',
    'volunteer.not_found_self',
    'activities.volunteer_not_certified',
    'activities.not_open',
    'activities.age_mismatch',
    'activities.skill_mismatch',
    'activities.insurance_required',
    'activities.position_required',
    'activities.already_signed_up',
    'activities.full',
  ],
});

export const cancelMySignup = defineEndpoint({
  ...routes.cancelMySignup,
  selfService: true,
  summary: '取消本人报名',
  description: '志愿者本人在取消截止时间前取消报名；空出的名额自动给同岗位候补的第一位。返回更新后的活动。',
  tags,
  params: IdParams,
  responses: { 200: ActivityView },
  errors: ['not_found', 'volunteer.not_found_self', 'activities.cancel_closed', 'activities.not_signed_up'],
});

export const cancelSignupFor = defineEndpoint({
  ...routes.cancelSignupForVolunteer,
  summary: '工作人员取消某人的报名',
  description: '管辖单位的管理员在活动开始前为一名志愿者取消报名（不受取消截止时间限制）；空出的名额自动给候补的第一位。返回更新后的活动。',
  tags,
  params: VolunteerSignupParams,
  responses: { 200: ActivityView },
  errors: ['not_found', 'access.denied', 'activities.cancel_closed', 'activities.not_signed_up'],
});

export const listSignups = defineEndpoint({
  ...routes.listActivitySignups,
  summary: '报名与签到名单',
  description: '管辖单位的管理员查看一场活动的报名名单（分页）：岗位、状态、候补顺序、脱敏手机号和每人的签到签退记录。',
  tags,
  params: IdParams,
  query: SignupListQuery,
  responses: { 200: Paged(SignupView) },
  errors: ['not_found', 'access.denied'],
});

export const decideSignup = defineEndpoint({
  ...routes.decideActivitySignup,
  summary: '审核报名',
  description: '需要审核的活动：管辖单位的管理员通过或不通过一份待审核的报名；不通过时名额给候补的第一位，志愿者收到通知。返回处理后的这份报名。',
  tags,
  params: SignupParams,
  body: DecideSignupInput,
  responses: { 200: SignupView },
  errors: ['not_found', 'access.denied', 'activities.bad_transition'],
});

export const checkinToken = defineEndpoint({
  ...routes.getCheckinToken,
  summary: '现场签到二维码（30 秒刷新）与签到码',
  description: '管辖单位的管理员在现场投屏的签到二维码（每 30 秒换一个，过期失效）和 6 位签到码。',
  tags,
  params: IdParams,
  responses: { 200: CheckinTokenView },
  errors: ['not_found', 'access.denied'],
});

export const checkIn = defineEndpoint({
  ...routes.checkInToActivity,
  selfService: true,
  summary: '扫码或输入签到码签到/签退',
  description:
    '已报名（已确认）的志愿者本人扫描现场二维码或输入签到码，第一次为签到、再次为签退；活动开始前 1 小时至结束后 1 小时内有效，设置了签到范围时检查手机位置，每天的签到次数有上限。',
  tags,
  params: IdParams,
  body: CheckinInput,
  responses: { 200: CheckinResult },
  errors: [...CHECK_ERRORS, 'volunteer.not_found_self', 'checkins.bad_token', 'checkins.bad_code', 'checkins.token_used', 'checkins.too_far'],
});

export const staffCheckIn = defineEndpoint({
  ...routes.staffCheckIn,
  summary: '工作人员代为签到/签退（记录原因）',
  description: '管辖单位的管理员为没有手机或手机无法使用的志愿者代为签到或签退，须填写原因，原因记入审计。',
  tags,
  params: IdParams,
  body: StaffCheckinInput,
  responses: { 200: CheckinResult },
  errors: [...CHECK_ERRORS, 'access.denied'],
});

export const submitSummary = defineEndpoint({
  ...routes.submitActivitySummary,
  summary: '提交活动总结',
  description: '活动结束后，管辖单位的管理员提交服务人数、总结和照片（最多 9 张）；超过总结期限提交的标记为逾期。每场活动只能提交一次。返回更新后的活动。',
  tags,
  params: IdParams,
  body: SummaryInput,
  responses: { 200: ActivityView },
  errors: ['not_found', 'access.denied', 'activities.bad_transition', 'activities.summary_exists', 'hours.evidence_missing'],
});

export const getSummary = defineEndpoint({
  ...routes.getActivitySummary,
  summary: '活动总结',
  description: '能看到这场活动的人查看它的活动总结；还没有提交总结时为 404。',
  tags,
  params: IdParams,
  responses: { 200: ActivitySummaryView },
  errors: ['not_found'],
});

export const issueIcalToken = defineEndpoint({
  ...routes.issueIcalToken,
  selfService: true,
  summary: '生成我的日历订阅链接（旧链接作废）',
  description: '志愿者本人生成已报名活动的日历订阅链接（链接即凭证，只显示这一次）；之前生成的链接随即作废。',
  tags,
  responses: { 200: IcalTokenView },
  errors: ['volunteer.not_found_self'],
});

export const revokeIcalToken = defineEndpoint({
  ...routes.revokeIcalToken,
  selfService: true,
  summary: '作废我的日历订阅链接',
  description: '志愿者本人作废自己的日历订阅链接；之后用旧链接订阅的日历不再更新。',
  tags,
  responses: { 200: OkView },
  errors: ['volunteer.not_found_self'],
});

export const exportMonthlyTable = defineEndpoint({
  ...routes.exportMonthlyActivityTable,
  summary: '导出各实践站每月开展活动情况（Excel）',
  description: '与页面相同的月份和范围：每个实践站一行，每月已开展和计划场次，标出未达标；导出记入审计。',
  tags,
  query: MonthlyQuery,
  responses: {},
  produces: [MIME.xlsx],
  errors: ['access.denied'],
});

// ---------------------------------------------------------------- the public calendar (portal, no login)

named({ PublicActivityView });
const publicTags = ['public', 'activities'];

export const listPublicActivities = defineEndpoint({
  ...routes.listPublicActivities,
  summary: '门户：活动日历',
  description:
    '无需登录：各实践所、实践站已发布且未取消的活动（分页，按开始时间），日期范围默认为今天起 7 天，最多 62 天；可按单位（实践站，或实践所及其下各站）、项目和板块筛选。只有时间、地点、主办单位及其公开电话和剩余名额，不含报名人和联系人信息。',
  tags: publicTags,
  access: 'public',
  query: PublicActivityQuery,
  responses: { 200: Paged(PublicActivityView) },
  errors: ['not_found', 'activities.range_too_long', 'activities.range_reversed'],
});

export const getPublicActivity = defineEndpoint({
  ...routes.getPublicActivity,
  summary: '门户：活动详情',
  description: '无需登录：一场已发布且未取消的活动的公开信息（岗位与剩余名额、报名要求）；草稿、待审核和已取消的活动为 404。报名须登录（signUpForActivity）。',
  tags: publicTags,
  access: 'public',
  params: IdParams,
  responses: { 200: PublicActivityView },
  errors: ['not_found'],
});

export const listPublicProgrammes = defineEndpoint({
  ...routes.listPublicProgrammes,
  summary: '门户：活动项目（日历筛选用）',
  description: '无需登录：各单位在用的文明实践项目（名称与板块），分页，供活动日历按项目筛选。',
  tags: publicTags,
  access: 'public',
  query: PageQuery,
  responses: { 200: Paged(PublicProgrammeView) },
});
