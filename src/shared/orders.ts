import { z } from 'zod';
import { DateString, Id, PageQuery, Phone, Text } from './common';
import { LIMITS } from './patterns';
import { ORDER_CHANNELS, TARGET_TYPES } from './labels';

export { ORDER_CHANNELS, TARGET_TYPES };
import { ORDER_ACTION_KEYS, ORDER_STATUSES, type OrderAction, type OrderStatus } from './rules/order-flow';

export const OrderStatusSchema = z.enum(Object.keys(ORDER_STATUSES) as [OrderStatus, ...OrderStatus[]]);
export const OrderActionSchema = z.enum(ORDER_ACTION_KEYS as [OrderAction, ...OrderAction[]]);

export const OrderChannel = z.enum(['app', 'staff_phone', 'staff_visit', 'portal', 'open311']);
export const TargetType = z.enum(['institute', 'station', 'team', 'volunteer', 'pool']);

export const ServiceItemInput = z.strictObject({
  unitId: Id,
  programmeId: Id.optional(),
  name: Text(40, 2),
  description: Text(1000).optional(),
  whoMayAsk: Text(200).optional(),
  typicalHours: z.number().min(0.25).max(24),
  requiredSkills: z.array(Text(20)).max(10).default([]),
  serviceCategory: Text(20).optional(),
  insuranceRequired: z.boolean().default(false),
  slaHours: z.number().int().min(1).max(720),
});
export const ServiceItemView = z.object({
  id: Id,
  unitId: Id,
  unitName: z.string(),
  code: z.string(),
  programmeId: Id.nullable(),
  name: z.string(),
  description: z.string().nullable(),
  whoMayAsk: z.string().nullable(),
  typicalHours: z.number(),
  requiredSkills: z.array(z.string()),
  serviceCategory: z.string().nullable(),
  insuranceRequired: z.boolean(),
  slaHours: z.number().int(),
  archived: z.boolean(),
});
export type ServiceItemView = z.infer<typeof ServiceItemView>;

export const ArchiveServiceItemInput = z.strictObject({ archived: z.boolean() });

/** The public menu of a station (its own items and the institute's), a page at a time. */
export const PublicServiceItemsQuery = PageQuery.extend({ stationId: Id.optional() });

export const PlaceOrderInput = z.strictObject({
  itemId: Id.optional(),
  title: Text(60).optional(),
  description: Text(LIMITS.orderDescription),
  photoFileIds: z.array(Id).max(9).default([]),
  address: Text(LIMITS.address).optional(),
  lng: z.number().min(-180).max(180).optional(),
  lat: z.number().min(-90).max(90).optional(),
  preferredAt: z.iso.datetime({ offset: true }).optional(),
  /** The station to route to; otherwise the requester's own station. */
  stationId: Id.optional(),
  /** Staff placing it for a resident after a call or a visit. */
  onBehalf: z
    .strictObject({ name: Text(32), phone: Phone.optional(), channel: z.enum(['staff_phone', 'staff_visit']), careRecipientId: Id.optional() })
    .optional(),
});
export type PlaceOrderInput = z.infer<typeof PlaceOrderInput>;

/** The public portal form: no account; a phone number to call back. */
export const PortalOrderInput = z.strictObject({
  stationId: Id,
  itemId: Id.optional(),
  name: Text(LIMITS.personName),
  phone: Phone,
  description: Text(LIMITS.orderDescription),
  address: Text(LIMITS.address).optional(),
  preferredAt: z.iso.datetime({ offset: true }).optional(),
  agree: z.literal(true, { message: '请同意我们为办理需求使用您的联系方式' }),
});

/** What the portal answers: the order number to quote on the phone. */
export const PortalOrderReceipt = z.object({ number: z.string(), status: z.literal('submitted') });

export const OrderActionInput = z.strictObject({
  action: OrderActionSchema,
  reason: Text(300).optional(),
  note: Text(1000).optional(),
  verified: z.boolean().optional(),
  target: z.strictObject({ type: TargetType, id: Id.optional() }).optional(),
  report: Text(2000).optional(),
  photoFileIds: z.array(Id).max(9).optional(),
  serviceHours: z.number().min(0.25).max(24).optional(),
  rating: z.number().int().min(1).max(5).optional(),
  comment: Text(500).optional(),
});
export type OrderActionInput = z.infer<typeof OrderActionInput>;

export const OrderEventView = z.object({
  at: z.string(),
  actorKind: z.string(),
  actorName: z.string().nullable(),
  action: z.string(),
  fromStatus: z.string().nullable(),
  toStatus: z.string().nullable(),
  note: z.string().nullable(),
});

export const OrderView = z.object({
  id: Id,
  number: z.string(),
  unitId: Id,
  unitName: z.string(),
  itemId: Id.nullable(),
  itemName: z.string().nullable(),
  title: z.string(),
  description: z.string(),
  photoFileIds: z.array(Id),
  requesterName: z.string(),
  requesterPhone: z.string().nullable(),
  requesterVerified: z.boolean(),
  careRecipientId: Id.nullable(),
  address: z.string().nullable(),
  preferredAt: z.string().nullable(),
  channel: OrderChannel,
  status: OrderStatusSchema,
  rejectReason: z.string().nullable(),
  cancelReason: z.string().nullable(),
  target: z.object({ type: TargetType, id: Id.nullable(), name: z.string().nullable() }).nullable(),
  dispatchedAt: z.string().nullable(),
  slaDueAt: z.string().nullable(),
  overdue: z.boolean(),
  escalationLevel: z.number().int(),
  volunteer: z.object({ id: Id, name: z.string() }).nullable(),
  acceptedAt: z.string().nullable(),
  completedAt: z.string().nullable(),
  completionReport: z.string().nullable(),
  completionPhotoIds: z.array(Id),
  rating: z.number().int().nullable(),
  ratingComment: z.string().nullable(),
  ratedBy: z.string().nullable(),
  createdAt: z.string(),
  allowedActions: z.array(OrderActionSchema),
  duplicateOf: z.string().nullable(),
  events: z.array(OrderEventView),
});
export type OrderView = z.infer<typeof OrderView>;

export const OrderListQuery = z.strictObject({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
  status: OrderStatusSchema.optional(),
  unitId: Id.optional(),
  overdue: z.enum(['true', 'false']).optional(),
  /** Only orders escalated to the institute because no one took them in time (已上报). */
  escalated: z.enum(['true', 'false']).optional(),
  from: DateString.optional(),
  to: DateString.optional(),
  q: z.string().trim().max(40).optional(),
});

export const SuggestionView = z.object({ volunteerId: Id, name: z.string(), score: z.number(), reasons: z.array(z.string()) });

export const SuggestionList = z.object({ items: z.array(SuggestionView) });

/** 导出 Excel of the orders list: the list's filters, every order (no pages). */
export const OrderExportQuery = OrderListQuery.omit({ page: true, pageSize: true });
