import type {} from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import * as api from '../../../shared/files';
import { ctxOf } from '../../platform/auth';
import type { Deps } from '../../platform/deps';
import { AppError } from '../../platform/errors';
import { register } from '../../platform/register';
import { MAX_ANY_UPLOAD_BYTES, readPublicPhoto, readUpload, saveUpload } from './files.service';
import { contentDisposition, sendBytes } from '../../platform/download';

export function filesRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    register(app, api.uploadFile, async (req) => {
      if (!req.isMultipart()) throw new AppError('files.missing');
      const part = await req.file({ limits: { fileSize: MAX_ANY_UPLOAD_BYTES, files: 1 } });
      if (!part) throw new AppError('files.missing');
      const bytes = await part.toBuffer().catch((err: { code?: string }) => {
        throw err?.code === 'FST_REQ_FILE_TOO_LARGE' ? new AppError('files.too_large') : err;
      });
      return saveUpload(deps, ctxOf(req), { name: part.filename, bytes, purpose: req.query.purpose });
    });
    register(app, api.readPublicFile, async (req, reply) => {
      const { file, bytes } = await readPublicPhoto(deps, req.params.id);
      reply.header('content-type', file.mime);
      reply.header('cache-control', 'public, max-age=3600');
      reply.header('x-content-type-options', 'nosniff');
      return sendBytes(req, reply, bytes);
    });
    register(app, api.readFile, async (req, reply) => {
      const { file, bytes } = await readUpload(deps, ctxOf(req), req.params.id);
      reply.header('content-type', file.mime);
      reply.header('content-disposition', contentDisposition('inline', file.original_name));
      reply.header('x-content-type-options', 'nosniff');
      return sendBytes(req, reply, bytes);
    });
  };
}
