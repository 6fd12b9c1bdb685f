import { IdParams, Paged } from './common';
import { defineEndpoint, MIME } from './endpoint';
import { named } from './openapi';
import {
  DocumentInput,
  DocumentListQuery,
  DocumentView,
  MilestoneDoneInput,
  MilestoneInput,
  MilestoneListQuery,
  MilestoneView,
  TaskDetail,
  TaskExportQuery,
  TaskInput,
  TaskListQuery,
  TaskNoteInput,
  TaskView,
} from './plan';
import { routes } from './routes';

named({ PlanTask: TaskView, PlanTaskDetail: TaskDetail, PlanMilestone: MilestoneView, RulesDocument: DocumentView });
const tags = ['plan'];

export const listTasks = defineEndpoint({
  ...routes.listPlanTasks,
  summary: '任务分解表',
  description: '工作方案的任务分解：管辖范围内各单位承担的任务，未完成的在前、按完成时限排序；可按单位、状态和是否逾期筛选。',
  tags,
  query: TaskListQuery,
  responses: { 200: Paged(TaskView) },
});

export const createTask = defineEndpoint({
  ...routes.createPlanTask,
  summary: '新增任务',
  description: '实践所管理员为本所或下属实践站新增一项任务：对应方案条目、责任人和完成时限。',
  tags,
  body: TaskInput,
  responses: { 201: TaskDetail },
  errors: ['not_found', 'access.denied', 'plan.bad_unit'],
});

export const getTask = defineEndpoint({
  ...routes.getPlanTask,
  summary: '任务详情',
  description: '任务及其全部进展记录。',
  tags,
  params: IdParams,
  responses: { 200: TaskDetail },
  errors: ['not_found'],
});

export const addTaskNote = defineEndpoint({
  ...routes.addPlanTaskNote,
  summary: '记录任务进展',
  description: '责任单位管理员追加一条进展记录（只增不改），可附佐证材料并同时更新任务状态；已完成的任务不再追加。',
  tags,
  params: IdParams,
  body: TaskNoteInput,
  responses: { 201: TaskDetail },
  errors: ['not_found', 'access.denied', 'conflict', 'plan.task_done', 'plan.bad_transition', 'plan.bad_file'],
});

export const listMilestones = defineEndpoint({
  ...routes.listPlanMilestones,
  summary: '实施步骤',
  description: '实践所工作方案的实施步骤（时间节点），按截止日期排序。',
  tags,
  query: MilestoneListQuery,
  responses: { 200: Paged(MilestoneView) },
});

export const createMilestone = defineEndpoint({
  ...routes.createPlanMilestone,
  summary: '新增实施步骤',
  tags,
  body: MilestoneInput,
  responses: { 201: MilestoneView },
  errors: ['not_found', 'access.denied', 'plan.not_institute'],
});

export const setMilestoneDone = defineEndpoint({
  ...routes.setPlanMilestoneDone,
  summary: '标记实施步骤完成',
  description: '填写完成日期；传 null 表示撤销完成。',
  tags,
  params: IdParams,
  body: MilestoneDoneInput,
  responses: { 200: MilestoneView },
  errors: ['not_found', 'access.denied'],
});

export const listDocuments = defineEndpoint({
  ...routes.listRulesDocuments,
  summary: '制度文件',
  description: '各单位的制度文件（组织领导、联席会议、活动开展、队伍建设等）；默认每个标题只列最新版本。',
  tags,
  query: DocumentListQuery,
  responses: { 200: Paged(DocumentView) },
});

export const addDocument = defineEndpoint({
  ...routes.addRulesDocument,
  summary: '上传制度文件',
  description: '单位管理员登记一份制度文件（先通过文件上传接口上传）；同一标题的新版本不覆盖旧版本。',
  tags,
  body: DocumentInput,
  responses: { 201: DocumentView },
  errors: ['not_found', 'access.denied', 'plan.bad_unit', 'plan.bad_file'],
});

export const exportTasks = defineEndpoint({
  ...routes.exportPlanTasks,
  summary: '导出任务分解表（Excel）',
  description: '按列表的筛选条件导出管辖范围内的全部任务（不分页），含责任单位、时限、状态和是否逾期；导出记入审计。',
  tags,
  query: TaskExportQuery,
  responses: {},
  produces: [MIME.xlsx],
});
