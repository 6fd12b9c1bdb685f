import {
  CreateDistrictAccountInput,
  CreatedDistrictAccountView,
  CreatedStreetView,
  CreateStreetInput,
  DistrictAccountListView,
  DistrictAccountView,
  DistrictSummaryQuery,
  DistrictSummaryView,
  StreetAdminParams,
  StreetAdminStatusInput,
  StreetAdminView,
  StreetListView,
} from './district';
import { defineEndpoint } from './endpoint';
import { named } from './openapi';
import { routes } from './routes';

named({ StreetListView, CreatedStreetView, StreetAdminView, DistrictSummaryView, DistrictAccountListView, CreatedDistrictAccountView, DistrictAccountView });
const tags = ['district'];

export const listStreets = defineEndpoint({
  ...routes.listStreets,
  summary: '区内各街道（实践所）',
  description: '区级管理员和区中心查看本区的各街道实践所：代码、地址、站点数和实践所管理员账号。',
  tags,
  responses: { 200: StreetListView },
  errors: ['access.denied'],
});

export const createStreet = defineEndpoint({
  ...routes.createStreet,
  summary: '新建街道（实践所）及其管理员',
  description:
    '区级管理员在本区下新建一个街道实践所（名称、代码、地址），同时建立它的第一个实践所管理员账号；一次性密码只在此返回一次，首次登录须修改。记入审计。',
  tags,
  body: CreateStreetInput,
  responses: { 201: CreatedStreetView },
  errors: ['not_found', 'access.denied', 'org.duplicate_name', 'org.duplicate_code', 'account.duplicate_username', 'account.duplicate_phone'],
});

export const setStreetAdminStatus = defineEndpoint({
  ...routes.setStreetAdminStatus,
  summary: '停用或启用街道管理员',
  description: '区级管理员停用（会话立即失效）或重新启用本区某街道的实践所管理员账号；只对实践所管理员有效。记入审计。',
  tags,
  params: StreetAdminParams,
  body: StreetAdminStatusInput,
  responses: { 200: StreetAdminView },
  errors: ['not_found', 'access.denied'],
});

export const districtSummary = defineEndpoint({
  ...routes.districtSummary,
  summary: '区级汇总（按街道）',
  description: '本区各街道的志愿者、当年审核通过的服务时长、活动、点单数，以及上个月各站“每月活动”规则的达标情况；只读，可逐街道查看其数据大屏和工作报表。',
  tags,
  query: DistrictSummaryQuery,
  responses: { 200: DistrictSummaryView },
  errors: ['access.denied'],
});

export const listDistrictAccounts = defineEndpoint({
  ...routes.listDistrictAccounts,
  summary: '区级账号',
  description: '本区自己的账号（区级管理员和区中心查看）：账号名、姓名、角色、是否停用和最近登录时间。区级管理员和区中心查看都可查看。',
  tags,
  responses: { 200: DistrictAccountListView },
  errors: ['access.denied'],
});

export const createDistrictAccount = defineEndpoint({
  ...routes.createDistrictAccount,
  summary: '新增区级账号',
  description:
    '区级管理员为本区新增一个区级管理员或区中心查看（只读）账号；一次性密码只在此返回一次，首次登录须修改。人员、账号和授权在同一事务中写入，记入审计。',
  tags,
  body: CreateDistrictAccountInput,
  responses: { 201: CreatedDistrictAccountView },
  errors: ['not_found', 'access.denied', 'account.duplicate_username', 'account.duplicate_phone'],
});

export const setDistrictAccountStatus = defineEndpoint({
  ...routes.setDistrictAccountStatus,
  summary: '停用或启用区级账号',
  description: '区级管理员停用（会话立即失效）或重新启用本区的另一个区级账号；不能停用自己，只对仅在本区有授权的区级账号有效。记入审计。',
  tags,
  params: StreetAdminParams,
  body: StreetAdminStatusInput,
  responses: { 200: DistrictAccountView },
  errors: ['not_found', 'access.denied', 'account.self_disable'],
});
