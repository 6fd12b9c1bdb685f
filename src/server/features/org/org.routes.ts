import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParams, OkView } from '../../../shared/common';
import {
  CreateUnitInput,
  LeadingGroupMemberInput,
  LeadingGroupMemberView,
  PostInput,
  PostView,
  PublicSiteView,
  PublicUnitView,
  StaffingView,
  UnitListQuery,
  UnitView,
  UpdateUnitInput,
} from '../../../shared/org';
import { ctxOf } from '../../platform/auth';
import type { Deps } from '../../platform/deps';
import * as org from './org.service';

export function orgRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['org'];
    const items = <T extends z.ZodType>(t: T) => z.object({ items: z.array(t) });

    app.get('/api/org/units', { schema: { tags, summary: '本人可见的单位', querystring: UnitListQuery, response: { 200: items(UnitView) } } }, async (req) =>
      org.listUnits(deps, ctxOf(req), req.query),
    );
    app.get('/api/org/units/:id', { schema: { tags, summary: '单位详情', params: IdParams, response: { 200: UnitView } } }, async (req) =>
      org.getUnit(deps, ctxOf(req), req.params.id),
    );
    app.post('/api/org/units', { schema: { tags, summary: '新增实践站（或实践所）', body: CreateUnitInput, response: { 201: UnitView } } }, async (req, reply) =>
      reply.code(201).send(await org.createUnit(deps, ctxOf(req), req.body)),
    );
    app.patch('/api/org/units/:id', { schema: { tags, summary: '修改单位', params: IdParams, body: UpdateUnitInput, response: { 200: UnitView } } }, async (req) =>
      org.updateUnit(deps, ctxOf(req), req.params.id, req.body),
    );
    app.get('/api/org/staffing', { schema: { tags, summary: '工作人员配备情况（应配与实有）', response: { 200: items(StaffingView) } } }, async (req) =>
      org.staffing(deps, ctxOf(req)),
    );

    app.get('/api/org/units/:id/posts', { schema: { tags, summary: '岗位任职', params: IdParams, response: { 200: items(PostView) } } }, async (req) =>
      org.listPosts(deps, ctxOf(req), req.params.id),
    );
    app.post('/api/org/units/:id/posts', { schema: { tags, summary: '新增岗位任职', params: IdParams, body: PostInput, response: { 201: PostView } } }, async (req, reply) =>
      reply.code(201).send(await org.createPost(deps, ctxOf(req), req.params.id, req.body)),
    );
    app.put('/api/org/posts/:id', { schema: { tags, summary: '修改岗位任职', params: IdParams, body: PostInput, response: { 200: PostView } } }, async (req) =>
      org.updatePost(deps, ctxOf(req), req.params.id, req.body),
    );
    app.delete('/api/org/posts/:id', { schema: { tags, summary: '删除岗位任职', params: IdParams, response: { 200: OkView } } }, async (req) =>
      org.deletePost(deps, ctxOf(req), req.params.id),
    );

    app.get('/api/org/units/:id/leading-group', { schema: { tags, summary: '领导小组', params: IdParams, response: { 200: items(LeadingGroupMemberView) } } }, async (req) =>
      org.listLeadingGroup(deps, ctxOf(req), req.params.id),
    );
    app.post(
      '/api/org/units/:id/leading-group',
      { schema: { tags, summary: '新增领导小组成员', params: IdParams, body: LeadingGroupMemberInput, response: { 201: LeadingGroupMemberView } } },
      async (req, reply) => reply.code(201).send(await org.addLeadingGroupMember(deps, ctxOf(req), req.params.id, req.body)),
    );
    app.put(
      '/api/org/leading-group/:id',
      { schema: { tags, summary: '修改领导小组成员', params: IdParams, body: LeadingGroupMemberInput, response: { 200: LeadingGroupMemberView } } },
      async (req) => org.updateLeadingGroupMember(deps, ctxOf(req), req.params.id, req.body),
    );
    app.delete('/api/org/leading-group/:id', { schema: { tags, summary: '移除领导小组成员', params: IdParams, response: { 200: OkView } } }, async (req) =>
      org.removeLeadingGroupMember(deps, ctxOf(req), req.params.id),
    );

    app.get('/api/public/site', { schema: { tags: ['public'], summary: '门户：实践所概况', response: { 200: PublicSiteView } }, config: { public: true } }, async () =>
      org.publicSite(deps),
    );
    app.get('/api/public/units', { schema: { tags: ['public'], summary: '门户：实践所与实践站名录', response: { 200: items(PublicUnitView) } }, config: { public: true } }, async () =>
      org.publicDirectory(deps),
    );
  };
}
