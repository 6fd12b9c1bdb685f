import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Id, IdParams } from '../../../shared/common';
import { BrandInput, BrandView, ProgrammeInput, ProgrammeView, UpdateProgrammeInput } from '../../../shared/programmes';
import { ctxOf } from '../../platform/auth';
import type { Deps } from '../../platform/deps';
import * as programmes from './programmes.service';

export function programmesRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['programmes'];
    app.get('/api/programmes', { schema: { tags, summary: '实践项目', querystring: z.strictObject({ includeArchived: z.enum(['true', 'false']).optional() }), response: { 200: z.object({ items: z.array(ProgrammeView) }) } } }, async (req) =>
      programmes.listProgrammes(deps, ctxOf(req), req.query.includeArchived === 'true'),
    );
    app.post('/api/programmes', { schema: { tags, summary: '新增实践项目', body: ProgrammeInput, response: { 201: ProgrammeView } } }, async (req, reply) =>
      reply.code(201).send(await programmes.createProgramme(deps, ctxOf(req), req.body)),
    );
    app.patch('/api/programmes/:id', { schema: { tags, summary: '修改实践项目', params: IdParams, body: UpdateProgrammeInput, response: { 200: ProgrammeView } } }, async (req) =>
      programmes.updateProgramme(deps, ctxOf(req), req.params.id, req.body),
    );
    app.get('/api/brands', { schema: { tags, summary: '一所一品、一社区一特色', response: { 200: z.object({ items: z.array(BrandView) }) } } }, async () => programmes.listBrands(deps));
    app.put('/api/brands/:unitId', { schema: { tags, summary: '设置本单位品牌', params: z.strictObject({ unitId: Id }), body: BrandInput, response: { 200: BrandView } } }, async (req) =>
      programmes.setBrand(deps, ctxOf(req), req.params.unitId, req.body),
    );
    app.get('/api/public/brands', { schema: { tags: ['public', 'programmes'], summary: '门户：品牌展示', response: { 200: z.object({ items: z.array(BrandView) }) } }, config: { public: true } }, async () =>
      programmes.listBrands(deps),
    );
  };
}
