import { chinaDay, chinaDayEnd, chinaDayStart } from '../../../shared/china-time';
import type { z } from 'zod';
import type { PageQuery } from '../../../shared/common';
import type { OrderListQuery, OrderView } from '../../../shared/orders';
import type { OrderEventsTable } from '../../db/schema';
import type { UnitTree } from '../../platform/access';
import type { Ctx, Deps } from '../../platform/deps';
import { AppError, notFound } from '../../platform/errors';
import { volunteerById } from '../volunteers/volunteers.lookup';
import { presentOrder } from './orders.presenter';
import * as q from './orders.queries';
import { openOrderContact } from './orders.sealing';
import { canSee, rolesFor, whoAmI } from './orders.roles';

type Page = z.infer<typeof PageQuery>;

/**
 * Names of the units, teams and volunteers the orders were dispatched to: the ones the query joined
 * (`target_name`, the staff queue), the rest by one query per kind.
 */
async function targetNames(deps: Deps, all: q.OrderRow[]): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  for (const r of all) if (r.target_id && r.target_name != null) names.set(r.target_id, r.target_name);
  const rows = all.filter((r) => r.target_name === undefined);
  const ids = (type: string) => [...new Set(rows.filter((r) => r.target_type === type && r.target_id).map((r) => r.target_id as string))];
  const unitIds = [...ids('institute'), ...ids('station')];
  if (unitIds.length) for (const u of await q.unitNames(deps.db, unitIds)) names.set(u.id, u.name);
  if (ids('team').length) for (const t of await q.teamNames(deps.db, ids('team'))) names.set(t.id, t.name);
  if (ids('volunteer').length) for (const v of await q.volunteerNames(deps.db, ids('volunteer'))) names.set(v.id, v.name);
  return names;
}

/** For staff looking at an order in detail: the same person asked for the same item within the institute's window (a hint, never a refusal). */
async function duplicateHints(deps: Deps, ctx: Ctx, rows: q.OrderRow[]): Promise<Map<string, string | null>> {
  // One unit at a time from the rules cache: the first read of an institute fills it for the rest.
  const windows = new Map<string, number>();
  for (const u of new Set(rows.map((o) => o.unit_id))) windows.set(u, (await ctx.scope.rulesOf(u))['orders.duplicateWindowDays']);
  const hints = await Promise.all(
    rows.map(async (o) => {
      const days = windows.get(o.unit_id) as number;
      const since = new Date(Date.parse(o.created_at) - days * 86_400_000).toISOString();
      return [o.id, (await q.recentSameRequest(deps.db, o.item_id as string, o.requester_person_id, o.requester_phone, since, o.id))?.number ?? null] as const;
    }),
  );
  return new Map(hints);
}

/** Loads what the presenter needs for these orders, then presents them; `detail` adds the history and the duplicate hints. */
export async function orderViews(deps: Deps, ctx: Ctx, tree: UnitTree, rows: q.OrderRow[], detail: boolean): Promise<OrderView[]> {
  const { actor } = ctx;
  const ids = rows.map((r) => r.id);
  const events = detail ? await q.listEvents(deps.db, ids) : [];
  const me = await whoAmI(deps, ctx, ids);
  const names = await targetNames(deps, rows);
  const duplicates = detail
    ? await duplicateHints(
        deps,
        ctx,
        rows.filter((o) => o.item_id && rolesFor(actor, tree, o, me).staff),
      )
    : new Map<string, string | null>();
  const data = {
    actor,
    tree,
    me,
    names,
    events,
    duplicates,
    now: deps.clock.now().toISOString(),
    contact: (o: q.OrderRow) => openOrderContact(deps.config.keys, o),
  };
  return rows.map((o) => presentOrder(o, data));
}

export async function getOrder(deps: Deps, ctx: Ctx, id: string): Promise<OrderView> {
  const o = await q.getOrder(deps.db, id);
  if (!o) throw notFound();
  const tree = await ctx.scope.tree();
  const r = rolesFor(ctx.actor, tree, o, await whoAmI(deps, ctx, [o.id]));
  if (!canSee(r, ctx.actor, tree, o)) throw notFound();
  return (await orderViews(deps, ctx, tree, [o], true))[0];
}

/**
 * A just-placed order as its placer sees it, from the rows the write has in hand: nobody has declined
 * or been sent it yet, so the caller's own volunteer record (from the session) is all `rolesFor` needs.
 */
export async function presentPlaced(deps: Deps, ctx: Ctx, tree: UnitTree, o: q.OrderRow, event: OrderEventsTable): Promise<OrderView> {
  const me = { volunteer: (await ctx.scope.me()).volunteer, declined: new Set<string>(), teams: new Set<string>() };
  const duplicates = o.item_id && rolesFor(ctx.actor, tree, o, me).staff ? await duplicateHints(deps, ctx, [o]) : new Map<string, string | null>();
  return presentOrder(o, {
    actor: ctx.actor,
    tree,
    me,
    names: new Map(),
    events: [event],
    duplicates,
    now: deps.clock.now().toISOString(),
    contact: (row) => openOrderContact(deps.config.keys, row),
  });
}

/** Staff work queues by state, with SLA timers. */
export async function listOrders(deps: Deps, ctx: Ctx, query: z.infer<typeof OrderListQuery>) {
  const tree = await ctx.scope.tree();
  const scope = await ctx.scope.units('orders.read');
  let units = [...scope];
  if (query.unitId) {
    if (!scope.has(query.unitId)) throw notFound();
    units = tree.subtree(query.unitId).filter((u) => scope.has(u));
  }
  const { rows, total } = await q.staffQueue(
    deps.db,
    {
      unitIds: units,
      statuses: query.status ? [query.status] : undefined,
      overdueAt: query.overdue === 'true' ? deps.clock.now().toISOString() : undefined,
      escalated: query.escalated === 'true' || undefined,
      q: query.q,
      from: query.from ? chinaDayStart(query.from) : undefined,
      to: query.to ? chinaDayEnd(query.to) : undefined,
    },
    query.pageSize,
    (query.page - 1) * query.pageSize,
  );
  return { items: await orderViews(deps, ctx, tree, rows, false), total, page: query.page, pageSize: query.pageSize };
}

/** The requester follows their orders on the phone, a page at a time, newest first. */
export async function myOrders(deps: Deps, ctx: Ctx, page: Page) {
  const { rows, total } = await q.listOrders(deps.db, { requesterPersonId: ctx.actor.personId }, page.pageSize, (page.page - 1) * page.pageSize);
  return { items: await orderViews(deps, ctx, await ctx.scope.tree(), rows, true), total, page: page.page, pageSize: page.pageSize };
}

/** How long a finished order stays at the top of its volunteer's task list. */
const RECENT_DAYS = 3;

/**
 * The service items this volunteer cannot take today — a skill the item needs is missing, or it asks
 * for insurance they do not hold — so the task list offers only what 接单 would accept.
 */
async function unqualifiedItems(deps: Deps, volunteerId: string, unitIds: string[]): Promise<string[]> {
  const v = await volunteerById(deps.db, volunteerId);
  if (!v) return [];
  const skills = new Set<string>(JSON.parse(v.skills));
  const today = chinaDay(deps.clock.now());
  const items = await q.itemsOfOpenOrders(deps.db, unitIds);
  return items
    .filter((i) => {
      const missing = (JSON.parse(i.required_skills) as string[]).some((s) => !skills.has(s));
      return missing || (i.insurance_required && (!v.insured_until || v.insured_until < today));
    })
    .map((i) => i.id);
}

/** A volunteer's task list: the orders they hold and the ones they may take (named, team, station, pool); see `listTasks` for the order. */
export async function myTasks(deps: Deps, ctx: Ctx, page: Page) {
  const v = (await ctx.scope.me()).volunteer;
  if (!v) throw new AppError('volunteer.not_found_self');
  const tree = await ctx.scope.tree();
  const inst = tree.instituteOf(v.stationId);
  const { teams } = await whoAmI(deps, ctx, []);
  const unitIds = inst ? tree.subtree(inst) : [v.stationId];
  const certified = v.status === 'certified';
  const { rows, total } = await q.listTasks(
    deps.db,
    {
      volunteerId: v.id,
      certified,
      stationId: v.stationId,
      unitIds,
      unqualifiedItemIds: certified ? await unqualifiedItems(deps, v.id, unitIds) : [],
      teamIds: [...teams],
      recentSince: new Date(deps.clock.now().getTime() - RECENT_DAYS * 86_400_000).toISOString(),
    },
    page.pageSize,
    (page.page - 1) * page.pageSize,
  );
  return { items: await orderViews(deps, ctx, tree, rows, false), total, page: page.page, pageSize: page.pageSize };
}
