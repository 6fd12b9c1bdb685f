import {
  AcceptInput,
  AssignmentListQuery,
  AssignmentView,
  LinkActivityInput,
  MatrixView,
  NotHeldInput,
  PlanDetail,
  PlanInput,
  PlanItemInput,
  PlanListQuery,
  PlanView,
} from './activity-plans';
import { IdParams, Paged, PageQuery } from './common';
import { defineEndpoint, MIME } from './endpoint';
import { named } from './openapi';
import { routes } from './routes';

named({ ActivityPlan: PlanView, ActivityPlanDetail: PlanDetail, PlanAssignment: AssignmentView, ActivityPlanMatrix: MatrixView });
const tags = ['plan'];
const ANSWER_ERRORS = ['not_found', 'access.denied', 'activity_plans.bad_transition'] as const;

export const listActivityPlans = defineEndpoint({
  ...routes.listActivityPlans,
  summary: '活动计划列表',
  description: '实践所的月度、季度活动计划，周期新的在前。草稿只有实践所管理员看得到；实践站看到所属实践所已下发的计划。',
  tags,
  query: PlanListQuery,
  responses: { 200: Paged(PlanView) },
});

export const createActivityPlan = defineEndpoint({
  ...routes.createActivityPlan,
  summary: '新建活动计划',
  description: '实践所管理员新建一份月度或季度活动计划（草稿），随后逐条添加活动并下发。',
  tags,
  body: PlanInput,
  responses: { 201: PlanDetail },
  errors: ['not_found', 'access.denied', 'activity_plans.bad_unit'],
});

export const getActivityPlan = defineEndpoint({
  ...routes.getActivityPlan,
  summary: '活动计划详情',
  description: '计划及其全部活动条目。',
  tags,
  params: IdParams,
  responses: { 200: PlanDetail },
  errors: ['not_found'],
});

export const addActivityPlanItem = defineEndpoint({
  ...routes.addActivityPlanItem,
  summary: '添加计划条目',
  description: '在草稿计划中添加一项活动：名称、实践项目、类别、建议时间、说明，以及下发给全部实践站或指定实践站。',
  tags,
  params: IdParams,
  body: PlanItemInput,
  responses: { 201: PlanDetail },
  errors: ['not_found', 'access.denied', 'activity_plans.not_draft', 'activity_plans.bad_station', 'activity_plans.bad_programme', 'activity_plans.bad_date'],
});

export const publishActivityPlan = defineEndpoint({
  ...routes.publishActivityPlan,
  summary: '下发活动计划',
  description: '把计划下发到各实践站：每个条目的每个目标实践站生成一条待承接的任务。下发后计划不再修改。',
  tags,
  params: IdParams,
  responses: { 200: PlanDetail },
  errors: ['not_found', 'access.denied', 'activity_plans.not_draft', 'activity_plans.no_items', 'activity_plans.no_stations'],
});

export const activityPlanMatrix = defineEndpoint({
  ...routes.activityPlanMatrix,
  summary: '计划承接情况',
  description: '计划条目 × 实践站的承接矩阵：每格的状态、关联的活动和未开展原因；周期已结束仍未开展也未说明原因的标为逾期。实践站只看到本站一列。',
  tags,
  params: IdParams,
  query: PageQuery,
  responses: { 200: MatrixView },
  errors: ['not_found'],
});

export const exportActivityPlanMatrix = defineEndpoint({
  ...routes.exportActivityPlanMatrix,
  summary: '导出计划承接情况（Excel）',
  description: '计划的每个条目在每个实践站的承接状态、关联活动和未开展原因，一行一格，全部导出（不分页）；实践站只导出本站；导出记入审计。',
  tags,
  params: IdParams,
  responses: {},
  produces: [MIME.xlsx],
  errors: ['not_found'],
});

export const listPlanAssignments = defineEndpoint({
  ...routes.listPlanAssignments,
  summary: '下发给实践站的计划条目',
  description: '管辖范围内实践站收到的计划条目及其承接状态，可按计划、实践站和状态筛选；周期新的在前。',
  tags,
  query: AssignmentListQuery,
  responses: { 200: Paged(AssignmentView) },
});

export const acceptPlanAssignment = defineEndpoint({
  ...routes.acceptPlanAssignment,
  summary: '承接计划条目',
  description: '实践站承接一项下发的活动（可附说明）；之后新建或关联本站的活动来落地。',
  tags,
  params: IdParams,
  body: AcceptInput,
  responses: { 200: AssignmentView },
  errors: [...ANSWER_ERRORS],
});

export const linkPlanAssignment = defineEndpoint({
  ...routes.linkPlanAssignment,
  summary: '关联落地活动',
  description: '把本站的一场活动关联到计划条目（待承接的同时视为承接）。活动结束后该条目即算已开展。',
  tags,
  params: IdParams,
  body: LinkActivityInput,
  responses: { 200: AssignmentView },
  errors: [...ANSWER_ERRORS, 'activity_plans.bad_activity', 'activity_plans.activity_taken'],
});

export const markPlanAssignmentNotHeld = defineEndpoint({
  ...routes.markPlanAssignmentNotHeld,
  summary: '标记未开展',
  description: '实践站说明某项计划活动未开展及原因；已开展（关联活动已结束）的不能再标记。',
  tags,
  params: IdParams,
  body: NotHeldInput,
  responses: { 200: AssignmentView },
  errors: [...ANSWER_ERRORS],
});
