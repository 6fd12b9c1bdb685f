import { IdParams, PageQuery, Paged } from './common';
import { routes } from './routes';
import { defineEndpoint, MIME } from './endpoint';
import type { ErrorCode } from './errors';
import { named } from './openapi';
import {
  ArchiveServiceItemInput,
  OrderActionInput,
  OrderEventView,
  OrderExportQuery,
  OrderListQuery,
  OrderView,
  PlaceOrderInput,
  PortalOrderInput,
  PortalOrderReceipt,
  PublicServiceItemsQuery,
  ServiceItemInput,
  ServiceItemView,
  SuggestionList,
  SuggestionView,
} from './orders';

/*
 * 群众点单: the service menu (需求清单), placing an order (resident, staff on a resident's behalf,
 * the portal), the staff work queue, the volunteers' tasks and every step of an order's life.
 */

named({ ServiceItemView, OrderView, OrderEventView, SuggestionView, PortalOrderReceipt });
const tags = ['orders'];
const publicTags = ['public', 'orders'];

/** What taking a step on an order can answer with (orders.actions.ts and what it calls). */
const ACTION_ERRORS = [
  'not_found',
  'access.denied',
  'orders.bad_transition',
  'orders.reason_required',
  'orders.target_required',
  'orders.unverified',
  'orders.not_for_you',
  'orders.not_qualified',
  'orders.insurance_required',
  'orders.report_required',
  'orders.rating_required',
  'orders.own_work',
  'hours.evidence_missing',
] as const satisfies readonly ErrorCode[];

export const listServiceItems = defineEndpoint({
  ...routes.listServiceItems,
  summary: '需求清单（工作人员管理用）',
  description: '有需求单查看权限的工作人员：本人管辖单位及其上级实践所的服务项目，含已停用的（分页）。',
  tags,
  query: PageQuery,
  responses: { 200: Paged(ServiceItemView) },
});

export const createServiceItem = defineEndpoint({
  ...routes.createServiceItem,
  summary: '新增服务项目',
  description: '有需求单管理权限的工作人员在本人管辖的实践所或实践站的需求清单中新增一个服务项目，编号自动生成，记入审计。',
  tags,
  body: ServiceItemInput,
  responses: { 201: ServiceItemView },
  errors: ['not_found', 'access.denied'],
});

export const archiveServiceItem = defineEndpoint({
  ...routes.archiveServiceItem,
  summary: '停用/启用服务项目',
  description: '有需求单管理权限的工作人员停用或重新启用本人管辖单位的服务项目；停用后居民不能再点此项，记入审计。',
  tags,
  params: IdParams,
  body: ArchiveServiceItemInput,
  responses: { 200: ServiceItemView },
  errors: ['not_found', 'access.denied'],
});

export const listPublicServiceItems = defineEndpoint({
  ...routes.listPublicServiceItems,
  summary: '门户：某实践站的服务清单',
  description: '无需登录：某实践站及其所属实践所可点的服务项目（不含已停用的，分页）；不指定实践站时列出全部。',
  tags: publicTags,
  access: 'public',
  query: PublicServiceItemsQuery,
  responses: { 200: Paged(ServiceItemView) },
});

export const placePortalOrder = defineEndpoint({
  ...routes.placePortalOrder,
  summary: '门户：居民提交需求（工作人员回电核实）',
  description: '无需登录：居民留下姓名和手机号向某实践站提交需求，须同意为办理需求使用联系方式；工作人员回电核实后再派单。每个地址每分钟限 5 次。',
  tags: publicTags,
  access: 'public',
  body: PortalOrderInput,
  responses: { 201: PortalOrderReceipt },
  errors: ['volunteer.not_station', 'orders.item_not_found', 'auth.rate_limited'],
});

export const listOrders = defineEndpoint({
  ...routes.listOrders,
  summary: '需求单工作队列（按状态、超时）',
  description: '有需求单查看权限的工作人员：管辖范围内的需求单（含升级到本实践所的），可按状态、单位、超时、日期和关键词筛选（分页）。',
  tags,
  query: OrderListQuery,
  responses: { 200: Paged(OrderView) },
  errors: ['not_found'],
});

export const placeOrder = defineEndpoint({
  ...routes.placeOrder,
  selfService: true,
  summary: '点单（居民本人，或工作人员代为点单）',
  description:
    '已登录的居民为自己点单；有需求单管理权限的工作人员在电话或上门后代居民点单（onBehalf，可关联关爱对象）。需求单派往所选实践站、最近的实践站或本人所在实践站。',
  tags,
  body: PlaceOrderInput,
  responses: { 201: OrderView },
  errors: ['not_found', 'access.denied', 'volunteer.not_station', 'orders.item_not_found', 'hours.evidence_missing', 'care.recipient_not_found'],
});

export const listMyOrders = defineEndpoint({
  ...routes.listMyOrders,
  summary: '我点的单',
  description: '当前登录者本人提交的需求单及其流转记录，新的在前（分页）。',
  tags,
  query: PageQuery,
  responses: { 200: Paged(OrderView) },
});

export const listMyTasks = defineEndpoint({
  ...routes.listMyTasks,
  summary: '志愿者可接和已接的单',
  description: '当前登录的志愿者本人：已接的单在前，然后是派给本人、本人所在队伍、本实践站或本实践所抢单池、本人尚未谢绝的待接单（分页）。',
  tags,
  query: PageQuery,
  responses: { 200: Paged(OrderView) },
  errors: ['volunteer.not_found_self'],
});

export const getOrder = defineEndpoint({
  ...routes.getOrder,
  summary: '需求单详情与流转记录',
  description: '需求单详情、流转记录和本人可做的操作；管辖单位的工作人员、点单人、接单或可接单的志愿者可看，其他人 404。',
  tags,
  params: IdParams,
  responses: { 200: OrderView },
  errors: ['not_found'],
});

export const actOnOrder = defineEndpoint({
  ...routes.actOnOrder,
  selfService: true,
  summary: '审单、派单、接单、结项、评单等',
  description:
    '按需求单流转规则做一步：工作人员审单、不予受理、派单、改派、结项、办结；志愿者接单、婉拒、开始服务、记录进展、结项；点单人取消、评价。每一步与流转记录、审计在同一事务中写入，结项时记入服务时长。',
  tags,
  params: IdParams,
  body: OrderActionInput,
  responses: { 200: OrderView },
  errors: ACTION_ERRORS,
});

export const listSuggestions = defineEndpoint({
  ...routes.listDispatchSuggestions,
  summary: '派单推荐志愿者（附理由）',
  description: '该需求单所在单位的工作人员：同一实践所内已认证志愿者按技能、服务类别、距离、空闲时间、负荷与评价排序的前 10 名，附推荐理由。',
  tags,
  params: IdParams,
  responses: { 200: SuggestionList },
  errors: ['not_found'],
});

export const exportOrders = defineEndpoint({
  ...routes.exportOrders,
  summary: '导出需求单（Excel）',
  description: '按需求单列表的筛选条件（状态、单位、超时、日期、关键词）导出管辖范围内的全部需求单（不分页）；导出记入审计。',
  tags,
  query: OrderExportQuery,
  responses: {},
  produces: [MIME.xlsx],
  errors: ['not_found'],
});
