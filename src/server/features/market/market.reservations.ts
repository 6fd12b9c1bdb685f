import { randomInt, randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { chinaDay } from '../../../shared/china-time';
import type { ReservationQuery, ReserveInput } from '../../../shared/market';
import { nextOpenDay } from '../../../shared/rules/market';
import { type AuditWho, appendAudit } from '../../platform/audit';
import type { Trx } from '../../platform/db';
import type { Ctx, Deps } from '../../platform/deps';
import { AppError, notFound } from '../../platform/errors';
import { whoOf } from '../../platform/session';
import { postPoints } from '../points/points.ledger';
import { volunteerById } from '../volunteers/volunteers.lookup';
import { staffShopIds } from './market.intakes';
import { presentReservation, shopDays } from './market.presenter';
import * as q from './market.queries';
import { postStock } from './market.stock';

const CODE_LETTERS = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const SYSTEM: AuditWho = { actorAccountId: null, actorName: '系统', ip: null, requestId: null };

/** A six-character code staff type or scan at the counter (no 0/O or 1/I to confuse). */
function newCode(): string {
  return Array.from({ length: 6 }, () => CODE_LETTERS[randomInt(CODE_LETTERS.length)]).join('');
}

/** Whose reservation: the caller's own (a certified volunteer of the shop's institute), or, for the shop's staff, the volunteer named. */
async function reserverFor(deps: Deps, ctx: Ctx, goods: q.GoodsRow, input: z.infer<typeof ReserveInput>) {
  if (input.volunteerId || input.collect) {
    await ctx.scope.require('market.manage', goods.unit_id);
    if (!input.volunteerId) throw new AppError('market.not_volunteer');
    const v = await volunteerById(deps.db, input.volunteerId);
    const tree = await ctx.scope.tree();
    if (!v || tree.instituteOf(v.station_id) !== goods.institute_id) throw notFound();
    if (v.status !== 'certified') throw new AppError('market.not_volunteer');
    return { volunteerId: v.id, channel: 'staff' as const };
  }
  const mine = (await ctx.scope.me()).volunteer;
  if (mine?.status !== 'certified' || !mine) throw new AppError('market.not_volunteer');
  if ((await ctx.scope.tree()).instituteOf(mine.stationId) !== goods.institute_id) throw notFound();
  return { volunteerId: mine.id, channel: 'self' as const };
}

/**
 * One transaction: the points first (the volunteer's balance row is the lock that orders their own
 * parallel requests, so the month's limit is counted after the others committed), then the limit,
 * then the stock (a conditional update of the goods' counter), then the reservation and its audit.
 * Any failure rolls everything back: never a spent point without goods, nor goods without points.
 */
export async function reserve(deps: Deps, ctx: Ctx, input: z.infer<typeof ReserveInput>) {
  const goods = await q.getGoods(deps.db, input.goodsId);
  if (!goods) throw notFound();
  const who = await reserverFor(deps, ctx, goods, input);
  if (Number(goods.active) !== 1) throw new AppError('market.inactive');
  const shop = await q.getShop(deps.db, goods.shop_id);
  if (!shop) throw notFound();
  const rules = await ctx.scope.rulesOf(goods.institute_id);
  const now = deps.clock.now();
  const today = chinaDay(now);
  const expiresAt = new Date(now.getTime() + rules['market.reservationDays'] * 86_400_000);
  const pickupOn = input.collect ? today : nextOpenDay(shopDays(shop), today, chinaDay(expiresAt));
  if (!pickupOn) throw new AppError('market.closed');
  const quantity = input.quantity;
  const points = Number(goods.price_points) * quantity;
  const id = randomUUID();
  await deps.db.transaction().execute(async (trx) => {
    await postPoints(trx, {
      volunteerId: who.volunteerId,
      unitId: shop.unit_id,
      kind: 'redeem',
      points: -points,
      sourceType: 'redemption',
      sourceId: id,
      reason: `爱心超市兑换：${goods.name} × ${quantity}`,
      createdBy: ctx.actor.accountId,
      at: now,
    });
    const month = today.slice(0, 7);
    const limit = Number(goods.monthly_limit);
    if (limit > 0 && (await q.takenInMonth(trx, who.volunteerId, goods.id, month)) + quantity > limit) throw new AppError('market.limit_reached');
    await postStock(trx, {
      shopId: shop.id,
      goodsId: goods.id,
      kind: 'redemption',
      quantity: -quantity,
      sourceType: 'reservation',
      sourceId: id,
      createdBy: ctx.actor.accountId,
      at: now,
    });
    const collected = input.collect === true;
    await q.insertReservation(trx, {
      id,
      code: newCode(),
      shop_id: shop.id,
      goods_id: goods.id,
      volunteer_id: who.volunteerId,
      quantity,
      points,
      month,
      status: collected ? 'collected' : 'reserved',
      channel: who.channel,
      pickup_on: pickupOn,
      expires_at: expiresAt.toISOString(),
      created_by: ctx.actor.accountId,
      created_at: now.toISOString(),
      closed_by: collected ? ctx.actor.accountId : null,
      closed_at: collected ? now.toISOString() : null,
      reason: null,
    });
    await appendAudit(trx, deps.config.keys.audit, now, whoOf(ctx), {
      action: collected ? 'market.redeemed_at_counter' : 'market.reserved',
      objectType: 'market_reservation',
      objectId: id,
      unitId: shop.unit_id,
      changes: { goods: { before: null, after: goods.name }, quantity: { before: null, after: quantity }, points: { before: null, after: points } },
    });
  });
  return reservationView(deps, id);
}

async function reservationView(deps: Deps, id: string) {
  const row = await q.getReservation(deps.db, id);
  if (!row) throw notFound();
  return presentReservation(row);
}

/** Staff hand the goods over at the counter; only a reservation still open. */
export async function collect(deps: Deps, ctx: Ctx, id: string) {
  const r = await q.getReservation(deps.db, id);
  if (!r) throw notFound();
  await ctx.scope.require('market.manage', r.unit_id);
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    const moved = await q.closeReservation(trx, id, { status: 'collected', closed_at: now.toISOString(), closed_by: ctx.actor.accountId, reason: null });
    if (!moved) throw new AppError('market.not_reserved');
    await appendAudit(trx, deps.config.keys.audit, now, whoOf(ctx), {
      action: 'market.collected',
      objectType: 'market_reservation',
      objectId: id,
      unitId: r.unit_id,
      changes: { status: { before: 'reserved', after: 'collected' } },
    });
  });
  return reservationView(deps, id);
}

/** Closes an open reservation as cancelled or expired and gives back its points and goods — once, whoever asks first. */
async function closeAndRestore(
  trx: Trx,
  r: { id: string; shop_id: string; goods_id: string; volunteer_id: string; quantity: number; points: number; unit_id: string },
  s: { status: 'cancelled' | 'expired'; by: string | null; reason: string | null; at: Date },
): Promise<boolean> {
  const moved = await q.closeReservation(trx, r.id, { status: s.status, closed_at: s.at.toISOString(), closed_by: s.by, reason: s.reason });
  if (!moved) return false;
  await postPoints(trx, {
    volunteerId: r.volunteer_id,
    unitId: r.unit_id,
    kind: 'redeem_refund',
    points: Number(r.points),
    sourceType: 'redemption',
    sourceId: r.id,
    reason: s.status === 'expired' ? '爱心超市预约逾期未领取，积分退回' : '爱心超市预约取消，积分退回',
    createdBy: s.by,
    at: s.at,
  });
  await postStock(trx, {
    shopId: r.shop_id,
    goodsId: r.goods_id,
    kind: 'redemption_return',
    quantity: Number(r.quantity),
    sourceType: 'reservation',
    sourceId: r.id,
    reason: s.reason,
    createdBy: s.by,
    at: s.at,
  });
  return true;
}

/** The volunteer cancels their own open reservation, or the shop's staff cancel any. */
export async function cancel(deps: Deps, ctx: Ctx, id: string, input: { reason?: string }) {
  const r = await q.getReservation(deps.db, id);
  if (!r) throw notFound();
  const mine = (await ctx.scope.me()).volunteer;
  if (mine?.id !== r.volunteer_id) await ctx.scope.require('market.manage', r.unit_id);
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    if (!(await closeAndRestore(trx, r, { status: 'cancelled', by: ctx.actor.accountId, reason: input.reason ?? null, at: now }))) {
      throw new AppError('market.not_reserved');
    }
    await appendAudit(trx, deps.config.keys.audit, now, whoOf(ctx), {
      action: 'market.cancelled',
      objectType: 'market_reservation',
      objectId: id,
      unitId: r.unit_id,
      changes: { status: { before: 'reserved', after: 'cancelled' } },
    });
  });
  return reservationView(deps, id);
}

/** The tick's step: reservations past their days expire, each in its own guarded transaction (two processes never refund twice). */
export async function expireReservations(deps: Deps): Promise<number> {
  const now = deps.clock.now();
  let done = 0;
  for (const r of await q.dueReservations(deps.db, now.toISOString(), 500)) {
    const moved = await deps.db.transaction().execute(async (trx) => {
      const ok = await closeAndRestore(trx, r, { status: 'expired', by: null, reason: '逾期未领取', at: now });
      if (ok)
        await appendAudit(trx, deps.config.keys.audit, now, SYSTEM, {
          action: 'market.expired',
          objectType: 'market_reservation',
          objectId: r.id,
          unitId: r.unit_id,
          changes: { status: { before: 'reserved', after: 'expired' } },
        });
      return ok;
    });
    if (moved) done++;
  }
  return done;
}

export async function listMine(deps: Deps, ctx: Ctx, query: z.infer<typeof ReservationQuery>) {
  const mine = (await ctx.scope.me()).volunteer;
  if (!mine) throw new AppError('market.not_volunteer');
  const { rows, total } = await q.listReservations(deps.db, { volunteerId: mine.id, status: query.status }, query.page, query.pageSize);
  return { items: rows.map(presentReservation), total, page: query.page, pageSize: query.pageSize };
}

export async function listForCounter(deps: Deps, ctx: Ctx, query: z.infer<typeof ReservationQuery>) {
  const shopIds = await staffShopIds(deps, ctx, query.shopId);
  const { rows, total } = await q.listReservations(deps.db, { shopIds, status: query.status, q: query.q || undefined }, query.page, query.pageSize);
  return { items: rows.map(presentReservation), total, page: query.page, pageSize: query.pageSize };
}
