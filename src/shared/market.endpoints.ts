import { z } from 'zod';
import { IdParams, Paged } from './common';
import { defineEndpoint, MIME } from './endpoint';
import {
  CancelInput,
  DonorInput,
  DonorQuery,
  DonorView,
  GoodsInput,
  GoodsPatch,
  GoodsQuery,
  GoodsView,
  IntakeInput,
  IntakeQuery,
  IntakeView,
  MyMarketView,
  ReconcileQuery,
  ReconcileView,
  ReservationQuery,
  ReservationView,
  ReserveInput,
  ShopInput,
  ShopPatch,
  ShopView,
  StockEntryView,
  StockOutInput,
  StockQuery,
} from './market';
import { named } from './openapi';
import { routes } from './routes';

named({ ShopView, GoodsView, DonorView, IntakeView, StockEntryView, ReservationView, MyMarketView, ReconcileView });
const tags = ['market'];
const ShopsQuery = z.strictObject({ unitId: z.uuid().optional() });

export const listMarketShops = defineEndpoint({
  ...routes.listMarketShops,
  summary: '爱心超市列表',
  description: '工作人员看到管辖范围内（及上级实践所）的爱心超市及其开放日。',
  tags,
  query: ShopsQuery,
  responses: { 200: Paged(ShopView) },
  errors: ['not_found', 'access.denied'],
});

export const createMarketShop = defineEndpoint({
  ...routes.createMarketShop,
  summary: '开办爱心超市',
  description: '实践所或实践站开办一个爱心超市，设定开放（兑换）日：每周几，以及另外的日期。',
  tags,
  body: ShopInput,
  responses: { 201: ShopView },
  errors: ['not_found', 'access.denied', 'market.bad_unit'],
});

export const updateMarketShop = defineEndpoint({
  ...routes.updateMarketShop,
  summary: '修改爱心超市（名称、地址、开放日）',
  tags,
  params: IdParams,
  body: ShopPatch,
  responses: { 200: ShopView },
  errors: ['not_found', 'access.denied'],
});

export const listMarketGoods = defineEndpoint({
  ...routes.listMarketGoods,
  summary: '爱心超市物品',
  description: '物品、兑换积分、每人每月限兑数量和现有库存。工作人员看到管辖范围内的；志愿者看到本实践所的爱心超市的上架物品。',
  tags,
  query: GoodsQuery,
  responses: { 200: Paged(GoodsView) },
  errors: ['not_found', 'access.denied'],
});

export const createMarketGoods = defineEndpoint({
  ...routes.createMarketGoods,
  summary: '新增物品',
  description: '名称、计量单位、照片（已上传文件的编号）、兑换积分、每人每月限兑数量（0 为不限）。库存只能通过入库登记增加。',
  tags,
  body: GoodsInput,
  responses: { 201: GoodsView },
  errors: ['not_found', 'access.denied', 'market.bad_file'],
});

export const updateMarketGoods = defineEndpoint({
  ...routes.updateMarketGoods,
  summary: '修改物品（积分、限兑、照片、上下架）',
  tags,
  params: IdParams,
  body: GoodsPatch,
  responses: { 200: GoodsView },
  errors: ['not_found', 'access.denied', 'market.bad_file'],
});

export const listMarketDonors = defineEndpoint({
  ...routes.listMarketDonors,
  summary: '捐赠方名册',
  description: '居民、企业、社会组织，及其捐赠次数和估值合计（分）。',
  tags,
  query: DonorQuery,
  responses: { 200: Paged(DonorView) },
  errors: ['not_found', 'access.denied'],
});

export const createMarketDonor = defineEndpoint({
  ...routes.createMarketDonor,
  summary: '登记捐赠方',
  tags,
  body: DonorInput,
  responses: { 201: DonorView },
  errors: ['not_found', 'access.denied', 'market.bad_unit'],
});

export const listMarketIntakes = defineEndpoint({
  ...routes.listMarketIntakes,
  summary: '入库登记（捐赠与采购）',
  tags,
  query: IntakeQuery,
  responses: { 200: Paged(IntakeView) },
  errors: ['not_found', 'access.denied'],
});

export const createMarketIntake = defineEndpoint({
  ...routes.createMarketIntake,
  summary: '登记捐赠或采购入库',
  description:
    '捐赠：捐赠方、物品与数量、估值（分）、日期；采购：供货方、物品与数量、金额（分）。物品入库记入库存台账（只增不改），并生成收据编号；捐赠可下载中文捐赠收据（PDF）。',
  tags,
  body: IntakeInput,
  responses: { 201: IntakeView },
  errors: ['not_found', 'access.denied', 'market.donor_required', 'market.supplier_required', 'market.bad_goods', 'market.bad_donor'],
});

export const downloadMarketReceipt = defineEndpoint({
  ...routes.downloadMarketReceipt,
  summary: '下载捐赠收据（PDF）',
  tags,
  params: IdParams,
  responses: {},
  produces: [MIME.pdf],
  errors: ['not_found', 'access.denied', 'market.not_donation'],
});

export const listMarketStock = defineEndpoint({
  ...routes.listMarketStock,
  summary: '库存台账',
  description: '每一笔入库（捐赠、采购）和出库（兑换、发放困难群众、损耗、过期）及预约取消的退回，按时间倒序。',
  tags,
  query: StockQuery,
  responses: { 200: Paged(StockEntryView) },
  errors: ['not_found', 'access.denied'],
});

export const recordMarketStockOut = defineEndpoint({
  ...routes.recordMarketStockOut,
  summary: '登记出库（发放困难群众、损耗、过期）',
  description: '不经积分的出库，须写明原因；发放困难群众须选择服务对象（记入其名下）。库存不足时拒绝。',
  tags,
  body: StockOutInput,
  responses: { 201: StockEntryView },
  errors: ['not_found', 'access.denied', 'market.out_of_stock', 'market.recipient_not_found'],
});

export const viewMyMarket = defineEndpoint({
  ...routes.viewMyMarket,
  summary: '我的积分与可兑换的爱心超市',
  tags,
  responses: { 200: MyMarketView },
  errors: ['market.not_volunteer'],
});

export const listMyMarketReservations = defineEndpoint({
  ...routes.listMyMarketReservations,
  summary: '我的兑换预约',
  tags,
  query: ReservationQuery,
  responses: { 200: Paged(ReservationView) },
  errors: ['market.not_volunteer'],
});

export const listMarketReservations = defineEndpoint({
  ...routes.listMarketReservations,
  summary: '兑换预约（柜台）',
  description: '按状态筛选，按预约码、姓名或手机号查找。',
  tags,
  query: ReservationQuery,
  responses: { 200: Paged(ReservationView) },
  errors: ['not_found', 'access.denied'],
});

export const reserveMarketGoods = defineEndpoint({
  ...routes.reserveMarketGoods,
  selfService: true,
  summary: '预约兑换',
  description:
    '志愿者在手机上预约：在同一事务中检查每人每月限兑、开放日、积分余额和库存，扣减积分与库存，得到预约码。工作人员可在柜台代志愿者兑换（volunteerId），collect=true 时当场领取。',
  tags,
  body: ReserveInput,
  responses: { 201: ReservationView },
  errors: [
    'not_found',
    'access.denied',
    'market.not_volunteer',
    'market.inactive',
    'market.closed',
    'market.limit_reached',
    'market.out_of_stock',
    'points.insufficient',
  ],
});

export const collectMarketReservation = defineEndpoint({
  ...routes.collectMarketReservation,
  summary: '确认领取',
  tags,
  params: IdParams,
  responses: { 200: ReservationView },
  errors: ['not_found', 'access.denied', 'market.not_reserved'],
});

export const cancelMarketReservation = defineEndpoint({
  ...routes.cancelMarketReservation,
  selfService: true,
  summary: '取消预约',
  description: '志愿者本人或工作人员取消未领取的预约，积分和库存各退回一次。',
  tags,
  params: IdParams,
  body: CancelInput,
  responses: { 200: ReservationView },
  errors: ['not_found', 'access.denied', 'market.not_reserved'],
});

export const viewMarketReconciliation = defineEndpoint({
  ...routes.viewMarketReconciliation,
  summary: '月度对账（账物相符）',
  description: '实践所某月：积分发放 − 兑换 − 过期 = 积分余额合计；每种物品入库 − 出库 = 现有库存；不相符处列出差额及其台账记录。',
  tags,
  query: ReconcileQuery,
  responses: { 200: ReconcileView },
  errors: ['not_found', 'access.denied'],
});

export const exportMarketReconciliation = defineEndpoint({
  ...routes.exportMarketReconciliation,
  summary: '导出月度对账（Excel）',
  tags,
  query: ReconcileQuery,
  responses: {},
  produces: [MIME.xlsx],
  errors: ['not_found', 'access.denied'],
});
