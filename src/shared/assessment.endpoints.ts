import {
  HistoryRow,
  IndicatorInput,
  IndicatorPatch,
  IndicatorQuery,
  IndicatorView,
  PeriodDetail,
  PeriodInput,
  PeriodQuery,
  PeriodView,
  ResultRow,
  ReviewScoreInput,
  SelfScoreInput,
  Sheet,
  SheetParams,
  StationParams,
} from './assessment';
import { Id, IdParams, PageQuery, Paged } from './common';
import { defineEndpoint, MIME } from './endpoint';
import { named } from './openapi';
import { routes } from './routes';
import { z } from 'zod';

named({ IndicatorView, PeriodView, PeriodDetail, Sheet, ResultRow, HistoryRow });
const tags = ['assessment'];

export const listAssessmentIndicators = defineEndpoint({
  ...routes.listAssessmentIndicators,
  summary: '考核指标',
  description: '实践所的考核指标树（一级指标及其考核项目、内容、标准、分值、计分方式），按顺序排列。',
  tags,
  query: IndicatorQuery,
  responses: { 200: Paged(IndicatorView) },
  errors: ['not_found', 'assessment.not_institute'],
});

export const createAssessmentIndicator = defineEndpoint({
  ...routes.createAssessmentIndicator,
  summary: '新增考核指标',
  description: '实践所管理员新增一级指标，或在一级指标下新增考核项目（自动计分或人工评分）。已开始的考核期不受影响。',
  tags,
  body: IndicatorInput,
  responses: { 201: IndicatorView },
  errors: ['not_found', 'access.denied', 'assessment.not_institute', 'assessment.bad_parent', 'assessment.auto_kind_required'],
});

export const updateAssessmentIndicator = defineEndpoint({
  ...routes.updateAssessmentIndicator,
  summary: '修改考核指标',
  description: '修改或停用一项指标；已开始的考核期使用开始时的指标，不受影响。',
  tags,
  params: IdParams,
  body: IndicatorPatch,
  responses: { 200: IndicatorView },
  errors: ['not_found', 'access.denied', 'assessment.not_institute', 'assessment.auto_kind_required'],
});

export const createDefaultAssessmentIndicators = defineEndpoint({
  ...routes.createDefaultAssessmentIndicators,
  summary: '使用默认考核指标',
  description: '为尚无指标的实践所写入默认指标树（阵地建设、队伍建设、活动进展，共 100 分）。',
  tags,
  body: z.strictObject({ instituteId: Id }),
  responses: { 201: Paged(IndicatorView) },
  errors: ['not_found', 'access.denied', 'assessment.not_institute', 'assessment.tree_exists'],
});

export const listAssessmentPeriods = defineEndpoint({
  ...routes.listAssessmentPeriods,
  summary: '考核期列表',
  description: '本人可查看的实践所的考核期（月度、季度、年度），按开始日期倒序。',
  tags,
  query: PeriodQuery,
  responses: { 200: Paged(PeriodView) },
});

export const openAssessmentPeriod = defineEndpoint({
  ...routes.openAssessmentPeriod,
  summary: '开始考核期',
  description: '实践所管理员开始一个考核期：保存当时的指标树，各实践站开始自评。',
  tags,
  body: PeriodInput,
  responses: { 201: PeriodView },
  errors: ['not_found', 'access.denied', 'assessment.not_institute', 'assessment.bad_dates', 'assessment.duplicate_period', 'assessment.empty_tree'],
});

export const getAssessmentPeriod = defineEndpoint({
  ...routes.getAssessmentPeriod,
  summary: '考核期详情',
  description: '考核期及各实践站的自评提交情况、自评分、总分和名次。公布前实践站只看到本站，公布后看到各站总分和名次。',
  tags,
  params: IdParams,
  responses: { 200: PeriodDetail },
  errors: ['not_found'],
});

export const reviewAssessmentPeriod = defineEndpoint({
  ...routes.reviewAssessmentPeriod,
  summary: '转入审核',
  description: '结束自评，转入实践所审核（仅“自评中”的考核期）。',
  tags,
  params: IdParams,
  responses: { 200: PeriodDetail },
  errors: ['not_found', 'access.denied', 'assessment.bad_status'],
});

export const publishAssessmentPeriod = defineEndpoint({
  ...routes.publishAssessmentPeriod,
  summary: '公布考核结果',
  description: '固定自动计分及其依据，计算各站总分、分类小计和名次并公布（仅“审核中”的考核期）。',
  tags,
  params: IdParams,
  responses: { 200: PeriodDetail },
  errors: ['not_found', 'access.denied', 'assessment.bad_status'],
});

export const getAssessmentSheet = defineEndpoint({
  ...routes.getAssessmentSheet,
  summary: '实践站考核表',
  description: '某实践站在某考核期的每项指标：自动计分及其说明和依据记录、自评分和证明材料、审核调整及理由、最终得分和失分。',
  tags,
  params: SheetParams,
  responses: { 200: Sheet },
  errors: ['not_found'],
});

export const scoreAssessmentSelf = defineEndpoint({
  ...routes.scoreAssessmentSelf,
  summary: '自评打分',
  description: '实践站管理员在自评期内为人工评分的指标自评并上传证明材料；每次修改都留有记录。',
  tags,
  params: SheetParams,
  body: SelfScoreInput,
  responses: { 200: Sheet },
  errors: [
    'not_found',
    'access.denied',
    'assessment.bad_status',
    'assessment.already_submitted',
    'assessment.bad_indicator',
    'assessment.not_manual',
    'assessment.bad_points',
    'assessment.bad_file',
    'conflict',
  ],
});

export const submitAssessmentSelf = defineEndpoint({
  ...routes.submitAssessmentSelf,
  summary: '提交自评',
  description: '实践站管理员提交本站自评；提交后不能再修改。',
  tags,
  params: SheetParams,
  responses: { 200: Sheet },
  errors: ['not_found', 'access.denied', 'assessment.bad_status', 'assessment.already_submitted'],
});

export const scoreAssessmentReview = defineEndpoint({
  ...routes.scoreAssessmentReview,
  summary: '审核调整分数',
  description: '实践所管理员在审核期调整某项得分（自动计分项也可调整），须填写理由；原分数保留在记录中。',
  tags,
  params: SheetParams,
  body: ReviewScoreInput,
  responses: { 200: Sheet },
  errors: ['not_found', 'access.denied', 'assessment.bad_status', 'assessment.bad_indicator', 'assessment.bad_points', 'conflict'],
});

export const listAssessmentResults = defineEndpoint({
  ...routes.listAssessmentResults,
  summary: '考核结果排名',
  description: '已公布考核期的排名、总分；本人可查看的实践站附分类小计。',
  tags,
  params: IdParams,
  query: PageQuery,
  responses: { 200: Paged(ResultRow) },
  errors: ['not_found', 'assessment.not_published'],
});

export const listAssessmentHistory = defineEndpoint({
  ...routes.listAssessmentHistory,
  summary: '实践站历次考核',
  description: '某实践站历次已公布考核的总分、名次和分类小计，按时间倒序。',
  tags,
  params: StationParams,
  query: PageQuery,
  responses: { 200: Paged(HistoryRow) },
  errors: ['not_found', 'assessment.bad_station'],
});

export const exportAssessmentExcel = defineEndpoint({
  ...routes.exportAssessmentExcel,
  summary: '导出考核结果（Excel）',
  description: '已公布考核期的排名和每项指标×实践站得分表；实践站只导出本站明细。导出记入审计。',
  tags,
  params: IdParams,
  responses: {},
  produces: [MIME.xlsx],
  errors: ['not_found', 'assessment.not_published'],
});

export const exportAssessmentPdf = defineEndpoint({
  ...routes.exportAssessmentPdf,
  summary: '导出考核报告（PDF）',
  description: '已公布考核期的中文报告：排名表和各站失分情况。导出记入审计。',
  tags,
  params: IdParams,
  responses: {},
  produces: [MIME.pdf],
  errors: ['not_found', 'assessment.not_published'],
});
