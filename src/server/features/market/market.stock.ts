import { randomUUID } from 'node:crypto';
import type { MarketStockKind } from '../../db/schema';
import type { Trx } from '../../platform/db';
import { AppError } from '../../platform/errors';
import * as q from './market.queries';

/**
 * The stock ledger has one writer: this file. Every movement of a goods' stock is an entry with its
 * kind, its source and who made it; the database refuses UPDATE and DELETE on the entries. Each
 * entry moves the goods' `on_hand` counter in the same transaction — a decrease is
 * `UPDATE … SET on_hand = on_hand + Δ WHERE on_hand + Δ ≥ 0` (the row lock on PostgreSQL makes a
 * concurrent taker wait and re-check; SQLite runs one writer at a time), so the shop never
 * hands out more than it holds (`market.out_of_stock`).
 */
export interface StockMovement {
  shopId: string;
  goodsId: string;
  kind: MarketStockKind;
  /** Signed: in and returns positive, out negative. */
  quantity: number;
  sourceType?: string | null;
  sourceId?: string | null;
  careRecipientId?: string | null;
  reason?: string | null;
  createdBy: string | null;
  at: Date;
}

export async function postStock(trx: Trx, m: StockMovement): Promise<string> {
  if (!Number.isInteger(m.quantity) || m.quantity === 0) throw new AppError('validation.failed');
  const at = m.at.toISOString();
  if (!(await q.moveOnHand(trx, m.goodsId, m.quantity, at))) throw new AppError('market.out_of_stock');
  const id = randomUUID();
  await q.insertStockEntry(trx, {
    id,
    shop_id: m.shopId,
    goods_id: m.goodsId,
    kind: m.kind,
    quantity: m.quantity,
    source_type: m.sourceType ?? null,
    source_id: m.sourceId ?? null,
    care_recipient_id: m.careRecipientId ?? null,
    reason: m.reason ?? null,
    created_by: m.createdBy,
    created_at: at,
  });
  return id;
}
