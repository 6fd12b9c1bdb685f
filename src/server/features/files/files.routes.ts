import type {} from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParams } from '../../../shared/common';
import { ctxOf } from '../../platform/auth';
import type { Deps } from '../../platform/deps';
import { AppError } from '../../platform/errors';
import { MAX_UPLOAD_BYTES, readPublicPhoto, readUpload, saveUpload } from './files.service';

const FileView = z.object({ id: z.string(), name: z.string(), mime: z.string(), size: z.number().int() });

export function filesRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/api/files',
      {
        schema: {
          tags: ['files'],
          summary: '上传证明材料（JPG/PNG/PDF，≤10MB；multipart 字段 file）',
          querystring: z.strictObject({ purpose: z.enum(['evidence', 'consent', 'photo']).default('evidence') }),
          response: { 201: FileView },
        },
      },
      async (req, reply) => {
        if (!req.isMultipart()) throw new AppError('files.missing');
        const part = await req.file({ limits: { fileSize: MAX_UPLOAD_BYTES, files: 1 } });
        if (!part) throw new AppError('files.missing');
        const bytes = await part.toBuffer().catch((err: { code?: string }) => {
          throw err?.code === 'FST_REQ_FILE_TOO_LARGE' ? new AppError('files.too_large') : err;
        });
        return reply.code(201).send(await saveUpload(deps, ctxOf(req), { name: part.filename, bytes, purpose: req.query.purpose }));
      },
    );
    app.get('/api/public/files/:id', { schema: { tags: ['public', 'files'], summary: '门户：品牌与阵地照片', params: IdParams }, config: { public: true } }, async (req, reply) => {
      const { file, bytes } = await readPublicPhoto(deps, req.params.id);
      reply.header('content-type', file.mime);
      reply.header('cache-control', 'public, max-age=3600');
      reply.header('x-content-type-options', 'nosniff');
      return reply.send(bytes);
    });
    app.get('/api/files/:id', { schema: { tags: ['files'], summary: '查看已上传的文件', params: IdParams } }, async (req, reply) => {
      const { file, bytes } = await readUpload(deps, ctxOf(req), req.params.id);
      reply.header('content-type', file.mime);
      reply.header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(file.original_name)}`);
      reply.header('x-content-type-options', 'nosniff');
      return reply.send(bytes);
    });
  };
}
