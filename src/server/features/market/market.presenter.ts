import { maskPhone } from '../../../shared/mask';
import type { GoodsView, IntakeView, ReservationView, ShopView, StockEntryView } from '../../../shared/market';
import type * as q from './market.queries';

/** Pure presenters over rows read in a fixed number of queries. */

export function presentShop(r: q.ShopRow, canManage: boolean): ShopView {
  return {
    id: r.id,
    unitId: r.unit_id,
    unitName: r.unit_name,
    instituteId: r.institute_id,
    name: r.name,
    address: r.address,
    openWeekdays: JSON.parse(r.open_weekdays) as number[],
    openDates: JSON.parse(r.open_dates) as string[],
    canManage,
  };
}

export function shopDays(r: { open_weekdays: string; open_dates: string }) {
  return { openWeekdays: JSON.parse(r.open_weekdays) as number[], openDates: JSON.parse(r.open_dates) as string[] };
}

export function presentGoods(r: q.GoodsRow): GoodsView {
  return {
    id: r.id,
    shopId: r.shop_id,
    shopName: r.shop_name,
    name: r.name,
    unitLabel: r.unit_label,
    photoFileId: r.photo_file_id,
    pricePoints: Number(r.price_points),
    monthlyLimit: Number(r.monthly_limit),
    active: Number(r.active) === 1,
    onHand: Number(r.on_hand),
  };
}

export function presentStock(r: q.StockRow, recipientNames: Map<string, string>): StockEntryView {
  return {
    id: r.id,
    goodsId: r.goods_id,
    goodsName: r.goods_name,
    kind: r.kind,
    quantity: Number(r.quantity),
    sourceType: r.source_type,
    sourceId: r.source_id,
    careRecipientName: r.care_recipient_id ? (recipientNames.get(r.care_recipient_id) ?? '（服务对象）') : null,
    reason: r.reason,
    createdAt: r.created_at,
    createdByName: r.created_by_name,
  };
}

export function presentIntake(r: q.IntakeRow, items: q.StockRow[]): IntakeView {
  return {
    id: r.id,
    shopId: r.shop_id,
    shopName: r.shop_name,
    kind: r.kind,
    receiptNo: r.receipt_no,
    donorId: r.donor_id,
    donorName: r.donor_name,
    supplier: r.supplier,
    valueFen: Number(r.value_fen),
    receivedOn: r.received_on,
    note: r.note,
    items: items
      .filter((i) => i.source_id === r.id)
      .map((i) => ({ goodsId: i.goods_id, goodsName: i.goods_name, unitLabel: '', quantity: Number(i.quantity) })),
    createdAt: r.created_at,
  };
}

/** The phone is shown masked: enough for the counter to recognise a person, searchable in full. */
export function presentReservation(r: q.ReservationRow): ReservationView {
  return {
    id: r.id,
    code: r.code,
    shopId: r.shop_id,
    shopName: r.shop_name,
    goodsId: r.goods_id,
    goodsName: r.goods_name,
    unitLabel: r.unit_label,
    volunteerId: r.volunteer_id,
    volunteerName: r.volunteer_name,
    volunteerPhone: maskPhone(r.volunteer_phone),
    quantity: Number(r.quantity),
    points: Number(r.points),
    status: r.status,
    channel: r.channel,
    pickupOn: r.pickup_on,
    expiresAt: r.expires_at,
    createdAt: r.created_at,
    closedAt: r.closed_at,
    reason: r.reason,
  };
}
