import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CertificateView, IssueCertificateInput, PublicCertificateView, RevokeCertificateInput } from '../../../shared/certificates';
import { Id, IdParams } from '../../../shared/common';
import { ctxOf } from '../../platform/auth';
import type { Deps } from '../../platform/deps';
import * as certs from './certificates.service';

export function certificatesRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['certificates'];
    const list = z.object({ items: z.array(CertificateView) });
    const baseUrl = (req: { protocol: string; host: string }) => process.env.PUBLIC_URL?.replace(/\/$/, '') || `${req.protocol}://${req.host}`;

    app.post('/api/certificates', { schema: { tags, summary: '开具志愿服务记录证明（免费）', body: IssueCertificateInput, response: { 201: CertificateView } } }, async (req, reply) =>
      reply.code(201).send(await certs.issueCertificate(deps, ctxOf(req), req.body)),
    );
    app.get('/api/certificates', { schema: { tags, summary: '已开具的证明', querystring: z.strictObject({ volunteerId: Id.optional() }), response: { 200: list } } }, async (req) =>
      certs.listCertificates(deps, ctxOf(req), req.query.volunteerId),
    );
    app.get('/api/certificates/mine', { schema: { tags, summary: '我的证明', response: { 200: list } } }, async (req) => certs.myCertificates(deps, ctxOf(req)));
    app.get('/api/certificates/:id/pdf', { schema: { tags, summary: '下载证明 PDF', params: IdParams } }, async (req, reply) => {
      const { pdf, number } = await certs.certificatePdf(deps, ctxOf(req), req.params.id, baseUrl(req));
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(`志愿服务记录证明-${number}.pdf`)}`)
        .send(pdf);
    });
    app.post('/api/certificates/:id/revoke', { schema: { tags, summary: '作废证明（记录原因）', params: IdParams, body: RevokeCertificateInput, response: { 200: CertificateView } } }, async (req) =>
      certs.revokeCertificate(deps, ctxOf(req), req.params.id, req.body.reason),
    );
    app.get(
      '/api/public/certificates/:number',
      {
        schema: { tags: ['public', 'certificates'], summary: '公开核验证明', params: z.strictObject({ number: z.string().trim().min(6).max(40) }), response: { 200: PublicCertificateView } },
        config: { public: true, rateLimit: { max: 60, timeWindow: 60_000 } },
      },
      async (req) => certs.verifyCertificate(deps, req.params.number),
    );
  };
}
