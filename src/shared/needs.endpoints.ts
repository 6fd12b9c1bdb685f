import { IdParams, Paged } from './common';
import { defineEndpoint, MIME } from './endpoint';
import { NeedsCountsQuery, NeedsCountsView, NeedsExportQuery, NeedsListQuery, NeedsRecordInput, NeedsRecordView, WithdrawNeedsInput } from './needs';
import { named } from './openapi';
import { routes } from './routes';

named({ NeedsRecord: NeedsRecordView, NeedsCounts: NeedsCountsView });
const tags = ['needs'];

export const listNeedsRecords = defineEndpoint({
  ...routes.listNeedsRecords,
  summary: '需求采集记录',
  description: '管辖范围内各实践站采集的群众需求，按采集日期倒序；可按实践站、类别和月份筛选。联系电话一律打码；关联的关爱对象只对服务该对象的管理员显示。',
  tags,
  query: NeedsListQuery,
  responses: { 200: Paged(NeedsRecordView) },
});

export const recordNeeds = defineEndpoint({
  ...routes.recordNeeds,
  summary: '登记群众需求',
  description: '实践站工作人员在入户走访、问卷调查、座谈会或电话中登记一条群众需求：类别、内容、人数、受访人，可关联本站的关爱对象。采集人为当前账号。',
  tags,
  body: NeedsRecordInput,
  responses: { 201: NeedsRecordView },
  errors: ['not_found', 'access.denied', 'needs.bad_station', 'needs.future_date', 'needs.recipient_not_found'],
});

export const withdrawNeedsRecord = defineEndpoint({
  ...routes.withdrawNeedsRecord,
  summary: '撤回需求记录',
  description: '需求记录是工作留痕，登记有误时不修改原记录，而是写明原因撤回；撤回的记录不再计入统计。',
  tags,
  params: IdParams,
  body: WithdrawNeedsInput,
  responses: { 200: NeedsRecordView },
  errors: ['not_found', 'access.denied', 'needs.already_withdrawn'],
});

export const needsCounts = defineEndpoint({
  ...routes.needsCounts,
  summary: '需求分类统计',
  description: '某一时段（默认近 90 天）各类别的需求条数和涉及人数，按类别合计并按实践站分列；撤回的记录不计。供需求清单和活动计划参考。',
  tags,
  query: NeedsCountsQuery,
  responses: { 200: NeedsCountsView },
  errors: ['not_found', 'needs.bad_period'],
});

export const exportNeedsRecords = defineEndpoint({
  ...routes.exportNeedsRecords,
  summary: '导出需求采集记录',
  description: '按筛选条件导出需求采集记录（Excel，含分类统计）；联系电话打码，撤回的记录注明原因。',
  tags,
  query: NeedsExportQuery,
  responses: {},
  produces: [MIME.xlsx],
  errors: ['not_found'],
});
