import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { IntakeInput, IntakeQuery, StockOutInput, StockQuery } from '../../../shared/market';
import { appendAudit } from '../../platform/audit';
import { nextCounter } from '../../platform/counters.queries';
import type { Ctx, Deps } from '../../platform/deps';
import { AppError, notFound } from '../../platform/errors';
import { whoOf } from '../../platform/session';
import { servedRecipientNames } from '../care/care.links';
import { manageShop } from './market.catalogue';
import { presentIntake, presentStock } from './market.presenter';
import * as q from './market.queries';
import { renderReceiptPdf } from './market.receipt';
import { postStock } from './market.stock';

/** The shops the caller's staff scope reads, or one of them (404 outside). */
export async function staffShopIds(deps: Deps, ctx: Ctx, shopId?: string): Promise<string[]> {
  if (!ctx.scope.hasRole('market.read')) throw new AppError('access.denied');
  const rows = await q.shopsOfUnits(deps.db, [...(await ctx.scope.units('market.read'))]);
  if (!shopId) return rows.map((r) => r.id);
  if (!rows.some((r) => r.id === shopId)) throw notFound();
  return [shopId];
}

export async function listIntakes(deps: Deps, ctx: Ctx, query: z.infer<typeof IntakeQuery>) {
  const shopIds = await staffShopIds(deps, ctx, query.shopId);
  const { rows, total } = await q.listIntakes(deps.db, { shopIds, kind: query.kind }, query.page, query.pageSize);
  const items = await q.stockOfSource(
    deps.db,
    'intake',
    rows.map((r) => r.id),
  );
  return { items: rows.map((r) => presentIntake(r, items)), total, page: query.page, pageSize: query.pageSize };
}

async function intakeView(deps: Deps, id: string) {
  const row = await q.getIntake(deps.db, id);
  if (!row) throw notFound();
  return presentIntake(row, await q.stockOfSource(deps.db, 'intake', [id]));
}

/** A donation (donor, estimated value) or a purchase (supplier, cost): the intake and one stock entry per item, in one transaction. */
export async function createIntake(deps: Deps, ctx: Ctx, input: z.infer<typeof IntakeInput>) {
  const shop = await manageShop(deps, ctx, input.shopId);
  if (input.kind === 'donation') {
    if (!input.donorId) throw new AppError('market.donor_required');
    const donor = await q.getDonor(deps.db, input.donorId);
    if (!donor || donor.institute_id !== shop.institute_id) throw new AppError('market.bad_donor');
  } else if (!input.supplier) throw new AppError('market.supplier_required');
  const goods = await q.goodsOfShops(deps.db, [shop.id], false);
  if (input.items.some((i) => !goods.some((g) => g.id === i.goodsId))) throw new AppError('market.bad_goods');
  const now = deps.clock.now();
  const id = randomUUID();
  await deps.db.transaction().execute(async (trx) => {
    const year = input.receivedOn.slice(0, 4);
    const seq = await nextCounter(trx, `market_receipt:${year}`);
    const receiptNo = `${input.kind === 'donation' ? 'JZ' : 'CG'}${year}-${String(seq).padStart(4, '0')}`;
    await q.insertIntake(trx, {
      id,
      shop_id: shop.id,
      kind: input.kind,
      receipt_no: receiptNo,
      donor_id: input.kind === 'donation' ? (input.donorId ?? null) : null,
      supplier: input.kind === 'purchase' ? (input.supplier ?? null) : null,
      value_fen: input.valueFen,
      received_on: input.receivedOn,
      note: input.note ?? null,
      created_by: ctx.actor.accountId,
      created_at: now.toISOString(),
    });
    for (const item of input.items) {
      await postStock(trx, {
        shopId: shop.id,
        goodsId: item.goodsId,
        kind: input.kind,
        quantity: item.quantity,
        sourceType: 'intake',
        sourceId: id,
        createdBy: ctx.actor.accountId,
        at: now,
      });
    }
    await appendAudit(trx, deps.config.keys.audit, now, whoOf(ctx), {
      action: `market.${input.kind}_received`,
      objectType: 'market_intake',
      objectId: id,
      unitId: shop.unit_id,
      changes: { valueFen: { before: null, after: input.valueFen }, items: { before: null, after: input.items } },
    });
  });
  return intakeView(deps, id);
}

/** The donor's receipt (PDF); downloading it is audited. */
export async function receiptPdf(deps: Deps, ctx: Ctx, id: string) {
  const row = await q.getIntake(deps.db, id);
  if (!row) throw notFound();
  await ctx.scope.require('market.manage', row.unit_id);
  if (row.kind !== 'donation') throw new AppError('market.not_donation');
  const items = await q.stockOfSource(deps.db, 'intake', [id]);
  const goods = await q.goodsOfShops(deps.db, [row.shop_id], false);
  const now = deps.clock.now();
  const body = await renderReceiptPdf({
    receiptNo: row.receipt_no,
    instituteName: await q.unitName(deps.db, row.institute_id),
    shopName: row.shop_name,
    donorName: row.donor_name ?? '',
    donorKind: row.donor_kind ?? null,
    donorContact: row.donor_contact,
    receivedOn: row.received_on,
    valueFen: Number(row.value_fen),
    items: items.map((i) => ({ name: i.goods_name, unitLabel: goods.find((g) => g.id === i.goods_id)?.unit_label ?? '', quantity: Number(i.quantity) })),
    note: row.note,
    issuedOn: now.toISOString().slice(0, 10),
  });
  await appendAudit(deps.db, deps.config.keys.audit, now, whoOf(ctx), {
    action: 'market.receipt_downloaded',
    objectType: 'market_intake',
    objectId: id,
    unitId: row.unit_id,
  });
  return { body, fileName: `捐赠收据-${row.receipt_no}.pdf` };
}

export async function listStock(deps: Deps, ctx: Ctx, query: z.infer<typeof StockQuery>) {
  const shopIds = await staffShopIds(deps, ctx, query.shopId);
  const { rows, total } = await q.listStock(deps.db, { shopIds, goodsId: query.goodsId }, query.page, query.pageSize);
  const names = await servedRecipientNames(
    deps.db,
    ctx,
    rows.flatMap((r) => (r.care_recipient_id ? [r.care_recipient_id] : [])),
  );
  return { items: rows.map((r) => presentStock(r, names)), total, page: query.page, pageSize: query.pageSize };
}

/** Out without points: a hand-out to a care recipient the caller serves, a loss, an expiry; always with a reason. */
export async function recordStockOut(deps: Deps, ctx: Ctx, input: z.infer<typeof StockOutInput>) {
  const goods = await q.getGoods(deps.db, input.goodsId);
  if (!goods) throw notFound();
  await ctx.scope.require('market.manage', goods.unit_id);
  let recipientName: string | null = null;
  if (input.kind === 'handout') {
    if (!input.careRecipientId) throw new AppError('market.recipient_not_found');
    recipientName = (await servedRecipientNames(deps.db, ctx, [input.careRecipientId])).get(input.careRecipientId) ?? null;
    if (!recipientName) throw new AppError('market.recipient_not_found');
  }
  const now = deps.clock.now();
  const id = await deps.db.transaction().execute(async (trx) => {
    const entryId = await postStock(trx, {
      shopId: goods.shop_id,
      goodsId: goods.id,
      kind: input.kind,
      quantity: -input.quantity,
      careRecipientId: input.kind === 'handout' ? (input.careRecipientId ?? null) : null,
      reason: input.reason,
      createdBy: ctx.actor.accountId,
      at: now,
    });
    await appendAudit(trx, deps.config.keys.audit, now, whoOf(ctx), {
      action: `market.stock_${input.kind}`,
      objectType: 'market_goods',
      objectId: goods.id,
      unitId: goods.unit_id,
      changes: { quantity: { before: null, after: -input.quantity }, reason: { before: null, after: input.reason } },
    });
    return entryId;
  });
  const row = await q.getStockEntry(deps.db, id);
  if (!row) throw notFound();
  return presentStock(row, new Map(recipientName && input.careRecipientId ? [[input.careRecipientId, recipientName]] : []));
}
