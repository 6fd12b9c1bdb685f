import { IdParams, Paged } from './common';
import { defineEndpoint } from './endpoint';
import { named } from './openapi';
import {
  AddMemberInput,
  CreateTeamInput,
  DecideMemberInput,
  JoinTeamInput,
  MemberParams,
  SetMemberRoleInput,
  TeamListQuery,
  TeamMemberView,
  TeamPage,
  TeamView,
  UpdateTeamInput,
} from './teams';
import { routes } from './routes';

named({ TeamView, TeamMemberView, TeamPage });
const tags = ['teams'];

export const listTeams = defineEndpoint({
  ...routes.listTeams,
  summary: '志愿服务队伍',
  description: '本人可见单位的队伍，可按单位、队伍类型筛选，分页（按单位、类型、名称排序）；默认不含已归档的队伍。',
  tags,
  query: TeamListQuery,
  responses: { 200: Paged(TeamView) },
  errors: ['not_found', 'access.denied'],
});

export const createTeam = defineEndpoint({
  ...routes.createTeam,
  summary: '新建队伍（分队/小队/专业队）',
  description: '管辖范围内的工作人员新建队伍：分队设在实践所，小队设在实践站；同一单位内队伍名称不能重复。',
  tags,
  body: CreateTeamInput,
  responses: { 201: TeamView },
  errors: ['not_found', 'access.denied', 'teams.bad_kind', 'teams.duplicate_name'],
});

export const getTeam = defineEndpoint({
  ...routes.getTeam,
  summary: '队伍主页：成员与时长',
  description: '队伍信息、成员（含待审批的申请）与近期参加的活动；本人可见单位的队伍或本人带领的队伍。',
  tags,
  params: IdParams,
  responses: { 200: TeamPage },
  errors: ['not_found'],
});

export const updateTeam = defineEndpoint({
  ...routes.updateTeam,
  summary: '修改队伍',
  description: '修改队伍名称、简介或将其归档；同一单位内队伍名称不能重复。',
  tags,
  params: IdParams,
  body: UpdateTeamInput,
  responses: { 200: TeamView },
  errors: ['not_found', 'access.denied', 'teams.duplicate_name'],
});

export const addMember = defineEndpoint({
  ...routes.addTeamMember,
  summary: '添加队员',
  description: '队伍管理者直接添加一名已认证的志愿者为队员，返回更新后的队伍主页。',
  tags,
  params: IdParams,
  body: AddMemberInput,
  responses: { 200: TeamPage },
  errors: ['not_found', 'access.denied', 'teams.volunteer_not_certified', 'teams.already_member'],
});

export const joinTeam = defineEndpoint({
  ...routes.joinTeam,
  selfService: true,
  summary: '申请加入队伍',
  description: '已认证的志愿者本人申请加入队伍，待队伍管理者审批。',
  tags,
  params: IdParams,
  body: JoinTeamInput,
  responses: { 200: TeamPage },
  errors: ['not_found', 'volunteer.not_found_self', 'teams.volunteer_not_certified', 'teams.already_member'],
});

export const decideMember = defineEndpoint({
  ...routes.decideTeamMember,
  summary: '审批入队申请',
  description: '队伍管理者同意或拒绝一份入队申请；已处理的申请不能再次审批。',
  tags,
  params: MemberParams,
  body: DecideMemberInput,
  responses: { 200: TeamPage },
  errors: ['not_found', 'access.denied', 'teams.not_pending'],
});

export const setMemberRole = defineEndpoint({
  ...routes.setTeamMemberRole,
  summary: '设为队长/副队长/队员',
  description: '队伍管理者设置一名在队成员的角色。',
  tags,
  params: MemberParams,
  body: SetMemberRoleInput,
  responses: { 200: TeamPage },
  errors: ['not_found', 'access.denied'],
});

export const removeMember = defineEndpoint({
  ...routes.removeTeamMember,
  summary: '移出队伍',
  description: '队伍管理者将一名在队成员移出队伍。',
  tags,
  params: MemberParams,
  responses: { 200: TeamPage },
  errors: ['not_found', 'access.denied'],
});
