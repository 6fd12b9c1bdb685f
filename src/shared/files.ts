import { z } from 'zod';
import { IdParams } from './common';
import { routes } from './routes';
import { defineEndpoint, MIME } from './endpoint';
import { named } from './openapi';

/** What an upload answers: the stored file's id, to attach as evidence, consent or a photo. */
export const FileView = z.object({ id: z.string(), name: z.string(), mime: z.string(), size: z.number().int() });
export type FileView = z.infer<typeof FileView>;
export const FilePurpose = z.enum(['evidence', 'consent', 'photo']);
export type FilePurpose = z.infer<typeof FilePurpose>;

named({ FileView });
const FILE_TYPES = [MIME.pdf, 'image/jpeg', 'image/png', 'video/mp4', 'video/webm'] as const;

export const uploadFile = defineEndpoint({
  ...routes.uploadFile,
  summary: '上传文件（JPG/PNG/PDF ≤10MB，MP4/WebM 短视频 ≤50MB；multipart 字段 file）',
  description: '上传服务证明、签字同意书或照片；按文件头校验类型，扩展名与内容不符的拒收。返回的 id 用于后续提交。',
  tags: ['files'],
  query: z.strictObject({ purpose: FilePurpose.default('evidence') }),
  multipart: true,
  responses: { 201: FileView },
  errors: ['files.bad_type', 'request.unsupported_type'],
});

export const readPublicFile = defineEndpoint({
  ...routes.readPublicPhoto,
  summary: '门户：品牌与阵地照片',
  description: '门户页面展示的品牌、阵地照片，无需登录；其他用途的文件不会公开。',
  tags: ['public', 'files'],
  access: 'public',
  params: IdParams,
  responses: {},
  produces: ['image/jpeg', 'image/png'],
  errors: ['not_found'],
});

export const readFile = defineEndpoint({
  ...routes.readFile,
  summary: '查看已上传的文件',
  description: '上传者本人或管辖范围内的工作人员查看已上传的文件。',
  tags: ['files'],
  params: IdParams,
  responses: {},
  produces: FILE_TYPES,
  errors: ['not_found'],
});
