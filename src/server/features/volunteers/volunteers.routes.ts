import type {} from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { MIME } from '../../../shared/endpoint';
import * as api from '../../../shared/volunteers.endpoints';
import { ctxOf, sessionCookieName, setSessionCookie } from '../../platform/auth';
import type { Deps } from '../../platform/deps';
import { AppError } from '../../platform/errors';
import { register } from '../../platform/register';
import { login } from '../accounts/auth.service';
import { exportVolunteers, importRoster, importTemplate } from './volunteers.exchange';
import { exportNational } from './volunteers.national';
import * as volunteers from './volunteers.service';
import { contentDisposition } from '../../platform/download';

const attachment = (name: string) => contentDisposition('attachment', name);

export function volunteersRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    register(app, api.listVolunteers, async (req) => volunteers.listVolunteers(deps, ctxOf(req), req.query));
    register(app, api.registerVolunteer, async (req) => volunteers.registerByStaff(deps, ctxOf(req), req.body));
    register(
      app,
      api.signUpVolunteer,
      async (req, reply) => {
        const meta = {
          ip: req.ip,
          requestId: String(req.id),
          userAgent: req.headers['user-agent'] ?? null,
          previousToken: req.cookies[sessionCookieName(deps, req)] ?? null,
        };
        await volunteers.registerWithNewAccount(deps, meta, req.body);
        const issued = await login(deps, meta, { username: req.body.phone, password: req.body.password });
        // An account made a moment ago has no second factor; should it ever, the person signs in at /login.
        if ('step' in issued) throw new AppError('internal');
        setSessionCookie(deps, reply, issued.token, issued.maxAgeSeconds);
        return issued.view;
      },
      { rateLimit: { max: 10, timeWindow: 60_000 } },
    );
    register(app, api.registerSelf, async (req) => volunteers.registerSelf(deps, ctxOf(req), req.body));
    register(app, api.myVolunteer, async (req) => volunteers.myVolunteer(deps, ctxOf(req)));
    register(app, api.revealMyIdNumber, async (req) => volunteers.revealMyIdNumber(deps, ctxOf(req)));
    register(app, api.volunteerImportTemplate, async (req, reply) => {
      const buf = await importTemplate(deps, ctxOf(req));
      return reply.header('content-type', MIME.xlsx).header('content-disposition', attachment('志愿者名册导入模板.xlsx')).send(buf);
    });
    register(app, api.importVolunteers, async (req) => {
      if (!req.isMultipart()) throw new AppError('files.missing');
      const part = await req.file({ limits: { fileSize: 10 * 1024 * 1024, files: 1 } });
      if (!part) throw new AppError('files.missing');
      const buf = await part.toBuffer().catch((err: { code?: string }) => {
        throw err?.code === 'FST_REQ_FILE_TOO_LARGE' ? new AppError('files.too_large') : err;
      });
      return importRoster(deps, ctxOf(req), buf, { dryRun: req.query.dryRun !== 'false', consentFileId: req.query.consentFileId });
    });
    register(app, api.exportVolunteersXlsx, async (req, reply) => {
      const { body } = await exportVolunteers(deps, ctxOf(req), req.query, 'xlsx');
      return reply.header('content-type', MIME.xlsx).header('content-disposition', attachment('志愿者名册.xlsx')).send(body);
    });
    register(app, api.exportVolunteersCsv, async (req, reply) => {
      const { body } = await exportVolunteers(deps, ctxOf(req), req.query, 'csv');
      return reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', attachment('志愿者名册.csv')).send(body);
    });
    register(app, api.exportVolunteersNational, async (req, reply) => {
      const { body } = await exportNational(deps, ctxOf(req), req.body);
      return reply.header('content-type', MIME.xlsx).header('content-disposition', attachment('全国志愿服务信息系统_志愿者名册.xlsx')).send(body);
    });
    register(app, api.getVolunteer, async (req) => volunteers.viewVolunteer(deps, ctxOf(req), req.params.id));
    register(app, api.updateVolunteer, async (req) => volunteers.updateVolunteer(deps, ctxOf(req), req.params.id, req.body));
    register(app, api.transitionVolunteer, async (req) => volunteers.transitionVolunteer(deps, ctxOf(req), req.params.id, req.body.action, req.body.reason));
  };
}
