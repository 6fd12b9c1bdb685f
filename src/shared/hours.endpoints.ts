import { z } from 'zod';
import { IdParams, PageQuery, Paged } from './common';
import { defineEndpoint, MIME } from './endpoint';
import type { ErrorCode } from './errors';
import {
  ApprovedCountView,
  AwardInput,
  AwardView,
  BackfillInput,
  BulkApproveInput,
  CorrectionInput,
  CorrectionRequestInput,
  CorrectionRequestListQuery,
  CorrectionRequestView,
  DecideInput,
  HoursExportQuery,
  HoursImportReport,
  HoursNationalExportInput,
  HoursPage,
  HoursQuery,
  HoursSummaryView,
  RecognitionView,
  ResolveCorrectionRequestInput,
  ServiceRecordView,
  StarListExportQuery,
  TrainingInput,
  TrainingView,
} from './hours';
import { named } from './openapi';
import { routes } from './routes';

named({ ServiceRecordView, HoursSummaryView, TrainingView, AwardView, CorrectionRequestView, RecognitionView });
const tags = ['hours'];
const DECISION_ERRORS = [
  'not_found',
  'access.denied',
  'hours.self_approval',
  'hours.entered_by_approver',
  'hours.needs_institute',
  'hours.not_pending',
  'hours.reason_required',
] as const satisfies readonly ErrorCode[];

export const listRecords = defineEndpoint({
  ...routes.listServiceRecords,
  summary: '服务记录（管辖范围）',
  description: '本人管辖范围内的服务记录，可按状态、来源、志愿者、单位、日期筛选（分页）。',
  tags,
  query: HoursQuery,
  responses: { 200: HoursPage },
  errors: ['not_found', 'access.denied'],
});

export const listMyRecords = defineEndpoint({
  ...routes.listMyServiceRecords,
  summary: '我的服务记录',
  description: '当前登录志愿者本人的服务记录（分页）。',
  tags,
  query: HoursQuery,
  responses: { 200: HoursPage },
  errors: ['volunteer.not_found_self'],
});

export const mySummary = defineEndpoint({
  ...routes.viewMyHoursSummary,
  summary: '我的时长与星级',
  description: '当前登录志愿者本人的累计时长、年度合计与星级。',
  tags,
  responses: { 200: HoursSummaryView },
  errors: ['volunteer.not_found_self'],
});

export const getRecord = defineEndpoint({
  ...routes.getServiceRecord,
  summary: '一条服务记录',
  description: '志愿者本人或管辖范围内的工作人员查看一条服务记录。',
  tags,
  params: IdParams,
  responses: { 200: ServiceRecordView },
  errors: ['not_found'],
});

export const backfill = defineEndpoint({
  ...routes.backfillServiceRecord,
  summary: '补录服务记录（需证明材料和原因）',
  description: '工作人员为已认证的志愿者补录一条服务记录，须附证明材料和原因；不能录入未来的服务或与已有记录重叠的时段。补录记录待审核。',
  tags,
  body: BackfillInput,
  responses: { 201: ServiceRecordView },
  errors: ['not_found', 'access.denied', 'hours.volunteer_not_certified', 'hours.bad_time', 'hours.future', 'hours.evidence_missing', 'hours.overlap'],
});

export const decide = defineEndpoint({
  ...routes.decideServiceRecord,
  summary: '审核：认定或不予认定',
  description: '工作人员审核一条待审核的记录；不能审核本人的记录或本人录入的记录，超过录入期限的须由实践所审核，不予认定须填写原因。',
  tags,
  params: IdParams,
  body: DecideInput,
  responses: { 200: ServiceRecordView },
  errors: DECISION_ERRORS,
});

export const approveMany = defineEndpoint({
  ...routes.approveServiceRecords,
  summary: '批量认定（全部成功或全部不变）',
  description: '一次认定多条待审核记录；任何一条不能认定时全部不变，错误信息指明是哪一条。',
  tags,
  body: BulkApproveInput,
  responses: { 200: ApprovedCountView },
  errors: DECISION_ERRORS,
});

export const correct = defineEndpoint({
  ...routes.correctServiceRecord,
  summary: '对已认定记录提交更正（冲正记录，不改原记录）',
  description: '对一条已认定的记录提交更正，生成一条冲正记录，原记录不变；更正后时长不能小于 0。',
  tags,
  params: IdParams,
  body: CorrectionInput,
  responses: { 201: ServiceRecordView },
  errors: ['not_found', 'access.denied', 'hours.not_approved', 'hours.correction_below_zero'],
});

export const hoursSummary = defineEndpoint({
  ...routes.viewHoursSummary,
  summary: '志愿者时长、年度合计与星级说明',
  description: '志愿者本人或管辖范围内的工作人员查看该志愿者的累计时长、年度合计与星级。',
  tags,
  params: IdParams,
  responses: { 200: HoursSummaryView },
  errors: ['not_found'],
});

export const recognitions = defineEndpoint({
  ...routes.listStarRecognitions,
  summary: '星级晋升表彰名单',
  description: '管辖范围内星级晋升的志愿者名单，供表彰使用；分页（新的在前）。',
  tags,
  query: PageQuery,
  responses: { 200: Paged(RecognitionView) },
  errors: ['access.denied'],
});

export const listTraining = defineEndpoint({
  ...routes.listTraining,
  summary: '培训记录',
  description: '一名志愿者的培训记录，分页（新的在前）。',
  tags,
  params: IdParams,
  query: PageQuery,
  responses: { 200: Paged(TrainingView) },
  errors: ['not_found'],
});

export const addTraining = defineEndpoint({
  ...routes.addTraining,
  summary: '新增培训记录',
  description: '管辖范围内的工作人员为志愿者新增一条培训记录。',
  tags,
  params: IdParams,
  body: TrainingInput,
  responses: { 201: TrainingView },
  errors: ['not_found', 'access.denied'],
});

export const listAwards = defineEndpoint({
  ...routes.listAwards,
  summary: '表彰记录',
  description: '一名志愿者的表彰记录，分页（新的在前）。',
  tags,
  params: IdParams,
  query: PageQuery,
  responses: { 200: Paged(AwardView) },
  errors: ['not_found'],
});

export const addAward = defineEndpoint({
  ...routes.addAward,
  summary: '新增表彰记录',
  description: '管辖范围内的工作人员为志愿者新增一条表彰记录。',
  tags,
  params: IdParams,
  body: AwardInput,
  responses: { 201: AwardView },
  errors: ['not_found', 'access.denied'],
});

export const listCorrectionRequests = defineEndpoint({
  ...routes.listCorrectionRequests,
  summary: '更正申请（工作人员看管辖范围，志愿者看自己的）',
  description: '工作人员看管辖范围内的更正申请，志愿者看本人提交的；可按状态筛选，分页（新的在前）。',
  tags,
  query: CorrectionRequestListQuery,
  responses: { 200: Paged(CorrectionRequestView) },
  errors: ['access.denied', 'volunteer.not_found_self'],
});

export const requestCorrection = defineEndpoint({
  ...routes.requestCorrection,
  selfService: true,
  summary: '志愿者申请更正记录',
  description: '志愿者本人对自己的服务记录（或缺失的记录）提出更正申请，由工作人员处理。',
  tags,
  body: CorrectionRequestInput,
  responses: { 201: CorrectionRequestView },
  errors: ['not_found', 'volunteer.not_found_self'],
});

export const resolveCorrection = defineEndpoint({
  ...routes.resolveCorrectionRequest,
  summary: '处理更正申请',
  description: '工作人员处理一份更正申请：已处理或不予处理，并填写处理说明。',
  tags,
  params: IdParams,
  body: ResolveCorrectionRequestInput,
  responses: { 200: CorrectionRequestView },
  errors: ['not_found', 'access.denied', 'hours.request_closed'],
});

export const exportStarList = defineEndpoint({
  ...routes.exportStarList,
  summary: '导出星级表彰名单（Excel）',
  description: '管辖范围内星级晋升的全部志愿者（不分页），可按星级筛选，与页面一致；导出记入审计。',
  tags,
  query: StarListExportQuery,
  responses: {},
  produces: [MIME.xlsx],
  errors: ['access.denied'],
});

export const exportHoursByVolunteer = defineEndpoint({
  ...routes.exportHoursByVolunteer,
  summary: '按志愿者汇总服务时长（Excel）',
  description: '按服务记录列表的筛选条件（状态、来源、单位、日期等），管辖范围内每名志愿者一行：记录条数、已认定、待审核、未通过的时长；导出记入审计。',
  tags,
  query: HoursExportQuery,
  responses: {},
  produces: [MIME.xlsx],
  errors: ['not_found', 'access.denied'],
});

export const exportHoursNational = defineEndpoint({
  ...routes.exportHoursNational,
  summary: '导出服务时长至全国志愿服务信息系统（Excel，完整证件号码）',
  description:
    '某单位在一段服务日期内（最长 1 年）已认定的服务记录，按全国系统的字段和顺序导出；更正（冲正）记录并入原记录的时长，冲正为 0 的不导出。证件号码完整，须填写原因，原因、行数和导出人记入审计。',
  tags,
  body: HoursNationalExportInput,
  responses: {},
  produces: [MIME.xlsx],
  errors: ['access.denied'],
});

export const importHours = defineEndpoint({
  ...routes.importHours,
  summary: '导入服务时长（全国系统格式）：dryRun=true 只检查不写入；确认导入需 evidenceFileId',
  description:
    '上传全国系统格式的服务时长表（multipart 字段 file），按证件号码匹配管辖范围内的志愿者。先以 dryRun=true 检查每一行；确认导入时附证明材料（如签到表扫描件），无问题的行作为待审核的补录记录写入，有问题的行不写入并列出原因；须由导入人以外的工作人员审核。',
  tags,
  query: z.strictObject({ dryRun: z.enum(['true', 'false']).default('true'), evidenceFileId: z.uuid().optional() }),
  multipart: true,
  responses: { 200: HoursImportReport },
  errors: ['access.denied', 'hours.evidence_missing'],
});
