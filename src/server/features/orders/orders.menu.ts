import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { PageQuery } from '../../../shared/common';
import type { PublicServiceItemsQuery, ServiceItemInput, ServiceItemView } from '../../../shared/orders';
import type { ServiceItemsTable } from '../../db/schema';
import { appendAudit } from '../../platform/audit';
import { nextCounter } from '../../platform/counters.queries';
import type { Ctx, Deps } from '../../platform/deps';
import { notFound } from '../../platform/errors';
import { unitTreeOf } from '../../platform/scope';
import { whoOf } from '../../platform/session';
import * as q from './orders.queries';

/** The service menu (需求清单): what residents may ask a station or the institute for. */
export type ItemRow = ServiceItemsTable & { unit_name: string };

function presentItem(r: ItemRow): ServiceItemView {
  return {
    id: r.id,
    unitId: r.unit_id,
    unitName: r.unit_name,
    code: r.code,
    programmeId: r.programme_id,
    name: r.name,
    description: r.description,
    whoMayAsk: r.who_may_ask,
    typicalHours: Number(r.typical_minutes) / 60,
    requiredSkills: JSON.parse(r.required_skills),
    serviceCategory: r.service_category,
    insuranceRequired: Boolean(r.insurance_required),
    slaHours: Number(r.sla_hours),
    archived: Boolean(r.archived),
  };
}

/** The service menu of a unit and the institute above it: what a resident there may ask for (every unit's without a station). */
export async function menuFor(deps: Deps, query: z.infer<typeof PublicServiceItemsQuery>) {
  const tree = await unitTreeOf(deps.db);
  const units = query.stationId ? tree.ancestry(query.stationId).filter((u) => tree.nodes.get(u)?.kind !== 'district') : null;
  const { rows, total } = await q.pageItems(deps.db, units, false, query.pageSize, (query.page - 1) * query.pageSize);
  return { items: rows.map(presentItem), total, page: query.page, pageSize: query.pageSize };
}

/** Staff: the menus of the units in scope and of the institutes above them, archived items included. */
export async function listItemsForStaff(deps: Deps, ctx: Ctx, query: z.infer<typeof PageQuery>) {
  const tree = await ctx.scope.tree();
  const scope = ctx.scope.hasRole('orders.read') ? await ctx.scope.units('orders.read') : new Set<string>();
  const units = new Set(scope);
  for (const u of scope) for (const a of tree.ancestry(u)) units.add(a);
  const { rows, total } = await q.pageItems(deps.db, [...units], true, query.pageSize, (query.page - 1) * query.pageSize);
  return { items: rows.map(presentItem), total, page: query.page, pageSize: query.pageSize };
}

export async function createItem(deps: Deps, ctx: Ctx, input: z.infer<typeof ServiceItemInput>) {
  await ctx.scope.require('orders.manage', input.unitId);
  const now = deps.clock.now().toISOString();
  const id = randomUUID();
  await deps.db.transaction().execute(async (trx) => {
    const code = `S${String(await nextCounter(trx, 'service_item')).padStart(4, '0')}`;
    await q.insertItem(trx, {
      id,
      unit_id: input.unitId,
      code,
      programme_id: input.programmeId ?? null,
      name: input.name,
      description: input.description ?? null,
      who_may_ask: input.whoMayAsk ?? null,
      typical_minutes: Math.round(input.typicalHours * 60),
      required_skills: JSON.stringify(input.requiredSkills),
      service_category: input.serviceCategory ?? null,
      insurance_required: input.insuranceRequired ? 1 : 0,
      sla_hours: input.slaHours,
      archived: 0,
      sort: 100,
      created_at: now,
      updated_at: now,
    });
    await appendAudit(trx, deps.config.keys.audit, new Date(now), whoOf(ctx), {
      action: 'orders.item_created',
      objectType: 'service_item',
      objectId: id,
      unitId: input.unitId,
      changes: { name: { before: null, after: input.name } },
    });
  });
  return presentItem((await q.getItem(deps.db, id)) as ItemRow);
}

export async function archiveItem(deps: Deps, ctx: Ctx, id: string, archived: boolean) {
  const item = await q.getItem(deps.db, id);
  if (!item) throw notFound();
  await ctx.scope.require('orders.manage', item.unit_id);
  const now = deps.clock.now().toISOString();
  await deps.db.transaction().execute(async (trx) => {
    await q.updateItem(trx, id, { archived: archived ? 1 : 0, updated_at: now });
    await appendAudit(trx, deps.config.keys.audit, new Date(now), whoOf(ctx), {
      action: 'orders.item_updated',
      objectType: 'service_item',
      objectId: id,
      unitId: item.unit_id,
      changes: { archived: { before: Boolean(item.archived), after: archived } },
    });
  });
  return presentItem((await q.getItem(deps.db, id)) as ItemRow);
}
