import type {} from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { SessionView } from '../../../shared/accounts';
import { IdParams, Paged } from '../../../shared/common';
import * as files from '../../../shared/downloads.endpoints';
import {
  RegisterVolunteerInput,
  UpdateVolunteerInput,
  VolunteerDetail,
  VolunteerListQuery,
  VolunteerTransitionInput,
  VolunteerView,
} from '../../../shared/volunteers';
import { ctxOf, sessionCookieName, setSessionCookie } from '../../platform/auth';
import type { Deps } from '../../platform/deps';
import { login } from '../accounts/auth.service';
import { AppError } from '../../platform/errors';
import { register } from '../../platform/register';
import { exportVolunteers, importRoster, importTemplate } from './volunteers.exchange';
import * as volunteers from './volunteers.service';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function volunteersRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['volunteers'];
    app.get(
      '/api/volunteers',
      { schema: { tags, summary: '志愿者人才库（筛选、分页）', querystring: VolunteerListQuery, response: { 200: Paged(VolunteerView) } } },
      async (req) => volunteers.listVolunteers(deps, ctxOf(req), req.query),
    );
    app.post(
      '/api/volunteers',
      { schema: { tags, summary: '工作人员代为登记（须有本人同意的证据）', body: RegisterVolunteerInput, response: { 201: VolunteerView } } },
      async (req, reply) => reply.code(201).send(await volunteers.registerByStaff(deps, ctxOf(req), req.body)),
    );
    app.post(
      '/api/volunteers/signup',
      {
        schema: {
          tags,
          summary: '手机端注册志愿者（同时创建登录账号，以手机号登录）',
          body: RegisterVolunteerInput.extend({ password: z.string().min(1).max(128) }),
          response: { 201: SessionView },
        },
        config: { public: true, rateLimit: { max: 10, timeWindow: 60_000 } },
      },
      async (req, reply) => {
        const meta = {
          ip: req.ip,
          requestId: String(req.id),
          userAgent: req.headers['user-agent'] ?? null,
          previousToken: req.cookies[sessionCookieName(deps)] ?? null,
        };
        await volunteers.registerWithNewAccount(deps, meta, req.body);
        const issued = await login(deps, meta, { username: req.body.phone, password: req.body.password });
        setSessionCookie(deps, reply, issued.token, issued.maxAgeSeconds);
        return reply.code(201).send(issued.view);
      },
    );
    app.post(
      '/api/volunteers/me',
      { schema: { tags, summary: '已登录居民登记为志愿者', body: RegisterVolunteerInput, response: { 201: VolunteerView } } },
      async (req, reply) => reply.code(201).send(await volunteers.registerSelf(deps, ctxOf(req), req.body)),
    );
    app.get('/api/volunteers/me', { schema: { tags, summary: '我的志愿者登记信息与审核进度', response: { 200: VolunteerDetail } } }, async (req) =>
      volunteers.myVolunteer(deps, ctxOf(req)),
    );
    app.post(
      '/api/volunteers/me/id-number',
      { schema: { tags, summary: '查看本人完整证件号码（记入审计）', response: { 200: z.object({ idNumber: z.string() }) } } },
      async (req) => volunteers.revealMyIdNumber(deps, ctxOf(req)),
    );
    register(app, files.volunteerImportTemplate, async (req, reply) => {
      const buf = await importTemplate(deps, ctxOf(req));
      return reply
        .header('content-type', XLSX)
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent('志愿者名册导入模板.xlsx')}`)
        .send(buf);
    });
    register(app, files.importVolunteers, async (req) => {
      if (!req.isMultipart()) throw new AppError('files.missing');
      const part = await req.file({ limits: { fileSize: 10 * 1024 * 1024, files: 1 } });
      if (!part) throw new AppError('files.missing');
      const buf = await part.toBuffer().catch((err: { code?: string }) => {
        throw err?.code === 'FST_REQ_FILE_TOO_LARGE' ? new AppError('files.too_large') : err;
      });
      return importRoster(deps, ctxOf(req), buf, { dryRun: req.query.dryRun !== 'false', consentFileId: req.query.consentFileId });
    });
    register(app, files.exportVolunteersXlsx, async (req, reply) => {
      const { body } = await exportVolunteers(deps, ctxOf(req), req.query, 'xlsx');
      return reply
        .header('content-type', XLSX)
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent('志愿者名册.xlsx')}`)
        .send(body);
    });
    register(app, files.exportVolunteersCsv, async (req, reply) => {
      const { body } = await exportVolunteers(deps, ctxOf(req), req.query, 'csv');
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent('志愿者名册.csv')}`)
        .send(body);
    });
    app.get(
      '/api/volunteers/:id',
      { schema: { tags, summary: '志愿者详情（查看记入审计）', params: IdParams, response: { 200: VolunteerDetail } } },
      async (req) => volunteers.viewVolunteer(deps, ctxOf(req), req.params.id),
    );
    app.patch(
      '/api/volunteers/:id',
      { schema: { tags, summary: '修改志愿者信息', params: IdParams, body: UpdateVolunteerInput, response: { 200: VolunteerView } } },
      async (req) => volunteers.updateVolunteer(deps, ctxOf(req), req.params.id, req.body),
    );
    app.post(
      '/api/volunteers/:id/transitions',
      {
        schema: {
          tags,
          summary: '审核与状态变更：通过、不通过、暂停、退出、恢复',
          params: IdParams,
          body: VolunteerTransitionInput,
          response: { 200: VolunteerView },
        },
      },
      async (req) => volunteers.transitionVolunteer(deps, ctxOf(req), req.params.id, req.body.action, req.body.reason),
    );
  };
}
