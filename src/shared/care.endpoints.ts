import { z } from 'zod';
import { CareRecipientInput, CareRecipientListQuery, CareRecipientView, CareVisitInput, CareVisitView, UpdateCareRecipientInput } from './care';
import { Id, IdParams, Paged } from './common';
import { defineEndpoint } from './endpoint';
import { named } from './openapi';
import { routes } from './routes';

export const CareDetail = z.object({ recipient: CareRecipientView, visits: z.array(CareVisitView) });
export type CareDetail = z.infer<typeof CareDetail>;
export const CareFlags = z.object({
  noContactDays: z.number().int(),
  total: z.number().int(),
  stations: z.array(z.object({ stationId: Id, stationName: z.string(), count: z.number().int() })),
});
export type CareFlags = z.infer<typeof CareFlags>;

named({ CareRecipientView, CareVisitView, CareDetail, CareFlags });
const tags = ['care'];
const SENSITIVE = '关爱对象属于敏感个人信息：仅服务站点与实践所管理员可见，范围外一律答 404，每次访问记入审计。';

export const listCareRecipients = defineEndpoint({
  ...routes.listCareRecipients,
  summary: '关爱对象（分页）',
  description: `按实践站、类别、是否长期未联系筛选，或按完整手机号查找（电话加密保存，按盲索引精确匹配，不支持按住址查找），长期未联系的在前。服务站点的管理员看到完整信息；实践所管理员在列表中只看到打码的电话（masked），打开详情才显示完整信息。${SENSITIVE}`,
  tags,
  query: CareRecipientListQuery,
  responses: { 200: Paged(CareRecipientView) },
  errors: ['not_found'],
});

export const careFlags = defineEndpoint({
  ...routes.getCareFlags,
  summary: '长期未联系的关爱对象提醒',
  description: `各实践站超过规定天数未走访或联系的关爱对象数。${SENSITIVE}`,
  tags,
  responses: { 200: CareFlags },
  errors: ['not_found'],
});

export const createCareRecipient = defineEndpoint({
  ...routes.createCareRecipient,
  summary: '登记关爱对象（记录法定依据或单独同意）',
  description: `以履行法定职责或本人（监护人）单独同意为依据登记；单独同意须记录同意方式和证明。${SENSITIVE}`,
  tags,
  body: CareRecipientInput,
  responses: { 201: CareDetail },
  errors: ['not_found', 'volunteer.not_station', 'care.consent_required', 'volunteer.bad_id_number', 'care.duplicate'],
});

export const getCareRecipient = defineEndpoint({
  ...routes.getCareRecipient,
  summary: '关爱对象详情（每次查看记入审计）',
  description: `详情与走访、联系记录。${SENSITIVE}`,
  tags,
  params: IdParams,
  responses: { 200: CareDetail },
  errors: ['not_found'],
});

export const updateCareRecipient = defineEndpoint({
  ...routes.updateCareRecipient,
  summary: '修改关爱对象',
  description: `修改联系方式、需求、类别，或归档。${SENSITIVE}`,
  tags,
  params: IdParams,
  body: UpdateCareRecipientInput,
  responses: { 200: CareDetail },
  errors: ['not_found'],
});

export const addCareVisit = defineEndpoint({
  ...routes.addCareVisit,
  summary: '记录走访或电话联系',
  description: `记录一次上门走访或电话联系，并更新最近联系时间。${SENSITIVE}`,
  tags,
  params: IdParams,
  body: CareVisitInput,
  responses: { 200: CareDetail },
  errors: ['not_found'],
});
