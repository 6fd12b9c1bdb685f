import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParams } from '../../../shared/common';
import {
  AddMemberInput,
  CreateTeamInput,
  DecideMemberInput,
  JoinTeamInput,
  MemberParams,
  SetMemberRoleInput,
  TeamListQuery,
  TeamPage,
  TeamView,
  UpdateTeamInput,
} from '../../../shared/teams';
import { ctxOf } from '../../platform/auth';
import type { Deps } from '../../platform/deps';
import * as teams from './teams.service';


export function teamsRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['teams'];
    app.get('/api/teams', { schema: { tags, summary: '志愿服务队伍', querystring: TeamListQuery, response: { 200: z.object({ items: z.array(TeamView) }) } } }, async (req) =>
      teams.listTeams(deps, ctxOf(req), req.query),
    );
    app.post('/api/teams', { schema: { tags, summary: '新建队伍（分队/小队/专业队）', body: CreateTeamInput, response: { 201: TeamView } } }, async (req, reply) =>
      reply.code(201).send(await teams.createTeam(deps, ctxOf(req), req.body)),
    );
    app.get('/api/teams/:id', { schema: { tags, summary: '队伍主页：成员与时长', params: IdParams, response: { 200: TeamPage } } }, async (req) =>
      teams.getTeam(deps, ctxOf(req), req.params.id),
    );
    app.patch('/api/teams/:id', { schema: { tags, summary: '修改队伍', params: IdParams, body: UpdateTeamInput, response: { 200: TeamView } } }, async (req) =>
      teams.updateTeam(deps, ctxOf(req), req.params.id, req.body),
    );
    app.post('/api/teams/:id/members', { schema: { tags, summary: '添加队员', params: IdParams, body: AddMemberInput, response: { 200: TeamPage } } }, async (req) =>
      teams.addMember(deps, ctxOf(req), req.params.id, req.body),
    );
    app.post('/api/teams/:id/join', { schema: { tags, summary: '申请加入队伍', params: IdParams, body: JoinTeamInput, response: { 200: TeamPage } } }, async (req) =>
      teams.requestToJoin(deps, ctxOf(req), req.params.id, req.body.note),
    );
    app.post('/api/teams/:id/members/:memberId/decision', { schema: { tags, summary: '审批入队申请', params: MemberParams, body: DecideMemberInput, response: { 200: TeamPage } } }, async (req) =>
      teams.decideMember(deps, ctxOf(req), req.params.id, req.params.memberId, req.body.decision),
    );
    app.put('/api/teams/:id/members/:memberId/role', { schema: { tags, summary: '设为队长/副队长/队员', params: MemberParams, body: SetMemberRoleInput, response: { 200: TeamPage } } }, async (req) =>
      teams.setMemberRole(deps, ctxOf(req), req.params.id, req.params.memberId, req.body.role),
    );
    app.delete('/api/teams/:id/members/:memberId', { schema: { tags, summary: '移出队伍', params: MemberParams, response: { 200: TeamPage } } }, async (req) =>
      teams.removeMember(deps, ctxOf(req), req.params.id, req.params.memberId),
    );
  };
}
