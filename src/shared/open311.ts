import { z } from 'zod';
import { Id, IdParams, OkView, PageQuery, Paged } from './common';
import { routes } from './routes';
import { defineEndpoint, MIME } from './endpoint';
import { named } from './openapi';

/** An Open311 GeoReport v2 api_key for an outside platform (市民热线 etc.); the key itself is shown once. */
export const Open311KeyView = z.object({ id: Id, name: z.string(), createdAt: z.string(), revokedAt: z.string().nullable() });
export type Open311KeyView = z.infer<typeof Open311KeyView>;
export const IssuedOpen311KeyView = z.object({ id: Id, name: z.string(), apiKey: z.string() });
export type IssuedOpen311KeyView = z.infer<typeof IssuedOpen311KeyView>;
export const IssueOpen311KeyInput = z.strictObject({ unitId: Id, name: z.string().trim().min(1).max(40) });

named({ Open311KeyView, IssuedOpen311KeyView });
const tags = ['open311'];

export const listOpen311Keys = defineEndpoint({
  ...routes.listOpen311Keys,
  summary: 'Open311 api_key 列表',
  description: '实践所管理员查看本所签发给外部平台（如市民热线）的 api_key，只显示名称和状态。',
  tags,
  query: PageQuery.extend({ unitId: Id }),
  responses: { 200: Paged(Open311KeyView) },
  errors: ['not_found', 'access.denied'],
});

export const issueOpen311Key = defineEndpoint({
  ...routes.issueOpen311Key,
  summary: '签发 Open311 api_key（只显示一次）',
  description: '签发一个新的 api_key；密钥只在本次返回中出现，服务器只保存其摘要。',
  tags,
  body: IssueOpen311KeyInput,
  responses: { 201: IssuedOpen311KeyView },
  errors: ['not_found', 'access.denied'],
});

export const revokeOpen311Key = defineEndpoint({
  ...routes.revokeOpen311Key,
  summary: '作废 api_key',
  description: '作废后，使用该 api_key 的提交立即被拒绝。',
  tags,
  params: IdParams,
  responses: { 200: OkView },
  errors: ['not_found', 'access.denied'],
});

// GeoReport v2 (http://wiki.open311.org/GeoReport_v2): the standard fixes the wire format, so these
// schemas document the input; the handlers check it themselves and answer Open311 error documents.

const Text = z.string();
/** GeoReport's jurisdiction_id: this server serves one, named by the host it is reached at (e.g. shijian.maan.gov.cn). */
const jurisdictionId = Text.optional().meta({ description: '辖区标识：本服务器访问地址的主机名；可不填，填了别的辖区则答 404' });
export const Open311JurisdictionQuery = z.object({ jurisdiction_id: jurisdictionId });
export const Open311PostInput = z.object({
  jurisdiction_id: jurisdictionId,
  api_key: Text.optional().meta({ description: '实践所签发的 api_key（也可放在查询参数 api_key 中）' }),
  service_code: Text.meta({ description: '服务项目代码，见 services' }),
  lat: Text.optional(),
  long: Text.optional(),
  address_string: Text.optional(),
  address_id: Text.optional(),
  email: Text.optional(),
  device_id: Text.optional(),
  account_id: Text.optional(),
  first_name: Text.optional(),
  last_name: Text.optional(),
  phone: Text.optional(),
  description: Text.optional(),
  media_url: Text.optional().meta({ description: '不受理：本系统运行在隔离网络中，不从外部地址下载图片；带此字段的提交答 400' }),
});
export const Open311RequestsQuery = z.object({
  jurisdiction_id: jurisdictionId,
  service_request_id: Text.optional().meta({ description: '逗号分隔的需求单号' }),
  service_code: Text.optional(),
  status: z.enum(['open', 'closed']).optional(),
  start_date: Text.optional().meta({ description: 'W3C 日期时间' }),
  end_date: Text.optional().meta({ description: 'W3C 日期时间' }),
});

/** The six GeoReport v2 operations in one format (XML is required by the standard, JSON optional). */
export function geoReport<F extends 'xml' | 'json'>(format: F) {
  const produces = [format === 'xml' ? MIME.xml : MIME.json] as const;
  const F = format.toUpperCase() as Uppercase<F>;
  const common = { tags: ['open311'], access: 'public', documentOnly: true, produces, responses: {} } as const;
  return {
    discovery: defineEndpoint({
      ...common,
      method: 'GET',
      path: `/open311/discovery.${format}`,
      operationId: `open311Discovery${F}`,
      summary: `Open311 discovery（${format}）`,
      description: '服务发现：接口地址、版本与联系方式。',
    }),
    services: defineEndpoint({
      ...common,
      method: 'GET',
      path: `/open311/v2/services.${format}`,
      operationId: `open311Services${F}`,
      summary: `服务清单（${format}）`,
      description: 'GeoReport v2 GET Service List：可受理的服务项目。',
      query: Open311JurisdictionQuery,
      wireErrors: { 404: '辖区标识不是本服务器（Open311 错误文档）' },
    }),
    serviceDefinition: defineEndpoint({
      ...common,
      method: 'GET',
      path: `/open311/v2/services/:code.${format}`,
      operationId: `open311ServiceDefinition${F}`,
      summary: `服务项目定义（${format}）`,
      description: 'GeoReport v2 GET Service Definition：某个服务项目需要填写的信息。',
      params: z.object({ code: Text }),
      query: Open311JurisdictionQuery,
      wireErrors: { 404: '服务项目不存在，或辖区标识不是本服务器（Open311 错误文档）' },
    }),
    requests: defineEndpoint({
      ...common,
      method: 'GET',
      path: `/open311/v2/requests.${format}`,
      operationId: `open311Requests${F}`,
      summary: `查询需求单（${format}）`,
      description: 'GeoReport v2 GET Service Requests：按单号、服务项目、状态、时间查询。',
      query: Open311RequestsQuery,
      wireErrors: { 400: '查询条件不正确（Open311 错误文档）', 404: '辖区标识不是本服务器（Open311 错误文档）' },
    }),
    request: defineEndpoint({
      ...common,
      method: 'GET',
      path: `/open311/v2/requests/:id.${format}`,
      operationId: `open311Request${F}`,
      summary: `查询一张需求单（${format}）`,
      description: 'GeoReport v2 GET Service Request：一张需求单的状态。',
      params: z.object({ id: Text }),
      query: Open311JurisdictionQuery,
      wireErrors: { 404: '需求单不存在，或辖区标识不是本服务器（Open311 错误文档）' },
    }),
    post: defineEndpoint({
      ...common,
      method: 'POST',
      path: `/open311/v2/requests.${format}`,
      operationId: `open311PostRequest${F}`,
      summary: `提交需求（${format}，表单编码）`,
      description: 'GeoReport v2 POST Service Request：外部平台以实践所签发的 api_key 提交群众需求，进入点单流程。',
      access: 'api_key',
      body: Open311PostInput,
      wireErrors: {
        400: '缺少服务项目或位置，或带了不受理的 media_url（Open311 错误文档）',
        403: 'api_key 缺失或无效（Open311 错误文档）',
        404: '服务项目不存在，或辖区标识不是本服务器（Open311 错误文档）',
        429: '提交过于频繁',
      },
    }),
  };
}
