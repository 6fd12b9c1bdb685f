/**
 * The staff inbox's 待办: what waits for the caller in the units they may act in. Each line is a count
 * read through the owning feature's lookup, only for a role that can act on it (a read-only role —
 * the district viewer — has write actions filtered out in POLICY, so it gets no lines).
 */
import type { Action } from '../../platform/access';
import type { TodoItem, TodoList } from '../../../shared/notifications';
import type { Ctx, Deps } from '../../platform/deps';
import { awaitingDecision } from '../hours/hours.lookup';
import { awaitingCollection } from '../market/market.lookup';
import { awaitingDispatch } from '../orders/orders.lookup';
import { reviewingCount } from '../volunteers/volunteers.lookup';

async function unitsFor(ctx: Ctx, action: Action): Promise<string[]> {
  if (!ctx.scope.hasRole(action)) return [];
  return [...(await ctx.scope.units(action))];
}

export async function listMyTodo(deps: Deps, ctx: Ctx): Promise<TodoList> {
  const [hoursUnits, volunteerUnits, orderUnits, marketUnits] = await Promise.all([
    unitsFor(ctx, 'hours.approve'),
    unitsFor(ctx, 'volunteers.manage'),
    unitsFor(ctx, 'orders.manage'),
    unitsFor(ctx, 'market.manage'),
  ]);
  const [hours, reviewing, awaiting, collection] = await Promise.all([
    awaitingDecision(deps.db, hoursUnits),
    reviewingCount(deps.db, volunteerUnits),
    awaitingDispatch(deps.db, orderUnits),
    awaitingCollection(deps.db, marketUnits),
  ]);
  const lines: [TodoItem['key'], string, number, string, boolean][] = [
    ['hours.records', '待审核的服务记录', hours.records, '/admin/hours?tab=pending', hoursUnits.length > 0],
    ['hours.corrections', '待处理的时长更正申请', hours.corrections, '/admin/hours?tab=requests', hoursUnits.length > 0],
    ['volunteers.reviewing', '待审核的志愿者注册', reviewing, '/admin/volunteers?status=reviewing', volunteerUnits.length > 0],
    ['orders.awaiting', '待审核、待派发的点单', awaiting, '/admin/orders?tab=review', orderUnits.length > 0],
    ['market.awaiting', '待领取的爱心超市兑换', collection, '/admin/market', marketUnits.length > 0],
  ];
  const items = lines.filter(([, , , , shown]) => shown).map(([key, label, count, link]) => ({ key, label, count, link }));
  return { items, total: items.reduce((s, i) => s + i.count, 0) };
}
