import { z } from 'zod';
import { Id, IdParams, OkView } from './common';
import { defineEndpoint, named } from './endpoint';

/** An Open311 GeoReport v2 api_key for an outside platform (市民热线 etc.); the key itself is shown once. */
export const Open311KeyView = z.object({ id: Id, name: z.string(), createdAt: z.string(), revokedAt: z.string().nullable() });
export type Open311KeyView = z.infer<typeof Open311KeyView>;
export const IssuedOpen311KeyView = z.object({ id: Id, name: z.string(), apiKey: z.string() });
export type IssuedOpen311KeyView = z.infer<typeof IssuedOpen311KeyView>;
export const IssueOpen311KeyInput = z.strictObject({ unitId: Id, name: z.string().trim().min(1).max(40) });

named({ Open311KeyView, IssuedOpen311KeyView });
const tags = ['open311'];

export const listOpen311Keys = defineEndpoint({
  method: 'GET',
  path: '/api/open311/keys',
  operationId: 'listOpen311Keys',
  summary: 'Open311 api_key 列表',
  description: '实践所管理员查看本所签发给外部平台（如市民热线）的 api_key，只显示名称和状态。',
  tags,
  query: z.strictObject({ unitId: Id }),
  responses: { 200: z.object({ items: z.array(Open311KeyView) }) },
  errors: ['not_found', 'access.denied'],
});

export const issueOpen311Key = defineEndpoint({
  method: 'POST',
  path: '/api/open311/keys',
  operationId: 'issueOpen311Key',
  summary: '签发 Open311 api_key（只显示一次）',
  description: '签发一个新的 api_key；密钥只在本次返回中出现，服务器只保存其摘要。',
  tags,
  body: IssueOpen311KeyInput,
  responses: { 201: IssuedOpen311KeyView },
  errors: ['not_found', 'access.denied'],
});

export const revokeOpen311Key = defineEndpoint({
  method: 'DELETE',
  path: '/api/open311/keys/:id',
  operationId: 'revokeOpen311Key',
  summary: '作废 api_key',
  description: '作废后，使用该 api_key 的提交立即被拒绝。',
  tags,
  params: IdParams,
  responses: { 200: OkView },
  errors: ['not_found', 'access.denied'],
});
