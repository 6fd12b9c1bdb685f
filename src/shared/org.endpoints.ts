import { IdParams, OkView, Paged, PageQuery } from './common';
import { defineEndpoint } from './endpoint';
import { named } from './openapi';
import {
  CreateUnitInput,
  LeadingGroupMemberInput,
  LeadingGroupMemberView,
  PostInput,
  PostView,
  PublicSiteView,
  PublicUnitView,
  StaffingQuery,
  StaffingView,
  UnitListQuery,
  UnitView,
  UpdateUnitInput,
} from './org';
import { routes } from './routes';

named({ UnitView, PostView, StaffingView, LeadingGroupMemberView, PublicSiteView, PublicUnitView });
const tags = ['org'];

export const listUnits = defineEndpoint({
  ...routes.listUnits,
  summary: '本人可见的单位',
  description: '本人管辖范围内的单位，可按级别、上级单位、名称筛选，分页（按排序号、名称）；默认不含已停用的单位。',
  tags,
  query: UnitListQuery,
  responses: { 200: Paged(UnitView) },
  errors: ['access.denied'],
});

export const getUnit = defineEndpoint({
  ...routes.getUnit,
  summary: '单位详情',
  description: '管辖范围内一个单位的信息。',
  tags,
  params: IdParams,
  responses: { 200: UnitView },
  errors: ['not_found', 'access.denied'],
});

export const createUnit = defineEndpoint({
  ...routes.createUnit,
  summary: '新增实践站（或实践所）',
  description: '实践所管理员在本所下新增实践站，区级管理员新增实践所；同级单位名称不能重复。',
  tags,
  body: CreateUnitInput,
  responses: { 201: UnitView },
  errors: ['not_found', 'access.denied', 'org.bad_parent', 'org.duplicate_name'],
});

export const updateUnit = defineEndpoint({
  ...routes.updateUnit,
  summary: '修改单位',
  description: '修改单位信息；停用或恢复单位须有新增该单位的权限，仍有下级单位的不能停用。',
  tags,
  params: IdParams,
  body: UpdateUnitInput,
  responses: { 200: UnitView },
  errors: ['not_found', 'access.denied', 'org.has_children', 'org.duplicate_name'],
});

export const staffing = defineEndpoint({
  ...routes.viewStaffing,
  summary: '工作人员配备情况（应配与实有）',
  description: '管辖范围内各实践所、实践站按工作方案应配的工作人员人数与实有人数，分页（按排序号、名称）；可只查一个单位。',
  tags,
  query: StaffingQuery,
  responses: { 200: Paged(StaffingView) },
  errors: ['not_found', 'access.denied'],
});

export const listPosts = defineEndpoint({
  ...routes.listPosts,
  summary: '岗位任职',
  description: '一个单位的岗位任职人员，分页（按排序号、登记先后）。',
  tags,
  params: IdParams,
  query: PageQuery,
  responses: { 200: Paged(PostView) },
  errors: ['not_found', 'access.denied'],
});

export const createPost = defineEndpoint({
  ...routes.createPost,
  summary: '新增岗位任职',
  description: '为单位新增一名岗位任职人员；岗位须属于这一级单位。',
  tags,
  params: IdParams,
  body: PostInput,
  responses: { 201: PostView },
  errors: ['not_found', 'access.denied', 'org.post_not_for_unit'],
});

export const updatePost = defineEndpoint({
  ...routes.updatePost,
  summary: '修改岗位任职',
  description: '修改一条岗位任职；岗位须属于这一级单位。',
  tags,
  params: IdParams,
  body: PostInput,
  responses: { 200: PostView },
  errors: ['not_found', 'access.denied', 'org.post_not_for_unit'],
});

export const deletePost = defineEndpoint({
  ...routes.deletePost,
  summary: '删除岗位任职',
  description: '删除一条岗位任职。',
  tags,
  params: IdParams,
  responses: { 200: OkView },
  errors: ['not_found', 'access.denied'],
});

export const listLeadingGroup = defineEndpoint({
  ...routes.listLeadingGroup,
  summary: '领导小组',
  description: '实践所领导小组的成员，分页（按排序号、登记先后）；领导小组只设在实践所。',
  tags,
  params: IdParams,
  query: PageQuery,
  responses: { 200: Paged(LeadingGroupMemberView) },
  errors: ['not_found', 'access.denied', 'org.leading_group_institute_only'],
});

export const addLeadingGroupMember = defineEndpoint({
  ...routes.addLeadingGroupMember,
  summary: '新增领导小组成员',
  description: '为实践所领导小组新增一名成员。',
  tags,
  params: IdParams,
  body: LeadingGroupMemberInput,
  responses: { 201: LeadingGroupMemberView },
  errors: ['not_found', 'access.denied', 'org.leading_group_institute_only'],
});

export const updateLeadingGroupMember = defineEndpoint({
  ...routes.updateLeadingGroupMember,
  summary: '修改领导小组成员',
  description: '修改领导小组一名成员的信息。',
  tags,
  params: IdParams,
  body: LeadingGroupMemberInput,
  responses: { 200: LeadingGroupMemberView },
  errors: ['not_found', 'access.denied'],
});

export const removeLeadingGroupMember = defineEndpoint({
  ...routes.removeLeadingGroupMember,
  summary: '移除领导小组成员',
  description: '从领导小组移除一名成员。',
  tags,
  params: IdParams,
  responses: { 200: OkView },
  errors: ['not_found', 'access.denied'],
});

export const publicSite = defineEndpoint({
  ...routes.viewPublicSite,
  summary: '门户：实践所概况',
  description: '门户首页展示的实践所概况，无需登录。',
  tags: ['public'],
  access: 'public',
  responses: { 200: PublicSiteView },
});

export const publicUnits = defineEndpoint({
  ...routes.listPublicUnits,
  summary: '门户：实践所与实践站名录',
  description: '门户展示的实践所与实践站名录，分页（按排序号、名称），无需登录。',
  tags: ['public'],
  access: 'public',
  query: PageQuery,
  responses: { 200: Paged(PublicUnitView) },
});
