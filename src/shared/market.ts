import { z } from 'zod';
import { DateString, Id, PageQuery, Text } from './common';

/**
 * 爱心超市 (工作方案 三 共享邻里情 "开办'慈善超市'"; 五、(二) 激励回馈): volunteers spend their points
 * on goods donated or bought; staff hand them over at the counter. Points through the points ledger,
 * goods through an append-only stock ledger; money (estimated value, cost) in integer fen.
 */

export const DONOR_KINDS = { resident: '居民', company: '企业', organisation: '社会组织' } as const;
export const DonorKind = z.enum(['resident', 'company', 'organisation']);
export type DonorKind = z.infer<typeof DonorKind>;

export const INTAKE_KINDS = { donation: '捐赠', purchase: '采购' } as const;
export const IntakeKind = z.enum(['donation', 'purchase']);
export type IntakeKind = z.infer<typeof IntakeKind>;

export const STOCK_KINDS = {
  donation: '捐赠入库',
  purchase: '采购入库',
  redemption: '积分兑换',
  redemption_return: '预约取消退回',
  handout: '发放困难群众',
  loss: '损耗',
  expiry: '过期',
} as const;
export const StockKind = z.enum(['donation', 'purchase', 'redemption', 'redemption_return', 'handout', 'loss', 'expiry']);
export type StockKind = z.infer<typeof StockKind>;
export const StockOutKind = z.enum(['handout', 'loss', 'expiry']);

export const RESERVATION_STATUSES = { reserved: '待领取', collected: '已领取', cancelled: '已取消', expired: '已过期' } as const;
export const ReservationStatus = z.enum(['reserved', 'collected', 'cancelled', 'expired']);
export type ReservationStatus = z.infer<typeof ReservationStatus>;

export const WEEKDAY_NAMES = ['', '周一', '周二', '周三', '周四', '周五', '周六', '周日'] as const;
const Weekday = z.number().int().min(1).max(7);
const Fen = z.number({ message: '请输入金额' }).int({ message: '金额以分为单位' }).min(0).max(100_000_000_00);
const Qty = z.number({ message: '请输入数量' }).int({ message: '数量应为整数' }).min(1, { message: '数量至少为 1' }).max(100_000);
const Month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: '月份格式应为 YYYY-MM' });

export const ShopInput = z.strictObject({
  unitId: Id,
  name: Text(60),
  address: Text(120).optional(),
  openWeekdays: z.array(Weekday).max(7),
  openDates: z.array(DateString).max(100).default([]),
});
export const ShopPatch = z.strictObject({
  name: Text(60).optional(),
  address: Text(120).optional(),
  openWeekdays: z.array(Weekday).max(7).optional(),
  openDates: z.array(DateString).max(100).optional(),
});
export const ShopView = z.object({
  id: Id,
  unitId: Id,
  unitName: z.string(),
  instituteId: Id,
  name: z.string(),
  address: z.string().nullable(),
  openWeekdays: z.array(z.number()),
  openDates: z.array(z.string()),
  canManage: z.boolean(),
});
export type ShopView = z.infer<typeof ShopView>;

export const GoodsInput = z.strictObject({
  shopId: Id,
  name: Text(60),
  unitLabel: Text(8),
  photoFileId: Id.nullable().optional(),
  pricePoints: z.number({ message: '请输入积分' }).int().min(1, { message: '积分至少为 1' }).max(100_000),
  monthlyLimit: z.number().int().min(0).max(1000),
});
export const GoodsPatch = z.strictObject({
  name: Text(60).optional(),
  unitLabel: Text(8).optional(),
  photoFileId: Id.nullable().optional(),
  pricePoints: z.number().int().min(1).max(100_000).optional(),
  monthlyLimit: z.number().int().min(0).max(1000).optional(),
  active: z.boolean().optional(),
});
export const GoodsQuery = z.strictObject({ shopId: Id.optional(), activeOnly: z.enum(['true', 'false']).optional() });
export const GoodsView = z.object({
  id: Id,
  shopId: Id,
  shopName: z.string(),
  name: z.string(),
  unitLabel: z.string(),
  photoFileId: z.string().nullable(),
  pricePoints: z.number(),
  monthlyLimit: z.number(),
  active: z.boolean(),
  onHand: z.number(),
});
export type GoodsView = z.infer<typeof GoodsView>;

export const DonorInput = z.strictObject({ instituteId: Id, kind: DonorKind, name: Text(60), contact: Text(60).optional() });
export const DonorQuery = z.strictObject({ instituteId: Id.optional() });
export const DonorView = z.object({
  id: Id,
  instituteId: Id,
  kind: DonorKind,
  name: z.string(),
  contact: z.string().nullable(),
  donations: z.number(),
  valueFen: z.number(),
});
export type DonorView = z.infer<typeof DonorView>;

export const IntakeInput = z.strictObject({
  shopId: Id,
  kind: IntakeKind,
  donorId: Id.optional(),
  supplier: Text(60).optional(),
  valueFen: Fen,
  receivedOn: DateString,
  note: Text(200).optional(),
  items: z
    .array(z.strictObject({ goodsId: Id, quantity: Qty }))
    .min(1, { message: '请至少登记一种物品' })
    .max(50),
});
export const IntakeQuery = PageQuery.extend({ shopId: Id.optional(), kind: IntakeKind.optional() });
export const IntakeView = z.object({
  id: Id,
  shopId: Id,
  shopName: z.string(),
  kind: IntakeKind,
  receiptNo: z.string(),
  donorId: z.string().nullable(),
  donorName: z.string().nullable(),
  supplier: z.string().nullable(),
  valueFen: z.number(),
  receivedOn: z.string(),
  note: z.string().nullable(),
  items: z.array(z.object({ goodsId: z.string(), goodsName: z.string(), unitLabel: z.string(), quantity: z.number() })),
  createdAt: z.string(),
});
export type IntakeView = z.infer<typeof IntakeView>;

export const StockOutInput = z.strictObject({
  goodsId: Id,
  kind: StockOutKind,
  quantity: Qty,
  reason: Text(200),
  careRecipientId: Id.optional(),
});
export const StockQuery = PageQuery.extend({ shopId: Id.optional(), goodsId: Id.optional() });
export const StockEntryView = z.object({
  id: Id,
  goodsId: Id,
  goodsName: z.string(),
  kind: StockKind,
  quantity: z.number(),
  sourceType: z.string().nullable(),
  sourceId: z.string().nullable(),
  careRecipientName: z.string().nullable(),
  reason: z.string().nullable(),
  createdAt: z.string(),
  createdByName: z.string().nullable(),
});
export type StockEntryView = z.infer<typeof StockEntryView>;

export const ReserveInput = z.strictObject({
  goodsId: Id,
  quantity: Qty.max(20).default(1),
  /** Staff at the counter: on this volunteer's behalf. */
  volunteerId: Id.optional(),
  /** Staff at the counter: hand it over at once (reserve + collect). */
  collect: z.boolean().optional(),
});
export const ReservationQuery = PageQuery.extend({
  shopId: Id.optional(),
  status: ReservationStatus.optional(),
  q: z.string().trim().max(40).optional(),
});
export const ReservationView = z.object({
  id: Id,
  code: z.string(),
  shopId: Id,
  shopName: z.string(),
  goodsId: Id,
  goodsName: z.string(),
  unitLabel: z.string(),
  volunteerId: Id,
  volunteerName: z.string(),
  volunteerPhone: z.string().nullable(),
  quantity: z.number(),
  points: z.number(),
  status: ReservationStatus,
  channel: z.enum(['self', 'staff']),
  pickupOn: z.string(),
  expiresAt: z.string(),
  createdAt: z.string(),
  closedAt: z.string().nullable(),
  reason: z.string().nullable(),
});
export type ReservationView = z.infer<typeof ReservationView>;
export const CancelInput = z.strictObject({ reason: Text(200).optional() });

export const MyMarketView = z.object({
  volunteerId: Id,
  balance: z.number(),
  shops: z.array(ShopView),
});
export type MyMarketView = z.infer<typeof MyMarketView>;

export const ReconcileQuery = z.strictObject({ instituteId: Id.optional(), month: Month });
const EntryRef = z.object({ id: z.string(), kind: z.string(), quantity: z.number(), createdAt: z.string(), note: z.string().nullable() });
export const ReconcileView = z.object({
  instituteId: Id,
  instituteName: z.string(),
  month: z.string(),
  balanced: z.boolean(),
  points: z.object({
    opening: z.number(),
    issued: z.number(),
    spent: z.number(),
    expired: z.number(),
    closing: z.number(),
    ledgerTotal: z.number(),
    balancesTotal: z.number(),
    balanced: z.boolean(),
    differences: z.array(z.object({ volunteerId: z.string(), volunteerName: z.string(), ledger: z.number(), balance: z.number(), entries: z.array(EntryRef) })),
  }),
  stock: z.array(
    z.object({
      goodsId: z.string(),
      goodsName: z.string(),
      shopName: z.string(),
      opening: z.number(),
      in: z.number(),
      out: z.number(),
      closing: z.number(),
      ledgerTotal: z.number(),
      onHand: z.number(),
      balanced: z.boolean(),
      entries: z.array(EntryRef),
    }),
  ),
});
export type ReconcileView = z.infer<typeof ReconcileView>;
