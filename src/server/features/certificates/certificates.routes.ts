import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import * as api from '../../../shared/certificates.endpoints';
import { ctxOf } from '../../platform/auth';
import { publicBaseUrl } from '../../platform/config';
import type { Deps } from '../../platform/deps';
import { register } from '../../platform/register';
import * as certs from './certificates.service';
import { contentDisposition } from '../../platform/download';

export function certificatesRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    const baseUrl = (req: { protocol: string; host: string }) => publicBaseUrl(deps.config, req);

    register(app, api.issueCertificate, async (req) => certs.issueCertificate(deps, ctxOf(req), req.body));
    register(app, api.listCertificates, async (req) => certs.listCertificates(deps, ctxOf(req), req.query));
    register(app, api.listMyCertificates, async (req) => certs.myCertificates(deps, ctxOf(req), req.query));
    register(app, api.certificatePdf, async (req, reply) => {
      const { pdf, number } = await certs.certificatePdf(deps, ctxOf(req), req.params.id, baseUrl(req));
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', contentDisposition('inline', `志愿服务记录证明-${number}.pdf`))
        .send(pdf);
    });
    register(app, api.revokeCertificate, async (req) => certs.revokeCertificate(deps, ctxOf(req), req.params.id, req.body.reason));
    register(app, api.verifyCertificate, async (req) => certs.verifyCertificate(deps, req.params.number), { rateLimit: { max: 60, timeWindow: 60_000 } });
  };
}
