import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { DonorInput, DonorQuery, DonorView, GoodsInput, GoodsPatch, GoodsQuery, ShopInput, ShopPatch } from '../../../shared/market';
import { appendAudit, diffFields } from '../../platform/audit';
import type { Ctx, Deps } from '../../platform/deps';
import { AppError, notFound } from '../../platform/errors';
import { whoOf } from '../../platform/session';
import { canUseFile } from '../files/files.service';
import { presentGoods, presentShop } from './market.presenter';
import * as q from './market.queries';

// ------------------------------------------------------------------ access helpers

/** A shop the caller manages (404 outside their scope, 403 for a role that never manages). */
export async function manageShop(deps: Deps, ctx: Ctx, shopId: string): Promise<q.ShopRow> {
  const shop = await q.getShop(deps.db, shopId);
  if (!shop) throw notFound();
  await ctx.scope.require('market.manage', shop.unit_id);
  return shop;
}

/** The shops the caller reads: staff their `market.read` scope; a volunteer the shops of their institute. */
/** The units whose market the caller may read as staff; none for a volunteer (`units` would refuse). */
async function staffUnitsOf(ctx: Ctx): Promise<Set<string>> {
  return ctx.scope.hasRole('market.read') ? ctx.scope.units('market.read') : new Set();
}

export async function readableShops(deps: Deps, ctx: Ctx): Promise<q.ShopRow[]> {
  const staffUnits = await staffUnitsOf(ctx);
  const rows = await q.shopsOfUnits(deps.db, [...staffUnits]);
  const mine = (await ctx.scope.me()).volunteer;
  if (!mine) return rows;
  const institute = (await ctx.scope.tree()).instituteOf(mine.stationId);
  if (!institute) return rows;
  const seen = new Set(rows.map((r) => r.id));
  return [...rows, ...(await q.shopsOfInstitute(deps.db, institute)).filter((r) => !seen.has(r.id))];
}

async function checkPhoto(deps: Deps, ctx: Ctx, fileId: string | null | undefined) {
  if (fileId && !(await canUseFile(deps, ctx, fileId))) throw new AppError('market.bad_file');
}

// ------------------------------------------------------------------ shops

export async function listShops(deps: Deps, ctx: Ctx, query: { unitId?: string }) {
  const rows = (await readableShops(deps, ctx)).filter((r) => !query.unitId || r.unit_id === query.unitId);
  const items = [];
  for (const r of rows) items.push(presentShop(r, await ctx.scope.can('market.manage', r.unit_id)));
  return { items, total: items.length, page: 1, pageSize: Math.max(items.length, 1) };
}

export async function createShop(deps: Deps, ctx: Ctx, input: z.infer<typeof ShopInput>) {
  const tree = await ctx.scope.require('market.manage', input.unitId);
  const node = tree.nodes.get(input.unitId);
  const institute = tree.instituteOf(input.unitId);
  if (!node || (node.kind !== 'institute' && node.kind !== 'station') || !institute) throw new AppError('market.bad_unit');
  const now = deps.clock.now().toISOString();
  const id = randomUUID();
  await deps.db.transaction().execute(async (trx) => {
    await q.insertShop(trx, {
      id,
      unit_id: input.unitId,
      institute_id: institute,
      name: input.name,
      address: input.address ?? null,
      open_weekdays: JSON.stringify([...new Set(input.openWeekdays)].sort()),
      open_dates: JSON.stringify([...new Set(input.openDates)].sort()),
      created_by: ctx.actor.accountId,
      created_at: now,
      updated_at: now,
    });
    await appendAudit(trx, deps.config.keys.audit, deps.clock.now(), whoOf(ctx), {
      action: 'market.shop_created',
      objectType: 'market_shop',
      objectId: id,
      unitId: input.unitId,
      changes: { name: { before: null, after: input.name }, openWeekdays: { before: null, after: input.openWeekdays } },
    });
  });
  const row = await q.getShop(deps.db, id);
  if (!row) throw notFound();
  return presentShop(row, true);
}

export async function updateShop(deps: Deps, ctx: Ctx, id: string, patch: z.infer<typeof ShopPatch>) {
  const before = await manageShop(deps, ctx, id);
  const next = {
    name: patch.name ?? before.name,
    address: patch.address ?? before.address,
    open_weekdays: patch.openWeekdays ? JSON.stringify([...new Set(patch.openWeekdays)].sort()) : before.open_weekdays,
    open_dates: patch.openDates ? JSON.stringify([...new Set(patch.openDates)].sort()) : before.open_dates,
  };
  await deps.db.transaction().execute(async (trx) => {
    await q.updateShop(trx, id, { ...next, updated_at: deps.clock.now().toISOString() });
    await appendAudit(trx, deps.config.keys.audit, deps.clock.now(), whoOf(ctx), {
      action: 'market.shop_updated',
      objectType: 'market_shop',
      objectId: id,
      unitId: before.unit_id,
      changes: diffFields(before, { ...before, ...next }, ['name', 'address', 'open_weekdays', 'open_dates']),
    });
  });
  const row = await q.getShop(deps.db, id);
  if (!row) throw notFound();
  return presentShop(row, true);
}

// ------------------------------------------------------------------ goods

export async function listGoods(deps: Deps, ctx: Ctx, query: z.infer<typeof GoodsQuery>) {
  const shops = (await readableShops(deps, ctx)).filter((s) => !query.shopId || s.id === query.shopId);
  if (query.shopId && shops.length === 0) throw notFound();
  const isStaff = (await staffUnitsOf(ctx)).size > 0;
  const rows = await q.goodsOfShops(
    deps.db,
    shops.map((s) => s.id),
    query.activeOnly === 'true' || !isStaff,
  );
  return { items: rows.map(presentGoods), total: rows.length, page: 1, pageSize: Math.max(rows.length, 1) };
}

export async function createGoods(deps: Deps, ctx: Ctx, input: z.infer<typeof GoodsInput>) {
  const shop = await manageShop(deps, ctx, input.shopId);
  await checkPhoto(deps, ctx, input.photoFileId);
  const now = deps.clock.now();
  const id = randomUUID();
  await deps.db.transaction().execute(async (trx) => {
    await q.insertGoods(trx, {
      id,
      shop_id: shop.id,
      name: input.name,
      unit_label: input.unitLabel,
      photo_file_id: input.photoFileId ?? null,
      price_points: input.pricePoints,
      monthly_limit: input.monthlyLimit,
      active: 1,
      on_hand: 0,
      created_at: now.toISOString(),
      updated_at: now.toISOString(),
    });
    await appendAudit(trx, deps.config.keys.audit, now, whoOf(ctx), {
      action: 'market.goods_created',
      objectType: 'market_goods',
      objectId: id,
      unitId: shop.unit_id,
      changes: { name: { before: null, after: input.name }, pricePoints: { before: null, after: input.pricePoints } },
    });
  });
  const row = await q.getGoods(deps.db, id);
  if (!row) throw notFound();
  return presentGoods(row);
}

export async function updateGoods(deps: Deps, ctx: Ctx, id: string, patch: z.infer<typeof GoodsPatch>) {
  const before = await q.getGoods(deps.db, id);
  if (!before) throw notFound();
  await ctx.scope.require('market.manage', before.unit_id);
  if (patch.photoFileId) await checkPhoto(deps, ctx, patch.photoFileId);
  const next = {
    name: patch.name ?? before.name,
    unit_label: patch.unitLabel ?? before.unit_label,
    photo_file_id: patch.photoFileId === undefined ? before.photo_file_id : patch.photoFileId,
    price_points: patch.pricePoints ?? Number(before.price_points),
    monthly_limit: patch.monthlyLimit ?? Number(before.monthly_limit),
    active: patch.active === undefined ? Number(before.active) : patch.active ? 1 : 0,
  };
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    await q.updateGoods(trx, id, { ...next, updated_at: now.toISOString() });
    await appendAudit(trx, deps.config.keys.audit, now, whoOf(ctx), {
      action: 'market.goods_updated',
      objectType: 'market_goods',
      objectId: id,
      unitId: before.unit_id,
      changes: diffFields(
        { ...before, price_points: Number(before.price_points), monthly_limit: Number(before.monthly_limit), active: Number(before.active) },
        { ...before, ...next },
        ['name', 'unit_label', 'photo_file_id', 'price_points', 'monthly_limit', 'active'],
      ),
    });
  });
  const row = await q.getGoods(deps.db, id);
  if (!row) throw notFound();
  return presentGoods(row);
}

// ------------------------------------------------------------------ donors

/** The institutes whose donors the caller reads: those of the shops they read (staff only). */
async function donorInstitutes(ctx: Ctx, instituteId?: string): Promise<string[]> {
  const units = await ctx.scope.units('market.read');
  const tree = await ctx.scope.tree();
  const all = new Set([...units].map((u) => tree.instituteOf(u)).filter((u): u is string => !!u));
  if (!instituteId) return [...all];
  if (!all.has(instituteId)) throw notFound();
  return [instituteId];
}

export async function listDonors(deps: Deps, ctx: Ctx, query: z.infer<typeof DonorQuery>) {
  if (!ctx.scope.hasRole('market.read')) throw new AppError('access.denied');
  const rows = await q.donorsOf(deps.db, await donorInstitutes(ctx, query.instituteId));
  const items: DonorView[] = rows.map((r) => ({
    id: r.id,
    instituteId: r.institute_id,
    kind: r.kind,
    name: r.name,
    contact: r.contact,
    donations: r.donations,
    valueFen: r.value_fen,
  }));
  return { items, total: items.length, page: 1, pageSize: Math.max(items.length, 1) };
}

export async function createDonor(deps: Deps, ctx: Ctx, input: z.infer<typeof DonorInput>) {
  const tree = await ctx.scope.require('market.manage', input.instituteId);
  if (tree.nodes.get(input.instituteId)?.kind !== 'institute') throw new AppError('market.bad_unit');
  const now = deps.clock.now();
  const id = randomUUID();
  await deps.db.transaction().execute(async (trx) => {
    await q.insertDonor(trx, {
      id,
      institute_id: input.instituteId,
      kind: input.kind,
      name: input.name,
      contact: input.contact ?? null,
      created_by: ctx.actor.accountId,
      created_at: now.toISOString(),
    });
    await appendAudit(trx, deps.config.keys.audit, now, whoOf(ctx), {
      action: 'market.donor_created',
      objectType: 'market_donor',
      objectId: id,
      unitId: input.instituteId,
      changes: { name: { before: null, after: input.name }, kind: { before: null, after: input.kind } },
    });
  });
  return { id, instituteId: input.instituteId, kind: input.kind, name: input.name, contact: input.contact ?? null, donations: 0, valueFen: 0 };
}
