/** 导出 Excel: the orders list with its filters, every order in scope; audited. */
import type { z } from 'zod';
import { chinaDay } from '../../../shared/china-time';
import { ORDER_CHANNELS, type OrderExportQuery } from '../../../shared/orders';
import { ORDER_STATUSES } from '../../../shared/rules/order-flow';
import { appendAudit } from '../../platform/audit';
import type { Ctx, Deps } from '../../platform/deps';
import { whoOf } from '../../platform/session';
import { chinaMinute, EXPORT_MAX_ROWS, writeSimpleSheet } from '../../platform/xlsx';
import { listOrders } from './orders.listing';

export async function exportOrders(deps: Deps, ctx: Ctx, query: z.infer<typeof OrderExportQuery>) {
  const { items } = await listOrders(deps, ctx, { ...query, page: 1, pageSize: EXPORT_MAX_ROWS });
  const now = deps.clock.now();
  const body = await writeSimpleSheet({
    sheetName: '需求单',
    title: `需求单（导出于 ${chinaMinute(now.toISOString())}，共 ${items.length} 张）`,
    columns: [
      { header: '单号', width: 18 },
      { header: '点单时间', width: 18 },
      { header: '受理单位', width: 28 },
      { header: '服务项目', width: 16 },
      { header: '标题', width: 16 },
      { header: '需求描述', width: 36 },
      { header: '点单人', width: 10 },
      { header: '渠道', width: 10 },
      { header: '状态', width: 10 },
      { header: '派给', width: 20 },
      { header: '接单志愿者', width: 12 },
      { header: '办理时限', width: 18 },
      { header: '超时', width: 8 },
      { header: '完成时间', width: 18 },
      { header: '评分', width: 8 },
    ],
    rows: items.map((o) => [
      o.number,
      chinaMinute(o.createdAt),
      o.unitName,
      o.itemName ?? '',
      o.title,
      o.description,
      o.requesterName,
      ORDER_CHANNELS[o.channel],
      ORDER_STATUSES[o.status],
      o.target?.name ?? '',
      o.volunteer?.name ?? '',
      chinaMinute(o.slaDueAt),
      o.overdue ? '是' : '',
      chinaMinute(o.completedAt),
      o.rating,
    ]),
  });
  await deps.db.transaction().execute((trx) =>
    appendAudit(trx, deps.config.keys.audit, now, whoOf(ctx), {
      action: 'orders.exported',
      objectType: 'orders_list',
      changes: { filters: { before: null, after: query }, rows: { before: null, after: items.length } },
    }),
  );
  return { body, fileName: `需求单-${chinaDay(now)}.xlsx` };
}
