import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AuditEntryView, AuditQuery, AuditVerifyView } from '../../../shared/audit';
import { Paged } from '../../../shared/common';
import { ctxOf } from '../../platform/auth';
import type { Deps } from '../../platform/deps';
import { listAudit, verifyAudit } from './audit.service';

export function auditRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['audit'];
    app.get('/api/audit', { schema: { tags, summary: '审计日志（分页，最新在前）', querystring: AuditQuery, response: { 200: Paged(AuditEntryView) } } }, async (req) =>
      listAudit(deps, ctxOf(req), req.query),
    );
    app.post('/api/audit/verify', { schema: { tags, summary: '校验审计链，指出第一条被篡改的记录', response: { 200: AuditVerifyView } } }, async (req) =>
      verifyAudit(deps, ctxOf(req)),
    );
  };
}
