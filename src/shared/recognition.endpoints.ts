import { IdParams, Paged } from './common';
import { defineEndpoint, MIME } from './endpoint';
import { named } from './openapi';
import {
  AwardListQuery,
  AwardView,
  BenefitInput,
  BenefitListQuery,
  BenefitView,
  ConsentView,
  GiveAwardInput,
  HonourListView,
  MilestoneView,
  MyConsentInput,
  MyHonoursView,
  PublicHonoursQuery,
  PublicHonourView,
  RecordConsentInput,
  RevokeAwardInput,
  YearQuery,
} from './recognition';
import { routes } from './routes';
import { z } from 'zod';

named({ AwardView, BenefitView, MyHonoursView, PublicHonourView });
const tags = ['recognition'];

export const giveAward = defineEndpoint({
  ...routes.giveAward,
  summary: '颁发表彰',
  description:
    '管辖范围内的工作人员向一位志愿者或一支队伍颁发表彰（名称、日期、授予单位、级别、事由），生成带核验编号的表彰证书；给志愿者的表彰同时记入其志愿服务记录（办法第九条）。记入审计。',
  tags,
  body: GiveAwardInput,
  responses: { 201: AwardView },
  errors: ['not_found', 'access.denied'],
});

export const listRecognitionAwards = defineEndpoint({
  ...routes.listRecognitionAwards,
  summary: '表彰列表（分页）',
  description: '本人管辖范围内的表彰（含已撤销的，标明撤销原因），可按年度、志愿者筛选；最新在前。',
  tags,
  query: AwardListQuery,
  responses: { 200: Paged(AwardView) },
  errors: ['access.denied'],
});

export const awardPdf = defineEndpoint({
  ...routes.downloadAwardPdf,
  summary: '下载表彰证书 PDF',
  description: '带核验二维码的表彰证书；获表彰的志愿者本人或管辖范围内的工作人员可下载，已撤销的不能下载。',
  tags,
  params: IdParams,
  responses: {},
  produces: [MIME.pdf],
  errors: ['not_found', 'recognition.revoked'],
});

export const revokeAward = defineEndpoint({
  ...routes.revokeAward,
  summary: '撤销表彰（记录原因）',
  description: '以一条撤销记录撤销表彰，原表彰不删除；光荣榜随即不再显示。记入审计。',
  tags,
  params: IdParams,
  body: RevokeAwardInput,
  responses: { 200: AwardView },
  errors: ['not_found', 'access.denied', 'recognition.revoked'],
});

export const listMilestones = defineEndpoint({
  ...routes.listMilestones,
  summary: '星级晋升记录',
  description: '某年度管辖范围内志愿者达到新星级的记录（谁、何时、达到几星）。',
  tags,
  query: YearQuery,
  responses: { 200: z.object({ items: z.array(MilestoneView) }) },
  errors: ['access.denied'],
});

export const honourList = defineEndpoint({
  ...routes.viewHonourList,
  summary: '年度荣誉榜',
  description: '某年度管辖范围内的表彰（未撤销）和星级晋升，按单位排列。',
  tags,
  query: YearQuery,
  responses: { 200: HonourListView },
  errors: ['access.denied'],
});

export const exportHonourList = defineEndpoint({
  ...routes.exportHonourList,
  summary: '导出年度荣誉榜（Excel）',
  description: '年度荣誉榜的两张表：表彰、星级晋升；中文表头，导出记入审计。',
  tags,
  query: YearQuery,
  responses: {},
  produces: [MIME.xlsx],
  errors: ['access.denied'],
});

export const listBenefits = defineEndpoint({
  ...routes.listBenefits,
  summary: '礼遇目录',
  description: '实践所的星级志愿者礼遇目录（含已停用的）；不指定 unitId 时为本人所在实践所的。',
  tags,
  query: BenefitListQuery,
  responses: { 200: z.object({ items: z.array(BenefitView) }) },
  errors: ['not_found', 'access.denied'],
});

export const createBenefit = defineEndpoint({
  ...routes.createBenefit,
  summary: '新增礼遇',
  description: '实践所管理员在本所目录中新增一项礼遇（名称、说明、提供方、最低星级、有效期）。记入审计。',
  tags,
  body: BenefitInput,
  responses: { 201: BenefitView },
  errors: ['not_found', 'access.denied'],
});

export const updateBenefit = defineEndpoint({
  ...routes.updateBenefit,
  summary: '修改礼遇',
  description: '修改或停用一项礼遇。记入审计。',
  tags,
  params: IdParams,
  body: BenefitInput,
  responses: { 200: BenefitView },
  errors: ['not_found', 'access.denied'],
});

export const myHonours = defineEndpoint({
  ...routes.viewMyHonours,
  summary: '我的荣誉与礼遇',
  description: '志愿者本人的表彰、当前星级可享的礼遇、下一星级新增的礼遇，以及是否同意在光荣榜公开。',
  tags,
  responses: { 200: MyHonoursView },
  errors: ['volunteer.not_found_self'],
});

export const setMyConsent = defineEndpoint({
  ...routes.setMyConsent,
  selfService: true,
  summary: '设置是否在光荣榜公开',
  description: '志愿者本人同意（隐去姓名中间字或显示全名）或撤回在公开榜单上展示；每次变更都留存记录。',
  tags,
  body: MyConsentInput,
  responses: { 200: ConsentView },
  errors: ['volunteer.not_found_self'],
});

export const viewConsent = defineEndpoint({
  ...routes.viewConsent,
  summary: '志愿者的公开意愿',
  description: '管辖范围内志愿者当前的光荣榜公开意愿。',
  tags,
  params: IdParams,
  responses: { 200: ConsentView },
  errors: ['not_found', 'access.denied'],
});

export const recordConsent = defineEndpoint({
  ...routes.recordConsent,
  summary: '代为登记公开意愿',
  description: '工作人员登记志愿者当面或书面表示的公开意愿，须写明依据（备注）；记入审计。',
  tags,
  params: IdParams,
  body: RecordConsentInput,
  responses: { 200: ConsentView },
  errors: ['not_found', 'access.denied'],
});

export const publicHonours = defineEndpoint({
  ...routes.listPublicHonours,
  summary: '门户：光荣榜',
  description: '未撤销的表彰，无需登录。志愿者只在本人同意公开时列出（默认隐去姓名中间字，本人同意时显示全名）；队伍总是列出。',
  tags: ['public', 'recognition'],
  access: 'public',
  query: PublicHonoursQuery,
  responses: { 200: Paged(PublicHonourView) },
  errors: ['auth.rate_limited'],
});
