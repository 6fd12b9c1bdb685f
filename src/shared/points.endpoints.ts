import { IdParams, Paged } from './common';
import { defineEndpoint, MIME } from './endpoint';
import { named } from './openapi';
import {
  ActivityBonusInput,
  ActivityBonusView,
  PointEntryView,
  PointHolderQuery,
  PointHolderView,
  PointLedgerExportQuery,
  PointLedgerQuery,
  PointStatementQuery,
  PointStatementView,
  PointsManualInput,
  PointsRevokeInput,
  PointsVerifyView,
} from './points';
import { routes } from './routes';

named({ PointEntryView, PointStatementView, PointHolderView, PointsVerifyView });
const tags = ['points'];

export const myPoints = defineEndpoint({
  ...routes.myPoints,
  summary: '我的积分',
  description: '志愿者本人的积分余额、累计获得、已兑换、已过期，以及逐笔明细（来源与对应的记录）。',
  tags,
  query: PointStatementQuery,
  responses: { 200: PointStatementView },
  errors: ['volunteer.not_found_self'],
});

export const listPointHolders = defineEndpoint({
  ...routes.listPointHolders,
  summary: '志愿者积分余额',
  description: '管辖范围内志愿者的积分余额，可按姓名或志愿者编号搜索、按实践站筛选；实践站管理员只看到本站志愿者。',
  tags,
  query: PointHolderQuery,
  responses: { 200: Paged(PointHolderView) },
  errors: ['not_found', 'access.denied'],
});

export const volunteerPoints = defineEndpoint({
  ...routes.volunteerPoints,
  summary: '志愿者积分明细',
  description: '某位志愿者的积分余额与逐笔明细；只限管辖范围内的志愿者。',
  tags,
  params: IdParams,
  query: PointStatementQuery,
  responses: { 200: PointStatementView },
  errors: ['not_found', 'access.denied'],
});

export const grantPoints = defineEndpoint({
  ...routes.grantPoints,
  summary: '发放积分',
  description: '工作人员给管辖范围内的志愿者发放积分，须写明原因；记入审计并通知志愿者。',
  tags,
  params: IdParams,
  body: PointsManualInput,
  responses: { 201: PointStatementView },
  errors: ['not_found', 'access.denied'],
});

export const deductPoints = defineEndpoint({
  ...routes.deductPoints,
  summary: '扣减积分',
  description: '工作人员扣减志愿者的积分，须写明原因；扣减后余额不能小于 0。',
  tags,
  params: IdParams,
  body: PointsManualInput,
  responses: { 201: PointStatementView },
  errors: ['not_found', 'access.denied', 'points.insufficient'],
});

export const revokePointEntry = defineEndpoint({
  ...routes.revokePointEntry,
  summary: '撤销人工积分',
  description: '以一条写明原因的反向记录撤销一笔人工发放或扣减（可部分撤销），不超过该笔剩余的积分；原记录不变。',
  tags,
  params: IdParams,
  body: PointsRevokeInput,
  responses: { 201: PointStatementView },
  errors: ['not_found', 'access.denied', 'points.not_revocable', 'points.revoke_exceeds', 'points.insufficient'],
});

export const listPointEntries = defineEndpoint({
  ...routes.listPointEntries,
  summary: '积分台账',
  description: '管辖范围内单位的积分流水，按时间倒序；可按单位、月份（YYYY-MM）、类型筛选。',
  tags,
  query: PointLedgerQuery,
  responses: { 200: Paged(PointEntryView) },
  errors: ['not_found', 'access.denied'],
});

export const exportPointEntries = defineEndpoint({
  ...routes.exportPointEntries,
  summary: '导出积分台账（Excel）',
  description: '按与台账相同的筛选条件导出积分流水，中文表头；导出记入审计。',
  tags,
  query: PointLedgerExportQuery,
  responses: {},
  produces: [MIME.xlsx],
  errors: ['not_found', 'access.denied'],
});

export const grantActivityBonus = defineEndpoint({
  ...routes.grantActivityBonus,
  summary: '发放活动奖励积分',
  description: '活动结束后，给该活动已认定服务时长的每位志愿者发放相同的奖励积分，须写明原因；每位志愿者每个活动只发一次。',
  tags,
  params: IdParams,
  body: ActivityBonusInput,
  responses: { 201: ActivityBonusView },
  errors: ['not_found', 'access.denied', 'points.activity_not_finished', 'points.no_attendees'],
});

export const verifyPoints = defineEndpoint({
  ...routes.verifyPoints,
  summary: '核对积分账',
  description: '核对每位志愿者的余额等于其积分流水之和，且累计获得 − 已兑换 − 已过期 = 余额；列出不符的志愿者。',
  tags,
  responses: { 200: PointsVerifyView },
  errors: ['access.denied'],
});
